/**
 * @module Shared types of the pure scheduling core.
 *
 * One thing to know: every instant is a number of epoch milliseconds (UTC), and every interval is half-open
 * `[start, end)`, so a visit ending at 10:00 and one starting at 10:00 touch but do not overlap. Wall-clock
 * values only appear as strings in a named IANA zone: `LocalDate` ("YYYY-MM-DD") and `LocalTime` ("HH:MM",
 * "24:00" allowed as an end).
 */

/** Half-open interval of epoch milliseconds: `start` is inside, `end` is not. */
export interface Interval {
  start: number;
  end: number;
}

/** ISO weekday: 1 = Monday (Senin) … 7 = Sunday (Minggu). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Local calendar date "YYYY-MM-DD" (no zone of its own: it is read in the zone it is used with). */
export type LocalDate = string;

/** Local wall time "HH:MM", 00:00–23:59, or "24:00" as the end of a range. */
export type LocalTime = string;

/** A wall-clock range inside one local day; `to` must be after `from` (overnight ranges are two ranges). */
export interface LocalTimeRange {
  from: LocalTime;
  to: LocalTime;
}

/**
 * Weekly opening hours (or a host's weekly availability). A weekday that is missing or has an empty list is
 * closed all day; a day may have several ranges (08:00–12:00 and 13:00–16:00).
 */
export type WeeklyHours = Partial<Record<Weekday, readonly LocalTimeRange[]>>;

/**
 * When a place is closed besides its weekly hours. Every closure has an `id` and a `reason` so that a
 * conflict can name it; `venueId` limits it to one venue (absent or null: all venues).
 */
export type Closure = OneOffClosure | RecurringClosure | DateClosure;

/** A one-off blackout between two instants (a renovation, a regent's event using the hall). */
export interface OneOffClosure {
  kind: "one-off";
  id: string;
  reason: string;
  venueId?: string | null;
  start: number;
  end: number;
}

/** A weekly local-time break: the daily 12:00–13:00 break, Friday prayers (Jumatan) 11:30–13:00. */
export interface RecurringClosure {
  kind: "recurring";
  id: string;
  reason: string;
  venueId?: string | null;
  weekdays: readonly Weekday[];
  from: LocalTime;
  to: LocalTime;
}

/**
 * A whole local day closed: a national holiday or *cuti bersama* (the government's collective leave days
 * bridging holidays). A date closure for all venues is a holiday: a venue with `opensOnHolidays` ignores it;
 * one with a `venueId` always applies to that venue.
 */
export interface DateClosure {
  kind: "date";
  id: string;
  reason: string;
  venueId?: string | null;
  date: LocalDate;
}

/** What the scheduling core needs to know about a venue. */
export interface VenueRules {
  id: string;
  /** People the venue holds at once, across all concurrent groups. */
  capacity: number;
  /** Distinct sessions the venue can hold at once (default 1 in the domain). */
  concurrentGroups: number;
  /** Minutes kept free before and after each booking (set-up, clearing, moving people). */
  bufferMinutes: number;
  /** IANA zone, e.g. Asia/Jakarta. Opening hours, breaks and holidays are read in it. */
  timeZone: string;
  /** Omitted: open around the clock. */
  weeklyHours?: WeeklyHours;
  /** Open on national holidays and cuti bersama (date closures for all venues don't apply). */
  opensOnHolidays?: boolean;
}

/** An agenda item that already holds a venue, hosts or delegations. */
export interface ExistingBooking {
  itemId: string;
  start: number;
  end: number;
  /** People in the session (both groups of a merged session). */
  groupSize: number;
  /** Delegations in the session; a merged session holds two or more and still counts as one group. */
  delegationIds: readonly string[];
  /** Hosts of the session; needed for host bookings, so a conflict can say which host is busy. */
  hostIds?: readonly string[];
  title?: string;
}

/** Kinds of conflict: venue = too many concurrent groups, capacity = too many people. */
export type ConflictKind = "venue" | "capacity" | "host" | "delegation" | "closed" | "unavailable";

/**
 * One reason a booking can't go where it was asked. `hard` conflicts (venue, capacity, host, delegation)
 * can never be overridden; soft ones (closed, unavailable) may be by protocol staff with a recorded reason.
 */
export interface Conflict {
  kind: ConflictKind;
  hard: boolean;
  /** The clashing time: the existing item's times, or the closed / over-capacity part of the window. */
  start: number;
  end: number;
  /** The existing agenda item (venue, host, delegation conflicts). */
  itemId?: string;
  /** The closure (closed conflicts from a closure; absent when outside opening hours). */
  closureId?: string;
  /** The host that is busy or unavailable. */
  hostId?: string;
  reason?: string;
  /**
   * Set (to the venue's turnover minutes) when the clash lies only in the turnover time around the
   * requested booking, not in the booking itself, so a message can name the buffer apart from the times.
   */
  bufferMinutes?: number;
}
