/**
 * @module Invitation calendars for mail (iTIP, RFC 5546): METHOD:REQUEST to invite or update, METHOD:CANCEL
 * to withdraw an item or a cancelled visit. One message per agenda item (one UID per iTIP message). The
 * ORGANIZER is the protocol office from config; attendees are the delegation's contact person and every
 * participant with a usable e-mail address. Pure: the mail feature calls these and attaches the text.
 *
 * A CANCEL is only honoured by clients when its SEQUENCE is higher than the last REQUEST's: the booking
 * service raises `sequence` when it cancels an item, and a cancelled visit adds one (`effectiveSequence`).
 */
import type { DelegationStatus } from "../../db/schema/delegations";
import {
  type AgendaCalendarDelegation,
  type AgendaCalendarItem,
  type CalendarLocale,
  delegationCalendarName,
  effectiveCancelled,
  toCalendarEvent,
} from "./agenda-events.js";
import { buildCalendar } from "./build-ics.js";
import type { CalendarAttendee, CalendarPerson } from "./types.js";

export type InvitationMethod = "REQUEST" | "CANCEL";

export interface InvitationInput {
  delegation: AgendaCalendarDelegation;
  item: AgendaCalendarItem;
  organizer: CalendarPerson;
  attendees: readonly CalendarAttendee[];
  method: InvitationMethod;
  now: Date;
  locale?: CalendarLocale;
  /** The itinerary link, written as URL. */
  url?: string;
}

export interface Invitation {
  method: InvitationMethod;
  uid: string;
  sequence: number;
  /** The ICS text (CRLF, folded). */
  body: string;
}

/** One invitation (or cancellation) for one agenda item. */
export function invitationCalendar(input: InvitationInput): Invitation {
  const locale = input.locale ?? "id";
  const event = toCalendarEvent(input.item, { delegation: input.delegation, locale, url: input.url });
  if (input.method === "REQUEST" && effectiveCancelled(input.item, input.delegation)) {
    throw new Error("calendar: a cancelled item is withdrawn with METHOD:CANCEL, not REQUEST");
  }
  event.attendees = [...input.attendees];
  const body = buildCalendar({
    method: input.method,
    name: delegationCalendarName(input.delegation, locale),
    now: input.now,
    organizer: input.organizer,
    events: [event],
  });
  return { method: input.method, uid: event.uid, sequence: event.sequence, body };
}

/** One message per item: REQUEST for live items, CANCEL for cancelled ones (or all, for a cancelled visit). */
export function invitationCalendars(
  input: Omit<InvitationInput, "item" | "method"> & { items: readonly AgendaCalendarItem[] },
): Invitation[] {
  return input.items.map((item) =>
    invitationCalendar({
      ...input,
      item,
      method: effectiveCancelled(item, input.delegation) ? "CANCEL" : "REQUEST",
    }),
  );
}

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/**
 * The attendee list: the contact person (CHAIR of the visiting side's replies), then participants with an
 * e-mail, deduplicated case-insensitively. Addresses the calendar cannot carry are skipped, not fatal: one
 * mistyped roster row must not stop the whole delegation's invitations.
 */
export function invitationAttendees(input: {
  delegation: { contactName: string; contactEmail: string; status?: DelegationStatus };
  participants: readonly { name: string; email: string | null }[];
}): CalendarAttendee[] {
  const seen = new Set<string>();
  const out: CalendarAttendee[] = [];
  const add = (name: string, email: string | null) => {
    const address = email?.trim() ?? "";
    if (!EMAIL.test(address) || address.length > 254) return;
    const key = address.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ name, email: address, role: "REQ-PARTICIPANT" });
  };
  add(input.delegation.contactName, input.delegation.contactEmail);
  for (const p of input.participants) add(p.name, p.email);
  return out;
}

/** ORGANIZER from config: `organizerName`/`organizerEmail`, which default to MAIL_FROM's name and address. */
export function organizerOf(config: { organizerName: string; organizerEmail: string }): CalendarPerson {
  return { name: config.organizerName, email: config.organizerEmail };
}
