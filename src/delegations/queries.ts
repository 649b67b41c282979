/**
 * @module Reading delegations for staff: the inbox (filters, counts per status, sort), one delegation with
 * its letter's metadata, timeline (audit events) and internal notes, and the duplicate warning (same
 * institution, another open request, overlapping dates). A regency handles hundreds of requests a year,
 * so date and topic filters run in memory over the SQL-filtered rows.
 */
import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { auditEvents } from "../../db/schema/audit";
import {
  DELEGATION_STATUSES,
  type DelegationStatus,
  delegationNotes,
  delegations,
  letterFiles,
} from "../../db/schema/delegations";
import { AppError } from "../http/errors";
import { anyOverlap, type DateRange, isRealDate } from "./dates";
import type { DelegationRow } from "./intake";

export const SORTS = ["newest", "oldest", "date", "institution"] as const;

export const inboxQuerySchema = z.object({
  status: z
    .enum(DELEGATION_STATUSES)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  from: z
    .string()
    .refine((v) => v === "" || isRealDate(v))
    .optional(),
  to: z
    .string()
    .refine((v) => v === "" || isRealDate(v))
    .optional(),
  province: z.string().max(2).optional(),
  topic: z.string().max(60).optional(),
  q: z.string().max(100).optional(),
  sort: z
    .enum(SORTS)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type InboxQuery = z.output<typeof inboxQuerySchema>;

/** Every date range a delegation occupies or asks for (the confirmed one alone once confirmed). */
export function rangesOf(
  d: Pick<
    DelegationRow,
    "status" | "preferredDates" | "alternativeDates" | "proposedDates" | "confirmedDates"
  >,
): DateRange[] {
  if (d.confirmedDates && d.status !== "requested") return [d.confirmedDates];
  return [d.preferredDates, ...d.alternativeDates, ...(d.proposedDates ?? [])];
}

/** The date a delegation is listed under: confirmed start, else the preferred start. */
const mainDate = (d: DelegationRow) => (d.confirmedDates ?? d.preferredDates).start;

export async function listDelegations(db: Db, query: InboxQuery): Promise<DelegationRow[]> {
  const where = [];
  if (query.status) where.push(eq(delegations.status, query.status));
  if (query.province) where.push(eq(delegations.provinceCode, query.province));
  const q = query.q?.trim();
  if (q) {
    const pattern = `%${q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    where.push(
      or(
        sql`${delegations.code} LIKE ${pattern} ESCAPE '\\'`,
        sql`${delegations.institution} LIKE ${pattern} ESCAPE '\\'`,
        sql`${delegations.leaderName} LIKE ${pattern} ESCAPE '\\'`,
        sql`${delegations.contactName} LIKE ${pattern} ESCAPE '\\'`,
      ),
    );
  }
  const rows = await db.orm
    .select()
    .from(delegations)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(delegations.createdAt), desc(delegations.code))
    .limit(1000)
    .all();
  const from = query.from || "0000-01-01";
  const to = query.to || "9999-12-31";
  const filtered = rows.filter(
    (d) =>
      (!query.topic || d.topics.includes(query.topic)) &&
      (!query.from && !query.to ? true : rangesOf(d).some((r) => r.start <= to && r.end >= from)),
  );
  switch (query.sort) {
    case "oldest":
      return filtered.reverse();
    case "date":
      return filtered.sort((a, b) => mainDate(a).localeCompare(mainDate(b)));
    case "institution":
      return filtered.sort((a, b) => a.institution.localeCompare(b.institution, "id"));
    default:
      return filtered;
  }
}

export async function countByStatus(db: Db): Promise<Record<DelegationStatus, number>> {
  const rows = await db.orm
    .select({ status: delegations.status, n: sql<number>`count(*)` })
    .from(delegations)
    .groupBy(delegations.status)
    .all();
  const out = Object.fromEntries(DELEGATION_STATUSES.map((s) => [s, 0])) as Record<DelegationStatus, number>;
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

export async function getDelegation(db: Db, id: string): Promise<DelegationRow> {
  const row = await db.orm.select().from(delegations).where(eq(delegations.id, id)).get();
  if (!row) throw new AppError("not_found");
  return row;
}

export async function letterInfo(db: Db, id: string) {
  return (
    (await db.orm
      .select({
        fileName: letterFiles.fileName,
        contentType: letterFiles.contentType,
        size: letterFiles.size,
      })
      .from(letterFiles)
      .where(eq(letterFiles.delegationId, id))
      .get()) ?? null
  );
}

export async function letterFile(db: Db, id: string) {
  const row = await db.orm.select().from(letterFiles).where(eq(letterFiles.delegationId, id)).get();
  if (!row) throw new AppError("not_found");
  return row;
}

export function listNotes(db: Db, id: string) {
  return db.orm
    .select()
    .from(delegationNotes)
    .where(eq(delegationNotes.delegationId, id))
    .orderBy(asc(delegationNotes.createdAt))
    .all();
}

export function timeline(db: Db, id: string) {
  return db.orm
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, "delegation"), eq(auditEvents.entityId, id)))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id))
    .all();
}

/** Other open requests of the same institution whose dates overlap this one's. */
export async function findDuplicates(
  db: Db,
  d: DelegationRow,
): Promise<Pick<DelegationRow, "id" | "code" | "status">[]> {
  const candidates = await db.orm
    .select()
    .from(delegations)
    .where(
      and(
        sql`lower(trim(${delegations.institution})) = ${d.institution.trim().toLowerCase()}`,
        inArray(delegations.status, ["requested", "confirmed"]),
      ),
    )
    .all();
  return candidates
    .filter((o) => o.id !== d.id && anyOverlap(rangesOf(o), rangesOf(d)))
    .map((o) => ({ id: o.id, code: o.code, status: o.status }));
}
