/**
 * @module (e) "Send invitations" for a visit of 6 agenda items and 12 recipients (the contact and 11
 * participants): how long the send holds the process-wide writer lock, i.e. how long every other write of
 * the process (bookings, sign-ins, session refreshes) waits behind it. The contact gets the itinerary mail
 * (PDF, calendar file), the participants one calendar invitation per session (66 mails): every kind of
 * composition, and the most rows to enqueue. Each run sends for a fresh visit on its own venue and day,
 * through the service the route calls; every write transaction of the send is timed.
 */
import type { Db } from "../../../db/client";
import { delegations, participants } from "../../../db/schema/delegations";
import { newId } from "../../auth/encoding";
import { bookItem } from "../../bookings/service";
import { auditedTransaction } from "../../http/service-context";
import type { RecipientChoice } from "../../mail/invitation-recipients";
import { sendInvitations } from "../../mail/invitations";
import { localToInstant } from "../../scheduling/index";
import { createVenue } from "../../venues/service";
import { summarise, timeMs } from "../stats";
import type { BenchSection } from "./types";

const RUNS = 5;
const ITEMS = 6;
const PARTICIPANTS = 11;
const ACTOR = { id: null, label: "bench" };
const NOW = new Date("2025-01-01T00:00:00Z");
const WEEKDAYS = { from: "08:00", to: "16:00" };

/** A Db whose write transactions report how long each held the lock (uncontended: wait is nil). */
function timedDb(db: Db, held: number[]): Db {
  return {
    ...db,
    writeTransaction: async (fn) => {
      const t0 = performance.now();
      try {
        return await db.writeTransaction(fn);
      } finally {
        held.push(performance.now() - t0);
      }
    },
  };
}

/** The bench's own link secret (its links are never opened). */
const BENCH_LINK_SECRET = "bench-link-secret-0123456789abcdef";

async function makeVisit(db: Db, run: number): Promise<{ id: string; choice: RecipientChoice[] }> {
  const venue = await createVenue(
    { now: NOW, config: { hostTimeZone: "Asia/Jakarta" }, transaction: auditedTransaction(db, ACTOR, NOW) },
    {
      name: `Bench invitations ${run}-${newId().slice(0, 4)}`,
      address: "Jl. Bench, Banyuwangi",
      capacity: 100,
      concurrentGroups: 1,
      bufferMinutes: 0,
      weeklyHours: Object.fromEntries(["1", "2", "3", "4", "5"].map((d) => [d, [WEEKDAYS]])),
      timeZone: "Asia/Jakarta",
      opensOnHolidays: false,
      active: true,
    },
  );
  // Tuesdays in 2028, past the generated three years: no holiday, no other booking at this venue.
  const date = new Date(Date.UTC(2028, 2, 7 + 7 * run)).toISOString().slice(0, 10);
  const id = newId();
  const participantIds = Array.from({ length: PARTICIPANTS }, () => newId());
  await db.writeTransaction(async (tx) => {
    await tx.insert(delegations).values({
      id,
      code: `SB-BENCH-INV${run}-${id.slice(0, 4)}`,
      status: "confirmed",
      institution: "Pemerintah Kabupaten Bench",
      leaderName: "Bench",
      leaderTitle: "Sekretaris Daerah",
      purpose: "bench",
      topics: ["mpp"],
      expectedSize: PARTICIPANTS,
      preferredDates: { start: date, end: date },
      alternativeDates: [],
      contactName: "Kontak Bench",
      contactEmail: `kontak${run}@example.go.id`,
      contactPhone: "+620000",
      source: "staff",
      createdAt: NOW,
      updatedAt: NOW,
    });
    await tx.insert(participants).values(
      participantIds.map((pid, i) => ({
        id: pid,
        delegationId: id,
        name: `Peserta ${i + 1}`,
        title: "Kepala Bidang",
        email: `peserta${i + 1}.${run}@example.go.id`,
        precedenceRank: 10 + i,
        createdAt: NOW,
        updatedAt: NOW,
      })),
    );
  });
  const start = localToInstant({ date, time: "08:00", timeZone: "Asia/Jakarta" });
  const booking = {
    actor: ACTOR,
    now: NOW,
    config: { hostTimeZone: "Asia/Jakarta" },
    transaction: auditedTransaction(db, ACTOR, NOW),
  };
  for (let k = 0; k < ITEMS; k++) {
    await bookItem(booking, id, {
      kind: "presentation",
      title: `Sesi ${k + 1}`,
      titleEn: `Session ${k + 1}`,
      startsAt: new Date(start + k * 45 * 60_000),
      endsAt: new Date(start + (k + 1) * 45 * 60_000),
      venueId: venue.id,
    });
  }
  const choice: RecipientChoice[] = [
    { key: "contact", form: "itinerary" },
    ...participantIds.map((pid) => ({ key: `participant:${pid}`, form: "sessions" as const })),
  ];
  return { id, choice };
}

export const invitationsSection: BenchSection = {
  id: "invitations",
  title: `(e) Send invitations, ${ITEMS} items × ${PARTICIPANTS + 1} recipients: writer-lock hold, ${RUNS} runs`,
  async run(ctx) {
    const longest: number[] = [];
    const total: number[] = [];
    const queued: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const visit = await makeVisit(ctx.data.db, run);
      const held: number[] = [];
      const db = timedDb(ctx.data.db, held);
      total.push(
        await timeMs(async () => {
          const result = await sendInvitations(
            {
              db,
              now: NOW,
              baseUrl: "http://127.0.0.1:8787",
              linkSecret: BENCH_LINK_SECRET,
              actor: ACTOR,
              organizer: { name: "Protokol Bench", email: "protokol@bench.local" },
              hostTimeZone: "Asia/Jakarta",
            },
            visit.id,
            visit.choice,
          );
          queued.push(result.queued);
        }),
      );
      longest.push(Math.max(...held));
      console.log(
        `  run ${run + 1}/${RUNS}: ${queued.at(-1)} messages, lock held ${longest.at(-1)?.toFixed(1)} ms (${held.length} write transactions), send ${total.at(-1)?.toFixed(0)} ms`,
      );
    }
    return [
      { label: "messages queued per send", value: summarise(queued).median, unit: "" },
      {
        label: "writer lock held, longest, median",
        value: summarise(longest).median,
        unit: "ms",
        target: 50,
      },
      { label: "whole send, median", value: summarise(total).median, unit: "ms" },
    ];
  },
};
