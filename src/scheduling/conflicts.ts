/**
 * @module Conflict check for one candidate booking (the rules of ADR 005), returning every conflict, not the first.
 *
 * One thing to know: the venue's turnover buffer separates *different groups* at a venue. Other groups'
 * sessions at the venue (concurrent groups, a merged session counting once, people against capacity at
 * every moment) and the venue being open (weekly hours in its own zone, breaks, holidays, blackouts) are
 * checked inside the window [start − buffer, end + buffer), so two groups stay `buffer` minutes apart and
 * set-up time falls inside opening hours. The delegation's own sessions at the venue, the hosts' and the
 * delegation's other items and a host's weekly availability are checked against the booking itself: a
 * delegation may go straight from one of its items to the next. A clash that lies only in the buffer
 * carries `bufferMinutes`, so it can be told apart from a clash with the requested times. Venue, capacity, host and
 * delegation conflicts are hard; closed and unavailable are soft (`hard: false`): staff may override them
 * with a recorded reason.
 */
import { complementIntervals, mergeIntervals, overlaps } from "./intervals.js";
import { closedIntervals, openIntervals } from "./opening-hours.js";
import type {
  Closure,
  Conflict,
  ConflictKind,
  ExistingBooking,
  Interval,
  VenueRules,
  WeeklyHours,
} from "./types.js";
import { createZoneClock, MINUTE_MS } from "./zoned-time.js";

/** A host's weekly availability, read in `timeZone`. */
export interface HostAvailability {
  hostId: string;
  weeklyHours: WeeklyHours;
  timeZone: string;
}

/** A candidate booking and everything it could clash with. Lists may hold unrelated items: they're filtered. */
export interface FindConflictsInput {
  start: number;
  end: number;
  /** People in the candidate session. */
  groupSize: number;
  delegationId?: string;
  venue?: VenueRules;
  hostIds?: readonly string[];
  /** Existing sessions at `venue`. */
  venueBookings?: readonly ExistingBooking[];
  /** Existing items of the hosts; each must carry `hostIds`. */
  hostBookings?: readonly ExistingBooking[];
  /** Existing items of the delegation (matched by `delegationIds`). */
  delegationBookings?: readonly ExistingBooking[];
  /** Closures of the venue and of all venues (others are ignored). Only checked with a venue. */
  closures?: readonly Closure[];
  hostAvailability?: readonly HostAvailability[];
  /** The item being moved or edited: it never conflicts with itself. */
  ignoreItemId?: string;
}

const KIND_ORDER: Record<ConflictKind, number> = {
  venue: 0,
  capacity: 1,
  host: 2,
  delegation: 3,
  closed: 4,
  unavailable: 5,
};

/** Throws a plain Error for a booking that can't exist (the route validates user input before this). */
function assertCandidate(input: { start: number; end: number; groupSize: number }): void {
  if (!Number.isFinite(input.start) || !Number.isFinite(input.end) || input.end <= input.start) {
    throw new Error("A booking must end after it starts");
  }
  if (!Number.isInteger(input.groupSize) || input.groupSize < 0) {
    throw new Error(`Group size must be a whole number ≥ 0, got ${input.groupSize}`);
  }
}

/** A stretch of the window with a constant number of other sessions and people at the venue. */
interface Load extends Interval {
  groups: number;
  people: number;
}

/** Step function of the load at the venue inside `window` from the sessions that overlap it. */
export function venueLoad(sessions: readonly ExistingBooking[], window: Interval): Load[] {
  const events: Array<{ at: number; groups: number; people: number }> = [];
  for (const s of sessions) {
    const start = Math.max(s.start, window.start);
    const end = Math.min(s.end, window.end);
    if (start >= end) continue;
    events.push({ at: start, groups: 1, people: s.groupSize }, { at: end, groups: -1, people: -s.groupSize });
  }
  events.sort((a, b) => a.at - b.at);
  const out: Load[] = [];
  let groups = 0;
  let people = 0;
  let cursor = window.start;
  for (const e of events) {
    if (e.at > cursor) {
      out.push({ start: cursor, end: e.at, groups, people });
      cursor = e.at;
    }
    groups += e.groups;
    people += e.people;
  }
  if (cursor < window.end) out.push({ start: cursor, end: window.end, groups, people });
  return out;
}

function venueConflicts(
  input: FindConflictsInput & { venue: VenueRules },
  window: Interval,
  sessions: ExistingBooking[],
): Conflict[] {
  const { venue, groupSize } = input;
  const out: Conflict[] = [];
  const load = venueLoad(sessions, window);
  const crowded = mergeIntervals(load.filter((l) => l.groups + 1 > venue.concurrentGroups));
  for (const s of sessions) {
    if (crowded.some((c) => overlaps(c, s))) {
      out.push({
        kind: "venue",
        hard: true,
        itemId: s.itemId,
        start: s.start,
        end: s.end,
        reason: `venue holds ${venue.concurrentGroups} group(s) at once`,
      });
    }
  }
  let over: { start: number; end: number; peak: number } | undefined;
  const flush = (): void => {
    if (!over) return;
    out.push({
      kind: "capacity",
      hard: true,
      start: over.start,
      end: over.end,
      reason: `${over.peak} people at once, capacity ${venue.capacity}`,
    });
    over = undefined;
  };
  for (const l of load) {
    const total = l.people + groupSize;
    if (total > venue.capacity) {
      if (over && over.end === l.start) {
        over.end = l.end;
        over.peak = Math.max(over.peak, total);
      } else {
        flush();
        over = { start: l.start, end: l.end, peak: total };
      }
    }
  }
  flush();
  return out;
}

function closedConflicts(input: FindConflictsInput & { venue: VenueRules }, window: Interval): Conflict[] {
  const { venue } = input;
  const clock = createZoneClock(venue.timeZone, window);
  const out: Conflict[] = [];
  if (venue.weeklyHours) {
    const open = openIntervals({
      weeklyHours: venue.weeklyHours,
      timeZone: venue.timeZone,
      range: window,
      clock,
    });
    for (const gap of complementIntervals(open, window)) {
      out.push({
        kind: "closed",
        hard: false,
        start: gap.start,
        end: gap.end,
        reason: "outside opening hours",
      });
    }
  }
  const closed = closedIntervals({
    closures: input.closures ?? [],
    timeZone: venue.timeZone,
    range: window,
    venueId: venue.id,
    opensOnHolidays: venue.opensOnHolidays ?? false,
    clock,
  });
  for (const c of closed) {
    out.push({
      kind: "closed",
      hard: false,
      closureId: c.closureId,
      reason: c.reason,
      start: c.start,
      end: c.end,
    });
  }
  return out;
}

function unavailableConflicts(input: FindConflictsInput, hostIds: ReadonlySet<string>): Conflict[] {
  const booking = { start: input.start, end: input.end };
  const out: Conflict[] = [];
  for (const a of input.hostAvailability ?? []) {
    if (!hostIds.has(a.hostId)) continue;
    const open = openIntervals({ weeklyHours: a.weeklyHours, timeZone: a.timeZone, range: booking });
    for (const gap of complementIntervals(open, booking)) {
      out.push({
        kind: "unavailable",
        hard: false,
        hostId: a.hostId,
        start: gap.start,
        end: gap.end,
        reason: "outside the host's weekly availability",
      });
    }
  }
  return out;
}

/**
 * Every conflict of a candidate booking, sorted by start then kind (venue, capacity, host, delegation,
 * closed, unavailable). Empty means it can be booked; only soft conflicts means it can with an override.
 */
export function findConflicts(input: FindConflictsInput): Conflict[] {
  assertCandidate(input);
  const bufferMinutes = input.venue?.bufferMinutes ?? 0;
  const bufferMs = bufferMinutes * MINUTE_MS;
  const booking: Interval = { start: input.start, end: input.end };
  const window: Interval = { start: input.start - bufferMs, end: input.end + bufferMs };
  const own = (b: ExistingBooking): boolean =>
    input.delegationId !== undefined && b.delegationIds.includes(input.delegationId);
  const notIgnored = (b: ExistingBooking): boolean => b.itemId !== input.ignoreItemId;
  const relevant = (b: ExistingBooking): boolean => notIgnored(b) && overlaps(b, booking);
  /** Marks a clash that lies only in the turnover time around the booking. */
  const inBuffer = (c: Conflict): Conflict =>
    bufferMs > 0 && !overlaps(c, booking) ? { ...c, bufferMinutes } : c;
  const out: Conflict[] = [];

  if (input.venue) {
    const venue = input.venue;
    // Other groups, within the buffer. The delegation's own sessions are not another group: overlapping
    // one is a delegation conflict (below), and going straight from one to the next is fine.
    const sessions = (input.venueBookings ?? []).filter(
      (b) => notIgnored(b) && !own(b) && overlaps(b, window),
    );
    out.push(...venueConflicts({ ...input, venue }, window, sessions).map(inBuffer));
    out.push(...closedConflicts({ ...input, venue }, window).map(inBuffer));
  }

  const hostIds = new Set(input.hostIds ?? []);
  for (const b of input.hostBookings ?? []) {
    // A host needs the turnover time between groups too, but not between one delegation's own items.
    if (!notIgnored(b) || !overlaps(b, own(b) ? booking : window)) continue;
    for (const hostId of b.hostIds ?? []) {
      if (!hostIds.has(hostId)) continue;
      out.push(
        inBuffer({
          kind: "host",
          hard: true,
          itemId: b.itemId,
          hostId,
          start: b.start,
          end: b.end,
          reason: b.title ? `host already booked: ${b.title}` : "host already booked",
        }),
      );
    }
  }

  const delegationId = input.delegationId;
  if (delegationId !== undefined) {
    for (const b of input.delegationBookings ?? []) {
      if (!relevant(b) || !b.delegationIds.includes(delegationId)) continue;
      out.push({
        kind: "delegation",
        hard: true,
        itemId: b.itemId,
        start: b.start,
        end: b.end,
        reason: b.title ? `delegation already at: ${b.title}` : "delegation already elsewhere",
      });
    }
  }

  out.push(...unavailableConflicts(input, hostIds));
  return out.sort((a, b) => a.start - b.start || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.end - b.end);
}
