/**
 * @module Availability search: free start times on a local wall-clock grid, honouring every rule of
 * `findConflicts` (venue concurrency and capacity with buffers, hosts, the delegation, opening hours,
 * closures, hosts' weekly availability).
 *
 * One thing to know: it never tests slot by slot. Each busy or closed stretch becomes the interval of
 * start times it forbids (a stretch [b0, b1) checked with the window [s − pre, s + duration + post)
 * forbids every s in (b0 − duration − post, b1 + pre)); their union is subtracted from [from, to) once and
 * the grid is walked over what is left. A start s is returned when from ≤ s < to (the booking may run
 * past `to`) and `findConflicts` would find nothing at all for [s, s + duration).
 */
import { venueLoad } from "./conflicts.js";
import { complementIntervals, mergeIntervals, overlaps, subtractIntervals } from "./intervals.js";
import { closedIntervals, openIntervals } from "./opening-hours.js";
import type { Closure, ExistingBooking, Interval, VenueRules, WeeklyHours } from "./types.js";
import { createZoneClock, DAY_MS, MINUTE_MS, type ZoneClock } from "./zoned-time.js";

/** The longest range one search may cover. */
export const MAX_SEARCH_DAYS = 180;

/** A host to keep free: every item they hold, and optionally when they work at all. */
export interface SlotHost {
  id: string;
  bookings: readonly ExistingBooking[];
  weeklyAvailability?: WeeklyHours;
  /** Zone of `weeklyAvailability`; defaults to the venue's zone, else the search's `timeZone`. */
  timeZone?: string;
}

/** Inputs of `findFreeSlots`. */
export interface FindFreeSlotsInput {
  from: number;
  to: number;
  durationMinutes: number;
  groupSize: number;
  /** Grid step in local minutes; must divide a day (5, 10, 15, 20, 30, 60 …). Default 15. */
  gridMinutes?: number;
  venue?: VenueRules;
  /** Existing sessions at `venue`. Any order; those far from the range are skipped. */
  venueBookings?: readonly ExistingBooking[];
  hosts?: readonly SlotHost[];
  /** Keep the delegation free too: its items are matched by `delegationIds`. */
  delegationId?: string;
  delegationBookings?: readonly ExistingBooking[];
  closures?: readonly Closure[];
  /** Zone of the grid when there is no venue (the venue's zone wins); required without a venue. */
  timeZone?: string;
  /** An item being moved: its own time doesn't count as busy. */
  ignoreItemId?: string;
}

function assertSearch(input: FindFreeSlotsInput, grid: number): void {
  const { from, to, durationMinutes, groupSize } = input;
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) throw new Error("Search range is empty");
  if (to - from > MAX_SEARCH_DAYS * DAY_MS) throw new Error(`Search range exceeds ${MAX_SEARCH_DAYS} days`);
  if (!Number.isInteger(durationMinutes) || durationMinutes <= 0) {
    throw new Error(`Duration must be a whole number of minutes > 0, got ${durationMinutes}`);
  }
  if (!Number.isInteger(groupSize) || groupSize < 0)
    throw new Error(`Group size must be ≥ 0, got ${groupSize}`);
  if (!Number.isInteger(grid) || grid <= 0 || 1440 % grid !== 0) {
    throw new Error(`Grid minutes must divide a day, got ${grid}`);
  }
}

/**
 * Sorted start instants (epoch ms) on the local grid in [from, to) where a booking of `durationMinutes`
 * for `groupSize` people has no conflict of any kind, soft ones included.
 */
export function findFreeSlots(input: FindFreeSlotsInput): number[] {
  const grid = input.gridMinutes ?? 15;
  assertSearch(input, grid);
  const { from, to, venue } = input;
  const duration = input.durationMinutes * MINUTE_MS;
  const buffer = (venue?.bufferMinutes ?? 0) * MINUTE_MS;
  const zone = venue?.timeZone ?? input.timeZone;
  if (!zone) throw new Error("findFreeSlots: a timeZone is required when there is no venue");
  // Every window [s − buffer, s + duration + buffer) of a start in [from, to) lies inside `reach`.
  const reach: Interval = { start: from - buffer, end: to + duration + buffer };
  const clock = createZoneClock(zone, reach);
  const forbidden: Interval[] = [];
  const forbid = (busy: readonly Interval[], pre: number, post: number): void => {
    for (const b of busy) forbidden.push({ start: b.start - duration - post + 1, end: b.end + pre });
  };
  const near = (b: ExistingBooking): boolean => b.itemId !== input.ignoreItemId && overlaps(b, reach);
  // The buffer separates groups; the delegation's own items need none between them (see conflicts.ts).
  const own = (b: ExistingBooking): boolean =>
    input.delegationId !== undefined && b.delegationIds.includes(input.delegationId);

  if (venue) {
    if (input.groupSize > venue.capacity) return [];
    const sessions = (input.venueBookings ?? []).filter((b) => near(b) && !own(b));
    const full = venueLoad(sessions, reach).filter(
      (l) => l.groups + 1 > venue.concurrentGroups || l.people + input.groupSize > venue.capacity,
    );
    forbid(mergeIntervals(full), buffer, buffer);
    if (venue.weeklyHours) {
      const open = openIntervals({ weeklyHours: venue.weeklyHours, timeZone: zone, range: reach, clock });
      forbid(complementIntervals(open, reach), buffer, buffer);
    }
    const closed = closedIntervals({
      closures: input.closures ?? [],
      timeZone: zone,
      range: reach,
      venueId: venue.id,
      opensOnHolidays: venue.opensOnHolidays ?? false,
      clock,
    });
    forbid(mergeIntervals(closed), buffer, buffer);
  }

  for (const host of input.hosts ?? []) {
    forbid(mergeIntervals(host.bookings.filter((b) => near(b) && !own(b))), buffer, buffer);
    forbid(mergeIntervals(host.bookings.filter((b) => near(b) && own(b))), 0, 0);
    if (host.weeklyAvailability) {
      // Availability is checked on the booking itself, without the venue's buffer.
      const span: Interval = { start: from, end: to + duration };
      const hostZone = host.timeZone ?? zone;
      const hostClock = hostZone === zone ? clock : createZoneClock(hostZone, span);
      const open = openIntervals({
        weeklyHours: host.weeklyAvailability,
        timeZone: hostZone,
        range: span,
        clock: hostClock,
      });
      forbid(complementIntervals(open, span), 0, 0);
    }
  }

  const delegationId = input.delegationId;
  if (delegationId !== undefined) {
    const mine = (input.delegationBookings ?? []).filter(
      (b) => near(b) && b.delegationIds.includes(delegationId),
    );
    forbid(mergeIntervals(mine), 0, 0);
  }

  const allowed = subtractIntervals([{ start: from, end: to }], forbidden);
  return walkGrid(allowed, grid * MINUTE_MS, clock);
}

/** Instants inside `allowed` whose local wall time is a multiple of `step` after local midnight. */
function walkGrid(allowed: readonly Interval[], step: number, clock: ZoneClock): number[] {
  const out: number[] = [];
  const alignUp = (t: number, offset: number): number => Math.ceil((t + offset) / step) * step - offset;
  for (const a of allowed) {
    let s = alignUp(a.start, clock.offsetAt(a.start));
    while (s < a.end) {
      const offset = clock.offsetAt(s);
      const misaligned = (((s + offset) % step) + step) % step;
      if (misaligned !== 0) {
        s = alignUp(s, offset); // the offset changed (DST): realign to the new wall clock
        continue;
      }
      out.push(s);
      s += step;
    }
  }
  return out;
}
