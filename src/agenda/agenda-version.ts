/**
 * @module The agenda version key of a delegation: one cheap query whose answer changes whenever anything a
 * published itinerary or calendar shows changes (the delegation row, any of its items, their venues or
 * hosts). Built outputs are cached under this key and their ETags derive from it, so a request for an
 * unchanged agenda costs this one query and no building.
 *
 * The key is made of versions and update times, not content: an edit through the booking service bumps
 * the item's `version` and `updatedAt`; removing an item changes the count. Venues and hosts count by their
 * latest edit anywhere (a few dozen rows, scanned in microseconds): an address edit refreshes every
 * itinerary, which is rare and cheap, and keeps this query, run on every request, lean.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";

/** SQL expression for the key, given a delegation id expression `d.id` in scope as alias `d`. */
const KEY_SQL = sql.raw(`d.version || '.' || d.updated_at || '.' || d.status || '|' || (
  SELECT count(*) || '.' || coalesce(max(ai.updated_at), 0) || '.' || coalesce(sum(ai.version), 0)
  FROM agenda_item_delegations aid
  JOIN agenda_items ai ON ai.id = aid.item_id
  WHERE aid.delegation_id = d.id
) || '|' || (SELECT coalesce(max(updated_at), 0) FROM venues)
  || '.' || (SELECT coalesce(max(updated_at), 0) FROM hosts)`);

export async function agendaVersionKey(db: Queryable, delegationId: string): Promise<string | null> {
  const [row] = await db.all<{ key: string }>(
    sql`SELECT ${KEY_SQL} AS key FROM delegations d WHERE d.id = ${delegationId}`,
  );
  return row?.key ?? null;
}

export interface ShareLinkTarget {
  linkId: string;
  delegationId: string;
  /** The delegation's preferred language, used when the visitor chose none. */
  language: "id" | "en";
  versionKey: string;
  /** The host-settings record's version (0 before the first save): the itinerary shows its contacts. */
  hostVersion: number;
}

/** Resolves an active share link by token hash and reads the agenda version key in the same query. */
export async function shareLinkTarget(db: Queryable, tokenHash: string): Promise<ShareLinkTarget | null> {
  // `all` rather than `get`: drizzle's raw `get` fails on an empty result.
  const [row] = await db.all<{
    linkId: string;
    delegationId: string;
    language: "id" | "en";
    key: string;
    hostVersion: number;
  }>(sql`
    SELECT s.id AS linkId, d.id AS delegationId, d.language AS language, ${KEY_SQL} AS key,
      coalesce((SELECT version FROM host_settings WHERE id = 1), 0) AS hostVersion
    FROM share_links s JOIN delegations d ON d.id = s.delegation_id
    WHERE s.token_hash = ${tokenHash} AND s.revoked_at IS NULL`);
  return row
    ? {
        linkId: row.linkId,
        delegationId: row.delegationId,
        language: row.language,
        versionKey: row.key,
        hostVersion: Number(row.hostVersion),
      }
    : null;
}
