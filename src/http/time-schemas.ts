/**
 * @module The date and instant schemas every API shares: a local date `YYYY-MM-DD` that exists on the
 * calendar, and an RFC 3339 instant with an offset, both with a year from 1900 to 2999 (year 0000 and
 * the like are typos, and some date libraries fail on them). Use these instead of `z.iso.*` directly.
 */
import { z } from "zod";

const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

/** True when `text` starts with a year inside [MIN_YEAR, MAX_YEAR]. */
export function yearInRange(text: string): boolean {
  const year = Number(text.slice(0, 4));
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/** A calendar date `YYYY-MM-DD` (zod rejects 2027-02-30; the year must be in range). */
export function localDate(message = "i18n:error.dateInvalid") {
  return z.iso.date({ error: message }).refine(yearInRange, { error: message });
}

/** An RFC 3339 instant with an offset (or `Z`), as a Date. */
export function instant(message = "i18n:error.instantInvalid") {
  return z.iso
    .datetime({ offset: true, error: message })
    .refine(yearInRange, { error: message })
    .transform((v) => new Date(v));
}

/** Both ends are real Dates (an object refinement also runs when a field already failed, with raw input). */
export function bothDates(a: unknown, b: unknown): [Date, Date] | null {
  return a instanceof Date && b instanceof Date && !Number.isNaN(a.getTime()) && !Number.isNaN(b.getTime())
    ? [a, b]
    : null;
}
