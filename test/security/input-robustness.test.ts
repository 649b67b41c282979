/**
 * Hostile and malformed input is a 400 with the error shape, never a 500, and changes nothing:
 * prototype-named JSON keys, impossible or offset-less date-times, year 0, a non-numeric group size on the
 * availability form, broken multipart bodies, control characters in single-line fields, unknown fields on
 * a blackout edit, and JSON routes sent `text/plain`.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agendaItems } from "../../db/schema/agenda";
import { closures } from "../../db/schema/closures";
import { delegations } from "../../db/schema/delegations";
import { tourTemplates } from "../../db/schema/templates";
import { runSeeders } from "../../db/seed";
import { SEEDERS } from "../../src/features";
import { makeDelegation, makeVenue } from "../helpers/factories";
import { json, makeTestApp, ORIGIN } from "../helpers/test-app";

async function expectValidationError(res: Response) {
  const text = await res.text();
  expect(res.status, text).toBe(400);
  const body = JSON.parse(text);
  expect(body.error.code).toBe("validation_failed");
  expect(typeof body.error.message).toBe("string");
  expect(text).not.toMatch(/at \w+ \(/); // no stack trace
  return body;
}

describe("JSON keys named like Object.prototype members", () => {
  for (const key of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"]) {
    it(`"${key}" is a 400 on the unauthenticated sign-in and on a staff endpoint`, async () => {
      const t = await makeTestApp();
      const login = await t.app.request("/api/v1/auth/login", {
        method: "POST",
        headers: { "Content-Type": "application/json", ...ORIGIN },
        body: `{"email":"a@b.id","password":"x","${key}":{"x":1}}`,
      });
      const body = await expectValidationError(login);
      expect(Object.keys(body.error.details.fields)).toContain(key);
      const { headers } = await t.as("admin");
      const res = await t.app.request("/api/v1/closures", {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json" },
        body: `{"${key}":"x"}`,
      });
      await expectValidationError(res);
    });
  }
});

describe("malformed date-times", () => {
  const bad = ["2027-02-30T09:00:00+07:00", "2027-03-10T09:00:00", "", "0000-03-10T09:00:00+07:00", 42];

  it("booking create and edit answer 400 for each and book nothing", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const venue = await makeVenue(t.db);
    const d = await makeDelegation(t.db);
    for (const value of bad) {
      for (const field of ["startsAt", "endsAt"]) {
        const body = {
          title: "Paparan",
          kind: "presentation",
          venueId: venue.id,
          startsAt: "2026-03-10T09:00:00+07:00",
          endsAt: "2026-03-10T10:00:00+07:00",
          [field]: value,
        };
        await expectValidationError(
          await t.app.request(`/api/v1/delegations/${d.id}/agenda`, json(headers, body)),
        );
      }
    }
    expect(await t.db.orm.select().from(agendaItems).all()).toHaveLength(0);
    const created = await t.app.request(
      `/api/v1/delegations/${d.id}/agenda`,
      json(headers, {
        title: "Paparan",
        kind: "presentation",
        venueId: venue.id,
        startsAt: "2026-03-10T09:00:00+07:00",
        endsAt: "2026-03-10T10:00:00+07:00",
      }),
    );
    expect(created.status).toBe(201);
    const { item } = await created.json();
    for (const value of bad) {
      const res = await t.app.request(
        `/api/v1/agenda/${item.id}`,
        json(
          headers,
          { version: item.version, startsAt: value, endsAt: "2026-03-10T10:00:00+07:00" },
          "PATCH",
        ),
      );
      await expectValidationError(res);
    }
    const row = await t.db.orm.select().from(agendaItems).where(eq(agendaItems.id, item.id)).get();
    expect(row?.version).toBe(item.version);
  });

  it("blackout create answers 400 for each", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    for (const value of bad) {
      const res = await t.app.request(
        "/api/v1/blackouts",
        json(headers, {
          kind: "once",
          startsAt: value,
          endsAt: "2026-03-10T10:00:00+07:00",
          reason: "Rapat",
        }),
      );
      await expectValidationError(res);
    }
  });

  it("apply-template with year 0 (and an impossible date) answers 400 and books nothing", async () => {
    const t = await makeTestApp();
    await runSeeders(t.db, "starter", t.clock(), SEEDERS);
    const template = await t.db.orm.select().from(tourTemplates).get();
    const { headers } = await t.as("protocol");
    const d = await makeDelegation(t.db);
    for (const date of ["0000-03-10", "2027-02-30", "2027-13-01"]) {
      const res = await t.app.request(
        `/api/v1/delegations/${d.id}/agenda/apply-template`,
        json(headers, { templateId: template!.id, date }),
      );
      await expectValidationError(res);
    }
    expect(await t.db.orm.select().from(agendaItems).all()).toHaveLength(0);
  });

  it("dates in year 0000 are refused (closures)", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("admin");
    const res = await t.app.request(
      "/api/v1/closures",
      json(headers, { date: "0000-01-01", kind: "local_holiday", name: "Tahun nol" }),
    );
    await expectValidationError(res);
    expect(await t.db.orm.select().from(closures).all()).toHaveLength(0);
  });

  it("the availability page's booking form with groupSize=abc re-renders with 400, books nothing", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const venue = await makeVenue(t.db);
    const d = await makeDelegation(t.db);
    const form = new URLSearchParams({
      venueId: venue.id,
      from: "2026-03-10",
      to: "2026-03-10",
      durationMinutes: "60",
      groupSize: "abc",
      gridMinutes: "15",
      delegationId: d.id,
      title: "Kunjungan",
      kind: "tour",
      startsAt: "2026-03-10T09:00:00+07:00",
    });
    const res = await t.app.request("/availability/book", {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    });
    expect(res.status).toBe(400);
    expect(await t.db.orm.select().from(agendaItems).all()).toHaveLength(0);
  });
});

describe("malformed multipart bodies", () => {
  const broken = [
    {
      type: "multipart/form-data; boundary=XYZ",
      body: '--XYZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end',
    },
    { type: "multipart/form-data", body: "garbage" },
    { type: "multipart/form-data; boundary=", body: "--\r\n\r\n" },
  ];
  for (const path of ["/login", "/language", "/kunjungan/ajukan"]) {
    it(`${path} answers 400, not 500`, async () => {
      const t = await makeTestApp();
      for (const { type, body } of broken) {
        const res = await t.app.request(path, {
          method: "POST",
          headers: { "Content-Type": type, ...ORIGIN },
          body,
        });
        expect(res.status, `${type}: ${await res.clone().text()}`).toBe(400);
      }
      expect(await t.db.orm.select().from(delegations).all()).toHaveLength(0);
    });
  }
});

describe("input hygiene", () => {
  it("control characters and bidi overrides in single-line fields are refused", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("admin");
    for (const name of ["Libur\u0000daerah", "Libur \u202Eharirah", "Libur\u0007"]) {
      const res = await t.app.request(
        "/api/v1/closures",
        json(headers, { date: "2026-08-17", kind: "local_holiday", name }),
      );
      const body = await expectValidationError(res);
      expect(Object.keys(body.error.details.fields)).toContain("name");
    }
    expect(await t.db.orm.select().from(closures).all()).toHaveLength(0);
  });

  it("PATCH /api/v1/blackouts/{id} refuses unknown fields", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const created = await t.app.request(
      "/api/v1/blackouts",
      json(headers, {
        kind: "once",
        startsAt: "2026-03-10T09:00:00+07:00",
        endsAt: "2026-03-10T10:00:00+07:00",
        reason: "Rapat",
      }),
    );
    expect(created.status).toBe(201);
    const { blackout } = await created.json();
    const res = await t.app.request(
      `/api/v1/blackouts/${blackout.id}`,
      json(
        headers,
        {
          version: blackout.version,
          blackout: {
            kind: "once",
            startsAt: "2026-03-10T09:00:00+07:00",
            endsAt: "2026-03-10T11:00:00+07:00",
            reason: "Rapat",
          },
          sneaky: true,
        },
        "PATCH",
      ),
    );
    const body = await expectValidationError(res);
    expect(Object.keys(body.error.details.fields)).toContain("sneaky");
  });

  it("JSON routes under /api/v1 refuse a text/plain body", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("viewer");
    const res = await t.app.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "Content-Type": "text/plain", ...ORIGIN },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    await expectValidationError(res);
    expect(res.headers.getSetCookie().some((c) => /session=[^;]+/.test(c))).toBe(false);
  });

  it("the Origin check compares the scheme too", async () => {
    const t = await makeTestApp();
    const { cookie } = await t.as("admin");
    const res = await t.app.request("/api/v1/closures", {
      method: "POST",
      headers: { Cookie: cookie, Origin: "https://localhost:8787", "Content-Type": "application/json" },
      body: JSON.stringify({ date: "2026-08-18", kind: "local_holiday", name: "Libur" }),
    });
    expect(res.status).toBe(403);
    expect(await t.db.orm.select().from(closures).all()).toHaveLength(0);
  });
});
