import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { blackouts, venues } from "../../db/schema/venues";
import { makeTestApp } from "../helpers/test-app";

const form = (headers: Record<string, string>, fields: Record<string, string | string[]>): RequestInit => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  };
};

const venueFields = {
  name: "MPP Uji",
  address: "Jl. Uji",
  capacity: "60",
  concurrentGroups: "2",
  bufferMinutes: "15",
  timeZone: "Asia/Jakarta",
  active: "on",
  hours1: "08:00-12:00, 13:00-15:00",
  hours5: "08.00–11.00, 13.00–15.00",
  hours6: "08:00-12:00",
};

describe("venue pages", () => {
  it("creates a venue from one text field per weekday, and shows errors beside the field", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const bad = await t.app.request(
      "/venues",
      form(headers, { ...venueFields, hours2: "08:00-12:00, 11:00-14:00" }),
    );
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('id="f-hours2-error"');
    expect(html).toContain("tumpang tindih");
    const ok = await t.app.request("/venues", form(headers, venueFields));
    expect(ok.status).toBe(303);
    const row = await t.db.orm.select().from(venues).where(eq(venues.name, "MPP Uji")).get();
    expect(row?.weeklyHours).toEqual({
      "1": [
        { from: "08:00", to: "12:00" },
        { from: "13:00", to: "15:00" },
      ],
      "5": [
        { from: "08:00", to: "11:00" },
        { from: "13:00", to: "15:00" },
      ],
      "6": [{ from: "08:00", to: "12:00" }],
    });
    const edit = await t.app.request(ok.headers.get("Location")!, { headers });
    expect(await edit.text()).toContain('value="08:00-12:00, 13:00-15:00"');
    // A stale edit (version 1 after someone saved version 2) is refused.
    const save = await t.app.request(
      `/venues/${row!.id}`,
      form(headers, { ...venueFields, capacity: "70", version: "1" }),
    );
    expect(save.status).toBe(303);
    const stale = await t.app.request(
      `/venues/${row!.id}`,
      form(headers, { ...venueFields, capacity: "80", version: "1" }),
    );
    expect(stale.status).toBe(409);
    expect((await t.db.orm.select().from(venues).where(eq(venues.id, row!.id)).get())?.capacity).toBe(70);
    // A weekly break for this venue.
    const br = await t.app.request(
      `/venues/${row!.id}/blackouts`,
      form(headers, {
        reason: "Istirahat",
        kind: "weekly",
        weekdays: ["1", "2"],
        fromTime: "12:00",
        toTime: "13:00",
      }),
    );
    expect(br.status).toBe(303);
    expect(await t.db.orm.select().from(blackouts).all()).toMatchObject([
      { weekdays: [1, 2], venueId: row!.id },
    ]);
  });

  it("is for protocol staff only", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("humas");
    expect((await t.app.request("/venues", { headers })).status).toBe(403);
    expect((await t.app.request("/hosts", { headers })).status).toBe(403);
  });
});
