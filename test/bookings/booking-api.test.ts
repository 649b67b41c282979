import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agendaItems } from "../../db/schema/agenda";
import { auditEvents } from "../../db/schema/audit";
import { makeClosure, makeDelegation, makeHost, makeVenue } from "../helpers/factories";
import { json, makeTestApp } from "../helpers/test-app";

const slot = { startsAt: "2026-03-10T09:00:00+07:00", endsAt: "2026-03-10T10:30:00+07:00" };

describe("booking API", () => {
  it("100 simultaneous requests for one venue slot: exactly one 201 and 99 × 409", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const venue = await makeVenue(t.db, { capacity: 1000 });
    const ds = await Promise.all(Array.from({ length: 100 }, () => makeDelegation(t.db)));
    const responses = await Promise.all(
      ds.map((d) =>
        t.app.request(
          `/api/v1/delegations/${d.id}/agenda`,
          json(headers, { title: "Kunjungan MPP", kind: "tour", venueId: venue.id, ...slot }),
        ),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    const loser = await responses.find((r) => r.status === 409)!.json();
    expect(loser.error.code).toBe("conflict");
    expect(loser.error.details[0]).toMatchObject({
      kind: "venue",
      hard: true,
      title: "Kunjungan MPP",
      startsAt: "2026-03-10T02:00:00.000Z",
      endsAt: "2026-03-10T03:30:00.000Z",
    });
    const rows = await t.db.orm.select().from(agendaItems).where(eq(agendaItems.venueId, venue.id)).all();
    expect(rows).toHaveLength(1);
  });

  it("books, lists in the delegation's agenda, and answers 409 naming host and delegation conflicts", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const venue = await makeVenue(t.db);
    const other = await makeVenue(t.db);
    const host = await makeHost(t.db, { name: "Kepala DPMPTSP" });
    const d = await makeDelegation(t.db, { expectedSize: 40 });
    const res = await t.app.request(
      `/api/v1/delegations/${d.id}/agenda`,
      json(headers, {
        title: "Paparan",
        kind: "presentation",
        venueId: venue.id,
        hostIds: [host.id],
        ...slot,
      }),
    );
    expect(res.status).toBe(201);
    const { item } = await res.json();
    expect(item).toMatchObject({
      groupSize: 40,
      hostIds: [host.id],
      sequence: 0,
      version: 1,
      local: { date: "2026-03-10", start: "09:00", end: "10:30", zone: "WIB" },
    });
    const list = await (await t.app.request(`/api/v1/delegations/${d.id}/agenda`, { headers })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([item.id]);

    // Same delegation, same host, another venue, overlapping: host + delegation conflicts, both hard.
    const clash = await t.app.request(
      `/api/v1/delegations/${d.id}/agenda`,
      json(headers, {
        title: "Diskusi",
        kind: "discussion",
        venueId: other.id,
        hostIds: [host.id],
        startsAt: "2026-03-10T10:00:00+07:00",
        endsAt: "2026-03-10T11:00:00+07:00",
      }),
    );
    expect(clash.status).toBe(409);
    const body = await clash.json();
    expect(body.error.details.map((c: { kind: string }) => c.kind).sort()).toEqual(["delegation", "host"]);
    expect(body.error.details.find((c: { kind: string }) => c.kind === "host")).toMatchObject({
      itemId: item.id,
      hostId: host.id,
      title: "Paparan",
    });
    // Touching intervals don't conflict.
    const touching = await t.app.request(
      `/api/v1/delegations/${d.id}/agenda`,
      json(headers, {
        title: "Diskusi",
        kind: "discussion",
        venueId: other.id,
        hostIds: [host.id],
        startsAt: "2026-03-10T10:30:00+07:00",
        endsAt: "2026-03-10T11:30:00+07:00",
      }),
    );
    expect(touching.status).toBe(201);
  });

  it("a closure is soft: 409 without force, booked with force + reason (stored and audited)", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const venue = await makeVenue(t.db);
    const d = await makeDelegation(t.db);
    const closureId = await makeClosure(t.db, "2026-03-19", "Hari Suci Nyepi");
    const nyepi = { startsAt: "2026-03-19T09:00:00+07:00", endsAt: "2026-03-19T10:00:00+07:00" };
    const base = { title: "Kunjungan", kind: "tour", venueId: venue.id, ...nyepi };
    const refused = await t.app.request(`/api/v1/delegations/${d.id}/agenda`, json(headers, base));
    expect(refused.status).toBe(409);
    const details = (await refused.json()).error.details;
    expect(details).toEqual([
      expect.objectContaining({ kind: "closed", hard: false, closureId, title: "Hari Suci Nyepi" }),
    ]);
    const noReason = await t.app.request(
      `/api/v1/delegations/${d.id}/agenda`,
      json(headers, { ...base, force: true }),
    );
    expect(noReason.status).toBe(400);
    const forced = await t.app.request(
      `/api/v1/delegations/${d.id}/agenda`,
      json(headers, { ...base, force: true, reason: "Bupati meminta kunjungan tetap berjalan" }),
    );
    expect(forced.status).toBe(201);
    const { item } = await forced.json();
    expect(item.overrideReason).toBe("Bupati meminta kunjungan tetap berjalan");
    const audit = await t.db.orm
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "agenda_item.override"))
      .all();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.entityId).toBe(item.id);
    expect(JSON.stringify(audit[0]?.after)).toContain(closureId);
  });

  it("force never overrides a hard conflict", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("admin");
    const venue = await makeVenue(t.db);
    const [a, b] = [await makeDelegation(t.db), await makeDelegation(t.db)];
    const body = { title: "Tur", kind: "tour", venueId: venue.id, ...slot, force: true, reason: "penting" };
    expect((await t.app.request(`/api/v1/delegations/${a.id}/agenda`, json(headers, body))).status).toBe(201);
    const res = await t.app.request(`/api/v1/delegations/${b.id}/agenda`, json(headers, body));
    expect(res.status).toBe(409);
    expect((await res.json()).error.details[0].kind).toBe("venue");
  });

  it("viewer and humas cannot book (403); signed out is 401", async () => {
    const t = await makeTestApp();
    const venue = await makeVenue(t.db);
    const d = await makeDelegation(t.db);
    const body = { title: "Tur", kind: "tour", venueId: venue.id, ...slot };
    for (const role of ["viewer", "humas"] as const) {
      const { headers } = await t.as(role);
      const res = await t.app.request(`/api/v1/delegations/${d.id}/agenda`, json(headers, body));
      expect(res.status).toBe(403);
    }
    const anon = await t.app.request(`/api/v1/delegations/${d.id}/agenda`, json({}, body));
    expect(anon.status).toBe(401);
    expect(await t.db.orm.select().from(agendaItems).all()).toHaveLength(0);
  });

  it("move re-checks ignoring itself, raises SEQUENCE; stale version → 409 stale; cancel keeps the row", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const venue = await makeVenue(t.db);
    const [a, b] = [await makeDelegation(t.db), await makeDelegation(t.db)];
    const first = await (
      await t.app.request(
        `/api/v1/delegations/${a.id}/agenda`,
        json(headers, { title: "Tur A", kind: "tour", venueId: venue.id, ...slot }),
      )
    ).json();
    const second = await (
      await t.app.request(
        `/api/v1/delegations/${b.id}/agenda`,
        json(headers, {
          title: "Tur B",
          kind: "tour",
          venueId: venue.id,
          startsAt: "2026-03-10T11:00:00+07:00",
          endsAt: "2026-03-10T12:00:00+07:00",
        }),
      )
    ).json();
    // Resize into itself: fine (it ignores itself).
    const resized = await t.app.request(
      `/api/v1/agenda/${first.item.id}`,
      json(headers, { version: 1, endsAt: "2026-03-10T11:00:00+07:00" }, "PATCH"),
    );
    expect(resized.status).toBe(200);
    const r = (await resized.json()).item;
    expect(r).toMatchObject({ version: 2, sequence: 1, endsAt: "2026-03-10T04:00:00.000Z" });
    // Move onto B: conflict naming B.
    const onto = await t.app.request(
      `/api/v1/agenda/${first.item.id}`,
      json(
        headers,
        { version: 2, startsAt: "2026-03-10T11:30:00+07:00", endsAt: "2026-03-10T12:30:00+07:00" },
        "PATCH",
      ),
    );
    expect(onto.status).toBe(409);
    expect((await onto.json()).error.details[0]).toMatchObject({ kind: "venue", itemId: second.item.id });
    // Stale version.
    const staleRes = await t.app.request(
      `/api/v1/agenda/${first.item.id}`,
      json(headers, { version: 1, notes: "x" }, "PATCH"),
    );
    expect(staleRes.status).toBe(409);
    expect((await staleRes.json()).error.code).toBe("stale");
    // A non-material edit keeps SEQUENCE.
    const noted = (
      await (
        await t.app.request(
          `/api/v1/agenda/${first.item.id}`,
          json(headers, { version: 2, notes: "Batik" }, "PATCH"),
        )
      ).json()
    ).item;
    expect(noted).toMatchObject({ version: 3, sequence: 1, notes: "Batik" });
    // Cancel: row kept, status cancelled, sequence raised, slot free again.
    const cancelled = await t.app.request(
      `/api/v1/agenda/${second.item.id}`,
      json(headers, undefined, "DELETE"),
    );
    expect(cancelled.status).toBe(200);
    expect((await cancelled.json()).item).toMatchObject({ status: "cancelled", sequence: 1, version: 2 });
    const moved = await t.app.request(
      `/api/v1/agenda/${first.item.id}`,
      json(
        headers,
        { version: 3, startsAt: "2026-03-10T11:30:00+07:00", endsAt: "2026-03-10T12:30:00+07:00" },
        "PATCH",
      ),
    );
    expect(moved.status).toBe(200);
    expect((await moved.json()).item.sequence).toBe(2);
  });

  it("merged session: a second delegation joins when capacity allows; both agendas show it", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const venue = await makeVenue(t.db, { capacity: 60 });
    const a = await makeDelegation(t.db, { expectedSize: 30 });
    const b = await makeDelegation(t.db, { expectedSize: 25 });
    const c = await makeDelegation(t.db, { expectedSize: 10 });
    const { item } = await (
      await t.app.request(
        `/api/v1/delegations/${a.id}/agenda`,
        json(headers, { title: "Tur MPP", kind: "tour", venueId: venue.id, ...slot }),
      )
    ).json();
    const joined = await t.app.request(
      `/api/v1/agenda/${item.id}/join`,
      json(headers, { delegationId: b.id }),
    );
    expect(joined.status).toBe(200);
    expect((await joined.json()).item).toMatchObject({ groupSize: 55, merged: true, sequence: 0 });
    for (const d of [a, b]) {
      const list = await (await t.app.request(`/api/v1/delegations/${d.id}/agenda`, { headers })).json();
      expect(list.items.map((i: { id: string }) => i.id)).toEqual([item.id]);
    }
    const full = await t.app.request(`/api/v1/agenda/${item.id}/join`, json(headers, { delegationId: c.id }));
    expect(full.status).toBe(409);
    expect((await full.json()).error.details[0]).toMatchObject({ kind: "capacity", hard: true });
  });

  it("a venue in WITA (Asia/Makassar): hours read in its own zone, local times labelled WITA", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const venue = await makeVenue(t.db, {
      timeZone: "Asia/Makassar",
      bufferMinutes: 15,
      weeklyHours: { "2": [{ from: "08:00", to: "12:00" }] },
    });
    const d = await makeDelegation(t.db);
    const book = (startsAt: string, endsAt: string) =>
      t.app.request(
        `/api/v1/delegations/${d.id}/agenda`,
        json(headers, { title: "Tur", kind: "tour", venueId: venue.id, startsAt, endsAt }),
      );
    // 08:00 WIB is 09:00 WITA: open, and the 15-minute buffer (08:45 WITA) is inside the hours.
    const ok = await book("2026-03-10T08:00:00+07:00", "2026-03-10T09:00:00+07:00");
    expect(ok.status).toBe(201);
    expect((await ok.json()).item.local).toEqual({
      date: "2026-03-10",
      start: "09:00",
      end: "10:00",
      timeZone: "Asia/Makassar",
      zone: "WITA",
    });
    // 08:00 WITA sharp: its buffer starts 07:45 WITA, before opening — a soft "closed" conflict.
    const early = await book("2026-03-10T08:00:00+08:00", "2026-03-10T08:30:00+08:00");
    expect(early.status).toBe(409);
    expect((await early.json()).error.details).toEqual([
      expect.objectContaining({
        kind: "closed",
        hard: false,
        startsAt: "2026-03-09T23:45:00.000Z",
        endsAt: "2026-03-10T00:00:00.000Z",
      }),
    ]);
  });
});
