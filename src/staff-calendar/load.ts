/**
 * @module Data of the staff calendar: per local day of a venue's (or a host's) week, the opening hours,
 * the closed stretches (holidays, breaks, blackouts) and the booked items with their delegations, merged
 * sessions included, and which of them are tentative (held only for visits not yet confirmed). Times are
 * local wall times in the venue's (host's) zone.
 */
import { and, asc, eq, gt, gte, inArray, lt } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { agendaItemDelegations, agendaItemHosts, agendaItems } from "../../db/schema/agenda";
import { delegations } from "../../db/schema/delegations";
import { hosts } from "../../db/schema/venues";
import { type AgendaItemView, viewsOf } from "../bookings/items";
import { loadClosures, MAX_ITEM_MINUTES, type VenueRow, venueRulesOf } from "../bookings/load";
import { isTentative } from "../calendar/tentative";
import {
  addDays,
  type Closure,
  closedIntervals,
  createZoneClock,
  type Interval,
  localToInstant,
  type Weekday,
  weekdayOf,
} from "../scheduling/index";
import type { HostRow } from "../venues/service";

interface CalendarClosure {
  start: string;
  end: string;
  reason: string;
  allDay: boolean;
}

export interface CalendarDay {
  date: string;
  weekday: Weekday;
  /** Opening ranges ("08:00–12:00"), empty when closed all day; undefined for hosts without hours. */
  hours?: string[];
  closures: CalendarClosure[];
  items: AgendaItemView[];
  hostNames: Record<string, string>;
  /** Ids of the day's tentative items. */
  tentative: string[];
}

/** The Monday of the week holding `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

function dayRange(first: string, days: number, timeZone: string): Interval {
  return {
    start: localToInstant({ date: first, time: "00:00", timeZone }),
    end: localToInstant({ date: addDays(first, days), time: "00:00", timeZone }),
  };
}

const MAX_ITEM_MS = MAX_ITEM_MINUTES * 60_000;

function splitClosures(closures: Closure[], days: string[], timeZone: string, venue?: VenueRow) {
  const range = dayRange(days[0] as string, days.length, timeZone);
  const clock = createZoneClock(timeZone, range);
  const closed = closedIntervals({
    closures,
    timeZone,
    range,
    ...(venue ? { venueId: venue.id, opensOnHolidays: venue.opensOnHolidays } : {}),
    clock,
  });
  const byDay = new Map<string, CalendarClosure[]>(days.map((d) => [d, []]));
  const hhmm = (wall: number) => {
    const m = Math.floor((((wall % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
    return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  };
  for (const c of closed) {
    for (const d of days) {
      const day = dayRange(d, 1, timeZone);
      const start = Math.max(c.start, day.start);
      const end = Math.min(c.end, day.end);
      if (start >= end) continue;
      byDay.get(d)?.push({
        start: hhmm(clock.instantToWall(start)),
        end: end === day.end ? "24:00" : hhmm(clock.instantToWall(end)),
        reason: c.reason,
        allDay: start === day.start && end === day.end,
      });
    }
  }
  return byDay;
}

/** The ids of `items` held only for visits not yet confirmed. */
async function tentativeOf(q: Queryable, items: AgendaItemView[]): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const rows = await q
    .select({ itemId: agendaItemDelegations.itemId, status: delegations.status })
    .from(agendaItemDelegations)
    .innerJoin(delegations, eq(delegations.id, agendaItemDelegations.delegationId))
    .where(
      inArray(
        agendaItemDelegations.itemId,
        items.map((i) => i.id),
      ),
    )
    .all();
  const byItem = new Map<string, (typeof rows)[number]["status"][]>();
  for (const r of rows) byItem.set(r.itemId, [...(byItem.get(r.itemId) ?? []), r.status]);
  return new Set([...byItem].filter(([, statuses]) => isTentative(statuses)).map(([id]) => id));
}

async function hostNamesOf(q: Queryable, items: AgendaItemView[]): Promise<Record<string, string>> {
  const ids = [...new Set(items.flatMap((i) => i.hostIds))];
  if (ids.length === 0) return {};
  const rows = await q
    .select({ id: hosts.id, name: hosts.name })
    .from(hosts)
    .where(inArray(hosts.id, ids))
    .all();
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

function groupByDay(items: AgendaItemView[], days: string[]) {
  const map = new Map<string, AgendaItemView[]>(days.map((d) => [d, []]));
  for (const item of items) map.get(item.local.date)?.push(item);
  return map;
}

export async function venueCalendar(q: Queryable, venue: VenueRow, first: string, count: number) {
  const days = Array.from({ length: count }, (_, i) => addDays(first, i));
  const range = dayRange(first, count, venue.timeZone);
  const rows = await q
    .select()
    .from(agendaItems)
    .where(
      and(
        eq(agendaItems.venueId, venue.id),
        gte(agendaItems.startsAt, new Date(range.start - MAX_ITEM_MS)),
        lt(agendaItems.startsAt, new Date(range.end)),
        gt(agendaItems.endsAt, new Date(range.start)),
        eq(agendaItems.status, "scheduled"),
      ),
    )
    .orderBy(asc(agendaItems.startsAt))
    .all();
  // Every item here is at this venue, so the fallback zone is never used.
  const items = await viewsOf(q, rows, venue.timeZone);
  const [hostNames, tentative] = await Promise.all([hostNamesOf(q, items), tentativeOf(q, items)]);
  const closures = splitClosures(await loadClosures(q, venue.id, range), days, venue.timeZone, venue);
  const perDay = groupByDay(items, days);
  const rules = venueRulesOf(venue);
  return days.map(
    (date): CalendarDay => ({
      date,
      weekday: weekdayOf(date),
      hours: (rules.weeklyHours?.[weekdayOf(date)] ?? []).map((r) => `${r.from}–${r.to}`),
      closures: closures.get(date) ?? [],
      items: perDay.get(date) ?? [],
      hostNames,
      tentative: (perDay.get(date) ?? []).filter((i) => tentative.has(i.id)).map((i) => i.id),
    }),
  );
}

export async function hostCalendar(q: Queryable, host: HostRow, first: string, count: number) {
  const days = Array.from({ length: count }, (_, i) => addDays(first, i));
  const range = dayRange(first, count, host.timeZone);
  const rows = await q
    .select({ item: agendaItems })
    .from(agendaItemHosts)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaItemHosts.itemId))
    .where(
      and(
        eq(agendaItemHosts.hostId, host.id),
        gte(agendaItemHosts.startsAt, new Date(range.start - MAX_ITEM_MS)),
        lt(agendaItemHosts.startsAt, new Date(range.end)),
        gt(agendaItemHosts.endsAt, new Date(range.start)),
        eq(agendaItems.status, "scheduled"),
      ),
    )
    .orderBy(asc(agendaItems.startsAt))
    .all();
  // A host's day is read in the host's zone, whatever the venue's.
  const items = (
    await viewsOf(
      q,
      rows.map((r) => r.item),
      host.timeZone,
    )
  ).map((v) => {
    const clock = createZoneClock(host.timeZone);
    const wall = clock.instantToWall(Date.parse(v.startsAt));
    return { ...v, local: { ...v.local, date: new Date(wall).toISOString().slice(0, 10) } };
  });
  const [hostNames, tentative] = await Promise.all([hostNamesOf(q, items), tentativeOf(q, items)]);
  const holidays = (await loadClosures(q, undefined, range)).filter((c) => c.kind === "date");
  const closures = splitClosures(holidays, days, host.timeZone);
  const perDay = groupByDay(items, days);
  return days.map(
    (date): CalendarDay => ({
      date,
      weekday: weekdayOf(date),
      ...(host.weeklyAvailability
        ? {
            hours: (host.weeklyAvailability[String(weekdayOf(date)) as "1"] ?? []).map(
              (r) => `${r.from}–${r.to}`,
            ),
          }
        : {}),
      closures: closures.get(date) ?? [],
      items: perDay.get(date) ?? [],
      hostNames,
      tentative: (perDay.get(date) ?? []).filter((i) => tentative.has(i.id)).map((i) => i.id),
    }),
  );
}
