/**
 * @module The working calendar's closed dates: list per year, add/edit/delete, mark reviewed, import a
 * year's official list from CSV (all rows or none), and the set of closed dates the working-day rule needs.
 * Every change is audited in the same transaction.
 */

import { and, asc, eq, gte, like, lte } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { closures } from "../../db/schema/closures";
import { type AuditActor, recordAudit } from "../audit/record";
import { newId } from "../auth/encoding";
import { AppError } from "../http/errors";
import { yearInRange } from "../http/time-schemas";
import { msg } from "../http/validate";
import { parseClosuresCsv } from "./closures-csv";
import { CLOSURE_KINDS } from "./kinds";

export type ClosureRow = typeof closures.$inferSelect;

interface Ctx {
  db: Db;
  actor: AuditActor;
  now: Date;
}

export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg("closures.dateInvalid"))
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && yearInRange(v);
  }, msg("closures.dateInvalid"));

export const closureInputSchema = z.strictObject({
  date: localDateSchema,
  kind: z.enum(CLOSURE_KINDS, msg("closures.kindInvalid")),
  name: z.string().trim().min(1, msg("error.required")).max(200),
});
export type ClosureInput = z.output<typeof closureInputSchema>;

export const closureUpdateSchema = z.strictObject({
  date: localDateSchema.optional(),
  kind: z.enum(CLOSURE_KINDS, msg("closures.kindInvalid")).optional(),
  name: z.string().trim().min(1, msg("error.required")).max(200).optional(),
  reviewed: z.boolean().optional(),
});

export function listClosures(db: Db, year: number): Promise<ClosureRow[]> {
  return db.orm
    .select()
    .from(closures)
    .where(like(closures.date, `${year}-%`))
    .orderBy(asc(closures.date), asc(closures.kind))
    .all();
}

export async function getClosure(db: Db, id: string): Promise<ClosureRow> {
  const row = await db.orm.select().from(closures).where(eq(closures.id, id)).get();
  if (!row) throw new AppError("not_found");
  return row;
}

/** Closed dates from `from` to `to` inclusive (local dates), for working-day arithmetic. */
export async function closedDatesBetween(db: Db, from: string, to: string): Promise<Set<string>> {
  const rows = await db.orm
    .select({ date: closures.date })
    .from(closures)
    .where(and(gte(closures.date, from), lte(closures.date, to)))
    .all();
  return new Set(rows.map((r) => r.date));
}

const duplicate = () =>
  new AppError("conflict", {
    messageKey: "closures.duplicate",
    details: { fields: { date: ["duplicate"] } },
  });

export async function createClosure(
  ctx: Ctx,
  input: ClosureInput & { source?: ClosureRow["source"]; reviewed?: boolean },
): Promise<ClosureRow> {
  return ctx.db.writeTransaction(async (tx) => {
    const clash = await tx
      .select({ id: closures.id })
      .from(closures)
      .where(and(eq(closures.date, input.date), eq(closures.kind, input.kind)))
      .get();
    if (clash) throw duplicate();
    const row: ClosureRow = {
      id: newId(),
      date: input.date,
      kind: input.kind,
      name: input.name,
      source: input.source ?? "admin",
      reviewed: input.reviewed ?? true,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    await tx.insert(closures).values(row);
    await recordAudit(tx, {
      actor: ctx.actor,
      action: "closure.create",
      entityType: "closure",
      entityId: row.id,
      after: row,
      now: ctx.now,
    });
    return row;
  });
}

export async function updateClosure(
  ctx: Ctx,
  id: string,
  change: z.output<typeof closureUpdateSchema>,
): Promise<ClosureRow> {
  return ctx.db.writeTransaction(async (tx) => {
    const before = await tx.select().from(closures).where(eq(closures.id, id)).get();
    if (!before) throw new AppError("not_found");
    const after: ClosureRow = {
      ...before,
      ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)),
      updatedAt: ctx.now,
    };
    if (after.date !== before.date || after.kind !== before.kind) {
      const clash = await tx
        .select({ id: closures.id })
        .from(closures)
        .where(and(eq(closures.date, after.date), eq(closures.kind, after.kind)))
        .get();
      if (clash && clash.id !== id) throw duplicate();
    }
    await tx.update(closures).set(after).where(eq(closures.id, id));
    await recordAudit(tx, {
      actor: ctx.actor,
      action: change.reviewed && Object.keys(change).length === 1 ? "closure.review" : "closure.update",
      entityType: "closure",
      entityId: id,
      before,
      after,
      now: ctx.now,
    });
    return after;
  });
}

export async function deleteClosure(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.writeTransaction(async (tx) => {
    const before = await tx.select().from(closures).where(eq(closures.id, id)).get();
    if (!before) throw new AppError("not_found");
    await tx.delete(closures).where(eq(closures.id, id));
    await recordAudit(tx, {
      actor: ctx.actor,
      action: "closure.delete",
      entityType: "closure",
      entityId: id,
      before,
      now: ctx.now,
    });
  });
}

/**
 * Imports a year's official list: every row valid or nothing is written. A row whose date and kind
 * already exist renames that closure and marks it reviewed; others are added as reviewed.
 */
export async function importClosuresCsv(ctx: Ctx, year: number, csv: string) {
  const parsed = parseClosuresCsv(csv, year);
  if (parsed.errors.length > 0) {
    throw new AppError("validation_failed", {
      messageKey: "closures.csvInvalid",
      details: { rows: parsed.errors },
    });
  }
  return ctx.db.writeTransaction(async (tx) => {
    let created = 0;
    let updated = 0;
    for (const r of parsed.rows) {
      const existing = await tx
        .select()
        .from(closures)
        .where(and(eq(closures.date, r.date), eq(closures.kind, r.kind)))
        .get();
      if (existing) {
        await tx
          .update(closures)
          .set({ name: r.name, reviewed: true, updatedAt: ctx.now })
          .where(eq(closures.id, existing.id));
        updated++;
      } else {
        await tx.insert(closures).values({
          id: newId(),
          date: r.date,
          kind: r.kind,
          name: r.name,
          source: "csv",
          reviewed: true,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        created++;
      }
    }
    await recordAudit(tx, {
      actor: ctx.actor,
      action: "closure.import",
      entityType: "closure",
      entityId: String(year),
      after: { year, created, updated, rows: parsed.rows.length },
      now: ctx.now,
    });
    return { created, updated };
  });
}
