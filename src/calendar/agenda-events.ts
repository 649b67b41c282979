/**
 * @module Turns agenda items into calendar events: one VEVENT per item, UID = the item's `calendarUid`,
 * SEQUENCE = its `sequence`, LOCATION = venue name + address, DESCRIPTION = notes, dress code and person in
 * charge in the calendar's language. Pure; shared by the delegation calendar, invitations and feeds so all
 * three always say the same thing about an item.
 *
 * NOTE: a cancelled (or declined) visit cancels every item in every calendar even when the booking rows
 * were left `scheduled`. Clients only honour a cancellation with a higher SEQUENCE, so such items are written
 * with `sequence + 1` (`effectiveSequence`); the rule is deterministic, so every later build agrees.
 */
import type { DelegationStatus } from "../../db/schema/delegations";
import { localized } from "../i18n/dictionary";
import type { CalendarEvent } from "./types.js";

export type CalendarLocale = "id" | "en";

/** What the calendar needs of an agenda item (the row plus its venue), in plain data. */
export interface AgendaCalendarItem {
  calendarUid: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  /** IANA zone the item is written in: the venue's, else the host regency's. */
  timeZone: string;
  kind?: string;
  title: string;
  titleEn?: string | null;
  status: "scheduled" | "cancelled";
  venue?: { name: string; address: string } | null;
  notes?: string | null;
  notesEn?: string | null;
  dressCode?: string | null;
  personInCharge?: string | null;
  updatedAt?: Date;
}

/** What the calendar needs of the delegation. */
export interface AgendaCalendarDelegation {
  code: string;
  institution: string;
  status: DelegationStatus;
}

const LABELS = {
  id: { dress: "Pakaian", pic: "Penanggung jawab", visit: "Kunjungan" },
  en: { dress: "Dress code", pic: "Person in charge", visit: "Visit" },
} as const;

/** True when the visit itself is off, so every item is withdrawn. */
export function visitWithdrawn(status: DelegationStatus): boolean {
  return status === "cancelled" || status === "declined";
}

export function effectiveCancelled(item: AgendaCalendarItem, delegation: AgendaCalendarDelegation): boolean {
  return item.status === "cancelled" || visitWithdrawn(delegation.status);
}

/** The item's SEQUENCE as every calendar writes it (see the module note). */
export function effectiveSequence(item: AgendaCalendarItem, delegation: AgendaCalendarDelegation): number {
  return item.status === "scheduled" && visitWithdrawn(delegation.status) ? item.sequence + 1 : item.sequence;
}

export function itemTitle(item: AgendaCalendarItem, locale: CalendarLocale): string {
  return localized(locale, item.title, item.titleEn);
}

export function itemNotes(item: AgendaCalendarItem, locale: CalendarLocale): string | null {
  return localized(locale, item.notes?.trim() ?? "", item.notesEn) || null;
}

/** "Venue name, address" (the builder joins line breaks with `, ` too). */
export function locationOf(venue: { name: string; address: string } | null | undefined): string | undefined {
  if (!venue) return undefined;
  return [venue.name, venue.address].filter((p) => p.trim().length > 0).join("\n");
}

export function toCalendarEvent(
  item: AgendaCalendarItem,
  ctx: { delegation: AgendaCalendarDelegation; locale: CalendarLocale; url?: string },
): CalendarEvent {
  const l = LABELS[ctx.locale];
  const description = [
    itemNotes(item, ctx.locale),
    item.dressCode?.trim() ? `${l.dress}: ${item.dressCode.trim()}` : null,
    item.personInCharge?.trim() ? `${l.pic}: ${item.personInCharge.trim()}` : null,
  ]
    .filter((p): p is string => p !== null)
    .join("\n");
  const event: CalendarEvent = {
    uid: item.calendarUid,
    sequence: effectiveSequence(item, ctx.delegation),
    start: item.startsAt,
    end: item.endsAt,
    timeZone: item.timeZone,
    summary: itemTitle(item, ctx.locale),
    status: effectiveCancelled(item, ctx.delegation) ? "CANCELLED" : "CONFIRMED",
    categories: [`${l.visit} ${ctx.delegation.code}`],
  };
  if (description) event.description = description;
  const location = locationOf(item.venue);
  if (location) event.location = location;
  if (ctx.url) event.url = ctx.url;
  if (item.updatedAt) event.lastModified = item.updatedAt;
  return event;
}

/** Calendar name: "Kunjungan SB-2026-0042 · Pemkab Contoh". */
export function delegationCalendarName(delegation: AgendaCalendarDelegation, locale: CalendarLocale): string {
  return `${LABELS[locale].visit} ${delegation.code} · ${delegation.institution}`;
}
