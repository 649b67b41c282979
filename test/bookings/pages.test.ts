import { describe, expect, it } from "vitest";
import { makeClosure, makeDelegation, makeHost, makeVenue } from "../helpers/factories";
import { json, makeTestApp } from "../helpers/test-app";

const form = (headers: Record<string, string>, fields: Record<string, string | string[]>): RequestInit => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  };
};

describe("availability page and staff calendar", () => {
  it("searches, books a slot for a delegation, shows conflicts inline, and the week view shows the booking", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const venue = await makeVenue(t.db, { name: "MPP Banyuwangi", capacity: 60 });
    const d = await makeDelegation(t.db, { expectedSize: 40, institution: "Pemkab Sleman" });
    const other = await makeDelegation(t.db, { institution: "Pemkot Malang" });
    const search = {
      venueId: venue.id,
      from: "2026-03-10",
      to: "2026-03-10",
      durationMinutes: "60",
      groupSize: "40",
      gridMinutes: "60",
    };
    const page = await t.app.request(`/availability?${new URLSearchParams(search)}`, { headers });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('value="2026-03-10T02:00:00.000Z"');
    expect(html).toContain("09.00–10.00 WIB");
    const booked = await t.app.request(
      "/availability/book",
      form(headers, {
        ...search,
        delegationId: d.id,
        title: "Tur MPP",
        kind: "tour",
        startsAt: "2026-03-10T02:00:00.000Z",
      }),
    );
    expect(booked.status).toBe(303);
    const after = await (await t.app.request(booked.headers.get("Location")!, { headers })).text();
    expect(after).toContain('data-testid="booked"');
    expect(after).not.toContain('value="2026-03-10T02:00:00.000Z"');
    // Booking the same slot again for another delegation (a stale page): conflict shown inline, 409.
    const again = await t.app.request(
      "/availability/book",
      form(headers, {
        ...search,
        delegationId: other.id,
        title: "Tur",
        kind: "tour",
        startsAt: "2026-03-10T02:00:00.000Z",
      }),
    );
    expect(again.status).toBe(409);
    const againHtml = await again.text();
    expect(againHtml).toContain('data-testid="conflicts"');
    expect(againHtml).toContain("Tur MPP");
    // Week view of the venue: the booking, linked to the delegation.
    const week = await t.app.request(`/calendar/venues/${venue.id}?week=2026-03-11`, { headers });
    const weekHtml = await week.text();
    expect(weekHtml).toContain('data-date="2026-03-09"');
    expect(weekHtml).toContain("09.00–10.00");
    expect(weekHtml).toContain(`href="/delegations/${d.id}"`);
    expect(weekHtml).toContain("Pemkab Sleman");
  });

  it("the calendar shows merged sessions and closures; hosts have a calendar too; viewers may read it", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const venue = await makeVenue(t.db, { capacity: 80 });
    const host = await makeHost(t.db, { name: "Pemandu MPP" });
    const [a, b] = [await makeDelegation(t.db), await makeDelegation(t.db)];
    await makeClosure(t.db, "2026-03-19", "Hari Suci Nyepi");
    const res = await t.app.request(
      `/api/v1/delegations/${a.id}/agenda`,
      json(headers, {
        title: "Tur gabungan",
        kind: "tour",
        venueId: venue.id,
        hostIds: [host.id],
        startsAt: "2026-03-17T09:00:00+07:00",
        endsAt: "2026-03-17T10:00:00+07:00",
      }),
    );
    const { item } = await res.json();
    await t.app.request(`/api/v1/agenda/${item.id}/join`, json(headers, { delegationId: b.id }));
    const { headers: viewer } = await t.as("viewer");
    const html = await (
      await t.app.request(`/calendar/venues/${venue.id}?week=2026-03-16`, { headers: viewer })
    ).text();
    expect(html).toContain("cal-item merged");
    expect(html).toContain(`href="/delegations/${b.id}"`);
    expect(html).toContain("Hari Suci Nyepi");
    expect(html).toContain("Pemandu MPP");
    const day = await (
      await t.app.request(`/calendar/hosts/${host.id}?day=2026-03-17`, { headers: viewer })
    ).text();
    expect(day).toContain("Tur gabungan");
    expect(day).not.toContain('data-date="2026-03-18"');
  });
});
