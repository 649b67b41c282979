/**
 * Booking a host queues a briefing to that host, in the booking's transaction: once per newly booked host
 * (adding a second host later briefs only the new one), never for a host without an e-mail address.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outboxMessages } from "../../db/schema/outbox";
import { makeDelegation, makeHost, makeVenue } from "../helpers/factories";
import { json, makeTestApp } from "../helpers/test-app";

const slot = { startsAt: "2026-03-10T09:00:00+07:00", endsAt: "2026-03-10T10:30:00+07:00" };

describe("host briefing", () => {
  it("is queued for each newly booked host with an e-mail address, once", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const venue = await makeVenue(t.db);
    const kadis = await makeHost(t.db, { name: "Kepala DPMPTSP", email: "kadis@banyuwangikab.go.id" });
    const sekda = await makeHost(t.db, { name: "Sekretaris Daerah", email: "sekda@banyuwangikab.go.id" });
    const noMail = await makeHost(t.db, { name: "Pemandu MPP" });
    const d = await makeDelegation(t.db, { status: "confirmed" });
    const res = await t.app.request(
      `/api/v1/delegations/${d.id}/agenda`,
      json(headers, {
        title: "Paparan",
        kind: "presentation",
        venueId: venue.id,
        hostIds: [kadis.id, noMail.id],
        ...slot,
      }),
    );
    expect(res.status).toBe(201);
    const { item } = (await res.json()) as { item: { id: string; version: number } };
    const briefings = () =>
      t.db.orm
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.kind, "host_briefing"), eq(outboxMessages.itemId, item.id)))
        .all();
    expect((await briefings()).map((m) => m.toEmail)).toEqual(["kadis@banyuwangikab.go.id"]);

    const patch = await t.app.request(
      `/api/v1/agenda/${item.id}`,
      json(headers, { version: item.version, hostIds: [kadis.id, sekda.id, noMail.id] }, "PATCH"),
    );
    expect(patch.status).toBe(200);
    expect((await briefings()).map((m) => m.toEmail).sort()).toEqual([
      "kadis@banyuwangikab.go.id",
      "sekda@banyuwangikab.go.id",
    ]);
    const sekdaMail = (await briefings()).find((m) => m.toEmail === "sekda@banyuwangikab.go.id");
    expect(sekdaMail?.subject).toContain("Paparan");
    expect(sekdaMail?.icsMethod).toBe("REQUEST");
  });

  it("a refused booking queues no briefing", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const venue = await makeVenue(t.db);
    const kadis = await makeHost(t.db, { email: "kadis@banyuwangikab.go.id" });
    const [a, b] = [await makeDelegation(t.db), await makeDelegation(t.db)];
    const body = { title: "Paparan", kind: "presentation", venueId: venue.id, hostIds: [kadis.id], ...slot };
    expect((await t.app.request(`/api/v1/delegations/${a!.id}/agenda`, json(headers, body))).status).toBe(
      201,
    );
    expect((await t.app.request(`/api/v1/delegations/${b!.id}/agenda`, json(headers, body))).status).toBe(
      409,
    );
    const all = await t.db.orm
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.kind, "host_briefing"))
      .all();
    expect(all).toHaveLength(1);
  });
});
