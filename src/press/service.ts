/**
 * @module Saved press releases: every save is a new version (the newest is the current one), with a
 * `version` check so two editors cannot overwrite each other, audited. Before the first save the current
 * text is the generated draft (version 0).
 */
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "../../db/client";
import { delegations } from "../../db/schema/delegations";
import { pressReleases } from "../../db/schema/publicity";
import { notFound, stale } from "../http/errors";
import type { ServiceContext } from "../http/service-context";
import { msg } from "../http/validate";
import { draftPressRelease, type PressDraft } from "./draft";

const text = (max: number) => z.string().trim().max(max, msg("press.tooLong"));

export const pressInputSchema = z.strictObject({
  headline: text(300).min(5, msg("press.headlineRequired")),
  dateline: text(100),
  lead: text(4000).min(10, msg("press.leadRequired")),
  body: text(20000),
  quotes: z
    .array(
      z.strictObject({
        speaker: text(200).min(1, msg("press.quoteIncomplete")),
        title: text(200),
        text: text(2000).min(1, msg("press.quoteIncomplete")),
      }),
    )
    .max(5),
  commitments: text(4000),
  closing: text(4000),
  /** The version read (0 for the generated draft). */
  version: z.number(msg("press.versionRequired")).int().min(0),
});
type PressInput = z.output<typeof pressInputSchema>;

export interface CurrentPress extends PressDraft {
  version: number;
  savedAt: Date | null;
  authorLabel: string | null;
}

export async function currentPressRelease(
  db: Queryable,
  delegationId: string,
  hostTimeZone: string,
): Promise<CurrentPress> {
  const row = await db
    .select()
    .from(pressReleases)
    .where(eq(pressReleases.delegationId, delegationId))
    .orderBy(desc(pressReleases.version))
    .limit(1)
    .get();
  if (row) {
    const { delegationId: _d, authorId: _a, createdAt, ...rest } = row;
    return { ...rest, savedAt: createdAt };
  }
  return {
    ...(await draftPressRelease(db, delegationId, hostTimeZone)),
    version: 0,
    savedAt: null,
    authorLabel: null,
  };
}

export async function savePressRelease(
  ctx: Pick<ServiceContext, "now" | "actor" | "transaction">,
  delegationId: string,
  input: PressInput,
): Promise<number> {
  return ctx.transaction(async (tx, audit) => {
    const d = await tx
      .select({ id: delegations.id })
      .from(delegations)
      .where(eq(delegations.id, delegationId))
      .get();
    if (!d) throw notFound();
    const latest = await tx
      .select({ version: pressReleases.version })
      .from(pressReleases)
      .where(eq(pressReleases.delegationId, delegationId))
      .orderBy(desc(pressReleases.version))
      .limit(1)
      .get();
    const current = latest?.version ?? 0;
    if (input.version !== current) throw stale({ currentVersion: current });
    const { version: _v, ...fields } = input;
    const version = current + 1;
    await tx.insert(pressReleases).values({
      delegationId,
      version,
      ...fields,
      authorId: ctx.actor.id,
      authorLabel: ctx.actor.label,
      createdAt: ctx.now,
    });
    await audit(
      "press_release.save",
      { type: "delegation", id: delegationId },
      { version: current },
      { version, headline: fields.headline },
    );
    return version;
  });
}
