/**
 * @module Reads a delegation's agenda as the itinerary, rundown, builder and calendars need it: the
 * delegation, its items (shared sessions included) with venue and hosts, and the roster in protocol order.
 * Read-only; every write to agenda items goes through the booking service (src/bookings/).
 */
import { asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import {
  type AGENDA_KINDS,
  agendaItemDelegations,
  agendaItemHosts,
  agendaItems,
} from "../../db/schema/agenda";
import {
  type DateRange,
  type DelegationStatus,
  delegations,
  participants,
} from "../../db/schema/delegations";
import { hosts, venues } from "../../db/schema/venues";
import type { AgendaCalendarItem } from "../calendar/agenda-events";

export interface AgendaVenue {
  id: string;
  name: string;
  address: string;
  mapUrl: string | null;
  timeZone: string;
}

export interface AgendaHost {
  id: string;
  name: string;
  title: string;
  agency: string | null;
  phone: string | null;
  email: string | null;
}

export interface AgendaEntry extends AgendaCalendarItem {
  id: string;
  kind: (typeof AGENDA_KINDS)[number];
  groupSize: number;
  venue: AgendaVenue | null;
  hosts: AgendaHost[];
  version: number;
  updatedAt: Date;
  cancelledAt: Date | null;
  overrideReason: string | null;
  /** Other delegations sharing this session (merged tour), by code. */
  sharedWith: string[];
}

export interface AgendaDelegation {
  id: string;
  code: string;
  status: DelegationStatus;
  institution: string;
  provinceCode: string | null;
  regencyCode: string | null;
  leaderName: string;
  leaderTitle: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  language: "id" | "en";
  expectedSize: number;
  version: number;
  updatedAt: Date;
  /** The confirmed dates (null until confirmed): items outside them are flagged. */
  confirmedDates: DateRange | null;
  /** The dates the visitors asked for (the first choice). */
  preferredDates: DateRange;
}

export interface AgendaParticipant {
  id: string;
  name: string;
  title: string;
  institution: string | null;
  email: string | null;
  phone: string | null;
  precedenceRank: number;
  needs: string | null;
}

export interface DelegationAgenda {
  delegation: AgendaDelegation;
  items: AgendaEntry[];
}

export async function findAgendaDelegation(db: Queryable, id: string): Promise<AgendaDelegation | null> {
  const row = await db
    .select({
      id: delegations.id,
      code: delegations.code,
      status: delegations.status,
      institution: delegations.institution,
      provinceCode: delegations.provinceCode,
      regencyCode: delegations.regencyCode,
      leaderName: delegations.leaderName,
      leaderTitle: delegations.leaderTitle,
      contactName: delegations.contactName,
      contactEmail: delegations.contactEmail,
      contactPhone: delegations.contactPhone,
      language: delegations.language,
      expectedSize: delegations.expectedSize,
      confirmedDates: delegations.confirmedDates,
      preferredDates: delegations.preferredDates,
      version: delegations.version,
      updatedAt: delegations.updatedAt,
    })
    .from(delegations)
    .where(eq(delegations.id, id))
    .get();
  return row ?? null;
}

/**
 * The delegation and its agenda items in time order, or null when the delegation does not exist. Items
 * without a venue (travel, free time) are given `hostTimeZone`, the host's configured zone.
 */
export async function loadDelegationAgenda(
  db: Queryable,
  delegationId: string,
  hostTimeZone: string,
): Promise<DelegationAgenda | null> {
  const delegation = await findAgendaDelegation(db, delegationId);
  if (!delegation) return null;
  const links = await db
    .select({ itemId: agendaItemDelegations.itemId })
    .from(agendaItemDelegations)
    .where(eq(agendaItemDelegations.delegationId, delegationId));
  const items = await loadItems(
    db,
    links.map((l) => l.itemId),
    hostTimeZone,
  );
  for (const item of items) item.sharedWith = item.sharedWith.filter((code) => code !== delegation.code);
  return { delegation, items };
}

/** Items by id with venue, hosts and the codes of every delegation in them, in time order. */
export async function loadItems(
  db: Queryable,
  ids: readonly string[],
  hostTimeZone: string,
): Promise<AgendaEntry[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ item: agendaItems, venue: venues })
    .from(agendaItems)
    .leftJoin(venues, eq(venues.id, agendaItems.venueId))
    .where(inArray(agendaItems.id, [...ids]))
    .orderBy(asc(agendaItems.startsAt), asc(agendaItems.endsAt), asc(agendaItems.id));
  const [hostRows, delegationRows] = await Promise.all([
    db
      .select({ itemId: agendaItemHosts.itemId, host: hosts })
      .from(agendaItemHosts)
      .innerJoin(hosts, eq(hosts.id, agendaItemHosts.hostId))
      .where(inArray(agendaItemHosts.itemId, [...ids]))
      .orderBy(asc(hosts.name)),
    db
      .select({ itemId: agendaItemDelegations.itemId, code: delegations.code })
      .from(agendaItemDelegations)
      .innerJoin(delegations, eq(delegations.id, agendaItemDelegations.delegationId))
      .where(inArray(agendaItemDelegations.itemId, [...ids])),
  ]);
  const hostsOf = new Map<string, AgendaHost[]>();
  for (const { itemId, host } of hostRows) {
    const list = hostsOf.get(itemId) ?? [];
    list.push({
      id: host.id,
      name: host.name,
      title: host.title,
      agency: host.agency,
      phone: host.phone,
      email: host.email,
    });
    hostsOf.set(itemId, list);
  }
  const codesOf = new Map<string, string[]>();
  for (const { itemId, code } of delegationRows) codesOf.set(itemId, [...(codesOf.get(itemId) ?? []), code]);

  return rows.map(({ item, venue }) => ({
    id: item.id,
    kind: item.kind,
    calendarUid: item.calendarUid,
    sequence: item.sequence,
    startsAt: item.startsAt,
    endsAt: item.endsAt,
    timeZone: venue?.timeZone ?? hostTimeZone,
    title: item.title,
    titleEn: item.titleEn,
    status: item.status,
    venue: venue
      ? {
          id: venue.id,
          name: venue.name,
          address: venue.address,
          mapUrl: venue.mapUrl,
          timeZone: venue.timeZone,
        }
      : null,
    hosts: hostsOf.get(item.id) ?? [],
    notes: item.notes,
    notesEn: item.notesEn,
    dressCode: item.dressCode,
    personInCharge: item.personInCharge,
    groupSize: item.groupSize,
    version: item.version,
    updatedAt: item.updatedAt,
    cancelledAt: item.cancelledAt,
    overrideReason: item.overrideReason,
    sharedWith: (codesOf.get(item.id) ?? []).sort(),
  }));
}

/** The roster in protocol precedence order (lower rank first, then name). */
export async function loadParticipants(db: Queryable, delegationId: string): Promise<AgendaParticipant[]> {
  return db
    .select({
      id: participants.id,
      name: participants.name,
      title: participants.title,
      institution: participants.institution,
      email: participants.email,
      phone: participants.phone,
      precedenceRank: participants.precedenceRank,
      needs: participants.needs,
    })
    .from(participants)
    .where(eq(participants.delegationId, delegationId))
    .orderBy(asc(participants.precedenceRank), asc(participants.name));
}
