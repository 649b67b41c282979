/**
 * @module "Send invitations": staff choose the recipients and the form (see invitation-recipients.ts), see
 * exactly the mails that will go out, confirm, and the mails are queued. An `itinerary` recipient gets ONE
 * mail: the itinerary link, its PDF, the calendar subscribe link and one calendar file of every session
 * (METHOD:PUBLISH, the sessions' stable UIDs). A `sessions` recipient gets one calendar invitation per
 * session (iTIP REQUEST, one UID per mail; an update raises SEQUENCE, a withdrawn session gets CANCEL).
 *
 * What is pending is derived from the outbox itself, per recipient: a session never announced to them
 * gets an invitation, one whose SEQUENCE rose since their last message an update (saying what changed); an
 * itinerary mail is pending when the recipient has not yet had this very content (its dedupe scope is a
 * hash of the agenda and the link), so a double click or a repeated send queues nothing twice.
 *
 * NOTE: composing (mails, calendars, the PDF) takes hundreds of milliseconds, and every other write of the
 * process waits while the writer lock is held. So the send plans and composes outside the lock, then in a
 * short write transaction plans again and enqueues only if nothing it was composed from has changed; if
 * something did, it composes again from the new state.
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
import { insertShareLink, itineraryUrl, newShareToken } from "../agenda/share-links";
import type { AuditActor } from "../audit/record";
import { sha256Hex } from "../auth/encoding";
import { effectiveCancelled, effectiveSequence } from "../calendar/agenda-events";
import { getHostSettings } from "../host-settings/service";
import { AppError } from "../http/errors";
import { type Audit, auditedTransaction } from "../http/service-context";
import { type Locale, type Translate, translator } from "../i18n/dictionary";
import type { Mailbox } from "./header-safety";
import { composeBundle, composeItemMessages, type OfficeContext } from "./invitation-messages";
import {
  type Candidate,
  type ChosenRecipient,
  candidatesOf,
  defaultChoice,
  type RecipientChoice,
  resolveChoice,
} from "./invitation-recipients";
import { isLive, liveMailLink } from "./itinerary-link";
import { dedupeKeyOf, enqueueMessages, type NewOutboxMessage } from "./outbox";
import { officeSignatureOf } from "./signature";

export type ItemAction = "invite" | "update" | "withdraw" | "none";

interface SentRow {
  itemId: string | null;
  kind: string;
  sequence: number;
  snapshot: ItemSnapshot | null;
  toName: string;
  toEmail: string;
  locale: Locale;
  createdAt: Date;
  dedupeKey: string;
}

export interface ItemPlan {
  item: AgendaEntry;
  /** The session as a whole: never announced, changed since last announced, to withdraw, or nothing. */
  action: ItemAction;
  /** The last calendar message about it (null: never announced by a calendar invitation). */
  last: { kind: string; sequence: number; snapshot: ItemSnapshot | null } | null;
  sequence: number;
  /** Everyone who was told about it (by a calendar invitation or an itinerary mail) and not told it is off. */
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
  candidates: Candidate[];
  items: ItemPlan[];
  /** The agenda the plan was made from (the itinerary mail shows all of it). */
  agenda: DelegationAgenda;
  history: SentRow[];
}

const SESSION_KINDS = ["invitation", "update", "withdrawal"] as const;

/** The delegation's agenda, candidates and what each person was told so far. */
export async function planInvitations(
  db: Queryable,
  delegationId: string,
  hostTimeZone: string,
): Promise<InvitationPlan> {
  const agenda = await loadDelegationAgenda(db, delegationId, hostTimeZone);
  const d = await db.query.delegations.findFirst({ where: eq(delegations.id, delegationId) });
  if (!agenda || !d) throw new AppError("not_found");
  const roster = await loadParticipants(db, delegationId);
  const candidates = candidatesOf({
    contact: { name: d.contactName, email: d.contactEmail },
    language: d.language,
    participants: roster,
    items: agenda.items,
  });
  const history: SentRow[] = await db
    .select({
      itemId: outboxMessages.itemId,
      kind: outboxMessages.kind,
      sequence: outboxMessages.sequence,
      snapshot: outboxMessages.itemSnapshot,
      toName: outboxMessages.toName,
      toEmail: outboxMessages.toEmail,
      locale: outboxMessages.locale,
      createdAt: outboxMessages.createdAt,
      dedupeKey: outboxMessages.dedupeKey,
    })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.delegationId, delegationId),
        inArray(outboxMessages.kind, [...SESSION_KINDS, "itinerary"]),
        ne(outboxMessages.status, "cancelled"),
      ),
    );
  const calDelegation = { code: d.code, institution: d.institution, status: d.status };
  const itineraryTold = new Map<string, Mailbox & { locale: Locale }>();
  for (const h of history) {
    if (h.kind === "itinerary")
      itineraryTold.set(h.toEmail, { name: h.toName, email: h.toEmail, locale: h.locale });
  }

  const items: ItemPlan[] = agenda.items.map((item) => {
    const rows = history.filter((s) => s.itemId === item.id && s.kind !== "itinerary");
    const lastRow = latest(rows);
    const last = lastRow
      ? { kind: lastRow.kind, sequence: lastRow.sequence, snapshot: lastRow.snapshot }
      : null;
    const cancelled = effectiveCancelled(item, calDelegation);
    const sequence = effectiveSequence(item, calDelegation);
    const told = new Map<string, Mailbox & { locale: Locale }>();
    for (const [email, r] of itineraryTold) if (!rows.some((s) => s.toEmail === email)) told.set(email, r);
    for (const email of new Set(rows.map((r) => r.toEmail))) {
      const mine = latest(rows.filter((r) => r.toEmail === email));
      if (mine && mine.kind !== "withdrawal")
        told.set(email, { name: mine.toName, email, locale: mine.locale });
    }
    let action: ItemAction = "none";
    if (cancelled) action = told.size > 0 ? "withdraw" : "none";
    else if (told.size === 0) action = "invite";
    else if (last && sequence > last.sequence) action = "update";
    return { item, action, last, sequence, recipients: [...told.values()] };
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
    candidates,
    items,
    agenda,
    history,
  };
}

function latest<T extends { sequence: number; createdAt: Date }>(rows: readonly T[]): T | undefined {
  return [...rows]
    .sort((a, b) => a.sequence - b.sequence || a.createdAt.getTime() - b.createdAt.getTime())
    .at(-1);
}

/** One mail the send would queue. */
export interface PlannedMail {
  recipient: ChosenRecipient;
  kind: "itinerary" | "invitation" | "update" | "withdrawal";
  /** The session of a calendar invitation. */
  item?: ItemPlan;
  /** The itinerary mail's content hash (its dedupe scope). */
  scope?: string;
}

/** What the chosen recipients would get now: nothing they already have. */
async function plannedMails(
  plan: InvitationPlan,
  chosen: readonly ChosenRecipient[],
  link: string,
): Promise<PlannedMail[]> {
  const cancelledVisit = plan.delegation.status === "cancelled" || plan.delegation.status === "declined";
  const sent = new Set(plan.history.map((h) => h.dedupeKey));
  const scope = (await sha256Hex(JSON.stringify(contentOf(plan, link)))).slice(0, 32);
  const out: PlannedMail[] = [];
  for (const recipient of chosen) {
    const { candidate, form } = recipient;
    const email = candidate.email;
    for (const p of plan.items) {
      if (!candidate.itemIds.includes(p.item.id) && !p.recipients.some((r) => r.email === email)) continue;
      const mine = latest(
        plan.history.filter((h) => h.itemId === p.item.id && h.toEmail === email && h.kind !== "itinerary"),
      );
      const cancelled = p.item.status === "cancelled" || cancelledVisit;
      if (cancelled) {
        if (p.recipients.some((r) => r.email === email)) out.push({ recipient, kind: "withdrawal", item: p });
        continue;
      }
      if (form !== "sessions") continue;
      if (!mine) out.push({ recipient, kind: "invitation", item: p });
      else if (mine.kind === "withdrawal" || p.sequence > mine.sequence)
        out.push({ recipient, kind: "update", item: p });
    }
    const live = plan.agenda.items.some((i) => i.status === "scheduled");
    if (form === "itinerary" && live && !cancelledVisit) {
      const key = dedupeKeyOf({ kind: "itinerary", delegationId: plan.delegation.id, scope }, email);
      if (!sent.has(key)) out.push({ recipient, kind: "itinerary", scope });
    }
  }
  return out;
}

/** What an itinerary mail shows (a change to any of it is new content). */
function contentOf(plan: InvitationPlan, link: string) {
  const { updatedAt: _u, version: _v, ...delegation } = plan.agenda.delegation;
  return {
    link,
    delegation,
    items: plan.agenda.items.map(({ updatedAt: _iu, version: _iv, ...rest }) => rest),
  };
}

export interface SendContext {
  db: Db;
  now: Date;
  baseUrl: string;
  /** What itinerary link tokens are derived from (LINK_SECRET). */
  linkSecret: string;
  /** The host's zone: it dates what has no venue. */
  hostTimeZone: string;
  actor: AuditActor;
  organizer: { name: string; email: string; phone?: string };
  /** The request's language, for field errors and the preview's notes (default Bahasa Indonesia). */
  t?: Translate;
}

/** A mail as staff preview it and as it is queued: the same composition. */
export interface ComposedMailOut {
  key: string;
  to: Mailbox;
  kind: PlannedMail["kind"];
  subject: string;
  text: string;
  html: string;
  attachments: string[];
}

export interface InvitationPreview {
  plan: InvitationPlan;
  chosen: ChosenRecipient[];
  mails: ComposedMailOut[];
  /** Names this preview: the send refuses (409) when what it would queue is no longer this. */
  basis: string;
}

const NEW_LINK_PLACEHOLDER = "__new__";

interface Prepared {
  plan: InvitationPlan;
  chosen: ChosenRecipient[];
  link: { url: string; tokenHash: string; isNew: boolean; id?: string };
  mails: PlannedMail[];
  basis: string;
}

async function prepare(
  ctx: SendContext,
  delegationId: string,
  choice: readonly RecipientChoice[] | undefined,
  newLink: { url: string; tokenHash: string; id?: string },
): Promise<Prepared> {
  const plan = await planInvitations(ctx.db.orm, delegationId, ctx.hostTimeZone);
  assertSendable(plan);
  const chosen = resolveChoice(
    plan.candidates,
    choice ?? defaultChoice(plan.candidates),
    ctx.t ?? translator("id"),
  );
  const live = await liveMailLink(ctx.db.orm, delegationId, ctx);
  const link = live ? { ...live, isNew: false } : { ...newLink, isNew: true };
  const mails = await plannedMails(plan, chosen, link.url);
  // The basis does not depend on a link that does not exist yet (the preview cannot know its token).
  const basisMails = live ? mails : await plannedMails(plan, chosen, NEW_LINK_PLACEHOLDER);
  const basis = (await sha256Hex(JSON.stringify(basisMails.map(describe)))).slice(0, 32);
  return { plan, chosen, link, mails, basis };
}

function describe(m: PlannedMail) {
  return [m.recipient.candidate.key, m.kind, m.item?.item.id ?? "", m.item?.sequence ?? 0, m.scope ?? ""];
}

/** The mails a send with this choice would queue now, composed exactly as they would be sent. */
export async function previewInvitations(
  ctx: SendContext,
  delegationId: string,
  choice?: readonly RecipientChoice[],
): Promise<InvitationPreview> {
  const placeholder = itineraryUrl(ctx.baseUrl, (ctx.t ?? translator("id"))("mail.inv.newLink"));
  const prepared = await prepare(ctx, delegationId, choice, { url: placeholder, tokenHash: "" });
  const composed = await composeAll(ctx, prepared);
  return {
    plan: prepared.plan,
    chosen: prepared.chosen,
    mails: composed.map(outOf),
    basis: prepared.basis,
  };
}

function outOf(m: NewOutboxMessage & { key: string }): ComposedMailOut {
  return {
    key: m.key,
    to: { name: m.to.name, email: m.to.email },
    kind: m.kind as ComposedMailOut["kind"],
    subject: m.subject,
    text: m.text,
    html: m.html,
    // The calendar part's file is named as the delivery job names it.
    attachments: [
      ...(m.calendar ? [m.calendar.method === "CANCEL" ? "cancel.ics" : "invite.ics"] : []),
      ...(m.attachments ?? []).map((a) => a.filename),
    ],
  };
}

/** How often a send composes again because its visit changed meanwhile, before it gives up (409). */
const MAX_COMPOSE_ROUNDS = 3;

export interface SendResult {
  queued: number;
  /** The queued outbox rows' ids, per recipient key. */
  messages: { key: string; id: string }[];
}

/**
 * Queues the mails for the chosen recipients (default: everyone, each in their default form). With
 * `basis` (from the preview), a send whose mails would differ from the preview is refused (409).
 */
export async function sendInvitations(
  ctx: SendContext,
  delegationId: string,
  choice?: readonly RecipientChoice[],
  opts: { basis?: string } = {},
): Promise<SendResult> {
  const made = await newShareToken(ctx.linkSecret);
  const fresh = { id: made.id, url: itineraryUrl(ctx.baseUrl, made.token), tokenHash: made.tokenHash };
  for (let round = 0; round < MAX_COMPOSE_ROUNDS; round++) {
    // Outside the writer lock: plan from a read, then compose everything.
    const prepared = await prepare(ctx, delegationId, choice, fresh);
    if (opts.basis !== undefined && opts.basis !== prepared.basis) {
      throw new AppError("conflict", {
        messageKey: "mail.inv.changedSincePreview",
        details: { basis: prepared.basis },
      });
    }
    if (prepared.mails.length === 0) return { queued: 0, messages: [] };
    const composed = await composeAll(ctx, prepared);
    const transaction = auditedTransaction(ctx.db, ctx.actor, ctx.now);
    const result = await transaction(async (tx, audit) => {
      const current = await planInvitations(tx, delegationId, ctx.hostTimeZone);
      if (JSON.stringify(current) !== JSON.stringify(prepared.plan)) return null;
      if (!prepared.link.isNew && !(await isLive(tx, delegationId, prepared.link.tokenHash))) return null;
      return enqueueSend(tx, audit, ctx, prepared, composed);
    });
    if (result !== null) return result;
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

/** Every planned mail composed (no database): the PDF and the calendar file once per language. */
async function composeAll(
  ctx: SendContext,
  prepared: Prepared,
): Promise<(NewOutboxMessage & { key: string })[]> {
  const { plan, mails, link } = prepared;
  const settings = await getHostSettings(ctx.db.orm);
  const office: OfficeContext = { ...ctx, office: officeSignatureOf(settings) };
  const bundles = new Map<Locale, Awaited<ReturnType<typeof composeBundle>>>();
  const out: (NewOutboxMessage & { key: string })[] = [];
  for (const m of mails) {
    const r = m.recipient.candidate;
    const to = { name: r.name, email: r.email, locale: r.locale };
    if (m.kind === "itinerary") {
      let bundle = bundles.get(r.locale);
      if (!bundle) {
        bundle = await composeBundle(office, plan, link.url, r.locale);
        bundles.set(r.locale, bundle);
      }
      out.push({ key: r.key, ...(await bundle.mailTo(to)), scope: m.scope });
      continue;
    }
    const p = m.item!;
    const action = m.kind === "withdrawal" ? "withdraw" : m.kind === "update" ? "update" : "invite";
    const mine = latest(
      plan.history.filter((h) => h.itemId === p.item.id && h.toEmail === r.email && h.kind !== "itinerary"),
    );
    const last =
      m.kind === "update" && mine
        ? { kind: mine.kind, sequence: mine.sequence, snapshot: mine.snapshot }
        : p.last;
    const [message] = await composeItemMessages(
      office,
      plan,
      { ...p, action, last, recipients: [to] },
      action === "withdraw" ? undefined : link.url,
    );
    if (message) out.push({ key: r.key, ...message });
  }
  return out;
}

/** Inside the write transaction: the link (when new), the messages (one multi-row insert), the audit row. */
async function enqueueSend(
  tx: Transaction,
  audit: Audit,
  ctx: SendContext,
  prepared: Prepared,
  composed: (NewOutboxMessage & { key: string })[],
): Promise<SendResult> {
  const { plan, link } = prepared;
  if (link.isNew && composed.some((m) => m.kind !== "withdrawal")) {
    await insertShareLink(tx, {
      id: link.id,
      delegationId: plan.delegation.id,
      tokenHash: link.tokenHash,
      now: ctx.now,
      actor: ctx.actor,
      audit,
      hostTimeZone: ctx.hostTimeZone,
      revokeOthers: false,
      via: "mail",
    });
  }
  const messages: { key: string; id: string }[] = [];
  const ids = await enqueueMessages(tx, ctx, composed);
  // Ids come back in insert order for the rows added; a deduplicated row adds none.
  const added = new Set(ids);
  const keys = await tx
    .select({ id: outboxMessages.id, dedupeKey: outboxMessages.dedupeKey })
    .from(outboxMessages)
    .where(ids.length > 0 ? inArray(outboxMessages.id, ids) : eq(outboxMessages.id, ""));
  const keyOfDedupe = new Map(
    composed.map((m) => [dedupeKeyOf(m, m.to.email.trim().toLowerCase()), m.key] as const),
  );
  for (const k of keys)
    if (added.has(k.id)) messages.push({ key: keyOfDedupe.get(k.dedupeKey) ?? "", id: k.id });
  await audit("mail.invitations.send", { type: "delegation", id: plan.delegation.id }, undefined, {
    queued: ids.length,
    recipients: prepared.chosen.map((c) => ({ key: c.candidate.key, form: c.form })),
  });
  return { queued: ids.length, messages };
}
