/**
 * @module Weekly opening hours and closures expanded into instants for a range, in the venue's own zone.
 *
 * One thing to know: every local time is read in the venue's zone day by day, so 08:00 in Asia/Makassar
 * (WITA) is 00:00Z, and a DST venue keeps its wall-clock hours across a change. A date closure for all
 * venues is a holiday (or cuti bersama) and is skipped for a venue that `opensOnHolidays`.
 */
import { mergeIntervals } from "./intervals.js";
import type { Closure, Interval, WeeklyHours } from "./types.js";
import {
  createZoneClock,
  DAY_MS,
  dayNumberOf,
  MINUTE_MS,
  minutesOfLocalTime,
  weekdayOfDayNumber,
  type ZoneClock,
} from "./zoned-time.js";

/** Throws a plain Error when a range is malformed or ends before it starts (a configuration mistake). */
export function assertWeeklyHours(hours: WeeklyHours): void {
  for (const [day, ranges] of Object.entries(hours)) {
    if (!/^[1-7]$/.test(day)) throw new Error(`Invalid weekday "${day}" in weekly hours (1 = Mon … 7 = Sun)`);
    for (const r of ranges ?? []) {
      if (minutesOfLocalTime(r.to) <= minutesOfLocalTime(r.from)) {
        throw new Error(`Opening range ${r.from}–${r.to} on weekday ${day} must end after it starts`);
      }
    }
  }
}

/** Local day numbers (days since 1970-01-01 in the zone) that part of `range` falls on, padded one day. */
function dayNumbersAround(range: Interval, clock: ZoneClock): { first: number; last: number } {
  return {
    first: Math.floor(clock.instantToWall(range.start) / DAY_MS) - 1,
    last: Math.floor(clock.instantToWall(range.end) / DAY_MS) + 1,
  };
}

function localRangeToInterval(clock: ZoneClock, day: number, from: number, to: number): Interval {
  const base = day * DAY_MS;
  return {
    start: clock.wallToInstant(base + from * MINUTE_MS),
    end: clock.wallToInstant(base + to * MINUTE_MS),
  };
}

/** Inputs for `openIntervals`; pass `clock` (built for a covering range) to skip Intl lookups. */
export interface OpenIntervalsInput {
  weeklyHours: WeeklyHours;
  timeZone: string;
  range: Interval;
  clock?: ZoneClock;
}

/**
 * The instants inside `range` when weekly hours are open, as sorted, disjoint intervals clipped to
 * `range`. Adjacent ranges (…–24:00 and 00:00–… next day) join into one interval.
 */
export function openIntervals(input: OpenIntervalsInput): Interval[] {
  const { weeklyHours, range } = input;
  if (range.end <= range.start) return [];
  assertWeeklyHours(weeklyHours);
  const clock = input.clock ?? createZoneClock(input.timeZone, range);
  const { first, last } = dayNumbersAround(range, clock);
  const out: Interval[] = [];
  for (let day = first; day <= last; day++) {
    for (const r of weeklyHours[weekdayOfDayNumber(day)] ?? []) {
      const i = localRangeToInterval(clock, day, minutesOfLocalTime(r.from), minutesOfLocalTime(r.to));
      const start = Math.max(i.start, range.start);
      const end = Math.min(i.end, range.end);
      if (start < end) out.push({ start, end });
    }
  }
  return mergeIntervals(out);
}

/** A closed stretch of time and the closure that causes it. */
export interface ClosedInterval extends Interval {
  closureId: string;
  reason: string;
}

/** Inputs for `closedIntervals`. `venueId` picks closures for that venue plus those for all venues. */
export interface ClosedIntervalsInput {
  closures: readonly Closure[];
  timeZone: string;
  range: Interval;
  venueId?: string;
  opensOnHolidays?: boolean;
  clock?: ZoneClock;
}

/** Whether a closure concerns this venue (closures without a venue concern every venue). */
export function closureApplies(closure: Closure, venueId: string | undefined): boolean {
  return closure.venueId == null || closure.venueId === venueId;
}

/**
 * Every closed interval inside `range` (clipped to it), sorted by start: one-off blackouts, each day's
 * recurring breaks and whole local days of date closures. Not merged, so each keeps its closure's id.
 */
export function closedIntervals(input: ClosedIntervalsInput): ClosedInterval[] {
  const { range } = input;
  if (range.end <= range.start) return [];
  const clock = input.clock ?? createZoneClock(input.timeZone, range);
  const { first, last } = dayNumbersAround(range, clock);
  const out: ClosedInterval[] = [];
  const push = (c: Closure, i: Interval): void => {
    const start = Math.max(i.start, range.start);
    const end = Math.min(i.end, range.end);
    if (start < end) out.push({ start, end, closureId: c.id, reason: c.reason });
  };
  for (const c of input.closures) {
    if (!closureApplies(c, input.venueId)) continue;
    if (c.kind === "one-off") {
      push(c, c);
    } else if (c.kind === "date") {
      if (input.opensOnHolidays && c.venueId == null) continue;
      const day = dayNumberOf(c.date);
      if (day >= first && day <= last) push(c, localRangeToInterval(clock, day, 0, 1440));
    } else {
      const from = minutesOfLocalTime(c.from);
      const to = minutesOfLocalTime(c.to);
      if (to <= from) throw new Error(`Recurring closure ${c.id} must end after it starts`);
      const weekdays = new Set(c.weekdays);
      for (let day = first; day <= last; day++) {
        if (weekdays.has(weekdayOfDayNumber(day))) push(c, localRangeToInterval(clock, day, from, to));
      }
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
