/**
 * @module Requested date ranges ("YYYY-MM-DD" local dates in the host's zone, WIB for Banyuwangi): the
 * zod schema, overlap, and the request rules — every date in the future, end not before start, at most
 * MAX_VISIT_DAYS long, and the preferred (and each alternative) start at least N working days ahead.
 */
import { z } from "zod";
import type { DateRange } from "../../db/schema/delegations";
import { msg } from "../http/validate";
import { dayNumberOf } from "../scheduling/zoned-time";

export type { DateRange };

const MAX_VISIT_DAYS = 14;

export const isRealDate = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

export const localDate = (key = "requests.dateInvalid") =>
  z.string(msg(key)).trim().refine(isRealDate, msg(key));

/** A single day (`end` omitted or equal) or several days. */
export const dateRangeSchema = z
  .strictObject({ start: localDate(), end: localDate().optional() })
  .transform((r) => ({ start: r.start, end: r.end || r.start }))
  .superRefine((r, ctx) => {
    if (r.end < r.start)
      ctx.addIssue({ code: "custom", path: ["end"], message: "i18n:requests.endBeforeStart" });
    else if (dayNumberOf(r.end) - dayNumberOf(r.start) + 1 > MAX_VISIT_DAYS)
      ctx.addIssue({
        code: "custom",
        path: ["end"],
        message: "i18n:requests.tooLong",
        params: { days: MAX_VISIT_DAYS },
      });
  });

function rangesOverlap(a: DateRange, b: DateRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export function anyOverlap(a: readonly DateRange[], b: readonly DateRange[]): boolean {
  return a.some((x) => b.some((y) => rangesOverlap(x, y)));
}
