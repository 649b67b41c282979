/**
 * @module Applying a tour template to a delegation and a date: every item is checked against what is
 * booked and against the template's earlier items, all conflicts of all items are reported together, and
 * either every item is written or none (one write transaction).
 */
import {
  type ConflictDetail,
  checkCandidate,
  conflictError,
  decide,
  type PlannedBooking,
} from "../bookings/check";
import { type AgendaItemView, viewsOf } from "../bookings/items";
import { type BookingCtx, insertItem, loadBookableDelegation, type NewItem } from "../bookings/service";
import { AppError } from "../http/errors";
import { localToInstant } from "../scheduling/index";
import type { ApplyTemplate } from "./schemas";
import { getTemplate } from "./service";

export async function applyTemplate(
  ctx: BookingCtx,
  delegationId: string,
  input: ApplyTemplate,
): Promise<AgendaItemView[]> {
  return ctx.transaction(async (tx, audit) => {
    const delegation = await loadBookableDelegation(tx, delegationId);
    const template = await getTemplate(tx, input.templateId);
    if (!template.active) {
      throw new AppError("validation_failed", { details: { fields: { templateId: ["inactive"] } } });
    }
    const start = localToInstant({
      date: input.date,
      time: input.startTime ?? template.defaultStartTime,
      timeZone: template.timeZone,
    });
    const groupSize = input.groupSize ?? delegation.expectedSize;
    const planned: PlannedBooking[] = [];
    const items: NewItem[] = [];
    const all: ConflictDetail[] = [];
    for (const t of template.items) {
      const itemStart = start + t.offsetMinutes * 60_000;
      const itemEnd = itemStart + t.durationMinutes * 60_000;
      const venueId = t.venueId ?? null;
      const { conflicts } = await checkCandidate(
        tx,
        {
          start: itemStart,
          end: itemEnd,
          groupSize,
          delegationIds: [delegationId],
          venueId,
          hostIds: t.hostIds,
        },
        { hostTimeZone: ctx.config.hostTimeZone, planned },
      );
      all.push(...conflicts.map((c) => ({ ...c, templateItem: t.position })));
      planned.push({
        itemId: `template-item-${t.position}`,
        start: itemStart,
        end: itemEnd,
        groupSize,
        delegationIds: [delegationId],
        hostIds: t.hostIds,
        venueId,
        title: t.titleId,
      });
      items.push({
        kind: t.kind,
        title: t.titleId,
        titleEn: t.titleEn,
        start: itemStart,
        end: itemEnd,
        venueId,
        hostIds: t.hostIds,
        delegationId,
        groupSize,
      });
    }
    const { blocking, overridden } = decide(all, input);
    if (blocking.length > 0) throw conflictError(blocking);
    const rows = [];
    for (const [i, item] of items.entries()) {
      const forced = overridden.filter((c) => c.templateItem === template.items[i]?.position);
      rows.push(
        await insertItem(tx, { ...item, overrideReason: forced.length > 0 ? input.reason : null }, ctx),
      );
    }
    const views = await viewsOf(tx, rows, ctx.config.hostTimeZone);
    await audit("agenda.apply_template", { type: "delegation", id: delegationId }, undefined, {
      templateId: template.id,
      date: input.date,
      itemIds: views.map((v) => v.id),
      ...(overridden.length > 0 ? { override: { reason: input.reason, conflicts: overridden } } : {}),
    });
    for (const v of views) await audit("agenda_item.book", { type: "agenda_item", id: v.id }, undefined, v);
    return views;
  });
}
