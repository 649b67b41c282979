/**
 * @module Reads the audit trail with filters (actor, action, entity, date range) and keyset paging
 * (newest first; `before` is the last id of the previous page).
 */
import { and, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "../../db/client";
import { auditEvents } from "../../db/schema/audit";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const auditFilterSchema = z.strictObject({
  actor: z.string().trim().max(254).optional(),
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  lang: z.string().optional(),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

/** Dates are read as WIB calendar days (the office's zone). */
function dayStart(date: string): Date {
  return new Date(`${date}T00:00:00+07:00`);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

export async function queryAudit(db: Queryable, f: AuditFilter) {
  const where: SQL[] = [];
  if (f.actor) where.push(sql`${auditEvents.actorLabel} LIKE ${`%${escapeLike(f.actor)}%`} ESCAPE '\\'`);
  if (f.action) where.push(sql`${auditEvents.action} LIKE ${`${escapeLike(f.action)}%`} ESCAPE '\\'`);
  if (f.entityType) where.push(eq(auditEvents.entityType, f.entityType));
  if (f.entityId) where.push(eq(auditEvents.entityId, f.entityId));
  if (f.from) where.push(gte(auditEvents.at, dayStart(f.from)));
  if (f.to) where.push(lt(auditEvents.at, new Date(dayStart(f.to).getTime() + 86_400_000)));
  if (f.before) where.push(lt(auditEvents.id, f.before));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(f.limit + 1)
    .all();
  const hasMore = rows.length > f.limit;
  const events = rows.slice(0, f.limit);
  return { events, nextBefore: hasMore ? events.at(-1)?.id : undefined };
}
