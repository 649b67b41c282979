/**
 * @module Invitations, updates and withdrawals: the explicit staff action "send invitations" / "send
 * update" on a delegation. One message per agenda item and recipient, each with exactly one calendar
 * (one UID): REQUEST to invite, REQUEST with the raised SEQUENCE to update, CANCEL to withdraw. Plus one
 * itinerary message per recipient with the programme, a fresh itinerary link and the PDF.
 *
 * What is pending is derived from the outbox itself: an item never invited gets an invitation; an item
 * whose SEQUENCE rose since the last message gets an update (with what changed since that message); a
 * cancelled item (or every item of a cancelled visit) that was announced gets a withdrawal. Planning and
 * enqueueing happen in one write transaction, so a double click sends nothing twice.
 */
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db, Queryable, Transaction } from "../../db/client";
import { delegations } from "../../db/schema/delegations";
import { type ItemSnapshot, outboxMessages } from "../../db/schema/outbox";
import { type AgendaEntry, loadDelegationAgenda, loadParticipants } from "../agenda/load-agenda";
import { insertShareLink, itineraryUrl } from "../agenda/share-links";
import { type AuditActor, recordAudit } from "../audit/record";
import { randomSecret, sha256Hex } from "../auth/encoding";
import { effectiveCancelled, effectiveSequence, itemTitle } from "../calendar/agenda-events";
import { invitationAttendees, invitationCalendar } from "../calendar/invitation";
import type { CalendarAttendee } from "../calendar/types";
import { AppError } from "../http/errors";
import { type Locale, translator } from "../i18n/dictionary";
import { itineraryPdf } from "../itinerary/pdf";
import { buildItineraryView } from "../itinerary/view-model";
import { composeMail, frame, itemWhen, itemWhenShort, itemWhere, programmeRows, toBase64 } from "./compose";
import { isSafeAddress, type Mailbox } from "./header-safety";
import { enqueueMessage } from "./outbox";
import { changeLines, snapshotOf } from "./snapshot";

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
  };
}

export interface SendContext {
  db: Db;
  now: Date;
  baseUrl: string;
  actor: AuditActor;
  organizer: { name: string; email: string; phone?: string };
  /** HOST_TIME_ZONE: the zone of an item without a venue. */
  hostTimeZone: string;
}

/** Enqueues every pending invitation, update and withdrawal; returns how many messages were queued. */
export async function sendInvitations(ctx: SendContext, delegationId: string): Promise<{ queued: number }> {
  const token = randomSecret(32);
  const tokenHash = await sha256Hex(token);
  return ctx.db.writeTransaction(async (tx) => {
    const plan = await planInvitations(tx, delegationId, ctx.hostTimeZone);
    if (plan.delegation.status === "requested") {
      throw new AppError("conflict", {
        messageKey: "mail.inv.notConfirmed",
        details: { status: "requested" },
      });
    }
    if (plan.pending === 0) return { queued: 0 };
    let link: string | undefined;
    if (plan.items.some((i) => i.action === "invite" || i.action === "update")) {
      await insertShareLink(tx, {
        delegationId,
        tokenHash,
        now: ctx.now,
        actor: ctx.actor,
        hostTimeZone: ctx.hostTimeZone,
        revokeOthers: false,
        via: "mail",
      });
      link = itineraryUrl(ctx.baseUrl, token);
    }
    let queued = 0;
    for (const p of plan.items) {
      if (p.action === "none") continue;
      queued += await enqueueItemMessages(tx, ctx, plan, p, link);
    }
    if (link) queued += await enqueueItineraryMessages(tx, ctx, plan, link);
    await recordAudit(tx, {
      actor: ctx.actor,
      action: "mail.invitations.send",
      entityType: "delegation",
      entityId: delegationId,
      after: {
        queued,
        items: plan.items
          .filter((i) => i.action !== "none")
          .map((i) => ({ id: i.item.id, action: i.action })),
      },
      now: ctx.now,
    });
    return { queued };
  });
}

const KIND_OF = { invite: "invitation", update: "update", withdraw: "withdrawal" } as const;

async function enqueueItemMessages(
  tx: Transaction,
  ctx: SendContext,
  plan: InvitationPlan,
  p: ItemPlan,
  link: string | undefined,
): Promise<number> {
  if (p.action === "none") return 0;
  const kind = KIND_OF[p.action];
  const method = p.action === "withdraw" ? "CANCEL" : "REQUEST";
  const attendees: CalendarAttendee[] = p.recipients.map((r) => ({ name: r.name, email: r.email }));
  let queued = 0;
  for (const r of p.recipients) {
    const calendar = invitationCalendar({
      delegation: {
        code: plan.delegation.code,
        institution: plan.delegation.institution,
        status: plan.delegation.status as never,
      },
      item: p.item,
      organizer: { name: ctx.organizer.name, email: ctx.organizer.email },
      attendees,
      method,
      now: ctx.now,
      locale: r.locale,
      url: link,
    });
    const base = frame(r.locale, "", r.name);
    const { t } = base;
    const vars = {
      title: itemTitle(p.item, r.locale),
      when: itemWhenShort(p.item, r.locale),
      institution: plan.delegation.institution,
      code: plan.delegation.code,
    };
    const subject = t(`mail.${kind}.subject`, vars);
    const changes =
      p.action === "update" && p.last?.snapshot ? changeLines(p.last.snapshot, p.item, r.locale, t) : [];
    const composed = await composeMail(subject, {
      ...base,
      heading: subject,
      paragraphs: [t(`mail.${kind}.intro`, vars)],
      facts: [
        [t("mail.when"), itemWhen(p.item, r.locale)],
        [t("mail.where"), itemWhere(p.item, t)],
        [t("mail.code"), plan.delegation.code],
      ],
      list:
        p.action === "update"
          ? {
              title: t("mail.update.changed"),
              lines: changes.length > 0 ? changes : [t("mail.update.other")],
            }
          : undefined,
      link: link && p.action !== "withdraw" ? { label: t("mail.itineraryLink"), url: link } : undefined,
    });
    const id = await enqueueMessage(tx, ctx, {
      kind,
      delegationId: plan.delegation.id,
      itemId: p.item.id,
      sequence: calendar.sequence,
      locale: r.locale,
      to: r,
      ...composed,
      calendar: { method, sequence: calendar.sequence, uid: calendar.uid, content: calendar.body },
      itemSnapshot: snapshotOf(p.item),
    });
    if (id) queued += 1;
  }
  return queued;
}

async function enqueueItineraryMessages(
  tx: Transaction,
  ctx: SendContext,
  plan: InvitationPlan,
  link: string,
): Promise<number> {
  const agenda = await loadDelegationAgenda(tx, plan.delegation.id, ctx.hostTimeZone);
  if (!agenda) return 0;
  const live = agenda.items.filter((i) => i.status === "scheduled");
  const previous = await tx
    .select({ sequence: outboxMessages.sequence })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.delegationId, plan.delegation.id), eq(outboxMessages.kind, "itinerary")));
  const batch = previous.reduce((m, r) => Math.max(m, r.sequence), 0) + 1;
  const locale = plan.delegation.language;
  const t = translator(locale);
  const view = buildItineraryView({
    delegation: agenda.delegation,
    items: agenda.items,
    revision: null,
    organizer: { name: ctx.organizer.name, phone: ctx.organizer.phone },
    locale,
    t,
    hostTimeZone: ctx.hostTimeZone,
  });
  const pdf = await itineraryPdf({ view, url: link, t, now: ctx.now });
  const attachment = {
    filename: `itinerary-${plan.delegation.code}.pdf`,
    contentType: "application/pdf",
    contentBase64: toBase64(pdf),
  };
  let queued = 0;
  for (const r of plan.recipients) {
    const base = frame(locale, "", r.name);
    const subject = t("mail.itinerary.subject", { code: plan.delegation.code });
    const composed = await composeMail(subject, {
      ...base,
      heading: subject,
      paragraphs: [
        t("mail.itinerary.intro", { institution: plan.delegation.institution }),
        t("mail.itinerary.pdf"),
      ],
      programme: { title: t("mail.rundown"), rows: programmeRows(live, locale, t) },
      link: { label: t("mail.itineraryLink"), url: link },
    });
    const id = await enqueueMessage(tx, ctx, {
      kind: "itinerary",
      delegationId: plan.delegation.id,
      sequence: batch,
      locale,
      to: r,
      ...composed,
      attachments: [attachment],
    });
    if (id) queued += 1;
  }
  return queued;
}
