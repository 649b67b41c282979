/**
 * @module Public API of the calendar feature: ICS building, SEQUENCE rules, ETags and the build cache.
 * Pure and runtime-neutral (Node and Workers); callers pass `now` and own UIDs and SEQUENCE numbers.
 */

export {
  type AgendaCalendarDelegation,
  type AgendaCalendarItem,
  type CalendarLocale,
  effectiveCancelled,
  effectiveSequence,
  toCalendarEvent,
  visitWithdrawn,
} from "./agenda-events.js";
export { buildCalendar } from "./build-ics.js";
export { type DelegationCalendarInput, delegationCalendar } from "./delegation-calendar.js";
export { ICS_FORMAT_VERSION, ifNoneMatch, makeEtag } from "./etag.js";
export {
  CANCELLED_RETENTION_DAYS,
  FEED_REFRESH_SECONDS,
  type FeedItem,
  feedCalendar,
  inFeedWindow,
} from "./feed-calendar.js";
export { IcsCache, type IcsCacheEntry, type IcsCacheKey, icsVersionKey } from "./ics-cache.js";
export {
  type Invitation,
  type InvitationInput,
  type InvitationMethod,
  invitationAttendees,
  invitationCalendar,
  invitationCalendars,
  organizerOf,
} from "./invitation.js";
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
