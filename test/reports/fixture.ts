/**
 * @module A fixture of known visits for the report tests, with every figure worked out by hand in
 * EXPECTED. Today is 2026-06-15 (WIB). Counted in 2026: A (January, walk-in), B (30 March – 1 April, no
 * roster), G (June, confirmed, no check-in yet). Not counted: C cancelled, D declined, E still to come,
 * F last year.
 */
import type { Db } from "../../db/client";
import { feedbackLinks, feedbackResponses } from "../../db/schema/feedback";
import { commitments } from "../../db/schema/outcomes";
import { newId } from "../../src/auth/encoding";
import { insertAgendaRow, makeDelegation, makeHost, makeParticipant, makeVenue } from "../helpers/factories";

export const TODAY_INSTANT = "2026-06-15T10:00:00+07:00";

const range = (start: string, end = start) => ({ start, end });
const created = (iso: string) => ({ createdAt: new Date(iso), updatedAt: new Date(iso) });

export async function seedReportFixture(db: Db) {
  const a = await makeDelegation(db, {
    status: "completed",
    provinceCode: "35",
    topics: ["mpp"],
    confirmedDates: range("2026-01-20", "2026-01-21"),
    ...created("2026-01-05T10:00:00+07:00"),
  });
  const b = await makeDelegation(db, {
    status: "completed",
    provinceCode: "51",
    topics: ["mpp", "pasar-pelayanan-publik"],
    expectedSize: 12,
    confirmedDates: range("2026-03-30", "2026-04-01"),
    ...created("2026-03-10T20:00:00+07:00"),
  });
  const c = await makeDelegation(db, {
    status: "cancelled",
    provinceCode: "35",
    confirmedDates: range("2026-03-05"),
    ...created("2026-02-01T10:00:00+07:00"),
  });
  await makeDelegation(db, { status: "declined", provinceCode: "35", confirmedDates: null });
  const e = await makeDelegation(db, {
    status: "confirmed",
    provinceCode: "35",
    confirmedDates: range("2026-07-10"),
  });
  await makeDelegation(db, { status: "completed", provinceCode: "35", confirmedDates: range("2025-12-28") });
  const g = await makeDelegation(db, {
    status: "confirmed",
    provinceCode: "35",
    topics: ["pasar-pelayanan-publik"],
    confirmedDates: range("2026-06-01"),
    ...created("2026-05-01T08:00:00+07:00"),
  });

  // A: two of three on the roster came, one did not, plus a walk-in: 3 visitors.
  await makeParticipant(db, a.id, { name: "Hadir 1", attended: true });
  await makeParticipant(db, a.id, { name: "Hadir 2", attended: true });
  await makeParticipant(db, a.id, { name: "Absen", attended: false });
  await makeParticipant(db, a.id, { name: "Datang langsung", attended: true, walkIn: true });
  // G: attendance not taken yet: the roster of 5 counts.
  for (let i = 0; i < 5; i++) await makeParticipant(db, g.id, { name: `Peserta G${i}` });
  // C (cancelled) has people who never count.
  for (let i = 0; i < 7; i++) await makeParticipant(db, c.id, { name: `Peserta C${i}`, attended: true });

  const v1 = await makeVenue(db, { name: "Mal Pelayanan Publik" });
  const v2 = await makeVenue(db, { name: "Pendopo Sabha Swagata" });
  const h1 = await makeHost(db, { name: "Budi Santoso" });
  const h2 = await makeHost(db, { name: "Sri Rahayu" });
  const at = (iso: string, hours: number) => ({
    startsAt: new Date(iso),
    endsAt: new Date(new Date(iso).getTime() + hours * 3_600_000),
  });
  await insertAgendaRow(db, {
    delegationId: a.id,
    venueId: v1.id,
    hostIds: [h1.id],
    ...at("2026-01-20T02:00:00Z", 1),
  });
  await insertAgendaRow(db, {
    delegationId: a.id,
    venueId: v2.id,
    status: "cancelled",
    ...at("2026-01-21T02:00:00Z", 2),
  });
  const shared = await insertAgendaRow(db, {
    delegationId: b.id,
    venueId: v1.id,
    hostIds: [h1.id],
    ...at("2026-03-30T02:00:00Z", 1.5),
  });
  await db.writeTransaction(async (tx) => {
    const { agendaItemDelegations } = await import("../../db/schema/agenda");
    await tx.insert(agendaItemDelegations).values({ itemId: shared.id, delegationId: g.id, groupSize: 5 });
  });
  await insertAgendaRow(db, {
    delegationId: g.id,
    venueId: v2.id,
    hostIds: [h2.id],
    ...at("2026-06-01T02:00:00Z", 1),
  });
  await insertAgendaRow(db, {
    delegationId: c.id,
    venueId: v2.id,
    hostIds: [h2.id],
    ...at("2026-03-05T02:00:00Z", 1),
  });

  const now = new Date("2026-06-01T00:00:00Z");
  const commitment = (delegationId: string, f: Partial<typeof commitments.$inferInsert>) => ({
    id: newId(),
    delegationId,
    party: "visitor" as const,
    ownerName: "Pemilik",
    ownerEmail: "pemilik@example.go.id",
    what: "Tindak lanjut",
    targetDate: "2026-03-01",
    status: "open" as const,
    createdAt: now,
    updatedAt: now,
    ...f,
  });
  await db.writeTransaction(async (tx) => {
    await tx
      .insert(commitments)
      .values([
        commitment(a.id, { status: "done", completedOn: "2026-02-20", evidenceUrl: "https://x.go.id/1" }),
        commitment(a.id, { status: "done", completedOn: "2026-03-10", evidenceUrl: "https://x.go.id/2" }),
        commitment(a.id, { status: "in_progress", targetDate: "2026-05-01" }),
        commitment(a.id, { status: "open", targetDate: "2026-12-01" }),
        commitment(a.id, { status: "dropped", dropReason: "Anggaran" }),
        commitment(c.id, { status: "open", targetDate: "2026-04-01" }),
      ]);
    const respond = async (delegationId: string, rating: number, email: string) => {
      const linkId = newId();
      await tx.insert(feedbackLinks).values({
        id: linkId,
        delegationId,
        tokenHash: newId(),
        recipientName: "Responden",
        recipientEmail: email,
        createdAt: now,
        expiresAt: new Date("2026-12-31T00:00:00Z"),
      });
      await tx.insert(feedbackResponses).values({
        linkId,
        delegationId,
        overallRating: rating,
        sessionRatings: {},
        createdAt: now,
        updatedAt: now,
      });
    };
    await respond(a.id, 5, "a1@example.go.id");
    await respond(a.id, 4, "a2@example.go.id");
    await respond(b.id, 3, "b1@example.go.id");
    await respond(c.id, 1, "c1@example.go.id");
  });
  return { a, b, c, e, g, v1, v2, h1, h2 };
}

/** 2026 targets the tests set. */
export const TARGETS_2026 = { visits: 120, visitors: 2400, commitmentsOnTimePct: 80, averageRating: 4.5 };
