/**
 * @module Loads what the scheduling core needs for one window, one indexed query per resource, and maps
 * rows to its types. Only scheduled items count (a cancelled item keeps its row for calendars).
 *
 * NOTE: an item may last at most `MAX_ITEM_MINUTES`, so "items overlapping [a, b)" becomes the bounded
 * range scan `starts_at ∈ [a − MAX_ITEM, b)` on (venue_id, starts_at) or (host_id, starts_at), filtered by
 * `ends_at > a`, instead of every earlier item of the resource.
 */
import { and, eq, gt, gte, inArray, isNull, lt, lte, or } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { agendaItemDelegations, agendaItemHosts, agendaItems } from "../../db/schema/agenda";
import { closures } from "../../db/schema/closures";
import { blackouts, hosts, venues } from "../../db/schema/venues";
import type { Closure, ExistingBooking, Interval, VenueRules, Weekday } from "../scheduling/index";
import { toWeeklyHours } from "../venues/weekly-hours";

/** The longest agenda item (a day); it bounds every window scan. */
export const MAX_ITEM_MINUTES = 24 * 60;
const MAX_ITEM_MS = MAX_ITEM_MINUTES * 60_000;
const DAY_MS = 86_400_000;

export type VenueRow = typeof venues.$inferSelect;
export type HostRow = typeof hosts.$inferSelect;

export function venueRulesOf(v: VenueRow): VenueRules {
  return {
    id: v.id,
    capacity: v.capacity,
    concurrentGroups: v.concurrentGroups,
    bufferMinutes: v.bufferMinutes,
    timeZone: v.timeZone,
    weeklyHours: toWeeklyHours(v.weeklyHours),
    opensOnHolidays: v.opensOnHolidays,
  };
}

/** Booked sessions at a venue overlapping `window` (merged sessions once, with all their people). */
export async function loadVenueBookings(
  q: Queryable,
  venueId: string,
  window: Interval,
): Promise<ExistingBooking[]> {
  const rows = await q
    .select({
      id: agendaItems.id,
      startsAt: agendaItems.startsAt,
      endsAt: agendaItems.endsAt,
      groupSize: agendaItems.groupSize,
      title: agendaItems.title,
    })
    .from(agendaItems)
    .where(
      and(
        eq(agendaItems.venueId, venueId),
        gte(agendaItems.startsAt, new Date(window.start - MAX_ITEM_MS)),
        lt(agendaItems.startsAt, new Date(window.end)),
        gt(agendaItems.endsAt, new Date(window.start)),
        eq(agendaItems.status, "scheduled"),
      ),
    )
    .all();
  return rows.map((r) => ({
    itemId: r.id,
    start: r.startsAt.getTime(),
    end: r.endsAt.getTime(),
    groupSize: r.groupSize,
    delegationIds: [],
    title: r.title,
  }));
}

/** Items of these hosts overlapping `window`, one row per (item, host), each carrying its `hostIds`. */
export async function loadHostBookings(
  q: Queryable,
  hostIds: readonly string[],
  window: Interval,
): Promise<ExistingBooking[]> {
  if (hostIds.length === 0) return [];
  const rows = await q
    .select({
      id: agendaItemHosts.itemId,
      hostId: agendaItemHosts.hostId,
      startsAt: agendaItemHosts.startsAt,
      endsAt: agendaItemHosts.endsAt,
      groupSize: agendaItems.groupSize,
      title: agendaItems.title,
    })
    .from(agendaItemHosts)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaItemHosts.itemId))
    .where(
      and(
        hostIds.length === 1
          ? eq(agendaItemHosts.hostId, hostIds[0] as string)
          : inArray(agendaItemHosts.hostId, [...hostIds]),
        gte(agendaItemHosts.startsAt, new Date(window.start - MAX_ITEM_MS)),
        lt(agendaItemHosts.startsAt, new Date(window.end)),
        gt(agendaItemHosts.endsAt, new Date(window.start)),
        eq(agendaItems.status, "scheduled"),
      ),
    )
    .all();
  return rows.map((r) => ({
    itemId: r.id,
    start: (r.startsAt as Date).getTime(),
    end: (r.endsAt as Date).getTime(),
    groupSize: r.groupSize,
    delegationIds: [],
    hostIds: [r.hostId],
    title: r.title,
  }));
}

/** Items of these delegations overlapping `window`; a delegation has few items, so its index suffices. */
export async function loadDelegationBookings(
  q: Queryable,
  delegationIds: readonly string[],
  window: Interval,
): Promise<ExistingBooking[]> {
  if (delegationIds.length === 0) return [];
  const rows = await q
    .select({
      id: agendaItems.id,
      delegationId: agendaItemDelegations.delegationId,
      startsAt: agendaItems.startsAt,
      endsAt: agendaItems.endsAt,
      groupSize: agendaItems.groupSize,
      title: agendaItems.title,
    })
    .from(agendaItemDelegations)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaItemDelegations.itemId))
    .where(
      and(
        inArray(agendaItemDelegations.delegationId, [...delegationIds]),
        lt(agendaItems.startsAt, new Date(window.end)),
        gt(agendaItems.endsAt, new Date(window.start)),
        eq(agendaItems.status, "scheduled"),
      ),
    )
    .all();
  return rows.map((r) => ({
    itemId: r.id,
    start: r.startsAt.getTime(),
    end: r.endsAt.getTime(),
    groupSize: r.groupSize,
    delegationIds: [r.delegationId],
    title: r.title,
  }));
}

const utcDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * Closures touching `window` for a venue (or for every venue when `venueId` is undefined): closed dates
 * of the working calendar (±1 day, as they are read in each venue's zone) and blackouts.
 */
export async function loadClosures(
  q: Queryable,
  venueId: string | undefined,
  window: Interval,
): Promise<Closure[]> {
  const dates = await q
    .select({ id: closures.id, date: closures.date, name: closures.name })
    .from(closures)
    .where(
      and(
        gte(closures.date, utcDate(window.start - DAY_MS)),
        lte(closures.date, utcDate(window.end + DAY_MS)),
      ),
    )
    .all();
  const out: Closure[] = dates.map((d) => ({ kind: "date", id: d.id, reason: d.name, date: d.date }));
  const venueFilter =
    venueId === undefined ? undefined : or(isNull(blackouts.venueId), eq(blackouts.venueId, venueId));
  const timeFilter = or(
    eq(blackouts.kind, "weekly"),
    and(lt(blackouts.startsAt, new Date(window.end)), gt(blackouts.endsAt, new Date(window.start))),
  );
  const rows = await q
    .select()
    .from(blackouts)
    .where(venueFilter ? and(venueFilter, timeFilter) : timeFilter)
    .all();
  for (const b of rows) {
    if (b.kind === "once" && b.startsAt && b.endsAt) {
      out.push({
        kind: "one-off",
        id: b.id,
        reason: b.reason,
        venueId: b.venueId,
        start: b.startsAt.getTime(),
        end: b.endsAt.getTime(),
      });
    } else if (b.kind === "weekly" && b.weekdays && b.fromTime && b.toTime) {
      out.push({
        kind: "recurring",
        id: b.id,
        reason: b.reason,
        venueId: b.venueId,
        weekdays: b.weekdays as Weekday[],
        from: b.fromTime,
        to: b.toTime,
      });
    }
  }
  return out;
}

export async function loadVenue(q: Queryable, venueId: string): Promise<VenueRow | undefined> {
  return q.select().from(venues).where(eq(venues.id, venueId)).get();
}

export async function loadHosts(q: Queryable, hostIds: readonly string[]): Promise<HostRow[]> {
  if (hostIds.length === 0) return [];
  return q
    .select()
    .from(hosts)
    .where(inArray(hosts.id, [...hostIds]))
    .all();
}
