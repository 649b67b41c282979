/**
 * @module Report periods (pure): the presets (this month, this year, last year) from today's local date,
 * and the months and years a period covers. Dates are local calendar dates "YYYY-MM-DD" in the host zone.
 */
import { z } from "zod";
import { localDate } from "../http/time-schemas";
import { msg } from "../http/validate";
import { dayNumberOf } from "../scheduling/zoned-time";

export const PRESETS = ["this_month", "this_year", "last_year"] as const;
export type Preset = (typeof PRESETS)[number];

export interface ReportRange {
  from: string;
  to: string;
}

const isoDate = localDate("i18n:reports.dateInvalid");

/** `?from=&to=` (both, `to` not before `from`, at most ten years) or `?preset=`; nothing means this year. */
export const rangeQuerySchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    preset: z.enum(PRESETS, msg("reports.presetInvalid")).optional(),
  })
  .superRefine((q, ctx) => {
    // zod runs this refinement even when a field failed, with the raw input: compare only real dates.
    const { from, to } = q;
    if (from && to && isoDate.safeParse(from).success && isoDate.safeParse(to).success) {
      if (to < from) ctx.addIssue({ code: "custom", path: ["to"], message: "i18n:reports.rangeReversed" });
      else if (dayNumberOf(to) - dayNumberOf(from) > 3660)
        ctx.addIssue({ code: "custom", path: ["to"], message: "i18n:reports.rangeTooLong" });
    } else if ((q.from === undefined) !== (q.to === undefined)) {
      ctx.addIssue({ code: "custom", path: [q.from ? "to" : "from"], message: "i18n:reports.rangeBoth" });
    }
  });
type RangeQuery = z.output<typeof rangeQuerySchema>;

function presetRange(preset: Preset, today: string): ReportRange {
  const year = Number(today.slice(0, 4));
  if (preset === "this_month") {
    const month = today.slice(0, 7);
    return { from: `${month}-01`, to: `${month}-${String(daysInMonth(month)).padStart(2, "0")}` };
  }
  const y = preset === "this_year" ? year : year - 1;
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

export function resolveRange(q: RangeQuery, today: string): ReportRange & { preset: Preset | null } {
  if (q.from && q.to) return { from: q.from, to: q.to, preset: null };
  const preset = q.preset ?? "this_year";
  return { ...presetRange(preset, today), preset };
}

function daysInMonth(month: string): number {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** "2026-01" … "2026-12": every month the range touches. */
export function monthsOf(range: ReportRange): string[] {
  const months: string[] = [];
  let [y, m] = range.from.split("-").map(Number) as [number, number];
  const last = range.to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    months.push(month);
    if (month >= last) return months;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

/** Each year the range touches, with the share of that year's days it covers (0 < share ≤ 1). */
export function yearShares(range: ReportRange): { year: number; share: number }[] {
  const first = Number(range.from.slice(0, 4));
  const last = Number(range.to.slice(0, 4));
  const out: { year: number; share: number }[] = [];
  for (let year = first; year <= last; year++) {
    const start = range.from > `${year}-01-01` ? range.from : `${year}-01-01`;
    const end = range.to < `${year}-12-31` ? range.to : `${year}-12-31`;
    const days = dayNumberOf(end) - dayNumberOf(start) + 1;
    const yearDays = dayNumberOf(`${year}-12-31`) - dayNumberOf(`${year}-01-01`) + 1;
    out.push({ year, share: days / yearDays });
  }
  return out;
}
