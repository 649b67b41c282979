/**
 * @module (a) Availability search at the service level (indexed queries + the pure findFreeSlots +
 * formatting): 90 days, one venue and one host, random windows across the generated years.
 */
import { searchAvailability } from "../../bookings/availability";
import { addDays } from "../../scheduling/index";
import { STARTER_TIME_ZONE } from "../../venues/seed";
import { summarise, timeMs } from "../stats";
import type { BenchContext, BenchSection } from "./types";

export function randomWindow(ctx: BenchContext, days: number) {
  const { firstDate, lastDate } = ctx.data;
  const span = Math.round((Date.parse(lastDate) - Date.parse(firstDate)) / 86_400_000) - days;
  const from = addDays(firstDate, Math.floor(ctx.rand() * span));
  return { from, to: addDays(from, days - 1) };
}

export const availabilitySection: BenchSection = {
  id: "availability",
  title: "(a) Availability search, 90 days, one venue + one host (service: queries + findFreeSlots)",
  async run(ctx) {
    const { data, args, rand } = ctx;
    const pick = <T>(l: readonly T[]) => l[Math.floor(rand() * l.length)] as T;
    const samples: number[] = [];
    let slots = 0;
    const warmup = Math.min(50, args.iterations);
    for (let i = 0; i < warmup + args.iterations; i++) {
      const query = {
        venueId: pick(data.venueIds),
        hostIds: [pick(data.hostIds)],
        ...randomWindow(ctx, 90),
        durationMinutes: 90,
        groupSize: 20,
        gridMinutes: 15,
      };
      const ms = await timeMs(async () => {
        slots += (await searchAvailability(data.db.orm, query, STARTER_TIME_ZONE)).slots.length;
      });
      if (i >= warmup) samples.push(ms);
    }
    const s = summarise(samples);
    return [
      { label: `median (${s.n} searches)`, value: s.median, unit: "ms", target: 2 },
      { label: "p99", value: s.p99, unit: "ms", target: 10 },
      { label: "slots per search (mean)", value: slots / (warmup + args.iterations), unit: "slots" },
    ];
  },
};
