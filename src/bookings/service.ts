/**
 * @module The booking service: the only code that writes agenda items holding a venue or hosts.
 * book / change (move, resize, edit) / cancel / join, each one write transaction (`ctx.transaction`) in which
 * the conflict check and the write both happen (ADR 004), each audited; SEQUENCE rises on a material change.
 *
 * Steps are named: `loadBookableDelegation` → `checkCandidate` → `decide` → `insertItem` / update.
 */
import { and, eq } from "drizzle-orm";
import type { Queryable, Transaction } from "../../db/client";
import { agendaItemDelegations, agendaItemHosts, agendaItems } from "../../db/schema/agenda";
import { delegations } from "../../db/schema/delegations";
import { newId } from "../auth/encoding";
import { nextSequence } from "../calendar/material-change";
import { AppError, stale } from "../http/errors";
import type { Audit, ServiceContext } from "../http/service-context";
import { enqueueNotice } from "../mail/notices";
import { planBeforeRelease, queueWithdrawals } from "../mail/withdrawals";
import { findJoinConflicts } from "../scheduling/index";
import { type Candidate, type ConflictDetail, checkCandidate, conflictError, decide } from "./check";
import { type AgendaItemRow, type AgendaItemView, getItemRow, getItemView, toView } from "./items";
import { loadDelegationBookings, loadItemZones, loadVenue, loadVenueBookings, venueRulesOf } from "./load";
import { cancelItemIn, leaveItemIn } from "./release";
import type { ItemCreate, ItemPatch, JoinInput } from "./schemas";

export interface BookingCtx extends Pick<ServiceContext, "actor" | "now" | "transaction"> {
  /** The host's zone (HOST_TIME_ZONE): times of an item without a venue are given in it. */
  config: { hostTimeZone: string };
  /** When given, each host newly booked on an item gets a briefing mail (queued in the same transaction). */
  notify?: { baseUrl: string; organizer: { name: string; email: string } };
}

/** Queues a briefing for every host in `hostIds` (the hosts newly booked on the item). */
async function briefHosts(tx: Transaction, ctx: BookingCtx, itemId: string, hostIds: readonly string[]) {
  if (!ctx.notify) return;
  for (const hostId of new Set(hostIds)) {
    await enqueueNotice(tx, {
      kind: "host_briefing",
      itemId,
      hostId,
      organizer: ctx.notify.organizer,
      hostTimeZone: ctx.config.hostTimeZone,
      now: ctx.now,
      baseUrl: ctx.notify.baseUrl,
    });
  }
}

export async function assertDelegationExists(q: Queryable, delegationId: string): Promise<void> {
  const d = await q
    .select({ id: delegations.id })
    .from(delegations)
    .where(eq(delegations.id, delegationId))
    .get();
  if (!d) throw new AppError("not_found", { details: { entity: "delegation", id: delegationId } });
}

/** Delegations that may still get agenda items. */
const BOOKABLE = new Set(["requested", "confirmed"]);

export async function loadBookableDelegation(q: Queryable, delegationId: string) {
  const d = await q
    .select({
      id: delegations.id,
      status: delegations.status,
      expectedSize: delegations.expectedSize,
      code: delegations.code,
      institution: delegations.institution,
    })
    .from(delegations)
    .where(eq(delegations.id, delegationId))
    .get();
  if (!d) throw new AppError("not_found", { details: { entity: "delegation", id: delegationId } });
  if (!BOOKABLE.has(d.status)) {
    throw new AppError("conflict", {
      messageKey: "scheduling.delegationClosed",
      details: [{ kind: "delegation_status", status: d.status }],
    });
  }
  return d;
}

export interface NewItem {
  kind: AgendaItemRow["kind"];
  title: string;
  titleEn?: string | null;
  start: number;
  end: number;
  venueId: string | null;
  hostIds: readonly string[];
  delegationId: string;
  groupSize: number;
  personInCharge?: string | null;
  dressCode?: string | null;
  notes?: string | null;
  notesEn?: string | null;
  overrideReason?: string | null;
}

/** Writes an item, its delegation link and its host links (with the times copied for the host index). */
export async function insertItem(tx: Transaction, item: NewItem, ctx: BookingCtx): Promise<AgendaItemRow> {
  const id = newId();
  const row: AgendaItemRow = {
    id,
    kind: item.kind,
    title: item.title,
    titleEn: item.titleEn ?? null,
    startsAt: new Date(item.start),
    endsAt: new Date(item.end),
    venueId: item.venueId,
    groupSize: item.groupSize,
    personInCharge: item.personInCharge ?? null,
    dressCode: item.dressCode ?? null,
    notes: item.notes ?? null,
    notesEn: item.notesEn ?? null,
    status: "scheduled",
    overrideReason: item.overrideReason ?? null,
    calendarUid: `${id}@sambang`,
    sequence: 0,
    version: 1,
    createdBy: ctx.actor.id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    cancelledAt: null,
  };
  await tx.insert(agendaItems).values(row);
  await tx
    .insert(agendaItemDelegations)
    .values({ itemId: id, delegationId: item.delegationId, groupSize: item.groupSize });
  if (item.hostIds.length > 0) {
    await tx.insert(agendaItemHosts).values(
      [...new Set(item.hostIds)].map((hostId) => ({
        itemId: id,
        hostId,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
      })),
    );
    await briefHosts(tx, ctx, id, item.hostIds);
  }
  return row;
}

async function auditOverride(audit: Audit, itemId: string, reason: string, overridden: ConflictDetail[]) {
  if (overridden.length === 0) return;
  await audit("agenda_item.override", { type: "agenda_item", id: itemId }, undefined, {
    reason,
    conflicts: overridden,
  });
}

/** Books one item for a delegation: 201 with the item, or a 409 naming every conflict. */
export async function bookItem(
  ctx: BookingCtx,
  delegationId: string,
  input: ItemCreate,
): Promise<AgendaItemView> {
  return ctx.transaction(async (tx, audit) => {
    const delegation = await loadBookableDelegation(tx, delegationId);
    const hostIds = [...new Set(input.hostIds ?? [])];
    const cand: Candidate = {
      start: input.startsAt.getTime(),
      end: input.endsAt.getTime(),
      groupSize: input.groupSize ?? delegation.expectedSize,
      delegationIds: [delegationId],
      venueId: input.venueId ?? null,
      hostIds,
    };
    const { conflicts, venue } = await checkCandidate(tx, cand, { hostTimeZone: ctx.config.hostTimeZone });
    const { blocking, overridden } = decide(conflicts, input);
    if (blocking.length > 0) throw conflictError(blocking);
    const reason = overridden.length > 0 ? (input.reason ?? null) : null;
    const row = await insertItem(
      tx,
      {
        ...input,
        start: cand.start,
        end: cand.end,
        venueId: cand.venueId,
        hostIds,
        delegationId,
        groupSize: cand.groupSize,
        overrideReason: reason,
      },
      ctx,
    );
    // Built from what is known, not re-read: a booking's cost is mostly its queries.
    const view = toView(row, {
      hostIds,
      parties: [
        {
          delegationId,
          groupSize: cand.groupSize,
          code: delegation.code,
          institution: delegation.institution,
        },
      ],
      venue: venue ? { id: venue.id, name: venue.name, timeZone: venue.timeZone } : null,
      hostTimeZone: ctx.config.hostTimeZone,
    });
    await audit("agenda_item.book", { type: "agenda_item", id: row.id }, undefined, view);
    if (reason) await auditOverride(audit, row.id, reason, overridden);
    return view;
  });
}

async function partiesOf(q: Queryable, itemId: string) {
  return q
    .select({ delegationId: agendaItemDelegations.delegationId, groupSize: agendaItemDelegations.groupSize })
    .from(agendaItemDelegations)
    .where(eq(agendaItemDelegations.itemId, itemId))
    .all();
}

async function hostIdsOf(q: Queryable, itemId: string): Promise<string[]> {
  const rows = await q
    .select({ hostId: agendaItemHosts.hostId })
    .from(agendaItemHosts)
    .where(eq(agendaItemHosts.itemId, itemId))
    .all();
  return rows.map((r) => r.hostId);
}

function assertEditable(row: AgendaItemRow, version?: number) {
  if (version !== undefined && row.version !== version) throw stale({ currentVersion: row.version });
  if (row.status === "cancelled") {
    throw new AppError("conflict", {
      messageKey: "scheduling.itemCancelled",
      details: [{ kind: "cancelled", itemId: row.id }],
    });
  }
}

/**
 * Moves, resizes or edits an item. A change of time, venue, hosts or size re-checks the item against
 * everything else (ignoring itself); other edits don't. `version` must be current.
 */
export async function changeItem(ctx: BookingCtx, itemId: string, patch: ItemPatch): Promise<AgendaItemView> {
  return ctx.transaction(async (tx, audit) => {
    const before = await getItemRow(tx, itemId);
    assertEditable(before, patch.version);
    const parties = await partiesOf(tx, itemId);
    const beforeHosts = await hostIdsOf(tx, itemId);
    if (patch.groupSize !== undefined && parties.length > 1) {
      throw new AppError("validation_failed", {
        messageKey: "scheduling.mergedSize",
        details: { fields: { groupSize: ["merged session"] } },
      });
    }
    const start = patch.startsAt?.getTime() ?? before.startsAt.getTime();
    const end = patch.endsAt?.getTime() ?? before.endsAt.getTime();
    if (end <= start || end - start > 24 * 3_600_000) {
      throw new AppError("validation_failed", { details: { fields: { endsAt: ["range"] } } });
    }
    const venueId = patch.venueId === undefined ? before.venueId : patch.venueId;
    const hostIds = patch.hostIds === undefined ? beforeHosts : [...new Set(patch.hostIds)];
    const groupSize = patch.groupSize ?? before.groupSize;
    const scheduleChanged =
      start !== before.startsAt.getTime() ||
      end !== before.endsAt.getTime() ||
      venueId !== before.venueId ||
      groupSize !== before.groupSize ||
      hostIds.length !== beforeHosts.length ||
      hostIds.some((h) => !beforeHosts.includes(h));

    let overrideReason = before.overrideReason;
    if (scheduleChanged) {
      const { conflicts } = await checkCandidate(
        tx,
        {
          start,
          end,
          groupSize,
          delegationIds: parties.map((p) => p.delegationId),
          venueId,
          hostIds,
          ignoreItemId: itemId,
        },
        { hostTimeZone: ctx.config.hostTimeZone },
      );
      const { blocking, overridden } = decide(conflicts, patch);
      if (blocking.length > 0) throw conflictError(blocking);
      overrideReason = overridden.length > 0 ? (patch.reason ?? null) : null;
      if (overrideReason) await auditOverride(audit, itemId, overrideReason, overridden);
    }

    const after: AgendaItemRow = {
      ...before,
      title: patch.title ?? before.title,
      titleEn: patch.titleEn === undefined ? before.titleEn : patch.titleEn,
      kind: patch.kind ?? before.kind,
      startsAt: new Date(start),
      endsAt: new Date(end),
      venueId,
      groupSize,
      personInCharge: patch.personInCharge === undefined ? before.personInCharge : patch.personInCharge,
      dressCode: patch.dressCode === undefined ? before.dressCode : patch.dressCode,
      notes: patch.notes === undefined ? before.notes : patch.notes,
      notesEn: patch.notesEn === undefined ? before.notesEn : patch.notesEn,
      overrideReason,
      version: before.version + 1,
      updatedAt: ctx.now,
    };
    after.sequence = nextSequence(before.sequence, materialOf(before), materialOf(after));
    await tx.update(agendaItems).set(after).where(eq(agendaItems.id, itemId));
    await tx.delete(agendaItemHosts).where(eq(agendaItemHosts.itemId, itemId));
    if (hostIds.length > 0) {
      await tx
        .insert(agendaItemHosts)
        .values(
          hostIds.map((hostId) => ({ itemId, hostId, startsAt: after.startsAt, endsAt: after.endsAt })),
        );
      await briefHosts(
        tx,
        ctx,
        itemId,
        hostIds.filter((h) => !beforeHosts.includes(h)),
      );
    }
    if (parties.length === 1 && groupSize !== before.groupSize) {
      await tx
        .update(agendaItemDelegations)
        .set({ groupSize })
        .where(eq(agendaItemDelegations.itemId, itemId));
    }
    const view = await getItemView(tx, itemId, ctx.config.hostTimeZone);
    await audit(
      scheduleChanged ? "agenda_item.move" : "agenda_item.update",
      { type: "agenda_item", id: itemId },
      { ...before, hostIds: beforeHosts },
      view,
    );
    return view;
  });
}

function materialOf(row: AgendaItemRow) {
  return { start: row.startsAt, end: row.endsAt, title: row.title, status: row.status, venueId: row.venueId };
}

/** Cancels an item (for every delegation in it): the row stays for calendars, SEQUENCE rises. */
export async function cancelItem(ctx: BookingCtx, itemId: string, version?: number): Promise<AgendaItemView> {
  return ctx.transaction(async (tx, audit) => {
    const before = await getItemRow(tx, itemId);
    if (version !== undefined && before.version !== version) throw stale({ currentVersion: before.version });
    if (before.status === "cancelled") return getItemView(tx, itemId, ctx.config.hostTimeZone);
    await cancelItemIn(tx, { now: ctx.now, audit }, before);
    return getItemView(tx, itemId, ctx.config.hostTimeZone);
  });
}

/**
 * A delegation leaves a merged session; the session goes on for the others. Its people who were told
 * about the session get a calendar CANCEL in the same transaction (with `notify`, unless its notices are off).
 */
export async function leaveItem(
  ctx: BookingCtx,
  itemId: string,
  delegationId: string,
  version?: number,
): Promise<void> {
  await ctx.transaction(async (tx, audit) => {
    const item = await getItemRow(tx, itemId);
    assertEditable(item, version);
    const d = await tx
      .select({ autoNotices: delegations.autoNotices, status: delegations.status })
      .from(delegations)
      .where(eq(delegations.id, delegationId))
      .get();
    if (!d) throw new AppError("not_found", { details: { entity: "delegation", id: delegationId } });
    const plan =
      ctx.notify && d.autoNotices ? await planBeforeRelease(tx, delegationId, ctx.config.hostTimeZone) : null;
    await leaveItemIn(tx, { now: ctx.now, audit }, item, delegationId);
    if (plan && ctx.notify) {
      await queueWithdrawals(
        tx,
        {
          now: ctx.now,
          baseUrl: ctx.notify.baseUrl,
          hostTimeZone: ctx.config.hostTimeZone,
          organizer: ctx.notify.organizer,
        },
        { before: plan, cancelled: [], left: [itemId], status: d.status },
      );
    }
  });
}

/**
 * A second delegation joins an existing session (a merged tour) when capacity allows and it is free
 * then; both delegations' agendas show the item. Not material for calendars (SEQUENCE stays).
 */
export async function joinItem(ctx: BookingCtx, itemId: string, input: JoinInput): Promise<AgendaItemView> {
  return ctx.transaction(async (tx, audit) => {
    const item = await getItemRow(tx, itemId);
    assertEditable(item);
    const delegation = await loadBookableDelegation(tx, input.delegationId);
    const parties = await partiesOf(tx, itemId);
    const groupSize = input.groupSize ?? delegation.expectedSize;
    const venue = item.venueId ? await loadVenue(tx, item.venueId) : undefined;
    const buffer = (venue?.bufferMinutes ?? 0) * 60_000;
    const window = { start: item.startsAt.getTime() - buffer, end: item.endsAt.getTime() + buffer };
    const venueBookings = venue ? await loadVenueBookings(tx, venue.id, window) : [];
    const delegationBookings = await loadDelegationBookings(tx, [input.delegationId], window);
    const conflicts = findJoinConflicts({
      session: {
        itemId,
        start: item.startsAt.getTime(),
        end: item.endsAt.getTime(),
        groupSize: item.groupSize,
        delegationIds: parties.map((p) => p.delegationId),
      },
      groupSize,
      delegationId: input.delegationId,
      ...(venue ? { venue: venueRulesOf(venue) } : {}),
      venueBookings,
      delegationBookings,
    });
    if (conflicts.length > 0) {
      const titles = new Map([...venueBookings, ...delegationBookings].map((b) => [b.itemId, b.title]));
      const sessionZone = venue?.timeZone ?? ctx.config.hostTimeZone;
      const otherZones = await loadItemZones(
        tx,
        conflicts.flatMap((c) => (c.kind === "delegation" && c.itemId ? [c.itemId] : [])),
      );
      // The delegation's other item is shown in its venue's zone (the host's when it has none).
      const zoneOf = (itemId?: string) =>
        itemId && otherZones.has(itemId) ? (otherZones.get(itemId) ?? ctx.config.hostTimeZone) : sessionZone;
      throw conflictError(
        conflicts.map((c) => ({
          kind: c.kind,
          hard: c.hard,
          ...(c.itemId ? { itemId: c.itemId, title: titles.get(c.itemId) ?? item.title } : {}),
          ...(c.reason ? { reason: c.reason } : {}),
          startsAt: new Date(c.start).toISOString(),
          endsAt: new Date(c.end).toISOString(),
          timeZone: zoneOf(c.itemId),
        })),
      );
    }
    await tx.insert(agendaItemDelegations).values({ itemId, delegationId: input.delegationId, groupSize });
    await tx
      .update(agendaItems)
      .set({ groupSize: item.groupSize + groupSize, version: item.version + 1, updatedAt: ctx.now })
      .where(and(eq(agendaItems.id, itemId), eq(agendaItems.version, item.version)));
    const view = await getItemView(tx, itemId, ctx.config.hostTimeZone);
    await audit(
      "agenda_item.join",
      { type: "agenda_item", id: itemId },
      { groupSize: item.groupSize, delegations: parties },
      { groupSize: view.groupSize, delegations: view.delegations },
    );
    return view;
  });
}
