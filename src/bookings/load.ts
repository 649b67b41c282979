/**
 * @module Loads what the scheduling core needs for one window, one indexed query per resource, and maps
 * rows to its types. Only scheduled items count (a cancelled item keeps its row for calendars).
 *
 * NOTE: an item may last at most `MAX_ITEM_MINUTES`, so "items overlapping [a, b)" becomes the bounded
 * range scan `starts_at ∈ [a − MAX_ITEM, b)` on (venue_id, starts_at) or (host_id, starts_at), filtered by
 * `ends_at > a`, instead of every earlier item of the resource.
 *
 * NOTE: each query returns ONE value, the rows aggregated by SQLite into a JSON array
 * (`json_group_array`), parsed with JSON.parse. libSQL builds a JS object with a property per column for
 * every row (≈3 µs per value here), and drizzle's query builder adds ≈0.3 ms per query; for a 90-day
 * search this cut the loads from ≈6 ms to under 1 ms (bench section a). Outside a transaction the
 * client is called directly; inside one the same SQL runs through the transaction.
 */
import type { InValue } from "@libsql/client";
import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import type { hosts, venues, WeeklyHoursJson } from "../../db/schema/venues";
import type { Closure, ExistingBooking, Interval, VenueRules, Weekday } from "../scheduling/index";
import { toWeeklyHours } from "../venues/weekly-hours";

/** The longest agenda item (a day); it bounds every window scan. */
export const MAX_ITEM_MINUTES = 24 * 60;
const MAX_ITEM_MS = MAX_ITEM_MINUTES * 60_000;
const DAY_MS = 86_400_000;

export type VenueRow = typeof venues.$inferSelect;
export type HostRow = typeof hosts.$inferSelect;

function toDrizzle(text: string, args: readonly InValue[]): SQL {
  const parts = text.split("?");
  if (parts.length !== args.length + 1) throw new Error("placeholder count does not match arguments");
  const chunks: SQL[] = [];
  parts.forEach((part, i) => {
    chunks.push(sql.raw(part));
    if (i < args.length) chunks.push(sql`${args[i]}`);
  });
  return sql.join(chunks);
}

/** Runs a query whose only column `j` is a JSON array, and returns it parsed. */
async function jsonRows<T>(q: Queryable, text: string, args: readonly InValue[]): Promise<T[]> {
  let json: unknown;
  const client = "$client" in q ? (q as { $client: import("@libsql/client").Client }).$client : undefined;
  if (client) {
    const res = await client.execute({ sql: text, args: [...args] });
    json = res.rows[0]?.[0];
  } else {
    json = (await q.get<{ j: string | null }>(toDrizzle(text, args)))?.j;
  }
  return typeof json === "string" ? (JSON.parse(json) as T[]) : [];
}

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

type BookingTuple = [id: string, start: number, end: number, groupSize: number, title: string];

/** Booked sessions at a venue overlapping `window` (merged sessions once, with all their people). */
export async function loadVenueBookings(
  q: Queryable,
  venueId: string,
  window: Interval,
): Promise<ExistingBooking[]> {
  // Each session's delegations come along: the turnover buffer applies only between different groups.
  const rows = await jsonRows<[...BookingTuple, delegationIds: string[]]>(
    q,
    `SELECT json_group_array(json_array(id, starts_at, ends_at, group_size, title,
       json((SELECT json_group_array(d.delegation_id) FROM agenda_item_delegations d WHERE d.item_id = agenda_items.id))
     )) AS j FROM agenda_items
     WHERE venue_id = ? AND starts_at >= ? AND starts_at < ? AND ends_at > ? AND status = 'scheduled'`,
    [venueId, window.start - MAX_ITEM_MS, window.end, window.start],
  );
  return rows.map(([itemId, start, end, groupSize, title, delegationIds]) => ({
    itemId,
    start,
    end,
    groupSize,
    delegationIds,
    title,
  }));
}

const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/**
 * The venue zone of each of these items (null for an item without a venue); one query, run only when a
 * conflict names items, so the happy path of a booking pays nothing for it.
 */
export async function loadItemZones(
  q: Queryable,
  itemIds: readonly string[],
): Promise<Map<string, string | null>> {
  if (itemIds.length === 0) return new Map();
  const rows = await jsonRows<[id: string, timeZone: string | null]>(
    q,
    `SELECT json_group_array(json_array(a.id, v.time_zone)) AS j
     FROM agenda_items a LEFT JOIN venues v ON v.id = a.venue_id WHERE a.id IN (${placeholders(itemIds.length)})`,
    [...itemIds],
  );
  return new Map(rows);
}

/** The delegations (id and code) of each of these items; one query, run only when a conflict names items. */
export async function loadItemDelegations(
  q: Queryable,
  itemIds: readonly string[],
): Promise<Map<string, { id: string; code: string }[]>> {
  const out = new Map<string, { id: string; code: string }[]>();
  if (itemIds.length === 0) return out;
  const rows = await jsonRows<[itemId: string, id: string, code: string]>(
    q,
    `SELECT json_group_array(json_array(l.item_id, d.id, d.code)) AS j
     FROM agenda_item_delegations l JOIN delegations d ON d.id = l.delegation_id
     WHERE l.item_id IN (${placeholders(itemIds.length)})`,
    [...itemIds],
  );
  for (const [itemId, id, code] of rows) out.set(itemId, [...(out.get(itemId) ?? []), { id, code }]);
  return out;
}

/** Items of these hosts overlapping `window`, one row per (item, host), each carrying its `hostIds`. */
export async function loadHostBookings(
  q: Queryable,
  hostIds: readonly string[],
  window: Interval,
): Promise<ExistingBooking[]> {
  if (hostIds.length === 0) return [];
  const rows = await jsonRows<[...BookingTuple, hostId: string]>(
    q,
    `SELECT json_group_array(json_array(h.item_id, h.starts_at, h.ends_at, a.group_size, a.title, h.host_id)) AS j
     FROM agenda_item_hosts h JOIN agenda_items a ON a.id = h.item_id
     WHERE h.host_id IN (${placeholders(hostIds.length)}) AND h.starts_at >= ? AND h.starts_at < ?
       AND h.ends_at > ? AND a.status = 'scheduled'`,
    [...hostIds, window.start - MAX_ITEM_MS, window.end, window.start],
  );
  return rows.map(([itemId, start, end, groupSize, title, hostId]) => ({
    itemId,
    start,
    end,
    groupSize,
    delegationIds: [],
    hostIds: [hostId],
    title,
  }));
}

/** Items of these delegations overlapping `window`; a delegation has few items, so its index suffices. */
export async function loadDelegationBookings(
  q: Queryable,
  delegationIds: readonly string[],
  window: Interval,
): Promise<ExistingBooking[]> {
  if (delegationIds.length === 0) return [];
  const rows = await jsonRows<[...BookingTuple, delegationId: string]>(
    q,
    `SELECT json_group_array(json_array(a.id, a.starts_at, a.ends_at, a.group_size, a.title, d.delegation_id)) AS j
     FROM agenda_item_delegations d JOIN agenda_items a ON a.id = d.item_id
     WHERE d.delegation_id IN (${placeholders(delegationIds.length)}) AND a.starts_at < ? AND a.ends_at > ?
       AND a.status = 'scheduled'`,
    [...delegationIds, window.end, window.start],
  );
  return rows.map(([itemId, start, end, groupSize, title, delegationId]) => ({
    itemId,
    start,
    end,
    groupSize,
    delegationIds: [delegationId],
    title,
  }));
}

const utcDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

type BlackoutTuple = [
  id: string,
  venueId: string | null,
  kind: "once" | "weekly",
  startsAt: number | null,
  endsAt: number | null,
  weekdays: number[] | null,
  from: string | null,
  to: string | null,
  reason: string,
];

/**
 * Closures touching `window` for a venue (or for every venue when `venueId` is undefined): closed dates
 * of the working calendar (±1 day, as they are read in each venue's zone) and blackouts.
 */
export async function loadClosures(
  q: Queryable,
  venueId: string | undefined,
  window: Interval,
): Promise<Closure[]> {
  const dates = await jsonRows<[id: string, date: string, name: string]>(
    q,
    "SELECT json_group_array(json_array(id, date, name)) AS j FROM closures WHERE date >= ? AND date <= ?",
    [utcDate(window.start - DAY_MS), utcDate(window.end + DAY_MS)],
  );
  const out: Closure[] = dates.map(([id, date, reason]) => ({ kind: "date", id, reason, date }));
  const blackoutRows = await jsonRows<BlackoutTuple>(
    q,
    `SELECT json_group_array(json_array(id, venue_id, kind, starts_at, ends_at, json(weekdays), from_time, to_time,
       reason)) AS j FROM blackouts
     WHERE ${venueId === undefined ? "" : "(venue_id IS NULL OR venue_id = ?) AND "}
       (kind = 'weekly' OR (starts_at < ? AND ends_at > ?))`,
    [...(venueId === undefined ? [] : [venueId]), window.end, window.start],
  );
  for (const [id, bVenueId, kind, startsAt, endsAt, weekdays, from, to, reason] of blackoutRows) {
    if (kind === "once" && startsAt !== null && endsAt !== null) {
      out.push({ kind: "one-off", id, reason, venueId: bVenueId, start: startsAt, end: endsAt });
    } else if (kind === "weekly" && weekdays && from && to) {
      out.push({
        kind: "recurring",
        id,
        reason,
        venueId: bVenueId,
        weekdays: weekdays as Weekday[],
        from,
        to,
      });
    }
  }
  return out;
}

const VENUE_JSON = `json_object('id', id, 'name', name, 'address', address, 'mapUrl', map_url, 'capacity', capacity,
  'concurrentGroups', concurrent_groups, 'bufferMinutes', buffer_minutes, 'weeklyHours', json(weekly_hours),
  'timeZone', time_zone, 'opensOnHolidays', opens_on_holidays, 'active', active, 'version', version,
  'createdAt', created_at, 'updatedAt', updated_at)`;

type Raw<T> = Omit<T, "createdAt" | "updatedAt"> & { createdAt: number; updatedAt: number };

export async function loadVenue(q: Queryable, venueId: string): Promise<VenueRow | undefined> {
  const [raw] = await jsonRows<Raw<VenueRow>>(
    q,
    `SELECT json_group_array(${VENUE_JSON}) AS j FROM venues WHERE id = ?`,
    [venueId],
  );
  if (!raw) return undefined;
  return {
    ...raw,
    opensOnHolidays: Boolean(raw.opensOnHolidays),
    active: Boolean(raw.active),
    weeklyHours: raw.weeklyHours as WeeklyHoursJson,
    createdAt: new Date(raw.createdAt),
    updatedAt: new Date(raw.updatedAt),
  };
}

const HOST_JSON = `json_object('id', id, 'name', name, 'title', title, 'agency', agency, 'email', email,
  'phone', phone, 'weeklyAvailability', json(weekly_availability), 'timeZone', time_zone, 'active', active,
  'version', version, 'createdAt', created_at, 'updatedAt', updated_at)`;

export async function loadHosts(q: Queryable, hostIds: readonly string[]): Promise<HostRow[]> {
  if (hostIds.length === 0) return [];
  const rows = await jsonRows<Raw<HostRow>>(
    q,
    `SELECT json_group_array(${HOST_JSON}) AS j FROM hosts WHERE id IN (${placeholders(hostIds.length)})`,
    [...hostIds],
  );
  return rows.map((raw) => ({
    ...raw,
    active: Boolean(raw.active),
    createdAt: new Date(raw.createdAt),
    updatedAt: new Date(raw.updatedAt),
  }));
}
