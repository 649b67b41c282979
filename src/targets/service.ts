/**
 * @module Reading and setting a year's targets. Setting is one audited write transaction (upsert);
 * a year without a row has no targets (every figure null, version 0).
 */
import { eq, inArray } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { yearlyTargets } from "../../db/schema/targets";
import type { ServiceContext } from "../http/service-context";
import type { TargetInput, TargetOut } from "./schemas";

type Row = typeof yearlyTargets.$inferSelect;

function out(year: number, row: Row | undefined): TargetOut {
  return {
    year,
    visits: row?.visits ?? null,
    visitors: row?.visitors ?? null,
    commitmentsOnTimePct: row?.commitmentsOnTimePct ?? null,
    averageRating: row?.averageRating ?? null,
    version: row?.version ?? 0,
    updatedAt: row ? row.updatedAt.toISOString() : null,
  };
}

export async function getTarget(db: Queryable, year: number): Promise<TargetOut> {
  return out(year, await db.select().from(yearlyTargets).where(eq(yearlyTargets.year, year)).get());
}

/** The targets of several years at once (reports over a range). */
export async function getTargets(db: Queryable, years: readonly number[]): Promise<Map<number, TargetOut>> {
  const rows = years.length
    ? await db
        .select()
        .from(yearlyTargets)
        .where(inArray(yearlyTargets.year, [...years]))
    : [];
  const byYear = new Map(rows.map((r) => [r.year, r]));
  return new Map(years.map((y) => [y, out(y, byYear.get(y))]));
}

export async function saveTarget(
  ctx: Pick<ServiceContext, "now" | "actor" | "transaction">,
  year: number,
  input: TargetInput,
): Promise<TargetOut> {
  return ctx.transaction(async (tx, audit) => {
    const before = await tx.select().from(yearlyTargets).where(eq(yearlyTargets.year, year)).get();
    const values = { ...input, updatedBy: ctx.actor.label, updatedAt: ctx.now };
    if (before) {
      await tx
        .update(yearlyTargets)
        .set({ ...values, version: before.version + 1 })
        .where(eq(yearlyTargets.year, year));
    } else {
      await tx.insert(yearlyTargets).values({ year, ...values, version: 1 });
    }
    const after = await tx.select().from(yearlyTargets).where(eq(yearlyTargets.year, year)).get();
    await audit("target.set", { type: "yearly_target", id: String(year) }, before ?? null, after);
    return out(year, after);
  });
}
