/**
 * @module Completing a visit (humas, protocol, admin) and reopening a completed one (protocol, admin, with a
 * reason). Each is one write transaction with an audit row; the rules are in `completion.ts`.
 */
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "../../db/client";
import { agendaItemDelegations, agendaItems } from "../../db/schema/agenda";
import { delegations } from "../../db/schema/delegations";
import { visitOutcomes } from "../../db/schema/outcomes";
import { venues } from "../../db/schema/venues";
import { inviteFeedback } from "../feedback/invite";
import { getHostSettings } from "../host-settings/service";
import { AppError, stale } from "../http/errors";
import { msg } from "../http/validate";
import { assertCompletable, type CompletionFacts, completionBlock } from "./completion";
import { requiredText } from "./fields";
import type { ServiceCtx } from "./service";

export const completeSchema = z.strictObject({
  version: z.number(msg("humas.versionRequired")).int().min(1),
  /** Also send the survey to each participant with an e-mail (the contact person always gets it). */
  inviteParticipants: z.boolean().optional(),
});
export const reopenSchema = z.strictObject({
  reason: requiredText(2000),
  version: z.number(msg("humas.versionRequired")).int().min(1),
});

/** The zone of the venue of the visit's last scheduled item, or the host's default zone. */
async function visitTimeZone(db: Queryable, delegationId: string): Promise<string> {
  const last = await db
    .select({ timeZone: venues.timeZone })
    .from(agendaItems)
    .innerJoin(agendaItemDelegations, eq(agendaItemDelegations.itemId, agendaItems.id))
    .innerJoin(venues, eq(venues.id, agendaItems.venueId))
    .where(
      and(
        eq(agendaItemDelegations.delegationId, delegationId),
        eq(agendaItems.status, "scheduled"),
        isNotNull(agendaItems.venueId),
      ),
    )
    .orderBy(desc(agendaItems.startsAt))
    .limit(1)
    .get();
  return last?.timeZone ?? (await getHostSettings(db)).defaultTimeZone;
}

/** What the completion rule needs to know about a delegation, read in `db` (or the open transaction). */
export async function completionFacts(
  db: Queryable,
  d: { id: string; status: string; confirmedDates: CompletionFacts["confirmedDates"] },
  now: Date,
): Promise<CompletionFacts> {
  const outcome = await db
    .select({ summary: visitOutcomes.summary })
    .from(visitOutcomes)
    .where(eq(visitOutcomes.delegationId, d.id))
    .get();
  return {
    status: d.status,
    confirmedDates: d.confirmedDates,
    timeZone: await visitTimeZone(db, d.id),
    hasSummary: !!outcome?.summary.trim(),
    now,
  };
}

export async function canComplete(db: Queryable, d: Parameters<typeof completionFacts>[1], now: Date) {
  return completionBlock(await completionFacts(db, d, now));
}

export async function completeVisit(
  ctx: ServiceCtx & { config?: { baseUrl: string } },
  id: string,
  input: z.output<typeof completeSchema>,
) {
  return ctx.transaction(async (tx, audit) => {
    const d = await tx.select().from(delegations).where(eq(delegations.id, id)).get();
    if (!d) throw new AppError("not_found");
    if (input.version !== d.version) throw stale({ currentVersion: d.version });
    assertCompletable(await completionFacts(tx, d, ctx.now));
    const version = d.version + 1;
    await tx
      .update(delegations)
      .set({ status: "completed", version, updatedAt: ctx.now })
      .where(eq(delegations.id, id));
    await audit(
      "delegation.transition",
      { type: "delegation", id },
      { status: d.status, version: d.version },
      { status: "completed", version },
    );
    if (ctx.config)
      await inviteFeedback(tx, {
        delegationId: id,
        includeParticipants: input.inviteParticipants ?? false,
        audit,
        now: ctx.now,
        baseUrl: ctx.config.baseUrl,
      });
    return { ...d, status: "completed" as const, version, updatedAt: ctx.now };
  });
}

export async function reopenVisit(ctx: ServiceCtx, id: string, input: z.output<typeof reopenSchema>) {
  return ctx.transaction(async (tx, audit) => {
    const d = await tx.select().from(delegations).where(eq(delegations.id, id)).get();
    if (!d) throw new AppError("not_found");
    if (input.version !== d.version) throw stale({ currentVersion: d.version });
    if (d.status !== "completed")
      throw new AppError("conflict", {
        messageKey: "outcomes.reopenNotCompleted",
        details: { from: d.status, to: "confirmed", allowed: [] },
      });
    const version = d.version + 1;
    await tx
      .update(delegations)
      .set({ status: "confirmed", version, updatedAt: ctx.now })
      .where(eq(delegations.id, id));
    await audit(
      "delegation.reopen",
      { type: "delegation", id },
      { status: d.status, version: d.version },
      { status: "confirmed", version, reason: input.reason },
    );
    return { ...d, status: "confirmed" as const, version, updatedAt: ctx.now };
  });
}
