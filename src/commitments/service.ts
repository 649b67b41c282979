/**
 * @module Writing commitments: create, edit (with `version`) and status transitions. Each is one write
 * transaction with an audit row (the commitment's history is read back from the audit log). Staff owners
 * must be an active user; "today" is the local date in the host's default zone.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { users } from "../../db/schema/auth";
import { delegations } from "../../db/schema/delegations";
import { commitments } from "../../db/schema/outcomes";
import { newId } from "../auth/encoding";
import { getHostSettings } from "../host-settings/service";
import { AppError, stale } from "../http/errors";
import type { ServiceContext } from "../http/service-context";
import { localDateOf } from "../scheduling/zoned-time";
import { isOverdue, planCommitmentTransition, type TransitionRequest } from "./rules";
import type { CommitmentCreate, CommitmentPatch } from "./schemas";

export type CommitmentRow = typeof commitments.$inferSelect;

type CommitmentCtx = Pick<ServiceContext, "now" | "transaction">;

const invalid = (field: string, key: "commitments.ownerUnknown" | "error.not_found") =>
  new AppError("validation_failed", { messageKey: key, details: { fields: { [field]: [key] } } });

/** Today's local date in the host's default zone. */
export async function hostToday(db: Queryable, now: Date): Promise<string> {
  return localDateOf(now.getTime(), (await getHostSettings(db)).defaultTimeZone);
}

async function ensureOwner(tx: Queryable, ownerUserId: string | null | undefined) {
  if (!ownerUserId) return;
  const u = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, ownerUserId), isNull(users.disabledAt)))
    .get();
  if (!u) throw invalid("ownerUserId", "commitments.ownerUnknown");
}

export async function createCommitment(ctx: CommitmentCtx, input: CommitmentCreate) {
  return ctx.transaction(async (tx, audit) => {
    const d = await tx
      .select({ id: delegations.id })
      .from(delegations)
      .where(eq(delegations.id, input.delegationId))
      .get();
    if (!d) throw invalid("delegationId", "error.not_found");
    await ensureOwner(tx, input.ownerUserId);
    const row: CommitmentRow = {
      id: newId(),
      delegationId: input.delegationId,
      party: input.party,
      ownerUserId: input.ownerUserId ?? null,
      ownerName: input.ownerUserId ? null : (input.ownerName ?? null),
      ownerEmail: input.ownerUserId ? null : (input.ownerEmail ?? null),
      what: input.what,
      targetDate: input.targetDate,
      status: "open",
      dropReason: null,
      evidenceUrl: null,
      evidenceNote: null,
      completedOn: null,
      remindersEnabled: input.remindersEnabled,
      version: 1,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    await tx.insert(commitments).values(row);
    await audit("commitment.create", { type: "commitment", id: row.id }, undefined, row);
    const today = await hostToday(tx, ctx.now);
    return { commitment: row, overdue: isOverdue(row, today) };
  });
}

async function loadForWrite(tx: Queryable, id: string, version: number) {
  const row = await tx.select().from(commitments).where(eq(commitments.id, id)).get();
  if (!row) throw new AppError("not_found");
  if (row.version !== version) throw stale({ currentVersion: row.version, current: row });
  return row;
}

export async function updateCommitment(ctx: CommitmentCtx, id: string, patch: CommitmentPatch) {
  return ctx.transaction(async (tx, audit) => {
    const before = await loadForWrite(tx, id, patch.version);
    const { version: _v, ...fields } = patch;
    const change: Partial<CommitmentRow> = {};
    if (fields.party !== undefined) change.party = fields.party;
    if (fields.what !== undefined) change.what = fields.what;
    if (fields.targetDate !== undefined) change.targetDate = fields.targetDate;
    if (fields.remindersEnabled !== undefined) change.remindersEnabled = fields.remindersEnabled;
    if (
      fields.ownerUserId !== undefined ||
      fields.ownerName !== undefined ||
      fields.ownerEmail !== undefined
    ) {
      await ensureOwner(tx, fields.ownerUserId);
      change.ownerUserId = fields.ownerUserId ?? null;
      change.ownerName = fields.ownerUserId ? null : (fields.ownerName ?? null);
      change.ownerEmail = fields.ownerUserId ? null : (fields.ownerEmail ?? null);
    }
    const after: CommitmentRow = { ...before, ...change, version: before.version + 1, updatedAt: ctx.now };
    await tx
      .update(commitments)
      .set({ ...change, version: after.version, updatedAt: ctx.now })
      .where(eq(commitments.id, id));
    await audit(
      "commitment.update",
      { type: "commitment", id },
      Object.fromEntries(Object.keys(change).map((k) => [k, before[k as keyof CommitmentRow]])),
      change,
    );
    return { commitment: after, overdue: isOverdue(after, await hostToday(tx, ctx.now)) };
  });
}

export async function transitionCommitment(
  ctx: CommitmentCtx,
  id: string,
  input: TransitionRequest & { version: number },
) {
  return ctx.transaction(async (tx, audit) => {
    const before = await loadForWrite(tx, id, input.version);
    const today = await hostToday(tx, ctx.now);
    const change = planCommitmentTransition(before.status, input, today);
    const after: CommitmentRow = { ...before, ...change, version: before.version + 1, updatedAt: ctx.now };
    await tx
      .update(commitments)
      .set({ ...change, version: after.version, updatedAt: ctx.now })
      .where(eq(commitments.id, id));
    await audit(
      "commitment.transition",
      { type: "commitment", id },
      { status: before.status, version: before.version },
      { ...change, version: after.version },
    );
    return { commitment: after, overdue: isOverdue(after, today) };
  });
}
