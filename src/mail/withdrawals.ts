/**
 * @module Calendar withdrawals (METHOD:CANCEL) queued in the same write transaction as the change that
 * causes them: a visit cancelled or declined, or a delegation leaving a merged session. Only people who were
 * told about a session hear that it is off, each with the session's UID and a SEQUENCE one above what they
 * last got. When a delegation leaves a merged session, the hosts are not told: the session goes on.
 *
 * The plan is taken before the release (`planBeforeRelease`), because a session the delegation left is no
 * longer in its agenda afterwards.
 */
import type { Queryable, Transaction } from "../../db/client";
import type { DelegationStatus } from "../../db/schema/delegations";
import { composeItemMessages } from "./invitation-messages";
import { type InvitationPlan, type ItemPlan, planInvitations } from "./invitations";
import { enqueueMessages, type NewOutboxMessage } from "./outbox";

export interface WithdrawalCtx {
  now: Date;
  baseUrl: string;
  hostTimeZone: string;
  organizer: { name: string; email: string; phone?: string };
}

export function planBeforeRelease(
  tx: Queryable,
  delegationId: string,
  hostTimeZone: string,
): Promise<InvitationPlan> {
  return planInvitations(tx, delegationId, hostTimeZone);
}

const announced = (p: ItemPlan) => p.last !== null && p.last.kind !== "withdrawal";

/** Queues the CANCELs for `cancelled` and `left` sessions; returns how many messages were queued. */
export async function queueWithdrawals(
  tx: Transaction,
  ctx: WithdrawalCtx,
  input: {
    before: InvitationPlan;
    cancelled: readonly string[];
    left: readonly string[];
    /** The delegation's status after the change (the calendar's name and status follow it). */
    status: DelegationStatus;
  },
): Promise<number> {
  const plan: InvitationPlan = {
    ...input.before,
    delegation: { ...input.before.delegation, status: input.status },
  };
  const messages: NewOutboxMessage[] = [];
  for (const p of input.before.items) {
    const leaving = input.left.includes(p.item.id);
    if (!(leaving || input.cancelled.includes(p.item.id)) || !announced(p)) continue;
    const hostEmails = new Set(p.item.hosts.map((h) => h.email?.trim().toLowerCase()));
    const recipients = leaving ? p.recipients.filter((r) => !hostEmails.has(r.email)) : p.recipients;
    if (recipients.length === 0) continue;
    // One above the item's SEQUENCE (and above anything already sent): clients drop a CANCEL that isn't.
    const sequence = Math.max(p.item.sequence, p.last?.sequence ?? 0) + 1;
    const item = { ...p.item, status: "cancelled" as const, sequence };
    messages.push(
      ...(await composeItemMessages(
        ctx,
        plan,
        { ...p, item, action: "withdraw", sequence, recipients },
        undefined,
      )),
    );
  }
  if (messages.length === 0) return 0;
  return (await enqueueMessages(tx, ctx, messages)).length;
}
