/**
 * @module A period's targets from the yearly ones (pure). Counts (visits, visitors) are the yearly target
 * times the share of the year the period covers, summed over its years (this month of a 120-visit year:
 * about 10); rates (on-time %, average rating) are the yearly values weighted by those shares. A figure
 * with no target in any year of the period has none.
 */
import type { TargetOut } from "../targets/schemas";
import { monthsOf, type ReportRange, yearShares } from "./range";

interface PeriodTargets {
  visits: number | null;
  visitors: number | null;
  commitmentsOnTimePct: number | null;
  averageRating: number | null;
}

type Figure = keyof PeriodTargets;

export function periodTargets(range: ReportRange, targets: ReadonlyMap<number, TargetOut>): PeriodTargets {
  const shares = yearShares(range);
  const figure = (key: Figure, kind: "count" | "rate", digits: number) => {
    let sum = 0;
    let weight = 0;
    for (const { year, share } of shares) {
      const value = targets.get(year)?.[key];
      if (value === null || value === undefined) return null;
      sum += value * share;
      weight += share;
    }
    const raw = kind === "count" ? sum : sum / weight;
    const f = 10 ** digits;
    return Math.round(raw * f) / f;
  };
  return {
    visits: figure("visits", "count", 1),
    visitors: figure("visitors", "count", 0),
    commitmentsOnTimePct: figure("commitmentsOnTimePct", "rate", 0),
    averageRating: figure("averageRating", "rate", 2),
  };
}

/** Each month's share of its year's targets (the target line of the monthly chart): a twelfth. */
export function monthlyTargets(range: ReportRange, targets: ReadonlyMap<number, TargetOut>) {
  return monthsOf(range).map((month) => {
    const t = targets.get(Number(month.slice(0, 4)));
    return {
      month,
      visits: t?.visits === null || t?.visits === undefined ? null : Math.round((t.visits / 12) * 10) / 10,
      visitors:
        t?.visitors === null || t?.visitors === undefined ? null : Math.round((t.visitors / 12) * 10) / 10,
    };
  });
}

/** Progress towards a target in percent (one decimal), or null without one. */
export function progress(value: number | null, target: number | null): number | null {
  if (value === null || target === null || target <= 0) return null;
  return Math.round((value / target) * 1000) / 10;
}
