/**
 * @module When a booked session is tentative: it is held only for visits not yet confirmed (at least one
 * requested party, and no confirmed or completed one). One rule for the feeds, the week views and the
 * day grid. Pure.
 */
import type { DelegationStatus } from "../../db/schema/delegations";

export function isTentative(statuses: readonly (DelegationStatus | undefined)[]): boolean {
  return (
    statuses.some((s) => s === "requested") && !statuses.some((s) => s === "confirmed" || s === "completed")
  );
}
