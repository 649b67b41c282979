/**
 * @module The mail outbox: every notice Sambang sends is a row here first, written in the same transaction
 * as the change it announces, then delivered by the job in src/jobs/. One row is one message to one
 * recipient. `dedupeKey` (kind | delegation | item-or-scope | sequence | recipient) is UNIQUE, so enqueueing
 * the same logical notice twice inserts nothing. `messageId` is fixed at enqueue time and reused on every
 * attempt, so a resend after a crash carries the same Message-ID.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * `sent`: an SMTP server accepted the message. `written`: no SMTP server is configured, so the message was
 * saved as an .eml file and NOT sent. A `queued` message with attempts behind it is waiting to retry.
 */
export const OUTBOX_STATUSES = ["queued", "sending", "sent", "written", "failed", "cancelled"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const NOTICE_KINDS = [
  "request_received",
  "dates_proposed",
  "confirmed",
  "declined",
  "cancelled",
  "itinerary",
  "invitation",
  "update",
  "withdrawal",
  "reminder_contact",
  "reminder_host",
  "host_briefing",
  "commitment_reminder",
  "feedback_request",
  "password_reset",
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const isNoticeKind = (value: string): value is NoticeKind =>
  (NOTICE_KINDS as readonly string[]).includes(value);

export interface OutboxAttachment {
  filename: string;
  contentType: string;
  /** Base64 of the bytes (JSON column; attachments are small PDFs). */
  contentBase64: string;
}

/** What an invitation/update announced about an agenda item, so a later update can say what changed. */
export interface ItemSnapshot {
  title: string;
  start: string;
  end: string;
  timeZone: string;
  location: string | null;
  status: "scheduled" | "cancelled";
}

export const outboxMessages = sqliteTable(
  "outbox_messages",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: NOTICE_KINDS }).notNull(),
    delegationId: text("delegation_id"),
    itemId: text("item_id"),
    /** Extra dedupe scope, e.g. the local date of a reminder ("2026-03-05"); "" when none. */
    scope: text("scope").notNull().default(""),
    sequence: integer("sequence").notNull().default(0),
    dedupeKey: text("dedupe_key").notNull(),
    locale: text("locale", { enum: ["id", "en"] }).notNull(),
    toName: text("to_name").notNull(),
    toEmail: text("to_email").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    icsMethod: text("ics_method", { enum: ["REQUEST", "CANCEL"] }),
    icsSequence: integer("ics_sequence"),
    icsUid: text("ics_uid"),
    icsContent: text("ics_content"),
    attachments: text("attachments", { mode: "json" }).$type<OutboxAttachment[]>(),
    itemSnapshot: text("item_snapshot", { mode: "json" }).$type<ItemSnapshot>(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    leaseUntil: integer("lease_until", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
    /** `<uuid@host>`; the same on every attempt. */
    messageId: text("message_id").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("outbox_dedupe_idx").on(t.dedupeKey),
    uniqueIndex("outbox_message_id_idx").on(t.messageId),
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_delegation_idx").on(t.delegationId, t.kind),
    index("outbox_item_idx").on(t.itemId, t.kind),
  ],
);
