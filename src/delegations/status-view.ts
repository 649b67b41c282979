/**
 * @module What the visitor's status page may show of a delegation's history: its creation and each status
 * change with the public message, from the audit trail (never internal notes or staff names).
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditEvents } from "../../db/schema/audit";
import type { DelegationStatus } from "../../db/schema/delegations";
import { isDelegationStatus } from "../i18n/keys";

export interface PublicHistoryEntry {
  at: Date;
  status: DelegationStatus;
  message: string | null;
}

export async function publicHistory(db: Db, delegationId: string): Promise<PublicHistoryEntry[]> {
  const events = await db.orm
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, "delegation"),
        eq(auditEvents.entityId, delegationId),
        inArray(auditEvents.action, ["delegation.create", "delegation.transition"]),
      ),
    )
    .orderBy(asc(auditEvents.at), asc(auditEvents.id))
    .all();
  return events.map((e) => {
    const after = (e.after ?? {}) as { status?: string; publicMessage?: string | null };
    return {
      at: e.at,
      status: isDelegationStatus(after.status) ? after.status : "requested",
      message: e.action === "delegation.create" ? null : (after.publicMessage ?? null),
    };
  });
}
