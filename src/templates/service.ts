/**
 * @module Tour templates: named running orders (the standard half-day MPP visit) with items at minute
 * offsets from the visit's start. Editing replaces the whole template (items included) under `version`.
 */
import { asc, eq, inArray } from "drizzle-orm";
import type { Queryable, Transaction } from "../../db/client";
import { tourTemplateItems, tourTemplates } from "../../db/schema/templates";
import { newId } from "../auth/encoding";
import type { Config } from "../config";
import { AppError, stale } from "../http/errors";
import type { ServiceContext } from "../http/service-context";
import type { TemplateCreate, TemplatePatch } from "./schemas";

type TemplateRow = typeof tourTemplates.$inferSelect;
type TemplateItemRow = typeof tourTemplateItems.$inferSelect;
export type TemplateView = TemplateRow & { items: Omit<TemplateItemRow, "templateId">[] };

type Ctx = Pick<ServiceContext, "now" | "transaction">;

export async function listTemplates(q: Queryable): Promise<TemplateView[]> {
  const rows = await q.select().from(tourTemplates).orderBy(asc(tourTemplates.name)).all();
  if (rows.length === 0) return [];
  const items = await q
    .select()
    .from(tourTemplateItems)
    .where(
      inArray(
        tourTemplateItems.templateId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(tourTemplateItems.position))
    .all();
  return rows.map((r) => ({
    ...r,
    items: items.filter((i) => i.templateId === r.id).map(({ templateId: _t, ...i }) => i),
  }));
}

export async function getTemplate(q: Queryable, id: string): Promise<TemplateView> {
  const row = await q.select().from(tourTemplates).where(eq(tourTemplates.id, id)).get();
  if (!row) throw new AppError("not_found", { details: { entity: "template", id } });
  const items = await q
    .select()
    .from(tourTemplateItems)
    .where(eq(tourTemplateItems.templateId, id))
    .orderBy(asc(tourTemplateItems.position))
    .all();
  return { ...row, items: items.map(({ templateId: _t, ...i }) => i) };
}

async function writeItems(tx: Transaction, templateId: string, items: TemplateCreate["items"]) {
  await tx.delete(tourTemplateItems).where(eq(tourTemplateItems.templateId, templateId));
  const sorted = [...items].sort((a, b) => a.offsetMinutes - b.offsetMinutes);
  await tx.insert(tourTemplateItems).values(
    sorted.map((item, position) => ({
      id: newId(),
      templateId,
      position,
      offsetMinutes: item.offsetMinutes,
      durationMinutes: item.durationMinutes,
      kind: item.kind,
      venueId: item.venueId ?? null,
      hostIds: [...new Set(item.hostIds)],
      titleId: item.titleId,
      titleEn: item.titleEn,
    })),
  );
}

export async function createTemplate(
  ctx: Ctx & { config: Pick<Config, "hostTimeZone"> },
  input: TemplateCreate,
): Promise<TemplateView> {
  const id = newId();
  return ctx.transaction(async (tx, audit) => {
    await tx.insert(tourTemplates).values({
      id,
      name: input.name,
      nameEn: input.nameEn ?? null,
      description: input.description ?? null,
      defaultStartTime: input.defaultStartTime,
      timeZone: input.timeZone ?? ctx.config.hostTimeZone,
      active: input.active,
      version: 1,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await writeItems(tx, id, input.items);
    const view = await getTemplate(tx, id);
    await audit("template.create", { type: "template", id }, undefined, view);
    return view;
  });
}

export async function updateTemplate(ctx: Ctx, id: string, input: TemplatePatch): Promise<TemplateView> {
  return ctx.transaction(async (tx, audit) => {
    const before = await getTemplate(tx, id);
    if (before.version !== input.version) throw stale({ currentVersion: before.version });
    await tx
      .update(tourTemplates)
      .set({
        name: input.name,
        nameEn: input.nameEn ?? null,
        description: input.description ?? null,
        defaultStartTime: input.defaultStartTime,
        timeZone: input.timeZone,
        active: input.active,
        version: before.version + 1,
        updatedAt: ctx.now,
      })
      .where(eq(tourTemplates.id, id));
    await writeItems(tx, id, input.items);
    const after = await getTemplate(tx, id);
    await audit("template.update", { type: "template", id }, before, after);
    return after;
  });
}

export async function deleteTemplate(ctx: Ctx, id: string): Promise<void> {
  await ctx.transaction(async (tx, audit) => {
    const before = await getTemplate(tx, id);
    await tx.delete(tourTemplates).where(eq(tourTemplates.id, id));
    await audit("template.delete", { type: "template", id }, before);
  });
}
