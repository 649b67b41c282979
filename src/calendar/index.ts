/**
 * @module Public API of the calendar feature: ICS building, SEQUENCE rules, ETags and the build cache.
 * Pure and runtime-neutral (Node and Workers); callers pass `now` and own UIDs and SEQUENCE numbers.
 */

export { buildCalendar } from "./build-ics.js";
export { ICS_FORMAT_VERSION, ifNoneMatch, makeEtag } from "./etag.js";
export { IcsCache, type IcsCacheEntry, type IcsCacheKey, icsVersionKey } from "./ics-cache.js";
export { isMaterialChange, type MaterialFields, nextSequence } from "./material-change.js";
export type {
  AttendeeRole,
  BuildCalendarInput,
  CalendarAttendee,
  CalendarEvent,
  CalendarEventStatus,
  CalendarMethod,
  CalendarPerson,
} from "./types.js";
export { EMBEDDED_TIME_ZONES, indonesianVtimezone, type VtimezoneGenerator } from "./vtimezones.js";
