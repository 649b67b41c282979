/**
 * @module Reading agenda items for the API and pages: an item with its delegations (two or more for a
 * merged session), hosts and venue, and its times as UTC plus the venue's local wall time and zone label.
 */
import { asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { agendaItemDelegations, agendaItemHosts, agendaItems } from "../../db/schema/agenda";
import { delegations } from "../../db/schema/delegations";
import { venues } from "../../db/schema/venues";
import { AppError } from "../http/errors";
import { localDateOf, localTimeOf, zoneLabel } from "../scheduling/index";

export type AgendaItemRow = typeof agendaItems.$inferSelect;

interface ItemParty {
  delegationId: string;
  groupSize: number;
  code?: string;
  institution?: string;
}

export interface AgendaItemView {
  id: string;
  kind: AgendaItemRow["kind"];
  title: string;
  titleEn: string | null;
  status: AgendaItemRow["status"];
  startsAt: string;
  endsAt: string;
  local: { date: string; start: string; end: string; timeZone: string; zone: string };
  venueId: string | null;
  venue: { id: string; name: string; timeZone: string } | null;
  hostIds: string[];
  delegations: ItemParty[];
  merged: boolean;
  groupSize: number;
  personInCharge: string | null;
  dressCode: string | null;
  notes: string | null;
  overrideReason: string | null;
  calendarUid: string;
  sequence: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
}

function localTimes(start: number, end: number, timeZone: string) {
  return {
    date: localDateOf(start, timeZone),
    start: localTimeOf(start, timeZone),
    end: localTimeOf(end, timeZone),
    timeZone,
    zone: zoneLabel(timeZone, start),
  };
}

export function toView(
  row: AgendaItemRow,
  extra: {
    hostIds: string[];
    parties: ItemParty[];
    venue: { id: string; name: string; timeZone: string } | null;
    /** The host's zone, for an item without a venue. */
    hostTimeZone: string;
  },
): AgendaItemView {
  const zone = extra.venue?.timeZone ?? extra.hostTimeZone;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    titleEn: row.titleEn,
    status: row.status,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    local: localTimes(row.startsAt.getTime(), row.endsAt.getTime(), zone),
    venueId: row.venueId,
    venue: extra.venue,
    hostIds: extra.hostIds,
    delegations: extra.parties,
    merged: extra.parties.length > 1,
    groupSize: row.groupSize,
    personInCharge: row.personInCharge,
    dressCode: row.dressCode,
    notes: row.notes,
    overrideReason: row.overrideReason,
    calendarUid: row.calendarUid,
    sequence: row.sequence,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    cancelledAt: row.cancelledAt ? row.cancelledAt.toISOString() : null,
  };
}

/** Full views of these items (in the given order), with three batched queries. */
/** Views of these rows; an item without a venue is shown in `hostTimeZone`. */
export async function viewsOf(
  q: Queryable,
  rows: readonly AgendaItemRow[],
  hostTimeZone: string,
): Promise<AgendaItemView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const hostLinks = await q
    .select({ itemId: agendaItemHosts.itemId, hostId: agendaItemHosts.hostId })
    .from(agendaItemHosts)
    .where(inArray(agendaItemHosts.itemId, ids))
    .all();
  const parties = await q
    .select({
      itemId: agendaItemDelegations.itemId,
      delegationId: agendaItemDelegations.delegationId,
      groupSize: agendaItemDelegations.groupSize,
      code: delegations.code,
      institution: delegations.institution,
    })
    .from(agendaItemDelegations)
    .innerJoin(delegations, eq(delegations.id, agendaItemDelegations.delegationId))
    .where(inArray(agendaItemDelegations.itemId, ids))
    .all();
  const venueIds = [...new Set(rows.map((r) => r.venueId).filter((v): v is string => Boolean(v)))];
  const venueRows =
    venueIds.length === 0
      ? []
      : await q
          .select({ id: venues.id, name: venues.name, timeZone: venues.timeZone })
          .from(venues)
          .where(inArray(venues.id, venueIds))
          .all();
  const venueById = new Map(venueRows.map((v) => [v.id, v]));
  return rows.map((row) =>
    toView(row, {
      hostIds: hostLinks.filter((h) => h.itemId === row.id).map((h) => h.hostId),
      parties: parties
        .filter((p) => p.itemId === row.id)
        .map(({ itemId: _i, ...p }) => p)
        .sort((a, b) => a.code.localeCompare(b.code)),
      venue: row.venueId ? (venueById.get(row.venueId) ?? null) : null,
      hostTimeZone,
    }),
  );
}

export async function getItemRow(q: Queryable, itemId: string): Promise<AgendaItemRow> {
  const row = await q.select().from(agendaItems).where(eq(agendaItems.id, itemId)).get();
  if (!row) throw new AppError("not_found", { details: { entity: "agenda_item", id: itemId } });
  return row;
}

export async function getItemView(
  q: Queryable,
  itemId: string,
  hostTimeZone: string,
): Promise<AgendaItemView> {
  const [view] = await viewsOf(q, [await getItemRow(q, itemId)], hostTimeZone);
  return view as AgendaItemView;
}

/** A delegation's agenda, merged sessions included, cancelled items too (marked), by start. */
export async function listDelegationAgenda(
  q: Queryable,
  delegationId: string,
  hostTimeZone: string,
): Promise<AgendaItemView[]> {
  const rows = await q
    .select({ item: agendaItems })
    .from(agendaItemDelegations)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaItemDelegations.itemId))
    .where(eq(agendaItemDelegations.delegationId, delegationId))
    .orderBy(asc(agendaItems.startsAt))
    .all();
  return viewsOf(
    q,
    rows.map((r) => r.item),
    hostTimeZone,
  );
}
