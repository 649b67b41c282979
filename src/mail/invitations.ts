/**
 * @module Invitations, updates and withdrawals: the explicit staff action "send invitations" / "send
 * update" on a delegation. One message per agenda item and recipient, each with exactly one calendar
 * (one UID): REQUEST to invite, REQUEST with the raised SEQUENCE to update, CANCEL to withdraw. Plus one
 * itinerary message per recipient with the programme, a fresh itinerary link and the PDF.
 *
 * What is pending is derived from the outbox itself: an item never invited gets an invitation; an item
 * whose SEQUENCE rose since the last message gets an update (with what changed since that message); a
 * cancelled item (or every item of a cancelled visit) that was announced gets a withdrawal.
 *
 * NOTE: composing (mails, calendars, the PDF) takes hundreds of milliseconds, and every other write of the
 * process waits while the writer lock is held. So the send plans and composes outside the lock, then in a
 * short write transaction plans again and enqueues only if nothing it was composed from has changed (the
 * plan, agenda and recipients are compared whole); if something did, it composes again from the new
 * state. A double click therefore still sends nothing twice: the second send finds nothing pending.
 */
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db, Queryable, Transaction } from "../../db/client";
import { delegations } from "../../db/schema/delegations";
import { type ItemSnapshot, outboxMessages } from "../../db/schema/outbox";
import {
  type AgendaEntry,
  type DelegationAgenda,
  loadDelegationAgenda,
  loadParticipants,
} from "../agenda/load-agenda";
import { insertShareLink, itineraryUrl } from "../agenda/share-links";
import { type AuditActor, recordAudit } from "../audit/record";
import { randomSecret, sha256Hex } from "../auth/encoding";
import { effectiveCancelled, effectiveSequence } from "../calendar/agenda-events";
import { invitationAttendees } from "../calendar/invitation";
import { AppError } from "../http/errors";
import type { Locale } from "../i18n/dictionary";
import { isSafeAddress, type Mailbox } from "./header-safety";
import { composeItemMessages, composeItineraryMessages, type ItineraryMessage } from "./invitation-messages";
import { enqueueMessages, type NewOutboxMessage } from "./outbox";

export type ItemAction = "invite" | "update" | "withdraw" | "none";

export interface ItemPlan {
  item: AgendaEntry;
  action: ItemAction;
  /** What recipients were last told (null: never announced). */
  last: { kind: string; sequence: number; snapshot: ItemSnapshot | null } | null;
  sequence: number;
  /** Everyone who gets this item's message. */
  recipients: (Mailbox & { locale: Locale })[];
}

export interface InvitationPlan {
  delegation: {
    id: string;
    code: string;
    institution: string;
    status: string;
    language: Locale;
    autoNotices: boolean;
  };
  recipients: Mailbox[];
  items: ItemPlan[];
  pending: number;
  /** The agenda the plan was made from (the itinerary message shows all of it). */
  agenda: DelegationAgenda;
}

const ITEM_KINDS = ["invitation", "update", "withdrawal", "host_briefing"] as const;

/** What "send" would do now, without doing it (the preview page shows this). */
export async function planInvitations(
  db: Queryable,
  delegationId: string,
  hostTimeZone: string,
): Promise<InvitationPlan> {
  const agenda = await loadDelegationAgenda(db, delegationId, hostTimeZone);
  const d = await db.query.delegations.findFirst({ where: eq(delegations.id, delegationId) });
  if (!agenda || !d) throw new AppError("not_found");
  const roster = await loadParticipants(db, delegationId);
  const attendees = invitationAttendees({ delegation: agenda.delegation, participants: roster });
  const recipients = attendees
    .filter((a) => isSafeAddress(a.email))
    .map((a) => ({ name: a.name, email: a.email }));
  const calDelegation = { code: d.code, institution: d.institution, status: d.status };

  const itemIds = agenda.items.map((i) => i.id);
  const sent =
    itemIds.length === 0
      ? []
      : await db
          .select({
            itemId: outboxMessages.itemId,
            kind: outboxMessages.kind,
            sequence: outboxMessages.sequence,
            snapshot: outboxMessages.itemSnapshot,
            toName: outboxMessages.toName,
            toEmail: outboxMessages.toEmail,
            locale: outboxMessages.locale,
            createdAt: outboxMessages.createdAt,
          })
          .from(outboxMessages)
          .where(
            and(
              eq(outboxMessages.delegationId, delegationId),
              inArray(outboxMessages.itemId, itemIds),
              inArray(outboxMessages.kind, [...ITEM_KINDS]),
              ne(outboxMessages.status, "cancelled"),
            ),
          );

  const items: ItemPlan[] = agenda.items.map((item) => {
    const history = sent.filter((s) => s.itemId === item.id);
    const lastRow = history
      .filter((s) => s.kind !== "host_briefing")
      .sort((a, b) => a.sequence - b.sequence || a.createdAt.getTime() - b.createdAt.getTime())
      .at(-1);
    const last = lastRow
      ? { kind: lastRow.kind, sequence: lastRow.sequence, snapshot: lastRow.snapshot }
      : null;
    const cancelled = effectiveCancelled(item, calDelegation);
    const sequence = effectiveSequence(item, calDelegation);
    let action: ItemAction = "none";
    if (cancelled) action = last && last.kind !== "withdrawal" ? "withdraw" : "none";
    else if (!last) action = "invite";
    else if (last.kind === "withdrawal" || sequence > last.sequence) action = "update";
    // Who hears about the item: the delegation's recipients, anyone told before, and its hosts.
    const byEmail = new Map<string, Mailbox & { locale: Locale }>();
    const add = (name: string, email: string | null | undefined, locale: Locale) => {
      const address = email?.trim().toLowerCase();
      if (!address || !isSafeAddress(address) || byEmail.has(address)) return;
      byEmail.set(address, { name, email: address, locale });
    };
    for (const r of recipients) add(r.name, r.email, d.language);
    for (const h of history) add(h.toName, h.toEmail, h.locale);
    for (const h of item.hosts) add(h.name, h.email, "id");
    return { item, action, last, sequence, recipients: [...byEmail.values()] };
  });
  return {
    delegation: {
      id: d.id,
      code: d.code,
      institution: d.institution,
      status: d.status,
      language: d.language,
      autoNotices: d.autoNotices,
    },
    recipients,
    items,
    pending: items.filter((i) => i.action !== "none").length,
    agenda,
  };
}

export interface SendContext {
  db: Db;
  now: Date;
  baseUrl: string;
  /** The host's zone: it dates what has no venue. */
  hostTimeZone: string;
  actor: AuditActor;
  organizer: { name: string; email: string; phone?: string };
}

/** How often a send composes again because its visit changed meanwhile, before it gives up (409). */
const MAX_COMPOSE_ROUNDS = 3;

/** Enqueues every pending invitation, update and withdrawal; returns how many messages were queued. */
export async function sendInvitations(ctx: SendContext, delegationId: string): Promise<{ queued: number }> {
  const token = randomSecret(32);
  const tokenHash = await sha256Hex(token);
  const link = itineraryUrl(ctx.baseUrl, token);
  for (let round = 0; round < MAX_COMPOSE_ROUNDS; round++) {
    // Outside the writer lock: plan from a read, then compose everything.
    const plan = await planInvitations(ctx.db.orm, delegationId, ctx.hostTimeZone);
    assertSendable(plan);
    if (plan.pending === 0) return { queued: 0 };
    const composed = await composeSend(ctx, plan, link);
    const queued = await ctx.db.writeTransaction(async (tx) => {
      const current = await planInvitations(tx, delegationId, ctx.hostTimeZone);
      assertSendable(current);
      if (fingerprintOf(current) !== fingerprintOf(plan)) return null;
      return enqueueSend(tx, ctx, { plan, composed, tokenHash });
    });
    if (queued !== null) return { queued };
  }
  throw new AppError("conflict", { details: { reason: "the visit kept changing while it was being sent" } });
}

function assertSendable(plan: InvitationPlan) {
  if (plan.delegation.status === "requested") {
    throw new AppError("conflict", {
      messageKey: "mail.inv.notConfirmed",
      details: { status: "requested" },
    });
  }
}

/** Everything the composed messages were built from: equal fingerprints, equal messages. */
function fingerprintOf(plan: InvitationPlan): string {
  return JSON.stringify(plan);
}

interface ComposedSend {
  /** Null when nothing is invited or updated (only withdrawals): no link, no itinerary. */
  link: string | null;
  items: NewOutboxMessage[];
  itinerary: ItineraryMessage[];
}

async function composeSend(ctx: SendContext, plan: InvitationPlan, link: string): Promise<ComposedSend> {
  const needsLink = plan.items.some((i) => i.action === "invite" || i.action === "update");
  const items: NewOutboxMessage[] = [];
  for (const p of plan.items)
    items.push(...(await composeItemMessages(ctx, plan, p, needsLink ? link : undefined)));
  const itinerary = needsLink ? await composeItineraryMessages(ctx, plan, link) : [];
  return { link: needsLink ? link : null, items, itinerary };
}

/** Inside the write transaction: the link, the messages (one multi-row insert) and the audit row. */
async function enqueueSend(
  tx: Transaction,
  ctx: SendContext,
  send: { plan: InvitationPlan; composed: ComposedSend; tokenHash: string },
): Promise<number> {
  const { plan, composed } = send;
  if (composed.link) {
    await insertShareLink(tx, {
      delegationId: plan.delegation.id,
      tokenHash: send.tokenHash,
      now: ctx.now,
      actor: ctx.actor,
      hostTimeZone: ctx.hostTimeZone,
      revokeOthers: false,
      via: "mail",
    });
  }
  let messages = composed.items;
  if (composed.itinerary.length > 0) {
    const previous = await tx
      .select({ sequence: outboxMessages.sequence })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.delegationId, plan.delegation.id), eq(outboxMessages.kind, "itinerary")));
    const batch = previous.reduce((m, r) => Math.max(m, r.sequence), 0) + 1;
    messages = [...messages, ...composed.itinerary.map((m) => ({ ...m, sequence: batch }))];
  }
  const queued = (await enqueueMessages(tx, ctx, messages)).length;
  await recordAudit(tx, {
    actor: ctx.actor,
    action: "mail.invitations.send",
    entityType: "delegation",
    entityId: plan.delegation.id,
    after: {
      queued,
      items: plan.items.filter((i) => i.action !== "none").map((i) => ({ id: i.item.id, action: i.action })),
    },
    now: ctx.now,
  });
  return queued;
}
