/**
 * @module Indonesia's national public holidays (hari libur nasional) for a year, from `date-holidays`, as
 * the starting point for seeding closures. They are a SUGGESTION to be checked against the year's SKB
 * 3 Menteri (joint decree of the ministers of religious affairs, manpower and administrative reform):
 * the library has no cuti bersama (collective leave days), no Paskah (Easter Sunday), and computes Islamic
 * holidays astronomically, so they can differ by a day from the government's dates (Idul Fitri 2026 does).
 * See docs/holiday-review-2026-2027.md. Closures stay editable for that reason.
 *
 * Dates are calendar dates ("YYYY-MM-DD"), the same day everywhere in Indonesia. One correction is applied:
 * date-holidays labels Isra Mikraj (27 Rajab) "Maulid Nabi Muhammad"; we relabel it by its rule.
 * Works on Node and (by inspection of its imports) on Workers, but the library bundles every country's
 * data (~0.8 MB) plus moment-timezone: call it from seeding code, not from the request path.
 */
import Holidays from "date-holidays";

export interface NationalHoliday {
  date: string;
  name: string;
  source: "date-holidays";
}

/** date-holidays rule → correct Indonesian name, where its own label is wrong. */
const LABEL_FIXES: Readonly<Record<string, string>> = {
  "27 Rajab": "Isra Mikraj Nabi Muhammad SAW",
};

let calendar: Holidays | undefined;

/** Public holidays in Indonesia for `year`, sorted by date, Indonesian names. */
export function nationalHolidays(year: number): NationalHoliday[] {
  if (!Number.isInteger(year) || year < 1970 || year > 2200)
    throw new Error(`nationalHolidays: bad year ${year}`);
  // No `timezone`: it only moves the start/end instants, and only the calendar date (`h.date`) is kept.
  calendar ??= new Holidays("ID", { languages: ["id"], types: ["public"] });
  return calendar
    .getHolidays(year, "id")
    .filter((h) => h.type === "public")
    .map((h) => ({
      date: h.date.slice(0, 10),
      name: LABEL_FIXES[h.rule] ?? h.name,
      source: "date-holidays" as const,
    }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name.localeCompare(b.name)));
}
