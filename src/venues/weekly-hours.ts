/**
 * @module Weekly hours as people type them and as the API sends them. A form has one text field per
 * weekday, e.g. "08:00-12:00, 13:00-16:00" (an en dash, "08.00" and "s.d." are accepted too); an empty
 * field is a closed day. Ranges of one day must not overlap; they are stored sorted.
 */
import { z } from "zod";
import type { WeeklyHoursJson } from "../../db/schema/venues";
import type { WeeklyHours } from "../scheduling/index";

export const WEEKDAY_KEYS = ["1", "2", "3", "4", "5", "6", "7"] as const;

const TIME_RE = /^([01]?\d|2[0-4])[.:]([0-5]\d)$/;

function normaliseTime(raw: string): string | null {
  const m = TIME_RE.exec(raw.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h === 24 && min !== 0) return null;
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

const minutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Problems of one day's ranges: "bad" (unreadable), "order" (end not after start), "overlap". */
export type RangeProblem = "bad" | "order" | "overlap";

/** Sorts and checks one day's ranges; returns the first problem, if any. */
function checkDayRanges(ranges: { from: string; to: string }[]): RangeProblem | null {
  const sorted = [...ranges].sort((a, b) => minutes(a.from) - minutes(b.from));
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i] as { from: string; to: string };
    if (minutes(r.to) <= minutes(r.from)) return "order";
    const next = sorted[i + 1];
    if (next && minutes(next.from) < minutes(r.to)) return "overlap";
  }
  return null;
}

/** Parses one weekday's text; `ok: false` names the problem. */
export function parseDayText(
  text: string,
): { ok: true; ranges: { from: string; to: string }[] } | { ok: false; problem: RangeProblem } {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed === "-") return { ok: true, ranges: [] };
  const ranges: { from: string; to: string }[] = [];
  for (const part of trimmed.split(/[,;]/)) {
    if (part.trim() === "") continue;
    const pieces = part.split(/\s*(?:-|–|—|s\.d\.|sd|to)\s*/i);
    if (pieces.length !== 2) return { ok: false, problem: "bad" };
    const from = normaliseTime(pieces[0] ?? "");
    const to = normaliseTime(pieces[1] ?? "");
    if (!from || !to || from === "24:00") return { ok: false, problem: "bad" };
    ranges.push({ from, to });
  }
  const problem = checkDayRanges(ranges);
  if (problem) return { ok: false, problem };
  return { ok: true, ranges: ranges.sort((a, b) => minutes(a.from) - minutes(b.from)) };
}

/** One weekday's ranges as form text: "08:00-12:00, 13:00-16:00". */
export function formatDayText(ranges: readonly { from: string; to: string }[] | undefined): string {
  return (ranges ?? []).map((r) => `${r.from}-${r.to}`).join(", ");
}

const rangeSchema = z.strictObject({
  from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM"),
  to: z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "HH:MM"),
});

/** API form of weekly hours: {"1": [{from, to}], …}; days left out are closed. */
export const weeklyHoursSchema = z
  .partialRecord(z.enum(WEEKDAY_KEYS), z.array(rangeSchema).max(8))
  .superRefine((hours, ctx) => {
    for (const [day, ranges] of Object.entries(hours)) {
      const problem = checkDayRanges(ranges ?? []);
      if (problem) {
        ctx.addIssue({
          code: "custom",
          path: [day],
          message: `i18n:scheduling.hours.${problem}`,
        });
      }
    }
  })
  .transform((hours): WeeklyHoursJson => {
    const out: WeeklyHoursJson = {};
    for (const day of WEEKDAY_KEYS) {
      const ranges = hours[day];
      if (ranges && ranges.length > 0)
        out[day] = [...ranges].sort((a, b) => minutes(a.from) - minutes(b.from));
    }
    return out;
  });

/** Stored JSON → the scheduling core's type. */
export function toWeeklyHours(json: WeeklyHoursJson): WeeklyHours {
  const out: WeeklyHours = {};
  for (const day of WEEKDAY_KEYS) {
    const ranges = json[day];
    if (ranges && ranges.length > 0) out[Number(day) as 1] = ranges;
  }
  return out;
}

/** Reads the seven `hours1` … `hours7` form fields; errors are keyed by field name. */
export function weeklyHoursFromForm(
  values: Record<string, unknown>,
  prefix: string,
): { hours: WeeklyHoursJson; errors: Record<string, RangeProblem> } {
  const hours: WeeklyHoursJson = {};
  const errors: Record<string, RangeProblem> = {};
  for (const day of WEEKDAY_KEYS) {
    const raw = values[`${prefix}${day}`];
    const parsed = parseDayText(typeof raw === "string" ? raw : "");
    if (!parsed.ok) errors[`${prefix}${day}`] = parsed.problem;
    else if (parsed.ranges.length > 0) hours[day] = parsed.ranges;
  }
  return { hours, errors };
}
