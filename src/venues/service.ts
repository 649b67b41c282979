/**
 * @module Venues and hosts: create, edit (optimistic `version`: a stale edit is refused with `stale`),
 * list. Deactivating keeps history: past bookings still point at the row, new ones are refused.
 */
import { asc, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { hosts, venues } from "../../db/schema/venues";
import { newId } from "../auth/encoding";
import type { Config } from "../config";
import { AppError, stale } from "../http/errors";
import type { ServiceContext } from "../http/service-context";
import type { HostCreate, HostPatch, VenueCreate, VenuePatch } from "./schemas";

export type VenueRow = typeof venues.$inferSelect;
export type HostRow = typeof hosts.$inferSelect;

type Ctx = Pick<ServiceContext, "now" | "transaction">;

/** Creating needs the host's zone: a venue or host given none starts in it. */
type CreateCtx = Ctx & { config: Pick<Config, "hostTimeZone"> };

export function listVenues(q: Queryable, opts: { activeOnly?: boolean } = {}) {
  const base = q.select().from(venues);
  return (opts.activeOnly ? base.where(eq(venues.active, true)) : base).orderBy(asc(venues.name)).all();
}

export async function getVenue(q: Queryable, id: string): Promise<VenueRow> {
  const row = await q.select().from(venues).where(eq(venues.id, id)).get();
  if (!row) throw new AppError("not_found", { details: { entity: "venue", id } });
  return row;
}

export async function createVenue(ctx: CreateCtx, input: VenueCreate): Promise<VenueRow> {
  const row: VenueRow = {
    id: newId(),
    name: input.name,
    address: input.address,
    mapUrl: input.mapUrl ?? null,
    capacity: input.capacity,
    concurrentGroups: input.concurrentGroups,
    bufferMinutes: input.bufferMinutes,
    weeklyHours: input.weeklyHours,
    timeZone: input.timeZone ?? ctx.config.hostTimeZone,
    opensOnHolidays: input.opensOnHolidays,
    active: input.active,
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await ctx.transaction(async (tx, audit) => {
    await tx.insert(venues).values(row);
    await audit("venue.create", { type: "venue", id: row.id }, undefined, row);
  });
  return row;
}

/** Applies a patch when `version` is current; returns the new row. */
export async function updateVenue(ctx: Ctx, id: string, patch: VenuePatch): Promise<VenueRow> {
  return ctx.transaction(async (tx, audit) => {
    const before = await getVenue(tx, id);
    if (before.version !== patch.version) throw stale({ currentVersion: before.version, current: before });
    const { version: _v, ...changes } = patch;
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const after: VenueRow = { ...before, ...defined, version: before.version + 1, updatedAt: ctx.now };
    await tx.update(venues).set(after).where(eq(venues.id, id));
    await audit("venue.update", { type: "venue", id }, before, after);
    return after;
  });
}

export function listHosts(q: Queryable, opts: { activeOnly?: boolean } = {}) {
  const base = q.select().from(hosts);
  return (opts.activeOnly ? base.where(eq(hosts.active, true)) : base).orderBy(asc(hosts.name)).all();
}

export async function getHost(q: Queryable, id: string): Promise<HostRow> {
  const row = await q.select().from(hosts).where(eq(hosts.id, id)).get();
  if (!row) throw new AppError("not_found", { details: { entity: "host", id } });
  return row;
}

export async function createHost(ctx: CreateCtx, input: HostCreate): Promise<HostRow> {
  const row: HostRow = {
    id: newId(),
    name: input.name,
    title: input.title,
    agency: input.agency ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    weeklyAvailability: input.weeklyAvailability ?? null,
    timeZone: input.timeZone ?? ctx.config.hostTimeZone,
    active: input.active,
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await ctx.transaction(async (tx, audit) => {
    await tx.insert(hosts).values(row);
    await audit("host.create", { type: "host", id: row.id }, undefined, row);
  });
  return row;
}

export async function updateHost(ctx: Ctx, id: string, patch: HostPatch): Promise<HostRow> {
  return ctx.transaction(async (tx, audit) => {
    const before = await getHost(tx, id);
    if (before.version !== patch.version) throw stale({ currentVersion: before.version, current: before });
    const { version: _v, ...changes } = patch;
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const after: HostRow = { ...before, ...defined, version: before.version + 1, updatedAt: ctx.now };
    await tx.update(hosts).set(after).where(eq(hosts.id, id));
    await audit("host.update", { type: "host", id }, before, after);
    return after;
  });
}
