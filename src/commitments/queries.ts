/**
 * @module Reading commitments for the board, the delegation page, the humas home page and the API: filters
 * (status, overdue, owner, party, home province, delegation, due-date range), sorted by due date; the
 * board's counts (per status, overdue, due this month); one commitment with its history from the audit log.
 */
import { and, asc, eq, gte, inArray, isNull, lt, lte, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { auditEvents } from "../../db/schema/audit";
import { users } from "../../db/schema/auth";
import { delegations } from "../../db/schema/delegations";
import { COMMITMENT_STATUSES, type CommitmentStatus, commitments } from "../../db/schema/outcomes";
import { AppError } from "../http/errors";
import { dayNumberOf } from "../scheduling/zoned-time";
import { ACTIVE_STATUSES, isOverdue } from "./rules";
import type { BoardQuery } from "./schemas";
import type { CommitmentRow } from "./service";

export interface CommitmentView extends CommitmentRow {
  delegationCode: string;
  institution: string;
  provinceCode: string | null;
  delegationLanguage: "id" | "en";
  ownerLabel: string;
  /** The owner's e-mail (staff account or outside person). */
  ownerAddress: string | null;
  ownerLocale: "id" | "en";
  overdue: boolean;
  daysOverdue: number;
}

export async function listCommitments(
  db: Queryable,
  query: BoardQuery & { ownerUserId?: string },
  today: string,
): Promise<CommitmentView[]> {
  const where: SQL[] = [];
  if (query.delegationId) where.push(eq(commitments.delegationId, query.delegationId));
  if (query.status) where.push(eq(commitments.status, query.status));
  if (query.overdue === "true")
    where.push(inArray(commitments.status, [...ACTIVE_STATUSES]), lt(commitments.targetDate, today));
  const owner = query.ownerUserId ?? query.owner;
  if (owner) where.push(eq(commitments.ownerUserId, owner));
  if (query.party) where.push(eq(commitments.party, query.party));
  if (query.province) where.push(eq(delegations.provinceCode, query.province));
  if (query.dueFrom) where.push(gte(commitments.targetDate, query.dueFrom));
  if (query.dueTo) where.push(lte(commitments.targetDate, query.dueTo));
  const rows = await db
    .select({
      c: commitments,
      code: delegations.code,
      institution: delegations.institution,
      provinceCode: delegations.provinceCode,
      language: delegations.language,
      userName: users.name,
      userEmail: users.email,
      userLocale: users.locale,
    })
    .from(commitments)
    .innerJoin(delegations, eq(delegations.id, commitments.delegationId))
    .leftJoin(users, eq(users.id, commitments.ownerUserId))
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(asc(commitments.targetDate), asc(commitments.createdAt))
    .limit(2000);
  return rows.map((r) => {
    const overdue = isOverdue(r.c, today);
    return {
      ...r.c,
      delegationCode: r.code,
      institution: r.institution,
      provinceCode: r.provinceCode,
      delegationLanguage: r.language,
      ownerLabel: r.c.ownerUserId ? (r.userName ?? "?") : (r.c.ownerName ?? "?"),
      ownerAddress: r.c.ownerUserId ? (r.userEmail ?? null) : r.c.ownerEmail,
      ownerLocale: r.c.ownerUserId ? (r.userLocale ?? "id") : r.language,
      overdue,
      daysOverdue: overdue ? dayNumberOf(today) - dayNumberOf(r.c.targetDate) : 0,
    };
  });
}

export interface BoardCounts {
  byStatus: Record<CommitmentStatus, number>;
  overdue: number;
  dueThisMonth: number;
  total: number;
}

/** Counts over every commitment: per status, overdue, and still-active ones due in `today`'s month. */
export async function boardCounts(db: Queryable, today: string): Promise<BoardCounts> {
  const rows = await db
    .select({ status: commitments.status, targetDate: commitments.targetDate })
    .from(commitments);
  const byStatus = Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, 0])) as Record<
    CommitmentStatus,
    number
  >;
  let overdue = 0;
  let dueThisMonth = 0;
  for (const r of rows) {
    byStatus[r.status] += 1;
    if (isOverdue(r, today)) overdue += 1;
    if (ACTIVE_STATUSES.includes(r.status) && r.targetDate.slice(0, 7) === today.slice(0, 7))
      dueThisMonth += 1;
  }
  return { byStatus, overdue, dueThisMonth, total: rows.length };
}

export async function getCommitmentView(db: Queryable, id: string, today: string): Promise<CommitmentView> {
  const row = await db
    .select({ delegationId: commitments.delegationId })
    .from(commitments)
    .where(eq(commitments.id, id))
    .get();
  if (!row) throw new AppError("not_found");
  const found = (await listCommitments(db, { delegationId: row.delegationId }, today)).find(
    (c) => c.id === id,
  );
  if (!found) throw new AppError("not_found");
  return found;
}

export async function commitmentHistory(db: Queryable, id: string) {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, "commitment"), eq(auditEvents.entityId, id)))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));
  return rows.map((e) => ({
    at: e.at,
    actor: e.actorLabel,
    actorId: e.actorId,
    action: e.action,
    before: e.before,
    after: e.after,
  }));
}

/** JSON shape of a commitment in the API. */
export function commitmentOut(c: CommitmentView) {
  return {
    id: c.id,
    delegationId: c.delegationId,
    delegationCode: c.delegationCode,
    institution: c.institution,
    provinceCode: c.provinceCode,
    party: c.party,
    ownerUserId: c.ownerUserId,
    ownerName: c.ownerName,
    ownerEmail: c.ownerEmail,
    ownerLabel: c.ownerLabel,
    what: c.what,
    targetDate: c.targetDate,
    status: c.status,
    overdue: c.overdue,
    daysOverdue: c.daysOverdue,
    dropReason: c.dropReason,
    evidenceUrl: c.evidenceUrl,
    evidenceNote: c.evidenceNote,
    completedOn: c.completedOn,
    remindersEnabled: c.remindersEnabled,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** Active staff accounts, for choosing an owner. */
export async function listStaffOwners(db: Queryable) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(isNull(users.disabledAt))
    .orderBy(asc(users.name));
}

/** Delegations and home provinces that have commitments (the board's filter choices). */
export async function boardChoices(db: Queryable) {
  const rows = await db
    .selectDistinct({
      id: delegations.id,
      code: delegations.code,
      institution: delegations.institution,
      provinceCode: delegations.provinceCode,
    })
    .from(commitments)
    .innerJoin(delegations, eq(delegations.id, commitments.delegationId))
    .orderBy(asc(delegations.code));
  return {
    delegations: rows,
    provinceCodes: [...new Set(rows.map((r) => r.provinceCode).filter((c): c is string => !!c))].sort(),
  };
}
