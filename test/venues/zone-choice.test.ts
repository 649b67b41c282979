import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { venues } from "../../db/schema/venues";
import { observesDaylightSaving } from "../../src/scheduling/index";
import { json, makeTestApp } from "../helpers/test-app";

const venueBody = {
  name: "Balai Kota Uji",
  address: "Jl. Uji 1",
  capacity: 80,
  weeklyHours: { "1": [{ from: "08:00", to: "12:00" }] },
};

describe("zone as a WIB / WITA / WIT choice", () => {
  it("tells zones with daylight saving from Indonesia's", () => {
    for (const z of ["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura", "Asia/Singapore"])
      expect(observesDaylightSaving(z), z).toBe(false);
    for (const z of ["Europe/Berlin", "America/New_York", "Australia/Sydney"])
      expect(observesDaylightSaving(z), z).toBe(true);
  });

  it("refuses a DST zone through the API and the form, with the error beside the choice and the input kept", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("admin");
    const api = await t.app.request(
      "/api/v1/venues",
      json(headers, { ...venueBody, timeZone: "Europe/Berlin" }),
    );
    expect(api.status).toBe(400);
    expect(JSON.stringify((await api.json()).error.details.fields.timeZone)).toContain("musim panas");

    const body = new URLSearchParams({
      name: "Balai Uji Eropa",
      address: "Jl. Uji",
      capacity: "60",
      concurrentGroups: "1",
      bufferMinutes: "0",
      timeZone: "Europe/Berlin",
      hours1: "08:00-12:00",
    });
    const page = await t.app.request("/venues", {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
      body,
    });
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain('id="f-timeZone-error"');
    expect(html).toContain("waktu musim panas");
    expect(html).toContain('value="Balai Uji Eropa"');
    expect(
      await t.db.orm.select().from(venues).where(eq(venues.name, "Balai Uji Eropa")).get(),
    ).toBeUndefined();

    const wita = await t.app.request(
      "/api/v1/venues",
      json(headers, { ...venueBody, timeZone: "Asia/Makassar" }),
    );
    expect(wita.status).toBe(201);
  });

  it("offers WIB, WITA and WIT by name on the venue form, the IANA name underneath", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const html = await (await t.app.request("/venues", { headers })).text();
    expect(html).toMatch(/<select id="f-timeZone" name="timeZone"/);
    expect(html).toContain('<option value="Asia/Makassar">WITA — Waktu Indonesia Tengah</option>');
    expect(html).toMatch(/<option value="Asia\/Jakarta" selected="">WIB — Waktu Indonesia Barat<\/option>/);
  });
});
