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
  /** For template application: the template item's position. */
  templateItem?: number;
}

export interface CheckResult {
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
  planned: readonly PlannedBooking[] = [],
): Promise<CheckResult> {
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
  const delegationBookings: ExistingBooking[] = delegationRows.map((b) => ({ ...b, delegationIds: [SELF] }));
  for (const p of planned) {
    if (venue && p.venueId === venue.id) venueBookings.push(p);
    if (p.hostIds?.some((h) => cand.hostIds.includes(h))) hostBookings.push(p);
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
  return { conflicts: conflicts.map((c) => toDetail(c, titles, closureNames)), venue };
}

function toDetail(
  c: Conflict,
  titles: ReadonlyMap<string, string>,
  closureNames: ReadonlyMap<string, string>,
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
  };
}

/** Override request: protocol staff may book over soft conflicts (closures) with a reason. */
export interface Override {
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
