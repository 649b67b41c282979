/**
 * @module The check half of check-then-write: loads everything a candidate booking could clash with
 * (inside the caller's write transaction) and asks the pure core for every conflict.
 *
 * One thing to know: call it only inside `db.writeTransaction`, and write in the same transaction. The
 * in-process mutex plus SQLite's BEGIN IMMEDIATE mean nothing can be booked between this read and the
 * insert, in this process or any other (ADR 004).
 */
import type { Queryable } from "../../db/client";
import { AppError } from "../http/errors";
import {
  type Conflict,
  type ExistingBooking,
  findConflicts,
  type HostAvailability,
  type Interval,
} from "../scheduling/index";
import { toWeeklyHours } from "../venues/weekly-hours";
import {
  loadClosures,
  loadDelegationBookings,
  loadHostBookings,
  loadHosts,
  loadItemDelegations,
  loadItemZones,
  loadVenue,
  loadVenueBookings,
  type VenueRow,
  venueRulesOf,
} from "./load";

/** A booking to be made (or an item's new shape when it moves). */
export interface Candidate {
  start: number;
  end: number;
  groupSize: number;
  /** Every delegation in the session (two or more for a merged session). */
  delegationIds: readonly string[];
  venueId: string | null;
  hostIds: readonly string[];
  /** The item being changed: it never clashes with itself. */
  ignoreItemId?: string;
}

/** An item planned in the same transaction but not yet written (a template's earlier items). */
export interface PlannedBooking extends ExistingBooking {
  venueId: string | null;
}

/** A conflict as the API reports it (times as UTC ISO strings). */
export interface ConflictDetail {
  kind: Conflict["kind"];
  hard: boolean;
  itemId?: string;
  closureId?: string;
  hostId?: string;
  title?: string;
  reason?: string;
  startsAt: string;
  endsAt: string;
  /**
   * The IANA zone the conflict's times belong to, so a page shows them as the venue does: the venue's for
   * venue, capacity and closure conflicts, the other item's venue's for host and delegation clashes, the
   * host's own for a host's unavailability; the host's zone (HOST_TIME_ZONE) when none has a venue.
   */
  timeZone: string;
  /** For template application: the template item's position. */
  templateItem?: number;
  /** Set when the clash lies only in the venue's turnover time around the requested booking (minutes). */
  bufferMinutes?: number;
  /** The delegations of the other item (to name and link them). */
  delegations?: { id: string; code: string }[];
}

interface CheckResult {
  conflicts: ConflictDetail[];
  venue: VenueRow | null;
}

/** Stands for "the candidate's delegations" so one findConflicts call checks a merged session's groups. */
const SELF = "\u0000self";

function invalid(
  field: string,
  code: string,
  messageKey: "scheduling.venueUnknown" | "scheduling.hostUnknown",
) {
  return new AppError("validation_failed", { messageKey, details: { fields: { [field]: [code] } } });
}

/** Loads the window's bookings and closures and returns every conflict of `cand`, hard and soft. */
export async function checkCandidate(
  tx: Queryable,
  cand: Candidate,
  options: {
    /** HOST_TIME_ZONE: the zone of a conflict that involves no venue. */
    hostTimeZone: string;
    /** Items planned in the same transaction (a template's earlier items). */
    planned?: readonly PlannedBooking[];
  },
): Promise<CheckResult> {
  const planned = options.planned ?? [];
  let venue: VenueRow | null = null;
  if (cand.venueId) {
    venue = (await loadVenue(tx, cand.venueId)) ?? null;
    if (!venue) throw invalid("venueId", "unknown", "scheduling.venueUnknown");
    if (!venue.active) throw invalid("venueId", "inactive", "scheduling.venueUnknown");
  }
  const hostRows = await loadHosts(tx, cand.hostIds);
  for (const id of cand.hostIds) {
    const host = hostRows.find((h) => h.id === id);
    if (!host) throw invalid("hostIds", "unknown", "scheduling.hostUnknown");
    if (!host.active) throw invalid("hostIds", "inactive", "scheduling.hostUnknown");
  }

  const buffer = (venue?.bufferMinutes ?? 0) * 60_000;
  const window: Interval = { start: cand.start - buffer, end: cand.end + buffer };
  // Sequential on purpose: one transaction is one connection.
  const venueBookings = venue ? await loadVenueBookings(tx, venue.id, window) : [];
  const hostBookings = await loadHostBookings(tx, cand.hostIds, window);
  const delegationRows = await loadDelegationBookings(tx, cand.delegationIds, window);
  const closures = venue ? await loadClosures(tx, venue.id, window) : [];
  const mine = new Set(cand.delegationIds);
  // The candidate's own delegations become SELF, so the core can tell its own items from other groups'.
  const asSelf = (b: ExistingBooking): ExistingBooking =>
    b.delegationIds.some((d) => mine.has(d)) ? { ...b, delegationIds: [SELF] } : b;
  const delegationBookings: ExistingBooking[] = delegationRows.map((b) => ({ ...b, delegationIds: [SELF] }));
  const ownItems = new Set(delegationRows.map((b) => b.itemId));
  venueBookings.splice(0, venueBookings.length, ...venueBookings.map(asSelf));
  // Host rows carry no delegations; the delegation's own items are known from its bookings.
  hostBookings.splice(
    0,
    hostBookings.length,
    ...hostBookings.map((b) => (ownItems.has(b.itemId) ? { ...b, delegationIds: [SELF] } : b)),
  );
  for (const p of planned) {
    if (venue && p.venueId === venue.id) venueBookings.push(asSelf(p));
    if (p.hostIds?.some((h) => cand.hostIds.includes(h))) hostBookings.push(asSelf(p));
    if (p.delegationIds.some((d) => mine.has(d))) delegationBookings.push({ ...p, delegationIds: [SELF] });
  }
  const hostAvailability: HostAvailability[] = hostRows
    .filter((h) => h.weeklyAvailability)
    .map((h) => ({
      hostId: h.id,
      weeklyHours: toWeeklyHours(h.weeklyAvailability ?? {}),
      timeZone: h.timeZone,
    }));

  const conflicts = findConflicts({
    start: cand.start,
    end: cand.end,
    groupSize: cand.groupSize,
    delegationId: SELF,
    ...(venue ? { venue: venueRulesOf(venue) } : {}),
    hostIds: cand.hostIds,
    venueBookings,
    hostBookings,
    delegationBookings,
    closures,
    hostAvailability,
    ...(cand.ignoreItemId ? { ignoreItemId: cand.ignoreItemId } : {}),
  });

  const titles = new Map<string, string>();
  for (const b of [...venueBookings, ...hostBookings, ...delegationBookings]) {
    if (b.title) titles.set(b.itemId, b.title);
  }
  const closureNames = new Map(closures.map((c) => [c.id, c.reason]));
  const zoneOf = await conflictZones(tx, conflicts, {
    venue,
    hosts: hostRows,
    planned,
    hostTimeZone: options.hostTimeZone,
  });
  const parties = await loadItemDelegations(tx, [
    ...new Set(
      conflicts.flatMap((c) => (c.itemId && !planned.some((p) => p.itemId === c.itemId) ? [c.itemId] : [])),
    ),
  ]);
  return {
    conflicts: conflicts.map((c) => ({
      ...toDetail(c, titles, closureNames, zoneOf(c)),
      ...(c.itemId && parties.has(c.itemId) ? { delegations: parties.get(c.itemId) } : {}),
    })),
    venue,
  };
}

/** Resolves each conflict's zone (see `ConflictDetail.timeZone`). */
async function conflictZones(
  tx: Queryable,
  conflicts: readonly Conflict[],
  known: {
    venue: VenueRow | null;
    hosts: readonly { id: string; timeZone: string }[];
    planned: readonly PlannedBooking[];
    hostTimeZone: string;
  },
): Promise<(c: Conflict) => string> {
  const fallback = known.venue?.timeZone ?? known.hostTimeZone;
  const others = conflicts.filter((c) => (c.kind === "host" || c.kind === "delegation") && c.itemId);
  const itemZones = await loadItemZones(tx, [...new Set(others.map((c) => c.itemId as string))]);
  const plannedVenues = new Map(known.planned.map((p) => [p.itemId, p.venueId]));
  const venueZones = new Map<string, string>();
  for (const venueId of new Set(plannedVenues.values())) {
    if (!venueId) continue;
    const v = venueId === known.venue?.id ? known.venue : await loadVenue(tx, venueId);
    if (v) venueZones.set(venueId, v.timeZone);
  }
  return (c) => {
    if (c.kind === "unavailable") return known.hosts.find((h) => h.id === c.hostId)?.timeZone ?? fallback;
    if ((c.kind === "host" || c.kind === "delegation") && c.itemId) {
      const stored = itemZones.get(c.itemId);
      if (stored) return stored;
      const plannedVenue = plannedVenues.get(c.itemId);
      if (plannedVenue) return venueZones.get(plannedVenue) ?? fallback;
      // A stored item without a venue is in the host's zone, not the candidate venue's.
      if (itemZones.has(c.itemId) || plannedVenues.has(c.itemId)) return known.hostTimeZone;
    }
    return fallback;
  };
}

function toDetail(
  c: Conflict,
  titles: ReadonlyMap<string, string>,
  closureNames: ReadonlyMap<string, string>,
  timeZone: string,
): ConflictDetail {
  const title = c.itemId ? titles.get(c.itemId) : c.closureId ? closureNames.get(c.closureId) : undefined;
  return {
    kind: c.kind,
    hard: c.hard,
    ...(c.itemId ? { itemId: c.itemId } : {}),
    ...(c.closureId ? { closureId: c.closureId } : {}),
    ...(c.hostId ? { hostId: c.hostId } : {}),
    ...(title ? { title } : {}),
    ...(c.reason ? { reason: c.reason } : {}),
    startsAt: new Date(c.start).toISOString(),
    endsAt: new Date(c.end).toISOString(),
    timeZone,
    ...(c.bufferMinutes ? { bufferMinutes: c.bufferMinutes } : {}),
  };
}

/** Override request: protocol staff may book over soft conflicts (closures) with a reason. */
interface Override {
  force?: boolean;
  reason?: string | null;
}

/**
 * The conflicts that block: every hard one, and soft ones unless overridden with a reason. Returns the
 * soft conflicts that were overridden (to be audited).
 */
export function decide(conflicts: readonly ConflictDetail[], override: Override) {
  const overriding = override.force === true && Boolean(override.reason?.trim());
  const blocking = conflicts.filter((c) => c.hard || !overriding);
  const overridden = overriding ? conflicts.filter((c) => !c.hard) : [];
  return { blocking, overridden };
}

/** The 409 answer naming every conflict. */
export function conflictError(details: readonly ConflictDetail[]): AppError {
  const onlySoft = details.every((c) => !c.hard);
  return new AppError("conflict", {
    messageKey: onlySoft ? "scheduling.conflictSoft" : "scheduling.conflict",
    details,
  });
}
