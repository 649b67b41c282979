/**
 * @module Date and time formatting for people, always with the zone label:
 * "Sabtu, 7 Februari 2026, 09.00 WIB" (id) and "Saturday, 7 February 2026, 09:00 WIB" (en).
 * One time format per language: `formatWallTime` is the only place the separator is chosen (a point in
 * Indonesian, a colon in English); every time shown to people, an instant or a wall-clock "HH:MM" from
 * opening hours or a form, goes through it. Form inputs (`type="time"`) keep "HH:MM".
 */

import { zoneLabel } from "../scheduling/zoned-time";
import type { Locale } from "./dictionary";

/** The Intl (BCP 47) locale of each language. */
export const INTL_LOCALE: Record<Locale, string> = { id: "id-ID", en: "en-GB" };

interface Parts {
  weekday: string;
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsOf(instant: Date, locale: Locale, timeZone: string): Parts {
  const key = `${locale}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      timeZone,
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(key, f);
  }
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(instant)) out[p.type] = p.value;
  return out as unknown as Parts;
}

const TIME_SEPARATOR: Record<Locale, string> = { id: ".", en: ":" };

/** A wall-clock time "HH:MM" (opening hours, a form's value) for people: "08.30" (id), "08:30" (en). */
export function formatWallTime(time: string, locale: Locale): string {
  return time.replace(/^(\d{1,2}):(\d{2})$/, `$1${TIME_SEPARATOR[locale]}$2`);
}

/** "08.30–12.00" (id), "08:30–12:00" (en). */
export function formatWallTimeRange(from: string, to: string, locale: Locale): string {
  return `${formatWallTime(from, locale)}–${formatWallTime(to, locale)}`;
}

/** "09.00" in Indonesian, "09:00" in English. */
export function formatTime(instant: Date, locale: Locale, timeZone: string, withZone = true): string {
  const p = partsOf(instant, locale, timeZone);
  const time = formatWallTime(`${p.hour}:${p.minute}`, locale);
  return withZone ? `${time} ${zoneLabel(timeZone, instant.getTime())}` : time;
}

/** "Sabtu, 7 Februari 2026" / "Saturday, 7 February 2026". */
export function formatDate(instant: Date, locale: Locale, timeZone: string): string {
  const p = partsOf(instant, locale, timeZone);
  return `${p.weekday}, ${p.day} ${p.month} ${p.year}`;
}

/** "Sabtu, 7 Februari 2026, 09.00 WIB". */
export function formatDateTime(instant: Date, locale: Locale, timeZone: string): string {
  return `${formatDate(instant, locale, timeZone)}, ${formatTime(instant, locale, timeZone)}`;
}

/** A local calendar date "YYYY-MM-DD" for people, read as a date with no time. */
export function formatLocalDate(isoDate: string, locale: Locale): string {
  return formatDate(new Date(`${isoDate}T12:00:00Z`), locale, "UTC");
}
