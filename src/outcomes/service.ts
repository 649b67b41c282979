/**
 * @module A delegation's outcome: read (with the actual attendance counted from check-in) and write (one
 * write transaction: version check, upsert, audit row with before and after).
 */
import { and, count, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { delegations, participants } from "../../db/schema/delegations";
import { visitOutcomes } from "../../db/schema/outcomes";
import { AppError, stale } from "../http/errors";
import type { ServiceContext } from "../http/service-context";
import type { OutcomeInput } from "./schemas";

export type OutcomeRow = typeof visitOutcomes.$inferSelect;

export type ServiceCtx = Pick<ServiceContext, "now" | "transaction">;

export async function attendanceCount(db: Queryable, delegationId: string) {
  const [attended] = await db
    .select({ n: count() })
    .from(participants)
    .where(and(eq(participants.delegationId, delegationId), eq(participants.attended, true)));
  const [listed] = await db
    .select({ n: count() })
    .from(participants)
    .where(eq(participants.delegationId, delegationId));
  return { attended: attended?.n ?? 0, listed: listed?.n ?? 0 };
}

export async function getOutcome(db: Queryable, delegationId: string): Promise<OutcomeRow | null> {
  const d = await db
    .select({ id: delegations.id })
    .from(delegations)
    .where(eq(delegations.id, delegationId))
    .get();
  if (!d) throw new AppError("not_found");
  return (
    (await db.select().from(visitOutcomes).where(eq(visitOutcomes.delegationId, delegationId)).get()) ?? null
  );
}

export function outcomeOut(row: OutcomeRow | null, attendance: { attended: number; listed: number }) {
  return {
    outcome: row
      ? { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() }
      : null,
    attendance,
  };
}

export async function saveOutcome(
  ctx: ServiceCtx,
  delegationId: string,
  input: OutcomeInput,
): Promise<OutcomeRow> {
  return ctx.transaction(async (tx, audit) => {
    const before = await getOutcome(tx, delegationId);
    const current = before?.version ?? 0;
    if (input.version !== current) throw stale({ currentVersion: current, current: before });
    const { version: _v, ...fields } = input;
    const after: OutcomeRow = {
      delegationId,
      ...fields,
      version: current + 1,
      createdAt: before?.createdAt ?? ctx.now,
      updatedAt: ctx.now,
    };
    await tx
      .insert(visitOutcomes)
      .values(after)
      .onConflictDoUpdate({
        target: visitOutcomes.delegationId,
        set: { ...fields, version: after.version, updatedAt: ctx.now },
      });
    await audit(
      before ? "outcome.update" : "outcome.create",
      { type: "delegation", id: delegationId },
      before,
      after,
    );
    return after;
  });
}
