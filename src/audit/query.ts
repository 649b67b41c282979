/**
 * @module Reads the audit trail with filters (actor, action, kind of record, record, date range), newest
 * first. Pages number from 1 (`page`, the staff page: "showing 51–100", previous and next); the API also
 * keeps keyset paging (`before`, the last id of the previous page). Dates are calendar days in the host's
 * zone.
 */
import { and, count, desc, eq, gte, isNull, lt, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "../../db/client";
import { auditEvents } from "../../db/schema/audit";
import { localToInstant } from "../scheduling/zoned-time";
import { isAuditAction } from "./actions";

const isoDate = z.iso.date();

export const auditFilterSchema = z.strictObject({
  /** A user's id, `public` or `system` (the choices on the page), or part of an actor's label. */
  actor: z.string().trim().max(254).optional(),
  /** An action code (exact), or the start of one (`delegation.`). */
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  before: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  lang: z.string().optional(),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

/** Labels of actors that are not a user (the choices next to the users). */
export const NON_USER_ACTORS = ["public", "system"] as const;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

function dayStart(date: string, timeZone: string): Date {
  return new Date(localToInstant({ date, time: "00:00", timeZone }));
}

function auditWhere(f: AuditFilter, timeZone: string): SQL | undefined {
  const where: SQL[] = [];
  if (f.actor) {
    if ((NON_USER_ACTORS as readonly string[]).includes(f.actor)) {
      where.push(and(isNull(auditEvents.actorId), eq(auditEvents.actorLabel, f.actor)) as SQL);
    } else {
      const like = sql`${auditEvents.actorLabel} LIKE ${`%${escapeLike(f.actor)}%`} ESCAPE '\\'`;
      where.push(sql`(${auditEvents.actorId} = ${f.actor} OR ${like})`);
    }
  }
  if (f.action) {
    if (isAuditAction(f.action)) where.push(eq(auditEvents.action, f.action));
    else where.push(sql`${auditEvents.action} LIKE ${`${escapeLike(f.action)}%`} ESCAPE '\\'`);
  }
  if (f.entityType) where.push(eq(auditEvents.entityType, f.entityType));
  if (f.entityId) where.push(eq(auditEvents.entityId, f.entityId));
  if (f.from) where.push(gte(auditEvents.at, dayStart(f.from, timeZone)));
  if (f.to) where.push(lt(auditEvents.at, dayStart(addDay(f.to), timeZone)));
  return where.length ? and(...where) : undefined;
}

function addDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export async function queryAudit(db: Queryable, f: AuditFilter, timeZone: string) {
  const filtered = auditWhere(f, timeZone);
  const where = f.before ? and(filtered, lt(auditEvents.id, f.before)) : filtered;
  const offset = f.page ? (f.page - 1) * f.limit : 0;
  const rows = await db
    .select()
    .from(auditEvents)
    .where(where)
    .orderBy(desc(auditEvents.id))
    .limit(f.limit + 1)
    .offset(offset)
    .all();
  const hasMore = rows.length > f.limit;
  const events = rows.slice(0, f.limit);
  return { events, hasMore, offset, nextBefore: hasMore ? events.at(-1)?.id : undefined };
}

export async function countAudit(db: Queryable, f: AuditFilter, timeZone: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditEvents).where(auditWhere(f, timeZone)).all();
  return row?.n ?? 0;
}

/** Who appears in the trail as an acting user (the actor filter's choices). */
export async function auditActorIds(db: Queryable): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: auditEvents.actorId })
    .from(auditEvents)
    .where(sql`${auditEvents.actorId} IS NOT NULL`)
    .all();
  return rows.map((r) => r.id).filter((id): id is string => id !== null);
}
