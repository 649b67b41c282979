/**
 * @module What staff read about a message's delivery, the same words on the outbox, the invitations page
 * and the delegation timeline: waiting, being sent, waiting to retry (queued after a failed attempt), sent
 * (an SMTP server accepted it), not sent (saved as a file: no SMTP server), failed, cancelled.
 */
import { and, eq, gt, type SQL } from "drizzle-orm";
import { type OutboxStatus, outboxMessages } from "../../db/schema/outbox";

export const MAIL_STATES = [
  "queued",
  "sending",
  "retrying",
  "sent",
  "written",
  "failed",
  "cancelled",
] as const;
export type MailState = (typeof MAIL_STATES)[number];

export function mailStateOf(row: { status: OutboxStatus; attempts: number }): MailState {
  return row.status === "queued" && row.attempts > 0 ? "retrying" : row.status;
}

/** The rows in one state (the outbox filter). */
export function mailStateWhere(state: MailState): SQL {
  if (state === "retrying")
    return and(eq(outboxMessages.status, "queued"), gt(outboxMessages.attempts, 0)) as SQL;
  if (state === "queued")
    return and(eq(outboxMessages.status, "queued"), eq(outboxMessages.attempts, 0)) as SQL;
  return eq(outboxMessages.status, state);
}

/** The badge's tone: delivered, not delivered, or still under way. */
export function mailStateTone(state: MailState): "ok" | "warn" | "danger" | "" {
  if (state === "sent") return "ok";
  if (state === "written" || state === "retrying") return "warn";
  if (state === "failed") return "danger";
  return "";
}
