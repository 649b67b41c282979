/**
 * @module (b) Booking create through the booking service: load the window, findConflicts, insert the item
 * with its links and audit event, all in one IMMEDIATE transaction. Each booking goes to a free slot found
 * beforehand (untimed) for a fresh delegation, so every timed call is a successful create.
 */
import { delegations } from "../../../db/schema/delegations";
import { newId } from "../../auth/encoding";
import { searchAvailability } from "../../bookings/availability";
import { bookItem } from "../../bookings/service";
import { AppError } from "../../http/errors";
import { auditedTransaction } from "../../http/service-context";
import { STARTER_TIME_ZONE } from "../../venues/seed";
import { summarise, timeMs } from "../stats";
import { randomWindow } from "./availability";
import type { BenchSection } from "./types";

export const bookingSection: BenchSection = {
  id: "booking",
  title: "(b) Booking create (service: check + insert in one write transaction)",
  async run(ctx) {
    const { data, args, rand } = ctx;
    const pick = <T>(l: readonly T[]) => l[Math.floor(rand() * l.length)] as T;
    const n = Math.max(50, Math.floor(args.iterations / 2));
    const now = new Date("2025-01-01T00:00:00Z");
    const ids = Array.from({ length: n }, () => newId());
    await data.db.writeTransaction(async (tx) => {
      await tx.insert(delegations).values(
        ids.map((id, i) => ({
          id,
          code: `SB-BENCH-B${i}-${id.slice(0, 4)}`,
          status: "confirmed" as const,
          institution: "Bench",
          leaderName: "Bench",
          leaderTitle: "Bench",
          purpose: "bench",
          topics: [],
          expectedSize: 15,
          preferredDates: { start: "2026-01-01", end: "2026-01-01" },
          alternativeDates: [],
          contactName: "Bench",
          contactEmail: "bench@example.go.id",
          contactPhone: "+620000",
          source: "staff" as const,
          createdAt: now,
          updatedAt: now,
        })),
      );
    });
    const samples: number[] = [];
    let refused = 0;
    let noSlot = 0;
    for (const delegationId of ids) {
      const venueId = pick(data.venueIds);
      const hostIds = rand() < 0.5 ? [pick(data.hostIds)] : [];
      const window = randomWindow(ctx, 7);
      const found = await searchAvailability(
        data.db.orm,
        {
          venueId,
          hostIds,
          ...window,
          durationMinutes: 60,
          groupSize: 15,
          gridMinutes: 15,
        },
        STARTER_TIME_ZONE,
      );
      const slot = found.slots.length > 0 ? pick(found.slots) : undefined;
      if (!slot) {
        noSlot++;
        continue;
      }
      const ms = await timeMs(async () => {
        try {
          await bookItem(
            {
              actor: { id: data.adminId, label: "bench" },
              now,
              config: { hostTimeZone: STARTER_TIME_ZONE },
              transaction: auditedTransaction(data.db, { id: data.adminId, label: "bench" }, now),
            },
            delegationId,
            {
              title: "Bench booking",
              kind: "tour",
              startsAt: new Date(slot.startsAt),
              endsAt: new Date(slot.endsAt),
              venueId,
              hostIds,
            },
          );
        } catch (error) {
          if (error instanceof AppError && error.code === "conflict") refused++;
          else throw error;
        }
      });
      samples.push(ms);
    }
    const s = summarise(samples);
    return [
      {
        label: `median (${s.n} creates, ${refused} refused, ${noSlot} no slot)`,
        value: s.median,
        unit: "ms",
      },
      { label: "p99", value: s.p99, unit: "ms", target: 20 },
    ];
  },
};
