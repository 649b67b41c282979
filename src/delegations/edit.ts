/**
 * @module Staff edits of a delegation and its internal notes. An edit names the `version` it was based on;
 * if someone saved in between, it is refused with 409 `stale` carrying the current record, so nothing is
 * silently overwritten.
 */
import { eq } from "drizzle-orm";
import { delegationNotes, delegations } from "../../db/schema/delegations";
import { newId } from "../auth/encoding";
import { AppError, stale } from "../http/errors";
import type { ServiceContext } from "../http/service-context";
import type { DelegationPatch } from "./input-schema";
import { type DelegationRow, publicFields } from "./intake";

type Ctx = Pick<ServiceContext, "actor" | "now" | "transaction">;

export async function updateDelegation(ctx: Ctx, id: string, patch: DelegationPatch): Promise<DelegationRow> {
  const { version, ...fields } = patch;
  return ctx.transaction(async (tx, audit) => {
    const before = await tx.select().from(delegations).where(eq(delegations.id, id)).get();
    if (!before) throw new AppError("not_found");
    if (before.version !== version)
      throw stale({ currentVersion: before.version, current: publicFields(before) });
    const set = Object.fromEntries(
      Object.entries(fields).filter(([, v]) => v !== undefined),
    ) as Partial<DelegationRow>;
    // A province change without a regency clears a regency of the old province.
    if (
      set.provinceCode &&
      set.regencyCode === undefined &&
      before.regencyCode &&
      !before.regencyCode.startsWith(`${set.provinceCode}.`)
    )
      set.regencyCode = null;
    const after: DelegationRow = { ...before, ...set, version: before.version + 1, updatedAt: ctx.now };
    await tx
      .update(delegations)
      .set({ ...set, version: after.version, updatedAt: ctx.now })
      .where(eq(delegations.id, id));
    const changed = Object.keys(set).filter(
      (k) =>
        JSON.stringify(before[k as keyof DelegationRow]) !== JSON.stringify(after[k as keyof DelegationRow]),
    );
    const fieldsOf = (row: DelegationRow) =>
      Object.fromEntries(changed.map((k) => [k, row[k as keyof DelegationRow]]));
    await audit("delegation.update", { type: "delegation", id }, fieldsOf(before), fieldsOf(after));
    return after;
  });
}

export async function addNote(ctx: Ctx, delegationId: string, body: string) {
  return ctx.transaction(async (tx, audit) => {
    const exists = await tx
      .select({ id: delegations.id })
      .from(delegations)
      .where(eq(delegations.id, delegationId))
      .get();
    if (!exists) throw new AppError("not_found");
    const row = {
      id: newId(),
      delegationId,
      authorId: ctx.actor.id,
      authorLabel: ctx.actor.label,
      body,
      createdAt: ctx.now,
    };
    await tx.insert(delegationNotes).values(row);
    await audit("delegation.note", { type: "delegation", id: delegationId }, undefined, { noteId: row.id });
    return row;
  });
}
