/**
 * @module A delegation's roster: participants in protocol precedence order (rank suggested from the job
 * title by `precedence.ts`, overridable), add/edit/delete with `version`, CSV import of all rows or none
 * (`roster-csv.ts` reports every bad row), and CSV export.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Transaction } from "../../db/client";
import { delegations, participants } from "../../db/schema/delegations";
import { newId } from "../auth/encoding";
import { AppError, stale } from "../http/errors";
import type { ServiceContext } from "../http/service-context";
import { SINGLE_LINE } from "../http/single-line";
import { msg } from "../http/validate";
import { compareByPrecedence, suggestPrecedenceRank } from "./precedence";
import { parseRosterCsv } from "./roster-csv";
import { normalisePhone } from "./roster-fields";

export type ParticipantRow = typeof participants.$inferSelect;

type Ctx = Pick<ServiceContext, "now" | "transaction">;

const text = (max: number) => z.string().trim().max(max, msg("requests.textTooLong"));
const line = (max: number) => text(max).refine(...SINGLE_LINE);
const optionalText = (max: number, oneLine = false) =>
  (oneLine ? line(max) : text(max)).nullish().transform((v) => (v ? v : null));

const participantFields = {
  name: line(200).min(1, msg("error.required")),
  title: line(200).min(1, msg("error.required")),
  institution: optionalText(200, true),
  email: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v.toLowerCase() : null))
    .refine((v) => v === null || z.email().safeParse(v).success, msg("roster.emailInvalid")),
  phone: z
    .string()
    .trim()
    .nullish()
    .refine((v) => !v || normalisePhone(v) !== null, msg("roster.phoneInvalid"))
    .transform((v) => (v ? normalisePhone(v) : null)),
  needs: optionalText(1000),
  /** Omit (or null) to suggest from the title. */
  rank: z
    .union([z.number(), z.string().trim()])
    .nullish()
    .transform((v) => (v === "" || v === undefined || v === null ? null : Number(v)))
    .refine((v) => v === null || (Number.isInteger(v) && v >= 1 && v <= 9999), msg("roster.rankInvalid")),
  attended: z.boolean().nullish(),
};

export const participantInputSchema = z.strictObject(participantFields);
export const participantPatchSchema = z
  .strictObject(participantFields)
  .partial()
  .extend({ version: z.number(msg("delegations.versionRequired")).int().min(1) });

export async function listParticipants(db: Db, delegationId: string): Promise<ParticipantRow[]> {
  const rows = await db.orm
    .select()
    .from(participants)
    .where(eq(participants.delegationId, delegationId))
    .all();
  return rows.sort((a, b) =>
    compareByPrecedence({ rank: a.precedenceRank, name: a.name }, { rank: b.precedenceRank, name: b.name }),
  );
}

async function ensureDelegation(tx: Transaction, id: string) {
  const d = await tx.select({ id: delegations.id }).from(delegations).where(eq(delegations.id, id)).get();
  if (!d) throw new AppError("not_found");
}

function rankOf(title: string, rank: number | null) {
  return rank === null
    ? { precedenceRank: suggestPrecedenceRank(title).rank, rankOverridden: false }
    : { precedenceRank: rank, rankOverridden: true };
}

export async function addParticipant(
  ctx: Ctx,
  delegationId: string,
  input: z.output<typeof participantInputSchema>,
) {
  return ctx.transaction(async (tx, audit) => {
    await ensureDelegation(tx, delegationId);
    const row: ParticipantRow = {
      id: newId(),
      delegationId,
      name: input.name,
      title: input.title,
      institution: input.institution,
      email: input.email,
      phone: input.phone,
      needs: input.needs,
      ...rankOf(input.title, input.rank),
      attended: input.attended ?? null,
      walkIn: false,
      version: 1,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    await tx.insert(participants).values(row);
    await audit("participant.create", { type: "participant", id: row.id }, undefined, row);
    return row;
  });
}

export async function getParticipant(db: Db, delegationId: string, id: string): Promise<ParticipantRow> {
  const row = await db.orm
    .select()
    .from(participants)
    .where(and(eq(participants.id, id), eq(participants.delegationId, delegationId)))
    .get();
  if (!row) throw new AppError("not_found");
  return row;
}

export async function updateParticipant(
  ctx: Ctx,
  delegationId: string,
  id: string,
  patch: z.output<typeof participantPatchSchema>,
) {
  return ctx.transaction(async (tx, audit) => {
    const before = await tx
      .select()
      .from(participants)
      .where(and(eq(participants.id, id), eq(participants.delegationId, delegationId)))
      .get();
    if (!before) throw new AppError("not_found");
    if (before.version !== patch.version) throw stale({ currentVersion: before.version, current: before });
    const { version: _v, rank, ...fields } = patch;
    const set: Partial<ParticipantRow> = Object.fromEntries(
      Object.entries(fields).filter(([, v]) => v !== undefined),
    );
    const title = set.title ?? before.title;
    if (rank !== undefined) Object.assign(set, rankOf(title, rank));
    else if (set.title && !before.rankOverridden) set.precedenceRank = suggestPrecedenceRank(title).rank;
    const after: ParticipantRow = { ...before, ...set, version: before.version + 1, updatedAt: ctx.now };
    await tx
      .update(participants)
      .set({ ...set, version: after.version, updatedAt: ctx.now })
      .where(eq(participants.id, id));
    await audit("participant.update", { type: "participant", id }, before, after);
    return after;
  });
}

export async function deleteParticipant(ctx: Ctx, delegationId: string, id: string) {
  await ctx.transaction(async (tx, audit) => {
    const before = await tx
      .select()
      .from(participants)
      .where(and(eq(participants.id, id), eq(participants.delegationId, delegationId)))
      .get();
    if (!before) throw new AppError("not_found");
    await tx.delete(participants).where(eq(participants.id, id));
    await audit("participant.delete", { type: "participant", id }, before);
  });
}

/** Imports a roster CSV: every row valid, or nothing is written and every problem is listed. */
export async function importParticipants(ctx: Ctx, delegationId: string, csv: string) {
  const parsed = parseRosterCsv(csv);
  if (parsed.errors.length > 0) {
    throw new AppError("validation_failed", {
      messageKey: "roster.csvInvalid",
      details: { rows: parsed.errors },
    });
  }
  return ctx.transaction(async (tx, audit) => {
    await ensureDelegation(tx, delegationId);
    for (const p of parsed.rows) {
      await tx.insert(participants).values({
        id: newId(),
        delegationId,
        name: p.name,
        title: p.title,
        institution: p.institution,
        email: p.email,
        phone: p.phone,
        needs: p.needs,
        precedenceRank: p.rank,
        rankOverridden: p.rankSource === "file",
        attended: null,
        version: 1,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
    }
    await audit("participant.import", { type: "delegation", id: delegationId }, undefined, {
      imported: parsed.rows.length,
    });
    return { imported: parsed.rows.length };
  });
}
