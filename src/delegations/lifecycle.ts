/**
 * @module The delegation lifecycle: which status may follow which, what each step needs, and the one
 * function that applies a step (role-checked by the route, version-checked and audited here).
 *
 *   requested → confirmed   with the confirmed dates
 *   confirmed → confirmed   changing the confirmed dates
 *   requested → requested   proposing up to two alternative dates to the visitor
 *   requested → declined    reason required
 *   requested → cancelled   reason required      confirmed → cancelled   reason required
 *   confirmed → completed   from the last confirmed day (venue zone), with an outcome summary
 *                           (src/outcomes/completion.ts; humas complete visits through src/outcomes too)
 *
 * Anything else is refused with 409 `conflict` naming both statuses. The reason (or an optional message)
 * becomes the public message on the visitor's status page.
 *
 * Declining or cancelling lets go of everything the visit holds in the same transaction
 * (src/bookings/release.ts) and, unless the delegation's notices are off, queues the calendar CANCELs for
 * everyone who was told about its sessions (src/mail/withdrawals.ts).
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "../../db/client";
import { DELEGATION_STATUSES, type DelegationStatus, delegations } from "../../db/schema/delegations";
import { releaseDelegationItems, releaseItems } from "../bookings/release";
import { inviteFeedback } from "../feedback/invite";
import { AppError, stale } from "../http/errors";
import type { Audit, ServiceContext } from "../http/service-context";
import { msg } from "../http/validate";
import { messageRef } from "../i18n/dictionary";
import { statusKey } from "../i18n/keys";
import { enqueueNotice } from "../mail/notices";
import { planBeforeRelease, queueWithdrawals } from "../mail/withdrawals";
import { completionFacts } from "../outcomes/complete";
import { assertCompletable } from "../outcomes/completion";
import { dateRangeSchema } from "./dates";
import { type DelegationRow, publicFields } from "./intake";
import { outsideAgenda, outsideError } from "./outside-agenda";

export const TRANSITIONS: Readonly<Record<DelegationStatus, readonly DelegationStatus[]>> = {
  requested: ["confirmed", "requested", "declined", "cancelled"],
  confirmed: ["confirmed", "cancelled", "completed"],
  completed: [],
  declined: [],
  cancelled: [],
};

export function canTransition(from: DelegationStatus, to: DelegationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export const transitionSchema = z.strictObject({
  to: z.enum(DELEGATION_STATUSES),
  reason: z.string().trim().max(2000).optional(),
  message: z.string().trim().max(2000).optional(),
  /** confirmed: one range; requested → requested: one or two proposed ranges. */
  dates: z.union([dateRangeSchema, z.array(dateRangeSchema).min(1).max(2)]).optional(),
  version: z.number(msg("delegations.versionRequired")).int().min(1).optional(),
  /** Confirming dates that leave agenda items outside them needs an explicit choice: keep or cancel them. */
  outsideItems: z.enum(["keep", "cancel"], msg("dates.choiceRequired")).optional(),
});
export type TransitionInput = z.output<typeof transitionSchema>;

const fieldError = (field: string, key: "transition.reasonRequired" | "transition.datesRequired") =>
  new AppError("validation_failed", { messageKey: key, details: { fields: { [field]: [key] } } });

/** The change a transition makes, or an error; pure. */
export function planTransition(row: DelegationRow, input: TransitionInput): Partial<DelegationRow> {
  const { to } = input;
  if (!canTransition(row.status, to)) {
    throw new AppError("conflict", {
      messageKey: "transition.refused",
      params: { from: messageRef(statusKey(row.status)), to: messageRef(statusKey(to)) },
      details: { from: row.status, to, allowed: TRANSITIONS[row.status] },
    });
  }
  const ranges = input.dates === undefined ? [] : Array.isArray(input.dates) ? input.dates : [input.dates];
  const reason = input.reason?.trim() || null;
  const message = input.message?.trim() || null;
  switch (to) {
    case "confirmed": {
      const confirmed = ranges[0];
      if (!confirmed || ranges.length > 1) throw fieldError("dates", "transition.datesRequired");
      return { status: "confirmed", confirmedDates: confirmed, publicMessage: message };
    }
    case "requested":
      if (ranges.length === 0) throw fieldError("dates", "transition.datesRequired");
      return { status: "requested", proposedDates: ranges, publicMessage: message };
    case "declined":
    case "cancelled":
      if (!reason) throw fieldError("reason", "transition.reasonRequired");
      return { status: to, publicMessage: reason };
    case "completed":
      return { status: "completed", publicMessage: message ?? row.publicMessage };
  }
}

/** Applies a transition in one transaction; a `version` that is not current gets 409 `stale`. */
interface TransitionCtx extends Pick<ServiceContext, "now" | "transaction"> {
  /** When given, the visitor is told and (with `config`) calendar withdrawals are queued. */
  notifyBaseUrl?: string;
  config?: { hostTimeZone: string; organizerName?: string; organizerEmail?: string; organizerPhone?: string };
}

const WITHDRAWN = new Set<DelegationStatus>(["declined", "cancelled"]);

export async function transitionDelegation(
  ctx: TransitionCtx,
  id: string,
  input: TransitionInput,
): Promise<DelegationRow> {
  return ctx.transaction(async (tx, audit) => {
    const before = await tx.select().from(delegations).where(eq(delegations.id, id)).get();
    if (!before) throw new AppError("not_found");
    if (input.version !== undefined && input.version !== before.version)
      throw stale({ currentVersion: before.version, current: publicFields(before) });
    const change = planTransition(before, input);
    const outside = change.confirmedDates ? await outsideAgenda(tx, id, change.confirmedDates, ctx) : [];
    if (outside.length > 0 && !input.outsideItems) throw outsideError(outside);
    if (change.status === "completed") assertCompletable(await completionFacts(tx, before, ctx.now));
    const after: DelegationRow = { ...before, ...change, version: before.version + 1, updatedAt: ctx.now };
    const withdrawing = change.status !== undefined && WITHDRAWN.has(change.status);
    const dropOutside = outside.length > 0 && input.outsideItems === "cancel";
    const organizer = ctx.config?.organizerEmail
      ? {
          name: ctx.config.organizerName ?? "",
          email: ctx.config.organizerEmail,
          phone: ctx.config.organizerPhone,
        }
      : null;
    const mailCancels =
      (withdrawing || dropOutside) && before.autoNotices && ctx.notifyBaseUrl && organizer && ctx.config;
    const plan = mailCancels && ctx.config ? await planBeforeRelease(tx, id, ctx.config.hostTimeZone) : null;
    await tx
      .update(delegations)
      .set({ ...change, version: after.version, updatedAt: ctx.now })
      .where(eq(delegations.id, id));
    await audit(
      "delegation.transition",
      { type: "delegation", id },
      { status: before.status, version: before.version },
      {
        status: after.status,
        version: after.version,
        reason: input.reason ?? null,
        publicMessage: after.publicMessage,
        confirmedDates: change.confirmedDates,
        proposedDates: change.proposedDates,
        ...(outside.length > 0 ? { outsideItems: input.outsideItems, items: outside.map((i) => i.id) } : {}),
      },
    );
    if (withdrawing || dropOutside) {
      const released = withdrawing
        ? await releaseDelegationItems(tx, { now: ctx.now, audit }, id)
        : await releaseItems(
            tx,
            { now: ctx.now, audit },
            id,
            outside.map((i) => i.id),
          );
      if (plan && ctx.config && ctx.notifyBaseUrl && organizer) {
        await queueWithdrawals(
          tx,
          { now: ctx.now, baseUrl: ctx.notifyBaseUrl, hostTimeZone: ctx.config.hostTimeZone, organizer },
          { before: plan, ...released, status: after.status },
        );
      }
    }
    if (ctx.notifyBaseUrl)
      await notifyVisitor(tx, after, { now: ctx.now, baseUrl: ctx.notifyBaseUrl, audit });
    return after;
  });
}

/**
 * Tells the visitor's contact person about a transition, in the same transaction (a completed visit: the
 * survey invitation). The status link is not
 * in these mails: only its hash is stored, so the link from the first mail stays the one to use.
 */
async function notifyVisitor(
  tx: Transaction,
  d: DelegationRow,
  { audit, ...context }: { now: Date; baseUrl: string; audit: Audit },
) {
  switch (d.status) {
    case "requested":
      return enqueueNotice(tx, { kind: "dates_proposed", delegationId: d.id, ...context });
    case "confirmed":
      return enqueueNotice(tx, { kind: "confirmed", delegationId: d.id, ...context });
    case "declined":
    case "cancelled":
      return enqueueNotice(tx, { kind: d.status, delegationId: d.id, reason: d.publicMessage, ...context });
    case "completed":
      return inviteFeedback(tx, { delegationId: d.id, includeParticipants: false, audit, ...context });
  }
}
