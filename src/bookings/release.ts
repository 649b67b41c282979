/**
 * @module Releasing what a delegation holds: when a visit is cancelled or declined, every session it is in
 * is let go inside the caller's write transaction, so the venue and hosts are free the moment the status
 * changes. A session the delegation has alone is cancelled (the row stays for calendars, SEQUENCE rises);
 * a merged session survives, only this delegation leaves it (`leaveItem` does the same on its own, for a
 * delegation that drops out of a merged tour while its visit goes on).
 */
import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "../../db/client";
import { agendaItemDelegations, agendaItems } from "../../db/schema/agenda";
import { nextSequence } from "../calendar/material-change";
import { AppError } from "../http/errors";
import type { Audit } from "../http/service-context";
import type { AgendaItemRow } from "./items";
import { getItemRow } from "./items";

/** The caller's transaction time and its `audit` (from `ctx.transaction`), so every release is audited in it. */
export interface ReleaseCtx {
  now: Date;
  audit: Audit;
}

interface Released {
  /** Sessions the delegation had alone: now cancelled. */
  cancelled: string[];
  /** Merged sessions the delegation left (they go on for the others). */
  left: string[];
}

function materialOf(row: AgendaItemRow) {
  return { start: row.startsAt, end: row.endsAt, title: row.title, status: row.status, venueId: row.venueId };
}

/** Cancels one item in `tx` (already checked to be scheduled); audited. */
export async function cancelItemIn(tx: Transaction, ctx: ReleaseCtx, before: AgendaItemRow): Promise<void> {
  const after: AgendaItemRow = {
    ...before,
    status: "cancelled",
    cancelledAt: ctx.now,
    version: before.version + 1,
    updatedAt: ctx.now,
  };
  after.sequence = nextSequence(before.sequence, materialOf(before), materialOf(after));
  await tx.update(agendaItems).set(after).where(eq(agendaItems.id, before.id));
  await ctx.audit("agenda_item.cancel", { type: "agenda_item", id: before.id }, before, after);
}

/** Takes `delegationId` out of a merged session in `tx`: its people no longer count; audited. */
export async function leaveItemIn(
  tx: Transaction,
  ctx: ReleaseCtx,
  item: AgendaItemRow,
  delegationId: string,
): Promise<void> {
  const parties = await tx
    .select()
    .from(agendaItemDelegations)
    .where(eq(agendaItemDelegations.itemId, item.id))
    .all();
  const mine = parties.find((p) => p.delegationId === delegationId);
  if (!mine) throw new AppError("not_found", { details: { entity: "agenda_item_delegation" } });
  if (parties.length < 2) {
    throw new AppError("conflict", {
      messageKey: "scheduling.leaveAlone",
      details: [{ kind: "not_merged", itemId: item.id }],
    });
  }
  await tx
    .delete(agendaItemDelegations)
    .where(
      and(eq(agendaItemDelegations.itemId, item.id), eq(agendaItemDelegations.delegationId, delegationId)),
    );
  const groupSize = Math.max(0, item.groupSize - mine.groupSize);
  await tx
    .update(agendaItems)
    .set({ groupSize, version: item.version + 1, updatedAt: ctx.now })
    .where(eq(agendaItems.id, item.id));
  await ctx.audit(
    "agenda_item.leave",
    { type: "agenda_item", id: item.id },
    { groupSize: item.groupSize, delegations: parties.map((p) => p.delegationId) },
    { groupSize, left: delegationId },
  );
}

/** Every scheduled session of the delegation, with how many delegations share it. */
async function scheduledSessionsOf(tx: Transaction, delegationId: string) {
  return tx
    .select({
      itemId: agendaItemDelegations.itemId,
      parties: sql<number>`(SELECT count(*) FROM agenda_item_delegations o WHERE o.item_id = ${agendaItemDelegations.itemId})`,
    })
    .from(agendaItemDelegations)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaItemDelegations.itemId))
    .where(and(eq(agendaItemDelegations.delegationId, delegationId), eq(agendaItems.status, "scheduled")))
    .all();
}

/** Lets go of these sessions of the delegation (cancelled when its own, left when merged). */
export async function releaseItems(
  tx: Transaction,
  ctx: ReleaseCtx,
  delegationId: string,
  itemIds: readonly string[],
): Promise<Released> {
  const out: Released = { cancelled: [], left: [] };
  for (const s of await scheduledSessionsOf(tx, delegationId)) {
    if (!itemIds.includes(s.itemId)) continue;
    const item = await getItemRow(tx, s.itemId);
    if (Number(s.parties) > 1) {
      await leaveItemIn(tx, ctx, item, delegationId);
      out.left.push(item.id);
    } else {
      await cancelItemIn(tx, ctx, item);
      out.cancelled.push(item.id);
    }
  }
  return out;
}

/** Lets go of everything the delegation holds (see the module note); returns what it did. */
export async function releaseDelegationItems(
  tx: Transaction,
  ctx: ReleaseCtx,
  delegationId: string,
): Promise<Released> {
  const all = (await scheduledSessionsOf(tx, delegationId)).map((s) => s.itemId);
  return releaseItems(tx, ctx, delegationId, all);
}
