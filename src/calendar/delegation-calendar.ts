/**
 * @module The published calendar of one delegation (METHOD:PUBLISH): every agenda item a VEVENT, cancelled
 * ones as STATUS:CANCELLED, no attendees (a downloaded or shared file must not leak e-mail addresses).
 * Served at `/i/{token}/calendar.ics` and `/api/v1/delegations/{id}/calendar.ics`. Pure.
 */
import {
  type AgendaCalendarDelegation,
  type AgendaCalendarItem,
  type CalendarLocale,
  delegationCalendarName,
  toCalendarEvent,
} from "./agenda-events.js";
import { buildCalendar } from "./build-ics.js";

export interface DelegationCalendarInput {
  delegation: AgendaCalendarDelegation;
  items: readonly AgendaCalendarItem[];
  locale: CalendarLocale;
  now: Date;
  /** URL property of every event: the itinerary link (visitors) or the staff agenda page. */
  url?: string;
}

/** How often subscribed clients should refresh a delegation calendar (1 hour). */
export const DELEGATION_REFRESH_SECONDS = 3600;

export function delegationCalendar(input: DelegationCalendarInput): string {
  const { delegation, locale, url } = input;
  const events = [...input.items]
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((item) => toCalendarEvent(item, { delegation, locale, url }));
  return buildCalendar({
    method: "PUBLISH",
    name: delegationCalendarName(delegation, locale),
    now: input.now,
    events,
    refreshIntervalSeconds: DELEGATION_REFRESH_SECONDS,
  });
}
