/**
 * @module Check-in at the reception desk: the roster in precedence order with each person's mark (present,
 * absent, not yet marked), and one all-or-nothing call that sets marks and adds walk-ins (people not on the
 * roster, added present and flagged as walk-ins, ranked from their title like everyone else). One write
 * transaction with one audit row; a mark for someone outside the delegation refuses the whole call.
 */
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { delegations, participants } from "../../db/schema/delegations";
import { newId } from "../auth/encoding";
import { listParticipants, type ParticipantRow } from "../delegations/participants";
import { suggestPrecedenceRank } from "../delegations/precedence";
import { AppError } from "../http/errors";
import type { ServiceContext } from "../http/service-context";
import { msg } from "../http/validate";
import { optionalLine, requiredLine } from "../outcomes/fields";

export const walkInSchema = z.strictObject({
  name: requiredLine(200),
  title: requiredLine(200),
  institution: optionalLine(200),
});

export const checkInSchema = z
  .strictObject({
    marks: z
      .array(z.strictObject({ participantId: z.string().min(1).max(100), attended: z.boolean() }))
      .max(1000)
      .default([]),
    walkIns: z.array(walkInSchema).max(200).default([]),
  })
  .refine((v) => new Set(v.marks.map((m) => m.participantId)).size === v.marks.length, {
    ...msg("attendance.duplicateMark"),
    path: ["marks"],
  });
type CheckInInput = z.output<typeof checkInSchema>;

export interface AttendanceRow {
  id: string;
  name: string;
  title: string;
  institution: string | null;
  precedenceRank: number;
  attended: boolean | null;
  walkIn: boolean;
}

function attendanceRowOf(p: ParticipantRow): AttendanceRow {
  return {
    id: p.id,
    name: p.name,
    title: p.title,
    institution: p.institution,
    precedenceRank: p.precedenceRank,
    attended: p.attended,
    walkIn: p.walkIn,
  };
}

export async function getAttendance(db: Db, delegationId: string) {
  const d = await db.orm
    .select({ id: delegations.id })
    .from(delegations)
    .where(eq(delegations.id, delegationId))
    .get();
  if (!d) throw new AppError("not_found");
  const rows = (await listParticipants(db, delegationId)).map(attendanceRowOf);
  return {
    participants: rows,
    attended: rows.filter((r) => r.attended === true).length,
    listed: rows.length,
  };
}

/** Case- and accent-insensitive match on name, title or institution. */
export function matchesSearch(
  row: Pick<AttendanceRow, "name" | "title" | "institution">,
  q: string,
): boolean {
  const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("id");
  const needle = fold(q.trim());
  if (!needle) return true;
  return [row.name, row.title, row.institution ?? ""].some((v) => fold(v).includes(needle));
}

export async function checkIn(
  ctx: Pick<ServiceContext, "now" | "transaction">,
  delegationId: string,
  input: CheckInInput,
): Promise<{ marked: number; added: AttendanceRow[] }> {
  return ctx.transaction(async (tx, audit) => {
    const d = await tx
      .select({ id: delegations.id })
      .from(delegations)
      .where(eq(delegations.id, delegationId))
      .get();
    if (!d) throw new AppError("not_found");
    const ids = input.marks.map((m) => m.participantId);
    const found =
      ids.length === 0
        ? []
        : await tx
            .select({ id: participants.id, attended: participants.attended, version: participants.version })
            .from(participants)
            .where(and(eq(participants.delegationId, delegationId), inArray(participants.id, ids)));
    const byId = new Map(found.map((p) => [p.id, p]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length > 0)
      throw new AppError("validation_failed", {
        messageKey: "attendance.unknownParticipant",
        details: {
          fields: Object.fromEntries(
            input.marks
              .map((m, i) => [m, i] as const)
              .filter(([m]) => !byId.has(m.participantId))
              .map(([, i]) => [`marks.${i}.participantId`, ["attendance.unknownParticipant"]]),
          ),
        },
      });
    const changes: { id: string; from: boolean | null; to: boolean }[] = [];
    for (const m of input.marks) {
      const p = byId.get(m.participantId);
      if (!p || p.attended === m.attended) continue;
      await tx
        .update(participants)
        .set({ attended: m.attended, version: p.version + 1, updatedAt: ctx.now })
        .where(eq(participants.id, p.id));
      changes.push({ id: p.id, from: p.attended, to: m.attended });
    }
    const added: AttendanceRow[] = [];
    for (const w of input.walkIns) {
      const row = {
        id: newId(),
        delegationId,
        name: w.name,
        title: w.title,
        institution: w.institution,
        email: null,
        phone: null,
        needs: null,
        precedenceRank: suggestPrecedenceRank(w.title).rank,
        rankOverridden: false,
        attended: true,
        walkIn: true,
        version: 1,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      await tx.insert(participants).values(row);
      added.push(attendanceRowOf(row));
    }
    if (changes.length > 0 || added.length > 0)
      await audit("attendance.check_in", { type: "delegation", id: delegationId }, undefined, {
        marks: changes,
        walkIns: added.map((a) => ({ id: a.id, name: a.name, title: a.title })),
      });
    return { marked: changes.length, added };
  });
}
