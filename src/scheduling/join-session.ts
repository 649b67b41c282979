/**
 * @module The "join a merged session" check: a second delegation joining an existing session (a merged tour).
 *
 * One thing to know: only capacity (both groups together) and the newcomers' own agenda are re-checked; a
 * merged session is still one group, its hosts stay, and its closures were settled when it was booked.
 */
import { findConflicts } from "./conflicts.js";
import type { Conflict, ExistingBooking, VenueRules } from "./types.js";

/** A delegation joining an existing session (a merged tour). */
export interface FindJoinConflictsInput {
  session: ExistingBooking;
  /** People the joining delegation brings. */
  groupSize: number;
  delegationId: string;
  venue?: VenueRules;
  /** Sessions at the venue (the session itself may be among them). */
  venueBookings?: readonly ExistingBooking[];
  /** The joining delegation's other items. */
  delegationBookings?: readonly ExistingBooking[];
}

/**
 * Conflicts of adding a delegation to an existing session: capacity with both groups together (the
 * session's people plus the newcomers, beside whatever else is at the venue), and the newcomers being
 * elsewhere. Concurrency can't get worse (the merged session is still one group), hosts stay as they are,
 * and closures were settled when the session was booked, so none of those are re-checked.
 */
export function findJoinConflicts(input: FindJoinConflictsInput): Conflict[] {
  const { session } = input;
  if (session.delegationIds.includes(input.delegationId)) {
    return [
      {
        kind: "delegation",
        hard: true,
        itemId: session.itemId,
        start: session.start,
        end: session.end,
        reason: "delegation is already in this session",
      },
    ];
  }
  const conflicts = findConflicts({
    start: session.start,
    end: session.end,
    groupSize: session.groupSize + input.groupSize,
    delegationId: input.delegationId,
    ...(input.venue ? { venue: input.venue } : {}),
    venueBookings: input.venueBookings ?? [],
    delegationBookings: input.delegationBookings ?? [],
    ignoreItemId: session.itemId,
  });
  return conflicts.filter((c) => c.kind === "capacity" || c.kind === "delegation");
}
