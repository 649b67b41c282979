/**
 * @module Blackouts: a venue (or every venue, `venueId` null) closed for a one-off range of instants or
 * weekly at local times (read in each venue's own zone). Closures of the working calendar (holidays,
 * cuti bersama) live in the closures table, owned by the Delegations feature.
 */
import { asc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { blackouts } from "../../db/schema/venues";
import { newId } from "../auth/encoding";
import { AppError } from "../http/errors";
import type { ServiceContext } from "../http/service-context";
import type { BlackoutCreate } from "./schemas";
import { getVenue } from "./service";

export type BlackoutRow = typeof blackouts.$inferSelect;

type Ctx = Pick<ServiceContext, "now" | "transaction">;

/** Blackouts of one venue (and, with `includeAll`, those closing every venue); all when no venue given. */
export function listBlackouts(q: Queryable, venueId?: string | null) {
  const base = q.select().from(blackouts);
  const filtered =
    venueId === undefined
      ? base
      : venueId === null
        ? base.where(isNull(blackouts.venueId))
        : base.where(eq(blackouts.venueId, venueId));
  return filtered.orderBy(asc(blackouts.kind), asc(blackouts.startsAt), asc(blackouts.fromTime)).all();
}

export async function getBlackout(q: Queryable, id: string): Promise<BlackoutRow> {
  const row = await q.select().from(blackouts).where(eq(blackouts.id, id)).get();
  if (!row) throw new AppError("not_found", { details: { entity: "blackout", id } });
  return row;
}

function rowOf(input: BlackoutCreate, id: string, now: Date): BlackoutRow {
  return {
    id,
    venueId: input.venueId ?? null,
    kind: input.kind,
    startsAt: input.kind === "once" ? input.startsAt : null,
    endsAt: input.kind === "once" ? input.endsAt : null,
    weekdays: input.kind === "weekly" ? [...new Set(input.weekdays)].sort() : null,
    fromTime: input.kind === "weekly" ? input.fromTime : null,
    toTime: input.kind === "weekly" ? input.toTime : null,
    reason: input.reason,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

export async function createBlackout(ctx: Ctx, input: BlackoutCreate): Promise<BlackoutRow> {
  const row = rowOf(input, newId(), ctx.now);
  await ctx.transaction(async (tx, audit) => {
    if (row.venueId) await getVenue(tx, row.venueId);
    await tx.insert(blackouts).values(row);
    await audit("blackout.create", { type: "blackout", id: row.id }, undefined, row);
  });
  return row;
}

/** Replaces a blackout's definition (all fields) when `version` is current. */
export async function updateBlackout(
  ctx: Ctx,
  id: string,
  input: BlackoutCreate,
  version: number,
): Promise<BlackoutRow> {
  return ctx.transaction(async (tx, audit) => {
    const before = await getBlackout(tx, id);
    if (before.version !== version)
      throw new AppError("stale", { details: { currentVersion: before.version } });
    if (input.venueId) await getVenue(tx, input.venueId);
    const after = { ...rowOf(input, id, ctx.now), createdAt: before.createdAt, version: before.version + 1 };
    await tx.update(blackouts).set(after).where(eq(blackouts.id, id));
    await audit("blackout.update", { type: "blackout", id }, before, after);
    return after;
  });
}

export async function deleteBlackout(ctx: Ctx, id: string): Promise<void> {
  await ctx.transaction(async (tx, audit) => {
    const before = await getBlackout(tx, id);
    await tx.delete(blackouts).where(eq(blackouts.id, id));
    await audit("blackout.delete", { type: "blackout", id }, before);
  });
}
