/**
 * @module The outbox: enqueue (idempotent, inside the caller's write transaction) and the staff actions on
 * queued messages (list, retry, cancel). Delivery itself is the job in src/jobs/deliver-outbox.ts.
 *
 * Enqueue is `INSERT … ON CONFLICT (dedupe_key) DO NOTHING`: the same logical notice (kind, delegation,
 * item or scope, sequence, recipient) enqueued twice — a double click, a retried request, a job step run
 * by two processes — yields one row and so one message.
 */
import { and, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import {
  type ItemSnapshot,
  type NoticeKind,
  OUTBOX_STATUSES,
  type OutboxAttachment,
  type OutboxStatus,
  outboxMessages,
} from "../../db/schema/outbox";
import { newId } from "../auth/encoding";
import { AppError } from "../http/errors";
import type { ServiceContext } from "../http/service-context";
import type { Locale } from "../i18n/dictionary";
import { messageRef } from "../i18n/dictionary";
import { mailStateKey } from "../i18n/keys";
import { MAIL_STATES, type MailState, mailStateOf, mailStateWhere } from "./delivery-state";
import { cleanHeaderText, type Mailbox, safeMailbox } from "./header-safety";

export { OUTBOX_STATUSES, type OutboxStatus };

export interface NewOutboxMessage {
  kind: NoticeKind;
  delegationId?: string | null;
  itemId?: string | null;
  /** Extra dedupe scope, e.g. a reminder's local date. */
  scope?: string;
  sequence?: number;
  locale: Locale;
  to: Mailbox;
  subject: string;
  text: string;
  html: string;
  calendar?: { method: "REQUEST" | "CANCEL"; sequence: number; uid: string; content: string };
  attachments?: OutboxAttachment[];
  itemSnapshot?: ItemSnapshot;
}

export interface EnqueueContext {
  now: Date;
  /** BASE_URL: its host names the Message-ID (`<uuid@host>`). */
  baseUrl: string;
}

export function dedupeKeyOf(
  m: Pick<NewOutboxMessage, "kind" | "delegationId" | "itemId" | "scope" | "sequence">,
  email: string,
) {
  return [m.kind, m.delegationId ?? "", m.itemId ?? "", m.scope ?? "", m.sequence ?? 0, email].join("|");
}

/** A stable, globally unique Message-ID under the deployment's own host name. */
export function newMessageId(baseUrl: string): string {
  return `<${newId()}@${new URL(baseUrl).hostname}>`;
}

/**
 * Adds a message to the outbox inside `tx` (call it in the same write transaction as the change it
 * announces). Returns the new row's id, or null when the same notice was already enqueued.
 * Throws UnsafeAddressError for an address that is not a plain e-mail address.
 */
export async function enqueueMessage(
  tx: Queryable,
  ctx: EnqueueContext,
  message: NewOutboxMessage,
): Promise<string | null> {
  return (await enqueueMessages(tx, ctx, [message]))[0] ?? null;
}

/** Rows per INSERT: ~30 columns each stays far below SQLite's bound-parameter limit. */
const INSERT_CHUNK = 100;

/**
 * Adds many messages with as few statements as possible (a send of dozens of messages inside a write
 * transaction). Returns the ids of the rows added; a notice already enqueued adds none.
 */
export async function enqueueMessages(
  tx: Queryable,
  ctx: EnqueueContext,
  messages: readonly NewOutboxMessage[],
): Promise<string[]> {
  const rows = messages.map((m) => outboxRowOf(ctx, m));
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const added = await tx
      .insert(outboxMessages)
      .values(rows.slice(i, i + INSERT_CHUNK))
      .onConflictDoNothing({ target: outboxMessages.dedupeKey })
      .returning({ id: outboxMessages.id });
    ids.push(...added.map((r) => r.id));
  }
  return ids;
}

function outboxRowOf(ctx: EnqueueContext, message: NewOutboxMessage): typeof outboxMessages.$inferInsert {
  const to = safeMailbox(message.to.name, message.to.email);
  return {
    id: newId(),
    kind: message.kind,
    delegationId: message.delegationId ?? null,
    itemId: message.itemId ?? null,
    scope: message.scope ?? "",
    sequence: message.sequence ?? 0,
    dedupeKey: dedupeKeyOf(message, to.email),
    locale: message.locale,
    toName: to.name,
    toEmail: to.email,
    subject: cleanHeaderText(message.subject, 250),
    text: message.text,
    html: message.html,
    icsMethod: message.calendar?.method ?? null,
    icsSequence: message.calendar?.sequence ?? null,
    icsUid: message.calendar?.uid ?? null,
    icsContent: message.calendar?.content ?? null,
    attachments: message.attachments && message.attachments.length > 0 ? message.attachments : null,
    itemSnapshot: message.itemSnapshot ?? null,
    status: "queued",
    attempts: 0,
    nextAttemptAt: ctx.now,
    messageId: newMessageId(ctx.baseUrl),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
}

export type OutboxRow = typeof outboxMessages.$inferSelect;

/** The outbox as staff see it: newest first, optionally one status and/or one delegation. */
export async function listOutbox(
  db: Queryable,
  filter: { status?: OutboxStatus; state?: MailState; delegationId?: string; limit?: number } = {},
): Promise<OutboxRow[]> {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(outboxMessages.status, filter.status));
  if (filter.state) where.push(mailStateWhere(filter.state));
  if (filter.delegationId) where.push(eq(outboxMessages.delegationId, filter.delegationId));
  return db
    .select()
    .from(outboxMessages)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(filter.limit ?? 200);
}

/** How many messages are in each delivery state (retrying counted apart from waiting). */
export async function countByState(db: Queryable): Promise<Record<MailState, number>> {
  const counts = Object.fromEntries(MAIL_STATES.map((s) => [s, 0])) as Record<MailState, number>;
  const rows = await db
    .select({
      status: outboxMessages.status,
      retried: sql<number>`${outboxMessages.attempts} > 0`,
      n: count(),
    })
    .from(outboxMessages)
    .groupBy(outboxMessages.status, sql`${outboxMessages.attempts} > 0`);
  for (const r of rows) counts[mailStateOf({ status: r.status, attempts: Number(r.retried) })] += r.n;
  return counts;
}

export type StaffActionContext = Pick<ServiceContext, "now" | "transaction">;

/**
 * A failed, cancelled or only-written (no SMTP at the time) message goes back to the queue now, with a
 * fresh attempt budget.
 */
export async function retryMessage(ctx: StaffActionContext, id: string): Promise<OutboxRow> {
  return changeStatus(ctx, id, ["failed", "cancelled", "written"], "outbox.retry", (row) => ({
    status: "queued" as const,
    attempts: 0,
    nextAttemptAt: ctx.now,
    leaseUntil: null,
    lastError: row.lastError,
  }));
}

/** A queued (or failed) message will not be sent. A message being sent right now cannot be cancelled. */
export async function cancelMessage(ctx: StaffActionContext, id: string): Promise<OutboxRow> {
  return changeStatus(ctx, id, ["queued", "failed"], "outbox.cancel", () => ({
    status: "cancelled" as const,
    leaseUntil: null,
  }));
}

async function changeStatus(
  ctx: StaffActionContext,
  id: string,
  from: OutboxStatus[],
  action: "outbox.retry" | "outbox.cancel",
  patch: (row: OutboxRow) => Partial<OutboxRow>,
): Promise<OutboxRow> {
  return ctx.transaction(async (tx, audit) => {
    const row = await tx.query.outboxMessages.findFirst({ where: eq(outboxMessages.id, id) });
    if (!row) throw new AppError("not_found");
    if (!from.includes(row.status)) {
      throw new AppError("conflict", {
        messageKey: "mail.outbox.wrongStatus",
        params: { status: messageRef(mailStateKey(mailStateOf(row))) },
        details: { status: row.status, allowed: from },
      });
    }
    const [updated] = await tx
      .update(outboxMessages)
      .set({ ...patch(row), updatedAt: ctx.now })
      .where(and(eq(outboxMessages.id, id), inArray(outboxMessages.status, from)))
      .returning();
    if (!updated) throw new AppError("conflict");
    await audit(
      action,
      { type: "outbox_message", id },
      { status: row.status, attempts: row.attempts },
      { status: updated.status },
    );
    return updated;
  });
}
