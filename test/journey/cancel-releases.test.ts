/**
 * Cancelling or declining a visit releases what it held, in the same transaction as the status change:
 * its sessions are cancelled (the venue and hosts are free, availability lists the slot again), a merged
 * session goes on for the other delegation, and the agenda is read-only afterwards.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agendaItemDelegations, agendaItems } from "../../db/schema/agenda";
import { makeDelegation, makeHost, makeVenue } from "../helpers/factories";
import { json, makeTestApp, type TestApp } from "../helpers/test-app";

const SLOT = { startsAt: "2026-03-10T09:00:00+07:00", endsAt: "2026-03-10T10:00:00+07:00" };

async function setup() {
  const t = await makeTestApp();
  const staff = await t.as("protocol");
  const venue = await makeVenue(t.db, { name: "Pendopo Sabha Swagata", capacity: 80 });
  const host = await makeHost(t.db, { name: "Sekretaris Daerah" });
  return { t, headers: staff.headers, venue, host };
}

async function bookFor(t: TestApp, headers: Record<string, string>, delegationId: string, body: object) {
  return t.app.request(`/api/v1/delegations/${delegationId}/agenda`, json(headers, body));
}

async function slotsOf(t: TestApp, headers: Record<string, string>, venueId: string) {
  const res = await t.app.request(
    `/api/v1/availability?venueId=${venueId}&from=2026-03-10&to=2026-03-10&durationMinutes=60&groupSize=20`,
    { headers },
  );
  expect(res.status).toBe(200);
  return ((await res.json()).slots as { local: { start: string } }[]).map((s) => s.local.start);
}

describe("cancel and decline release everything", () => {
  it("after a cancel, the same venue and host book for another delegation (201) and availability lists the slot", async () => {
    const { t, headers, venue, host } = await setup();
    const a = await makeDelegation(t.db);
    const b = await makeDelegation(t.db);
    const booked = await bookFor(t, headers, a.id, {
      title: "Paparan Sekda",
      kind: "presentation",
      venueId: venue.id,
      hostIds: [host.id],
      ...SLOT,
    });
    expect(booked.status).toBe(201);
    const { item } = await booked.json();
    expect(await slotsOf(t, headers, venue.id)).not.toContain("09:00");
    const refused = await bookFor(t, headers, b.id, {
      title: "Tur",
      kind: "tour",
      venueId: venue.id,
      ...SLOT,
    });
    expect(refused.status).toBe(409);

    const cancelled = await t.app.request(
      `/api/v1/delegations/${a.id}/transition`,
      json(headers, { to: "cancelled", reason: "Anggaran perjalanan ditunda" }),
    );
    expect(cancelled.status).toBe(200);
    const row = await t.db.orm.query.agendaItems.findFirst({ where: eq(agendaItems.id, item.id) });
    expect(row).toMatchObject({ status: "cancelled", sequence: 1 });
    expect(await slotsOf(t, headers, venue.id)).toContain("09:00");

    const again = await bookFor(t, headers, b.id, {
      title: "Tur",
      kind: "tour",
      venueId: venue.id,
      hostIds: [host.id],
      ...SLOT,
    });
    expect(again.status).toBe(201);

    // The cancelled visit's agenda is read-only: no new items, no edits.
    const late = await bookFor(t, headers, a.id, { title: "Lagi", kind: "tour", venueId: venue.id, ...SLOT });
    expect(late.status).toBe(409);
    const page = await t.app.request(`/delegations/${a.id}/agenda`, { headers });
    const html = await page.text();
    expect(html).toContain("hanya dapat dibaca");
    expect(html).not.toContain(`action="/delegations/${a.id}/agenda/items"`);
  });

  it("declining a request releases its tentative bookings too", async () => {
    const { t, headers, venue } = await setup();
    const a = await makeDelegation(t.db, { status: "requested" });
    expect(
      (await bookFor(t, headers, a.id, { title: "Tur", kind: "tour", venueId: venue.id, ...SLOT })).status,
    ).toBe(201);
    const declined = await t.app.request(
      `/api/v1/delegations/${a.id}/transition`,
      json(headers, { to: "declined", reason: "Jadwal kepala daerah penuh" }),
    );
    expect(declined.status).toBe(200);
    expect(await slotsOf(t, headers, venue.id)).toContain("09:00");
  });

  it("a merged session survives one party's cancellation; a delegation can leave a merged session", async () => {
    const { t, headers, venue } = await setup();
    const a = await makeDelegation(t.db, { expectedSize: 30 });
    const b = await makeDelegation(t.db, { expectedSize: 25 });
    const c = await makeDelegation(t.db, { expectedSize: 10 });
    const { item } = await (
      await bookFor(t, headers, a.id, { title: "Tur MPP", kind: "tour", venueId: venue.id, ...SLOT })
    ).json();
    for (const d of [b, c]) {
      const joined = await t.app.request(
        `/api/v1/agenda/${item.id}/join`,
        json(headers, { delegationId: d.id }),
      );
      expect(joined.status).toBe(200);
    }
    const cancelled = await t.app.request(
      `/api/v1/delegations/${a.id}/transition`,
      json(headers, { to: "cancelled", reason: "Batal" }),
    );
    expect(cancelled.status).toBe(200);
    let row = await t.db.orm.query.agendaItems.findFirst({ where: eq(agendaItems.id, item.id) });
    expect(row).toMatchObject({ status: "scheduled", groupSize: 35, sequence: 0 });
    const parties = async () =>
      (
        await t.db.orm
          .select()
          .from(agendaItemDelegations)
          .where(eq(agendaItemDelegations.itemId, item.id))
          .all()
      ).map((p) => p.delegationId);
    expect((await parties()).sort()).toEqual([b.id, c.id].sort());

    const left = await t.app.request(
      `/api/v1/agenda/${item.id}/leave`,
      json(headers, { delegationId: c.id }),
    );
    expect(left.status).toBe(200);
    row = await t.db.orm.query.agendaItems.findFirst({ where: eq(agendaItems.id, item.id) });
    expect(row).toMatchObject({ status: "scheduled", groupSize: 25 });
    expect(await parties()).toEqual([b.id]);
    const list = await (await t.app.request(`/api/v1/delegations/${c.id}/agenda`, { headers })).json();
    expect(list.items).toEqual([]);

    // The last party cannot "leave": it cancels the item instead.
    const alone = await t.app.request(
      `/api/v1/agenda/${item.id}/leave`,
      json(headers, { delegationId: b.id }),
    );
    expect(alone.status).toBe(409);
    const missing = await t.app.request(
      `/api/v1/agenda/${item.id}/leave`,
      json(headers, { delegationId: "" }),
    );
    expect(missing.status).toBe(400);
  });
});
