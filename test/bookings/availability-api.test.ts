import { describe, expect, it } from "vitest";
import { makeClosure, makeDelegation, makeHost, makeVenue } from "../helpers/factories";
import { json, makeTestApp } from "../helpers/test-app";

type SlotOut = { startsAt: string; local: { date: string; start: string; end: string }; zone: string };

async function setup() {
  const t = await makeTestApp();
  const { headers } = await t.as("protocol");
  const venue = await makeVenue(t.db, {
    capacity: 60,
    concurrentGroups: 2,
    weeklyHours: { "2": [{ from: "08:00", to: "12:00" }], "3": [{ from: "08:00", to: "12:00" }] },
  });
  const search = async (params: Record<string, string | number>) => {
    const qs = new URLSearchParams(
      Object.entries({ venueId: venue.id, durationMinutes: 60, gridMinutes: 60, ...params }).map(([k, v]) => [
        k,
        String(v),
      ]),
    );
    const res = await t.app.request(`/api/v1/availability?${qs}`, { headers });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { slots: SlotOut[] };
    return body.slots.map((s) => `${s.local.date} ${s.local.start}`);
  };
  const book = async (delegationId: string, start: string, end: string, extra: object = {}) => {
    const res = await t.app.request(
      `/api/v1/delegations/${delegationId}/agenda`,
      json(headers, {
        title: "Tur",
        kind: "tour",
        venueId: venue.id,
        startsAt: start,
        endsAt: end,
        ...extra,
      }),
    );
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()).item as { id: string };
  };
  return { ...t, headers, venue, search, book };
}

const TUE = { from: "2026-03-10", to: "2026-03-10" };

describe("availability API", () => {
  it("gives UTC plus local wall time and zone label, on the venue's hours", async () => {
    const t = await setup();
    const res = await t.app.request(
      `/api/v1/availability?venueId=${t.venue.id}&from=2026-03-10&to=2026-03-10&durationMinutes=90&groupSize=40`,
      { headers: t.headers },
    );
    const body = await res.json();
    expect(body.timeZone).toBe("Asia/Jakarta");
    expect(body.slots[0]).toEqual({
      startsAt: "2026-03-10T01:00:00.000Z",
      endsAt: "2026-03-10T02:30:00.000Z",
      local: { date: "2026-03-10", start: "08:00", end: "09:30" },
      zone: "WIB",
    });
    expect(body.slots.at(-1).local.start).toBe("10:30");
  });

  it("honours a booking's capacity and a merged session's combined size", async () => {
    const t = await setup();
    expect(await t.search({ ...TUE, groupSize: 40 })).toEqual([
      "2026-03-10 08:00",
      "2026-03-10 09:00",
      "2026-03-10 10:00",
      "2026-03-10 11:00",
    ]);
    const a = await makeDelegation(t.db, { expectedSize: 20 });
    const item = await t.book(a.id, "2026-03-10T09:00:00+07:00", "2026-03-10T10:00:00+07:00");
    // 20 + 40 = 60 fits beside it (two groups at once); 41 does not.
    expect(await t.search({ ...TUE, groupSize: 40 })).toContain("2026-03-10 09:00");
    expect(await t.search({ ...TUE, groupSize: 41 })).not.toContain("2026-03-10 09:00");
    // A second delegation joins the session: 35 people now, so 40 more no longer fit.
    const b = await makeDelegation(t.db, { expectedSize: 15 });
    const joined = await t.app.request(
      `/api/v1/agenda/${item.id}/join`,
      json(t.headers, { delegationId: b.id }),
    );
    expect(joined.status).toBe(200);
    expect(await t.search({ ...TUE, groupSize: 40 })).not.toContain("2026-03-10 09:00");
    expect(await t.search({ ...TUE, groupSize: 25 })).toContain("2026-03-10 09:00");
  });

  it("honours concurrent groups: two sessions at once fill a two-group venue", async () => {
    const t = await setup();
    for (let i = 0; i < 2; i++) {
      const d = await makeDelegation(t.db, { expectedSize: 5 });
      await t.book(d.id, "2026-03-10T10:00:00+07:00", "2026-03-10T11:00:00+07:00");
    }
    expect(await t.search({ ...TUE, groupSize: 5 })).toEqual([
      "2026-03-10 08:00",
      "2026-03-10 09:00",
      "2026-03-10 11:00",
    ]);
  });

  it("honours a holiday and a blackout, and a host's other bookings", async () => {
    const t = await setup();
    await makeClosure(t.db, "2026-03-11", "Libur uji");
    const blackout = await t.app.request(
      "/api/v1/blackouts",
      json(t.headers, {
        kind: "weekly",
        venueId: t.venue.id,
        weekdays: [2],
        fromTime: "08:00",
        toTime: "09:00",
        reason: "Apel pagi",
      }),
    );
    expect(blackout.status).toBe(201);
    expect(await t.search({ from: "2026-03-10", to: "2026-03-11" })).toEqual([
      "2026-03-10 09:00",
      "2026-03-10 10:00",
      "2026-03-10 11:00",
    ]);
    const host = await makeHost(t.db);
    const other = await makeVenue(t.db);
    const d = await makeDelegation(t.db);
    const res = await t.app.request(
      `/api/v1/delegations/${d.id}/agenda`,
      json(t.headers, {
        title: "Paparan",
        kind: "presentation",
        venueId: other.id,
        hostIds: [host.id],
        startsAt: "2026-03-10T10:30:00+07:00",
        endsAt: "2026-03-10T11:00:00+07:00",
      }),
    );
    expect(res.status).toBe(201);
    expect(await t.search({ ...TUE, hostIds: host.id })).toEqual(["2026-03-10 09:00", "2026-03-10 11:00"]);
  });

  it("with a delegation, keeps its other items free", async () => {
    const t = await setup();
    const d = await makeDelegation(t.db);
    const elsewhere = await makeVenue(t.db);
    const res = await t.app.request(
      `/api/v1/delegations/${d.id}/agenda`,
      json(t.headers, {
        title: "Jamuan",
        kind: "meal",
        venueId: elsewhere.id,
        startsAt: "2026-03-10T11:00:00+07:00",
        endsAt: "2026-03-10T12:00:00+07:00",
      }),
    );
    expect(res.status).toBe(201);
    expect(await t.search({ ...TUE, delegationId: d.id })).toEqual([
      "2026-03-10 08:00",
      "2026-03-10 09:00",
      "2026-03-10 10:00",
    ]);
  });

  it("refuses a range over 180 days and a search with neither venue nor host", async () => {
    const t = await setup();
    const long = await t.app.request(
      `/api/v1/availability?venueId=${t.venue.id}&from=2026-01-01&to=2026-08-01&durationMinutes=60`,
      { headers: t.headers },
    );
    expect(long.status).toBe(400);
    const none = await t.app.request(
      "/api/v1/availability?from=2026-03-10&to=2026-03-10&durationMinutes=60",
      {
        headers: t.headers,
      },
    );
    expect(none.status).toBe(400);
  });
});
