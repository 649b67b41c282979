/**
 * @module The pure scheduling core: intervals, opening hours, closures, working days, conflicts and
 * availability. No database, no clock reads (pass `now`), no node:* imports: it runs on Node and Workers.
 * Instants are epoch milliseconds; intervals are half-open [start, end).
 */
export { type FindFreeSlotsInput, findFreeSlots, MAX_SEARCH_DAYS, type SlotHost } from "./availability.js";
export {
  type FindConflictsInput,
  findConflicts,
  type HostAvailability,
} from "./conflicts.js";
export {
  clipInterval,
  clipIntervals,
  complementIntervals,
  expandInterval,
  mergeIntervals,
  overlaps,
  sortIntervals,
  subtractIntervals,
} from "./intervals.js";
export { type FindJoinConflictsInput, findJoinConflicts } from "./join-session.js";
export {
  assertWeeklyHours,
  type ClosedInterval,
  type ClosedIntervalsInput,
  closedIntervals,
  closureApplies,
  type OpenIntervalsInput,
  openIntervals,
} from "./opening-hours.js";
export type {
  Closure,
  Conflict,
  ConflictKind,
  DateClosure,
  ExistingBooking,
  Interval,
  LocalDate,
  LocalTime,
  LocalTimeRange,
  OneOffClosure,
  RecurringClosure,
  VenueRules,
  Weekday,
  WeeklyHours,
} from "./types.js";
export {
  addWorkingDays,
  closedDatesOf,
  earliestRequestDate,
  isRequestDateAllowed,
  isWorkingDay,
  type RequestLeadInput,
} from "./working-days.js";
export {
  addDays,
  assertTimeZone,
  createZoneClock,
  INDONESIAN_ZONES,
  isValidTimeZone,
  localDateOf,
  localDatesIn,
  localTimeOf,
  localToInstant,
  observesDaylightSaving,
  weekdayOf,
  type ZoneClock,
  zoneLabel,
} from "./zoned-time.js";
