import { describe, expect, it } from "vitest";
import { parseDayText, weeklyHoursFromForm } from "../../src/venues/weekly-hours";
import { json, makeTestApp } from "../helpers/test-app";

const venueBody = {
  name: "Balai Kota Uji",
  address: "Jl. Uji 1",
  capacity: 80,
  weeklyHours: {
    "1": [
      { from: "13:00", to: "16:00" },
      { from: "08:00", to: "12:00" },
    ],
  },
};

describe("venue, host and blackout API", () => {
  it("creates a venue with defaults and sorted ranges; a stale edit gets 409 stale", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const res = await t.app.request("/api/v1/venues", json(headers, venueBody));
    expect(res.status).toBe(201);
    const { venue } = await res.json();
    expect(venue).toMatchObject({
      timeZone: "Asia/Jakarta",
      concurrentGroups: 1,
      bufferMinutes: 0,
      opensOnHolidays: false,
      active: true,
      version: 1,
      weeklyHours: {
        "1": [
          { from: "08:00", to: "12:00" },
          { from: "13:00", to: "16:00" },
        ],
      },
    });
    const ok = await t.app.request(
      `/api/v1/venues/${venue.id}`,
      json(headers, { version: 1, timeZone: "Asia/Makassar", bufferMinutes: 15 }, "PATCH"),
    );
    expect((await ok.json()).venue).toMatchObject({
      version: 2,
      timeZone: "Asia/Makassar",
      name: "Balai Kota Uji",
    });
    const stale = await t.app.request(
      `/api/v1/venues/${venue.id}`,
      json(headers, { version: 1, capacity: 5 }, "PATCH"),
    );
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({ code: "stale", details: { currentVersion: 2 } });
  });

  it("refuses overlapping ranges, an unknown zone and writes by viewers", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("admin");
    const overlap = await t.app.request(
      "/api/v1/venues",
      json(headers, {
        ...venueBody,
        weeklyHours: {
          "1": [
            { from: "08:00", to: "12:00" },
            { from: "11:00", to: "13:00" },
          ],
        },
      }),
    );
    expect(overlap.status).toBe(400);
    expect(Object.keys((await overlap.json()).error.details.fields)).toEqual(["weeklyHours.1"]);
    const zone = await t.app.request(
      "/api/v1/venues",
      json(headers, { ...venueBody, timeZone: "Asia/Bandung" }),
    );
    expect(zone.status).toBe(400);
    const { headers: viewer } = await t.as("viewer");
    expect((await t.app.request("/api/v1/venues", json(viewer, venueBody))).status).toBe(403);
    expect((await t.app.request("/api/v1/venues", { headers: viewer })).status).toBe(200);
  });

  it("hosts and blackouts CRUD", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const host = await t.app.request(
      "/api/v1/hosts",
      json(headers, {
        name: "Sekda",
        title: "Sekretaris Daerah",
        weeklyAvailability: { "1": [{ from: "09:00", to: "12:00" }] },
      }),
    );
    expect(host.status).toBe(201);
    const hostId = (await host.json()).host.id;
    const patched = await t.app.request(
      `/api/v1/hosts/${hostId}`,
      json(headers, { version: 1, weeklyAvailability: null }, "PATCH"),
    );
    expect((await patched.json()).host).toMatchObject({ weeklyAvailability: null, version: 2 });
    const once = await t.app.request(
      "/api/v1/blackouts",
      json(headers, {
        kind: "once",
        startsAt: "2026-03-10T08:00:00+07:00",
        endsAt: "2026-03-10T07:00:00+07:00",
        reason: "x",
      }),
    );
    expect(once.status).toBe(400);
    const created = await t.app.request(
      "/api/v1/blackouts",
      json(headers, {
        kind: "once",
        startsAt: "2026-03-10T08:00:00+07:00",
        endsAt: "2026-03-10T17:00:00+07:00",
        reason: "Renovasi",
      }),
    );
    expect(created.status).toBe(201);
    const { blackout } = await created.json();
    expect(blackout).toMatchObject({ venueId: null, startsAt: "2026-03-10T01:00:00.000Z" });
    const list = await (await t.app.request("/api/v1/blackouts", { headers })).json();
    expect(list.blackouts).toHaveLength(1);
    expect(
      (await t.app.request(`/api/v1/blackouts/${blackout.id}`, json(headers, undefined, "DELETE"))).status,
    ).toBe(204);
  });
});

describe("weekly hours text", () => {
  it("parses several ranges a day, en dashes and dots, and names problems", () => {
    expect(parseDayText("08.00–12.00, 13:00 - 16:00")).toEqual({
      ok: true,
      ranges: [
        { from: "08:00", to: "12:00" },
        { from: "13:00", to: "16:00" },
      ],
    });
    expect(parseDayText("")).toEqual({ ok: true, ranges: [] });
    expect(parseDayText("08:00-12:00, 11:00-13:00")).toEqual({ ok: false, problem: "overlap" });
    expect(parseDayText("12:00-08:00")).toEqual({ ok: false, problem: "order" });
    expect(parseDayText("pagi")).toEqual({ ok: false, problem: "bad" });
    expect(parseDayText("20:00-24:00")).toEqual({ ok: true, ranges: [{ from: "20:00", to: "24:00" }] });
  });

  it("reads seven form fields", () => {
    const { hours, errors } = weeklyHoursFromForm(
      { h1: "08:00-12:00", h5: "08:00-11:00,13:00-15:00", h6: "x" },
      "h",
    );
    expect(hours).toEqual({
      "1": [{ from: "08:00", to: "12:00" }],
      "5": [
        { from: "08:00", to: "11:00" },
        { from: "13:00", to: "15:00" },
      ],
    });
    expect(errors).toEqual({ h6: "bad" });
  });
});
