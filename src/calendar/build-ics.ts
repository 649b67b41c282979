/**
 * @module Builds an iCalendar (RFC 5545 / iTIP RFC 5546) text for PUBLISH, REQUEST or CANCEL.
 *
 * Pure: no clock (DTSTAMP is `now`), no I/O, no `node:*` — it runs on Node and Workers. It wraps
 * ical-generator 10.2 around its traps: times go in as `TZDate`s in the venue zone, because a
 * plain `Date` is formatted in the *server's* zone even when a TZID is set; VTIMEZONEs come from a generator
 * (the library emits none by itself); the calendar gets a generator but no zone *name*, because a name makes
 * DTSTAMP lose its `Z`; and every value is cleaned or validated first (see `sanitize.ts`), because the
 * library writes UIDs, calendar names and quoted parameters raw.
 *
 * NOTE: ical-generator is slow (per-character folding, ~3–6 ms for 30 events). Build when the agenda
 * changes and serve from `IcsCache`, not per request.
 */

import { TZDate } from "@date-fns/tz";
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  type ICalEventData,
  ICalEventStatus,
} from "ical-generator";
import {
  assertEmail,
  assertUid,
  assertUrl,
  cleanLine,
  cleanMultiline,
  cleanParamName,
  escapeText,
} from "./sanitize.js";
import type {
  AttendeeRole,
  BuildCalendarInput,
  CalendarAttendee,
  CalendarEvent,
  CalendarMethod,
  CalendarPerson,
} from "./types.js";
import { indonesianVtimezone, type VtimezoneGenerator } from "./vtimezones.js";

const DEFAULT_PROD_ID = "//Sambang//Sambang//ID";

const METHODS: Record<CalendarMethod, ICalCalendarMethod> = {
  PUBLISH: ICalCalendarMethod.PUBLISH,
  REQUEST: ICalCalendarMethod.REQUEST,
  CANCEL: ICalCalendarMethod.CANCEL,
};

const STATUSES: Record<CalendarEvent["status"], ICalEventStatus> = {
  CONFIRMED: ICalEventStatus.CONFIRMED,
  CANCELLED: ICalEventStatus.CANCELLED,
  TENTATIVE: ICalEventStatus.TENTATIVE,
};

const ROLES: Record<AttendeeRole, ICalAttendeeRole> = {
  "REQ-PARTICIPANT": ICalAttendeeRole.REQ,
  "OPT-PARTICIPANT": ICalAttendeeRole.OPT,
  CHAIR: ICalAttendeeRole.CHAIR,
  "NON-PARTICIPANT": ICalAttendeeRole.NON,
};

/** Builds the calendar text (CRLF lines, folded at 75 octets). Throws `Error` on invalid input. */
export function buildCalendar(input: BuildCalendarInput): string {
  const { method, events } = input;
  assertValidDate(input.now, "now");
  const scheduling = method !== "PUBLISH";
  if (scheduling) {
    if (!input.organizer) throw new Error(`calendar: METHOD:${method} needs an organizer`);
    // iTIP messages describe one calendar object; Outlook and Gmail only act on the first UID anyway.
    const uids = new Set(events.map((e) => e.uid));
    if (uids.size !== 1) {
      throw new Error(`calendar: METHOD:${method} carries exactly one UID; send one message per agenda item`);
    }
  }
  const zones = zoneResolver(input.vtimezone);

  const calendar = ical({
    method: METHODS[method],
    prodId: cleanProdId(input.prodId ?? DEFAULT_PROD_ID),
    // A generator but no zone name: VTIMEZONEs are emitted and DTSTAMP stays UTC with `Z`.
    timezone: { name: null, generator: zones.generate },
  });
  const name = escapeText(cleanLine(input.name));
  if (name) calendar.name(name);
  if (input.refreshIntervalSeconds !== undefined) {
    if (!Number.isInteger(input.refreshIntervalSeconds) || input.refreshIntervalSeconds <= 0) {
      throw new Error("calendar: refreshIntervalSeconds must be a positive integer");
    }
    calendar.ttl(input.refreshIntervalSeconds);
  }

  const organizer = input.organizer ? person(input.organizer, "organizer") : undefined;
  for (const event of events) {
    zones.check(event.timeZone);
    calendar.createEvent(toEventData(event, { method, now: input.now, organizer }));
  }
  return calendar.toString();
}

function toEventData(
  event: CalendarEvent,
  ctx: { method: CalendarMethod; now: Date; organizer: CalendarPerson | undefined },
): ICalEventData {
  const where = `event ${event.uid}`;
  assertUid(event.uid);
  if (!Number.isSafeInteger(event.sequence) || event.sequence < 0) {
    throw new Error(`calendar: ${where}: sequence must be a non-negative integer`);
  }
  assertValidDate(event.start, `${where} start`);
  assertValidDate(event.end, `${where} end`);
  // The library would silently swap an inverted pair.
  if (event.end.getTime() < event.start.getTime()) throw new Error(`calendar: ${where}: end before start`);
  const summary = cleanLine(event.summary);
  if (!summary) throw new Error(`calendar: ${where}: summary is empty`);

  const data: ICalEventData = {
    id: event.uid,
    sequence: event.sequence,
    stamp: ctx.now,
    start: new TZDate(event.start.getTime(), event.timeZone),
    end: new TZDate(event.end.getTime(), event.timeZone),
    timezone: event.timeZone,
    summary,
    status: ctx.method === "CANCEL" ? ICalEventStatus.CANCELLED : STATUSES[event.status],
  };
  const description = event.description === undefined ? "" : cleanMultiline(event.description);
  if (description) data.description = description;
  const location = event.location === undefined ? "" : cleanLine(event.location, ", ");
  if (location) data.location = location;
  if (event.url !== undefined) data.url = assertUrl(event.url, where);
  if (event.lastModified !== undefined) {
    assertValidDate(event.lastModified, `${where} lastModified`);
    data.lastModified = event.lastModified;
  }
  const categories = (event.categories ?? []).map((c) => cleanLine(c)).filter((c) => c.length > 0);
  if (categories.length > 0) data.categories = categories.map((c) => ({ name: c }));
  if (ctx.organizer) data.organizer = ctx.organizer;

  if (ctx.method !== "PUBLISH") {
    const attendees = event.attendees ?? [];
    if (ctx.method === "REQUEST" && attendees.length === 0) {
      throw new Error(`calendar: ${where}: METHOD:REQUEST needs at least one attendee`);
    }
    data.attendees = attendees.map((a) => attendee(a, ctx.method, where));
  }
  return data;
}

function attendee(a: CalendarAttendee, method: CalendarMethod, where: string) {
  const base = { ...person(a, `${where} attendee`), role: ROLES[a.role ?? "REQ-PARTICIPANT"] };
  // No RSVP: Sambang reads no replies, so it asks for none.
  return method === "REQUEST" ? { ...base, status: ICalAttendeeStatus.NEEDSACTION } : base;
}

function person(p: CalendarPerson, field: string): CalendarPerson {
  const email = assertEmail(p.email, field);
  // The library refuses an empty CN; fall back to the address.
  return { name: cleanParamName(p.name) || email, email };
}

function cleanProdId(prodId: string): string {
  const value = prodId.startsWith("-") ? prodId.slice(1) : prodId;
  if (!/^[\x20-\x7e]{1,200}$/.test(value)) throw new Error("calendar: prodId must be printable ASCII");
  return value;
}

function assertValidDate(value: Date, field: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new Error(`calendar: ${field} is not a valid Date`);
  }
}

/** Resolves VTIMEZONE texts once per build and refuses zones it cannot describe. */
function zoneResolver(custom: VtimezoneGenerator | undefined) {
  const cache = new Map<string, string>();
  const lookup = (tz: string): string | null => {
    const cached = cache.get(tz);
    if (cached !== undefined) return cached;
    const text = custom?.(tz) ?? indonesianVtimezone(tz);
    if (text === null) return null;
    if (!text.includes("BEGIN:VTIMEZONE") || !text.includes(`TZID:${tz}`)) {
      throw new Error(`calendar: VTIMEZONE generator returned no VTIMEZONE for ${tz}`);
    }
    const component = text.slice(text.indexOf("BEGIN:VTIMEZONE"), text.lastIndexOf("END:VTIMEZONE") + 13);
    cache.set(tz, component);
    return component;
  };
  return {
    generate: lookup,
    check(tz: string): void {
      if (lookup(tz) === null) {
        throw new Error(`calendar: no VTIMEZONE for ${JSON.stringify(tz)}; pass a vtimezone generator`);
      }
    },
  };
}
