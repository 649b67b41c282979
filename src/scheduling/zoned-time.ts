/**
 * @module Conversions between instants and wall-clock time in an IANA zone (Intl data via @date-fns/tz).
 *
 * One thing to know: a wall time that does not exist (skipped by a DST jump) resolves forward by the jump,
 * and one that happens twice resolves to the earlier instant (Temporal's "compatible" rule). Indonesian
 * zones (WIB +07, WITA +08, WIT +09) have no DST, but venues abroad may. Hot paths build one `ZoneClock`
 * for their range so each conversion is arithmetic instead of an Intl call (~2.6 µs each).
 */
import { tzOffset } from "@date-fns/tz";
import type { Interval, LocalDate, LocalTime, Weekday } from "./types.js";

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME_RE = /^(\d{2}):(\d{2})$/;

/** Days since 1970-01-01 of a local date; throws on a malformed or impossible date. */
export function dayNumberOf(date: LocalDate): number {
  const m = LOCAL_DATE_RE.exec(date);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const ms = Date.UTC(y, mo - 1, d);
    const check = new Date(ms);
    if (check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d) {
      return ms / DAY_MS;
    }
  }
  throw new Error(`Invalid local date "${date}", expected YYYY-MM-DD`);
}

/** The local date of a day number (inverse of `dayNumberOf`). */
export function localDateOfDayNumber(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Minutes after local midnight of "HH:MM" (00:00–24:00); throws on anything else. */
export function minutesOfLocalTime(time: LocalTime): number {
  const m = LOCAL_TIME_RE.exec(time);
  if (m) {
    const h = Number(m[1]);
    const min = Number(m[2]);
    if ((h < 24 && min < 60) || (h === 24 && min === 0)) return h * 60 + min;
  }
  throw new Error(`Invalid local time "${time}", expected HH:MM between 00:00 and 24:00`);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number. */
export function weekdayOfDayNumber(day: number): Weekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return (((((day + 3) % 7) + 7) % 7) + 1) as Weekday;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a local date. */
export function weekdayOf(date: LocalDate): Weekday {
  return weekdayOfDayNumber(dayNumberOf(date));
}

/** The local date `days` calendar days after `date` (negative goes back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return localDateOfDayNumber(dayNumberOf(date) + days);
}

/** Throws a plain Error unless the runtime knows the IANA zone (a configuration mistake). */
export function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new Error(`Unknown time zone "${timeZone}"`);
}

/**
 * Zones already found valid. Building an `Intl.DateTimeFormat` to ask costs ≈0.3 ms, a third of an
 * availability search that asks once; capped because zone names are case-insensitive ("ASIA/jakarta"), so
 * a client could otherwise grow it without end.
 */
const knownZones = new Set<string>();
const MAX_KNOWN_ZONES = 1000;

/** Whether the runtime's Intl data knows this IANA zone. */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  if (knownZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    return false;
  }
  if (knownZones.size < MAX_KNOWN_ZONES) knownZones.add(timeZone);
  return true;
}

/**
 * Offset of a zone at one instant, in milliseconds to add to UTC, through a precomputed table when the
 * instant lies in the clock's range. `wall` values are "local wall time as if it were UTC" in milliseconds:
 * `dayNumber * DAY_MS + minutes * MINUTE_MS`.
 */
export interface ZoneClock {
  readonly timeZone: string;
  offsetAt(instant: number): number;
  instantToWall(instant: number): number;
  wallToInstant(wall: number): number;
}

const TABLE_STEP_MS = 7 * DAY_MS;

/**
 * A clock for one zone. With a `range`, offsets inside it (plus two days each side) come from a table
 * sampled weekly and refined to the minute at every change; outside it, or without a range, each lookup
 * asks Intl. NOTE: weekly sampling would miss two offset changes within seven days; no zone has had that
 * since 1970 (Morocco's Ramadan pause, the shortest, lasts about a month).
 */
export function createZoneClock(timeZone: string, range?: Interval): ZoneClock {
  assertTimeZone(timeZone);
  const intlOffset = (instant: number): number => tzOffset(timeZone, new Date(instant)) * MINUTE_MS;
  let offsetAt = intlOffset;
  if (range) {
    const lo = range.start - 2 * DAY_MS;
    const hi = range.end + 2 * DAY_MS;
    const starts: number[] = [lo];
    const offsets: number[] = [intlOffset(lo)];
    let prevT = lo;
    let prevOffset = offsets[0] as number;
    for (let t = Math.min(lo + TABLE_STEP_MS, hi); ; t = Math.min(t + TABLE_STEP_MS, hi)) {
      const o = intlOffset(t);
      if (o !== prevOffset) {
        // Bisect (whole minutes) for the first instant with the new offset.
        let a = Math.floor(prevT / MINUTE_MS);
        let b = Math.ceil(t / MINUTE_MS);
        while (b - a > 1) {
          const mid = Math.floor((a + b) / 2);
          if (intlOffset(mid * MINUTE_MS) === prevOffset) a = mid;
          else b = mid;
        }
        starts.push(b * MINUTE_MS);
        offsets.push(o);
        prevOffset = o;
      }
      prevT = t;
      if (t >= hi) break;
    }
    if (offsets.length === 1) {
      const only = offsets[0] as number;
      offsetAt = (instant) => (instant >= lo && instant <= hi ? only : intlOffset(instant));
    } else {
      offsetAt = (instant) => {
        if (instant < lo || instant > hi) return intlOffset(instant);
        let i = starts.length - 1;
        while (i > 0 && (starts[i] as number) > instant) i--;
        return offsets[i] as number;
      };
    }
  }
  return {
    timeZone,
    offsetAt,
    instantToWall: (instant) => instant + offsetAt(instant),
    wallToInstant: (wall) => {
      const before = offsetAt(wall - DAY_MS);
      const after = offsetAt(wall + DAY_MS);
      if (before === after) return wall - before;
      const early = wall - before;
      const late = wall - after;
      const earlyOk = offsetAt(early) === before;
      const lateOk = offsetAt(late) === after;
      if (earlyOk && lateOk) return Math.min(early, late);
      if (earlyOk) return early;
      if (lateOk) return late;
      return early; // in a DST gap: move forward by the gap
    },
  };
}

/** The instant of a local date and wall time in a zone ("24:00" is midnight starting the next day). */
export function localToInstant(input: { date: LocalDate; time: LocalTime; timeZone: string }): number {
  const wall = dayNumberOf(input.date) * DAY_MS + minutesOfLocalTime(input.time) * MINUTE_MS;
  return createZoneClock(input.timeZone).wallToInstant(wall);
}

/** The local date of an instant in a zone. */
export function localDateOf(instant: number, timeZone: string): LocalDate {
  const wall = createZoneClock(timeZone).instantToWall(instant);
  return localDateOfDayNumber(Math.floor(wall / DAY_MS));
}

/** The local wall time "HH:MM" of an instant in a zone (seconds dropped). */
export function localTimeOf(instant: number, timeZone: string): LocalTime {
  const wall = createZoneClock(timeZone).instantToWall(instant);
  const minutes = Math.floor((((wall % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Every local date that part of `range` falls on, in order (empty for an empty range). */
export function localDatesIn(range: Interval, timeZone: string): LocalDate[] {
  if (range.end <= range.start) return [];
  const first = dayNumberOf(localDateOf(range.start, timeZone));
  const last = dayNumberOf(localDateOf(range.end - 1, timeZone));
  const dates: LocalDate[] = [];
  for (let d = first; d <= last; d++) dates.push(localDateOfDayNumber(d));
  return dates;
}

const INDONESIAN_LABELS: Record<string, string> = {
  "Asia/Jakarta": "WIB",
  "Asia/Pontianak": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Ujung_Pandang": "WITA",
  "Asia/Jayapura": "WIT",
};

/**
 * The label shown beside a local time: WIB / WITA / WIT for Indonesia's zones, else the runtime's short
 * name at that instant ("GMT+10", "EST", "GMT+2"), which may change with DST, hence `at`.
 */
export function zoneLabel(timeZone: string, at: number): string {
  const direct = INDONESIAN_LABELS[timeZone];
  if (direct) return direct;
  assertTimeZone(timeZone);
  const canonical = new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
  const aliased = INDONESIAN_LABELS[canonical];
  if (aliased) return aliased;
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" }).formatToParts(at);
  return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

/**
 * Whether a zone changes its offset over the year (daylight saving): its offset in January and July
 * differs in any of the years checked. Indonesia's zones never do; a venue in such a zone would get
 * a skipped or repeated hour, so forms and the API refuse them.
 */
export function observesDaylightSaving(timeZone: string): boolean {
  if (!isValidTimeZone(timeZone)) return false;
  const f = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
  const offset = (at: number) => f.formatToParts(at).find((p) => p.type === "timeZoneName")?.value;
  for (const year of [2024, 2025, 2026, 2027]) {
    if (offset(Date.UTC(year, 0, 15)) !== offset(Date.UTC(year, 6, 15))) return true;
  }
  return false;
}

/** The zones offered as a choice (WIB, WITA, WIT), by IANA name. */
export const INDONESIAN_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;
