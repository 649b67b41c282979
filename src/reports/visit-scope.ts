/**
 * @module Which delegations a report counts, as one SQL condition on `delegations d`: confirmed or
 * completed visits whose first confirmed day lies in the period and has come (requested, declined and
 * cancelled ones never count; a visit is counted in the month it starts, even when it runs into the next).
 * The expression `(confirmed_dates ->> '$.start')` is the one `delegations_visit_start_idx` indexes, so the
 * range is one index scan.
 */
import { type SQL, sql } from "drizzle-orm";

export interface VisitScope {
  from: string;
  /** The last day counted: the period's end, or today when the period runs into the future. */
  until: string;
}

export function visitScope(range: { from: string; to: string }, today: string): VisitScope {
  return { from: range.from, until: range.to < today ? range.to : today };
}

export function inScope(scope: VisitScope): SQL {
  return sql`d.status IN ('confirmed', 'completed') AND (d.confirmed_dates ->> '$.start') BETWEEN ${scope.from} AND ${scope.until}`;
}

/**
 * People who came on a visit: those checked in (walk-ins included) once attendance was taken; before
 * that the roster (without walk-ins); with no roster, the size the visitors announced.
 */
export const VISITORS_OF_D = sql`COALESCE((
  SELECT CASE WHEN SUM(p.attended IS NOT NULL) > 0 THEN SUM(p.attended = 1) ELSE SUM(p.walk_in = 0) END
  FROM participants p WHERE p.delegation_id = d.id
), d.expected_size)`;
