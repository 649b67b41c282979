/**
 * @module Availability search: free start times for a venue and/or hosts (and optionally a delegation),
 * a duration and a group size across up to 180 days. One indexed query per resource loads the range,
 * then the pure `findFreeSlots` does the work; each slot is given in UTC and in the venue's wall time.
 */

import { z } from "zod";
import type { Queryable } from "../../db/client";
import { AppError } from "../http/errors";
import { yearInRange } from "../http/time-schemas";
import { msg } from "../http/validate";
import {
  createZoneClock,
  findFreeSlots,
  type Interval,
  isValidTimeZone,
  MAX_SEARCH_DAYS,
  type SlotHost,
  zoneLabel,
} from "../scheduling/index";
import { toWeeklyHours } from "../venues/weekly-hours";
import {
  loadClosures,
  loadDelegationBookings,
  loadHostBookings,
  loadHosts,
  loadVenue,
  loadVenueBookings,
  venueRulesOf,
} from "./load";

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const dateOrInstant = z.union([
  z.string().regex(DATE_RE).refine(yearInRange),
  z.iso.datetime({ offset: true, error: "i18n:scheduling.instantInvalid" }).refine(yearInRange),
]);

const idList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim()))
  .transform((v) => [...new Set(v.filter(Boolean))])
  .pipe(z.array(z.string()).max(10));

export const availabilityQuerySchema = z.strictObject({
  venueId: z.string().min(1).optional(),
  hostIds: idList.optional(),
  delegationId: z.string().min(1).optional(),
  /** A local date (from its midnight in the venue's zone) or an RFC 3339 instant. */
  from: dateOrInstant,
  /** A local date (inclusive: up to the end of that day) or an RFC 3339 instant (exclusive). */
  to: dateOrInstant,
  durationMinutes: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  groupSize: z.coerce.number().int().min(1).max(100_000).default(1),
  gridMinutes: z.coerce
    .number()
    .int()
    .min(5)
    .max(240)
    .refine((g) => 1440 % g === 0, msg("scheduling.timeInvalid"))
    .default(15),
  timeZone: z.string().refine(isValidTimeZone, msg("scheduling.zoneInvalid")).optional(),
});
type AvailabilityQuery = z.output<typeof availabilityQuerySchema>;

export interface Slot {
  startsAt: string;
  endsAt: string;
  local: { date: string; start: string; end: string };
  zone: string;
}

export interface AvailabilityResult {
  from: string;
  to: string;
  timeZone: string;
  durationMinutes: number;
  groupSize: number;
  gridMinutes: number;
  slots: Slot[];
}

const DAY_MS = 86_400_000;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * Formats epoch-ms values (UTC instants or "wall as if UTC") as ISO pieces, caching each day's date part:
 * `Date#toISOString` costs ≈1 µs a call, which for a 90-day answer (2 × ~800 slots) was most of the search.
 */
function isoFormatter() {
  const days = new Map<number, string>();
  const dateOf = (ms: number): string => {
    const day = Math.floor(ms / DAY_MS);
    let text = days.get(day);
    if (text === undefined) {
      text = new Date(day * DAY_MS).toISOString().slice(0, 10);
      days.set(day, text);
    }
    return text;
  };
  const timeOf = (ms: number): string => {
    const inDay = ms - Math.floor(ms / DAY_MS) * DAY_MS;
    return `${pad2(Math.floor(inDay / 3_600_000))}:${pad2(Math.floor((inDay % 3_600_000) / 60_000))}`;
  };
  const iso = (ms: number): string => {
    const rest = ms % 60_000;
    if (rest !== 0) return new Date(ms).toISOString();
    return `${dateOf(ms)}T${timeOf(ms)}:00.000Z`;
  };
  return { dateOf, timeOf, iso };
}

function invalid(field: string, key: "scheduling.rangeTooLong" | "availability.needResource") {
  return new AppError("validation_failed", { messageKey: key, details: { fields: { [field]: [key] } } });
}

/** Runs one search; throws `validation_failed` for an empty or too long range, `not_found` for ids. */
export async function searchAvailability(
  q: Queryable,
  query: AvailabilityQuery,
  /** HOST_TIME_ZONE: the grid's zone for a host-only search without `timeZone`. */
  hostTimeZone: string,
): Promise<AvailabilityResult> {
  const hostIds = query.hostIds ?? [];
  if (!query.venueId && hostIds.length === 0) throw invalid("venueId", "availability.needResource");
  const venueRow = query.venueId ? await loadVenue(q, query.venueId) : undefined;
  if (query.venueId && !venueRow) throw new AppError("not_found", { details: { entity: "venue" } });
  const zone = venueRow?.timeZone ?? query.timeZone ?? hostTimeZone;
  // One clock for the bounds and the answer (each clock costs Intl lookups).
  const approxFrom = Date.parse(DATE_RE.test(query.from) ? `${query.from}T00:00:00Z` : query.from);
  const approxTo = Date.parse(DATE_RE.test(query.to) ? `${query.to}T00:00:00Z` : query.to);
  if (!Number.isFinite(approxFrom) || !Number.isFinite(approxTo)) {
    throw new AppError("validation_failed", { details: { fields: { from: ["invalid date"] } } });
  }
  const clock = createZoneClock(zone, {
    start: Math.min(approxFrom, approxTo) - 2 * DAY_MS,
    end: Math.max(approxFrom, approxTo) + 3 * DAY_MS,
  });
  const bound = (value: string, endOfDay: boolean): number =>
    DATE_RE.test(value)
      ? clock.wallToInstant(Date.parse(`${value}T00:00:00Z`) + (endOfDay ? DAY_MS : 0))
      : Date.parse(value);
  const from = bound(query.from, false);
  const to = bound(query.to, true);
  if (!(to > from)) {
    throw new AppError("validation_failed", {
      details: { fields: { to: ["i18n:scheduling.endBeforeStart"] } },
    });
  }
  if (to - from > MAX_SEARCH_DAYS * 86_400_000) throw invalid("to", "scheduling.rangeTooLong");

  const duration = query.durationMinutes * 60_000;
  const buffer = (venueRow?.bufferMinutes ?? 0) * 60_000;
  const reach: Interval = { start: from - buffer, end: to + duration + buffer };
  const hostRows = await loadHosts(q, hostIds);
  if (hostRows.length !== hostIds.length) throw new AppError("not_found", { details: { entity: "host" } });

  let slotsMs: number[] = [];
  const inactive = (venueRow && !venueRow.active) || hostRows.some((h) => !h.active);
  if (!inactive) {
    const venueBookings = venueRow ? await loadVenueBookings(q, venueRow.id, reach) : [];
    const hostBookings = await loadHostBookings(q, hostIds, reach);
    const hosts: SlotHost[] = hostRows.map((h) => ({
      id: h.id,
      bookings: hostBookings.filter((b) => b.hostIds?.includes(h.id)),
      ...(h.weeklyAvailability
        ? { weeklyAvailability: toWeeklyHours(h.weeklyAvailability), timeZone: h.timeZone }
        : {}),
    }));
    const delegationBookings = query.delegationId
      ? await loadDelegationBookings(q, [query.delegationId], reach)
      : [];
    const closures = venueRow ? await loadClosures(q, venueRow.id, reach) : [];
    slotsMs = findFreeSlots({
      from,
      to,
      durationMinutes: query.durationMinutes,
      groupSize: query.groupSize,
      gridMinutes: query.gridMinutes,
      ...(venueRow ? { venue: venueRulesOf(venueRow) } : {}),
      venueBookings,
      hosts,
      ...(query.delegationId ? { delegationId: query.delegationId, delegationBookings } : {}),
      closures,
      timeZone: zone,
    });
  }

  const fmt = isoFormatter();
  const labels = new Map<number, string>();
  const slots: Slot[] = slotsMs.map((s) => {
    const offset = clock.offsetAt(s);
    let label = labels.get(offset);
    if (label === undefined) {
      label = zoneLabel(zone, s);
      labels.set(offset, label);
    }
    return {
      startsAt: fmt.iso(s),
      endsAt: fmt.iso(s + duration),
      local: {
        date: fmt.dateOf(s + offset),
        start: fmt.timeOf(s + offset),
        end: fmt.timeOf(clock.instantToWall(s + duration)),
      },
      zone: label,
    };
  });
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    timeZone: zone,
    durationMinutes: query.durationMinutes,
    groupSize: query.groupSize,
    gridMinutes: query.gridMinutes,
    slots,
  };
}
