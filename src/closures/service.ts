/**
 * @module The working calendar's closed dates: list per year, add (one date or a range such as *cuti
 * bersama* 24–26 Dec, stored as one row per day so the working-day rule and availability read single
 * dates), edit/delete one day, mark one or a whole year reviewed, import a year's official list from CSV
 * (all rows or none), and the set of closed dates the working-day rule needs. Every change is audited in
 * the same transaction (the service context's `transaction`).
 */

import { and, asc, eq, gte, like, lte } from "drizzle-orm";
import { z } from "zod";
import type { Db, Transaction } from "../../db/client";
import { closures } from "../../db/schema/closures";
import { newId } from "../auth/encoding";
import { AppError } from "../http/errors";
import type { ServiceContext } from "../http/service-context";
import { yearInRange } from "../http/time-schemas";
import { msg } from "../http/validate";
import { parseClosuresCsv } from "./closures-csv";
import { CLOSURE_KINDS } from "./kinds";

export type ClosureRow = typeof closures.$inferSelect;

type Ctx = Pick<ServiceContext, "now" | "transaction">;

/** The longest range one entry may close (a *cuti bersama* block is a few days; a typo is not a year). */
export const MAX_RANGE_DAYS = 31;

export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg("closures.dateInvalid"))
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && yearInRange(v);
  }, msg("closures.dateInvalid"));

const kindSchema = z.enum(CLOSURE_KINDS, msg("closures.kindInvalid"));
const nameSchema = z.string().trim().min(1, msg("error.required")).max(200);

/** The dates from `from` to `to` inclusive ("YYYY-MM-DD"); empty when `to` is before `from`. */
export function datesFromTo(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** One closed date, or a range from `date` to `endDate` (inclusive) under one name and kind. */
export const closureInputSchema = z
  .strictObject({
    date: localDateSchema,
    endDate: z
      .union([z.literal(""), localDateSchema])
      .optional()
      .transform((v) => v || undefined),
    kind: kindSchema,
    name: nameSchema,
  })
  .superRefine((v, ctx) => {
    if (!v.endDate) return;
    const days = datesFromTo(v.date, v.endDate).length;
    if (days === 0)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: msg("closures.endBeforeStart").error });
    else if (days > MAX_RANGE_DAYS)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: msg("closures.rangeTooLong").error });
  });
export type ClosureInput = z.output<typeof closureInputSchema>;

/** Editing one day of the calendar (a range was stored as one row per day). */
export const closureEditSchema = z.strictObject({
  date: localDateSchema,
  kind: kindSchema,
  name: nameSchema,
});

export const closureUpdateSchema = z.strictObject({
  date: localDateSchema.optional(),
  kind: kindSchema.optional(),
  name: nameSchema.optional(),
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

async function clashOf(tx: Transaction, date: string, kind: ClosureRow["kind"]) {
  return tx
    .select({ id: closures.id })
    .from(closures)
    .where(and(eq(closures.date, date), eq(closures.kind, kind)))
    .get();
}

/**
 * Adds one closed date, or one row per day of a range: all days or none (a day that already has a
 * closure of this kind refuses the whole range).
 */
export async function createClosures(
  ctx: Ctx,
  input: ClosureInput & { source?: ClosureRow["source"]; reviewed?: boolean },
): Promise<ClosureRow[]> {
  const dates = input.endDate ? datesFromTo(input.date, input.endDate) : [input.date];
  return ctx.transaction(async (tx, audit) => {
    const rows: ClosureRow[] = [];
    for (const date of dates) {
      if (await clashOf(tx, date, input.kind)) throw duplicate();
      const row: ClosureRow = {
        id: newId(),
        date,
        kind: input.kind,
        name: input.name,
        source: input.source ?? "admin",
        reviewed: input.reviewed ?? true,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      await tx.insert(closures).values(row);
      await audit("closure.create", { type: "closure", id: row.id }, undefined, row);
      rows.push(row);
    }
    return rows;
  });
}

export async function updateClosure(
  ctx: Ctx,
  id: string,
  change: z.output<typeof closureUpdateSchema>,
): Promise<ClosureRow> {
  return ctx.transaction(async (tx, audit) => {
    const before = await tx.select().from(closures).where(eq(closures.id, id)).get();
    if (!before) throw new AppError("not_found");
    const after: ClosureRow = {
      ...before,
      ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)),
      updatedAt: ctx.now,
    };
    if (after.date !== before.date || after.kind !== before.kind) {
      const clash = await clashOf(tx, after.date, after.kind);
      if (clash && clash.id !== id) throw duplicate();
    }
    await tx.update(closures).set(after).where(eq(closures.id, id));
    const reviewOnly = change.reviewed && Object.keys(change).length === 1;
    await audit(reviewOnly ? "closure.review" : "closure.update", { type: "closure", id }, before, after);
    return after;
  });
}

/** Marks every unreviewed closure of `year` reviewed; answers how many changed. */
export async function reviewYear(ctx: Ctx, year: number): Promise<number> {
  return ctx.transaction(async (tx, audit) => {
    const changed = await tx
      .update(closures)
      .set({ reviewed: true, updatedAt: ctx.now })
      .where(and(like(closures.date, `${year}-%`), eq(closures.reviewed, false)))
      .returning({ id: closures.id, date: closures.date });
    if (changed.length > 0) {
      await audit("closure.review", { type: "closure", id: String(year) }, undefined, {
        year,
        dates: changed.map((r) => r.date).sort(),
      });
    }
    return changed.length;
  });
}

export async function deleteClosure(ctx: Ctx, id: string): Promise<void> {
  await ctx.transaction(async (tx, audit) => {
    const before = await tx.select().from(closures).where(eq(closures.id, id)).get();
    if (!before) throw new AppError("not_found");
    await tx.delete(closures).where(eq(closures.id, id));
    await audit("closure.delete", { type: "closure", id }, before);
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
  return ctx.transaction(async (tx, audit) => {
    let created = 0;
    let updated = 0;
    for (const r of parsed.rows) {
      const existing = await clashOf(tx, r.date, r.kind);
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
    await audit("closure.import", { type: "closure", id: String(year) }, undefined, {
      year,
      created,
      updated,
      rows: parsed.rows.length,
    });
    return { created, updated };
  });
}
