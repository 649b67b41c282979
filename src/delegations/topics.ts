/**
 * @module Visit topics visitors choose from (MPP, Pasar Pelayanan Publik, Smart Kampoeng, …): the list
 * admins maintain, the starter seed, and the check that a request names only active topics.
 */
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { topics } from "../../db/schema/delegations";
import type { Seeder } from "../../db/seed";
import { SYSTEM_ACTOR } from "../audit/record";
import { AppError } from "../http/errors";
import { auditedTransaction, type ServiceContext } from "../http/service-context";
import { msg } from "../http/validate";
import type { Locale } from "../i18n/dictionary";
import { localized } from "../i18n/dictionary";

export type Topic = typeof topics.$inferSelect;

type Ctx = Pick<ServiceContext, "now" | "transaction">;

/** Banyuwangi's signature public-service innovations that other regions come to study. */
const STARTER_TOPICS: readonly { id: string; nameId: string; nameEn: string }[] = [
  { id: "mpp", nameId: "Mal Pelayanan Publik (MPP)", nameEn: "Public Service Mall (MPP)" },
  { id: "pasar-pelayanan-publik", nameId: "Pasar Pelayanan Publik", nameEn: "Public Service Market" },
  { id: "smart-kampoeng", nameId: "Smart Kampoeng", nameEn: "Smart Kampoeng (digital village)" },
  { id: "perizinan", nameId: "Perizinan dan investasi", nameEn: "Licensing and investment" },
  { id: "pariwisata", nameId: "Pariwisata dan festival", nameEn: "Tourism and festivals" },
  { id: "kesehatan", nameId: "Inovasi layanan kesehatan", nameEn: "Health service innovation" },
  { id: "pendidikan", nameId: "Inovasi pendidikan", nameEn: "Education innovation" },
  { id: "umkm", nameId: "UMKM dan ekonomi kreatif", nameEn: "Small business and creative economy" },
  { id: "tata-kelola", nameId: "Tata kelola dan SAKIP", nameEn: "Governance and performance accountability" },
];

export const topicInputSchema = z.strictObject({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,60}$/, msg("topics.idInvalid")),
  nameId: z.string().trim().min(1, msg("error.required")).max(120),
  nameEn: z.string().trim().min(1, msg("error.required")).max(120),
});

export function topicName(topic: Pick<Topic, "nameId" | "nameEn">, locale: Locale): string {
  return localized(locale, topic.nameId, topic.nameEn);
}

export function listTopics(db: Db, options: { activeOnly?: boolean } = {}): Promise<Topic[]> {
  const q = db.orm.select().from(topics);
  return (options.activeOnly ? q.where(eq(topics.active, true)) : q)
    .orderBy(asc(topics.sortOrder), asc(topics.nameId))
    .all();
}

export async function createTopic(ctx: Ctx, input: z.output<typeof topicInputSchema>): Promise<Topic> {
  return ctx.transaction(async (tx, audit) => {
    const exists = await tx.select({ id: topics.id }).from(topics).where(eq(topics.id, input.id)).get();
    if (exists)
      throw new AppError("conflict", { messageKey: "topics.exists", details: { fields: { id: ["taken"] } } });
    const all = await tx.select({ n: topics.sortOrder }).from(topics).all();
    const row: Topic = {
      ...input,
      active: true,
      sortOrder: Math.max(0, ...all.map((r) => r.n)) + 10,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    await tx.insert(topics).values(row);
    await audit("topic.create", { type: "topic", id: row.id }, undefined, row);
    return row;
  });
}

export async function setTopicActive(ctx: Ctx, id: string, active: boolean) {
  return ctx.transaction(async (tx, audit) => {
    const before = await tx.select().from(topics).where(eq(topics.id, id)).get();
    if (!before) throw new AppError("not_found");
    await tx.update(topics).set({ active, updatedAt: ctx.now }).where(eq(topics.id, id));
    await audit(active ? "topic.activate" : "topic.deactivate", { type: "topic", id }, before, {
      ...before,
      active,
    });
  });
}

export const topicNamesSchema = topicInputSchema.omit({ id: true });

/** Renames a topic in both languages (its id, stored on delegations, never changes). */
export async function renameTopic(ctx: Ctx, id: string, names: z.output<typeof topicNamesSchema>) {
  return ctx.transaction(async (tx, audit) => {
    const before = await tx.select().from(topics).where(eq(topics.id, id)).get();
    if (!before) throw new AppError("not_found");
    await tx
      .update(topics)
      .set({ ...names, updatedAt: ctx.now })
      .where(eq(topics.id, id));
    await audit(
      "topic.rename",
      { type: "topic", id },
      { nameId: before.nameId, nameEn: before.nameEn },
      names,
    );
  });
}

export async function seedTopics(db: Db, now: Date) {
  const transaction = auditedTransaction(db, SYSTEM_ACTOR, now);
  await transaction(async (tx, audit) => {
    for (const [i, t] of STARTER_TOPICS.entries()) {
      await tx
        .insert(topics)
        .values({ ...t, active: true, sortOrder: (i + 1) * 10, createdAt: now, updatedAt: now })
        .onConflictDoNothing();
    }
    await audit(
      "topic.seed",
      { type: "topic", id: "starter" },
      undefined,
      STARTER_TOPICS.map((t) => t.id),
    );
  });
}

export const topicSeeder: Seeder = { name: "delegations:topics", kinds: ["starter"], run: seedTopics };
