/**
 * @module Publishing a completed visit on the public log (humas): publish or update (one write
 * transaction, version + 1, audited), unpublish (delete, audited) and read. A visit must be completed to
 * be published; the public page's address is its code in lower case.
 */
import { eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { delegations } from "../../db/schema/delegations";
import { publications } from "../../db/schema/publicity";
import { AppError, notFound } from "../http/errors";
import type { ServiceContext } from "../http/service-context";
import type { PublicationInput } from "./schemas";

type PublicationRow = typeof publications.$inferSelect;

const slugOf = (code: string) => code.toLowerCase().replace(/[^a-z0-9-]+/g, "-");

export async function getPublication(db: Queryable, delegationId: string): Promise<PublicationRow | null> {
  return (
    (await db.select().from(publications).where(eq(publications.delegationId, delegationId)).get()) ?? null
  );
}

export async function publishVisit(
  ctx: Pick<ServiceContext, "now" | "transaction">,
  delegationId: string,
  input: PublicationInput,
): Promise<PublicationRow> {
  return ctx.transaction(async (tx, audit) => {
    const d = await tx.select().from(delegations).where(eq(delegations.id, delegationId)).get();
    if (!d) throw notFound();
    if (d.status !== "completed")
      throw new AppError("conflict", {
        messageKey: "publication.notCompleted",
        details: { reason: "not_completed", status: d.status },
      });
    if (!d.confirmedDates) throw new AppError("conflict", { messageKey: "publication.notCompleted" });
    const before = await getPublication(tx, delegationId);
    const row: PublicationRow = {
      delegationId,
      slug: before?.slug ?? slugOf(d.code),
      ...input,
      visitStart: d.confirmedDates.start,
      visitEnd: d.confirmedDates.end,
      version: (before?.version ?? 0) + 1,
      publishedAt: before?.publishedAt ?? ctx.now,
      updatedAt: ctx.now,
    };
    await tx
      .insert(publications)
      .values(row)
      .onConflictDoUpdate({
        target: publications.delegationId,
        set: {
          ...input,
          visitStart: row.visitStart,
          visitEnd: row.visitEnd,
          version: row.version,
          updatedAt: ctx.now,
        },
      });
    await audit(
      before ? "publication.update" : "publication.publish",
      { type: "delegation", id: delegationId },
      before,
      row,
    );
    return row;
  });
}

/** Takes the visit off the public log; returns false when it was not published. */
export async function unpublishVisit(
  ctx: Pick<ServiceContext, "transaction">,
  delegationId: string,
): Promise<boolean> {
  return ctx.transaction(async (tx, audit) => {
    const before = await getPublication(tx, delegationId);
    if (!before) return false;
    await tx.delete(publications).where(eq(publications.delegationId, delegationId));
    await audit("publication.unpublish", { type: "delegation", id: delegationId }, before, null);
    return true;
  });
}
