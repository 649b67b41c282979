/**
 * @module Outbox delivery: claim one due message with a lease, send it, mark it right away; repeat.
 *
 * Claiming is one write transaction (`UPDATE … SET status='sending', lease_until=now+lease … WHERE id IN
 * (the next due queued message, or one sending with an expired lease)`), so two runners — two Node
 * processes, or a cron run overlapping an interval run — never claim the same message while its lease
 * holds. Each message is leased just before its own send, so a lease only has to outlast one send (an SMTP
 * attempt is bounded by the transport's timeouts, far below the lease), never a whole batch: with a slow
 * relay, a batch leased at once would outlive its lease and a second runner would send its tail again.
 * A process killed mid-send leaves its message `sending`; when the lease expires the next run claims and
 * resends it with the same Message-ID.
 *
 * NOTE: delivery is at-least-once, not exactly-once (docs/decisions/008-mail-outbox.md). The one window
 * for a duplicate is between the SMTP server's "250 OK" and our UPDATE; we mark sent immediately after
 * the acknowledgement, before anything else, one message at a time, and the stable Message-ID lets
 * receiving systems collapse the rare resend.
 */
import { and, asc, eq, gte, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { outboxMessages } from "../../db/schema/outbox";
import type { Logger } from "../http/context";
import type { Mailbox } from "../mail/header-safety";
import type { OutboxRow } from "../mail/outbox";
import { classifySmtpError, type MailTransport, type OutgoingMail } from "../mail/transport";

export interface DeliveryOptions {
  /** How long a claim of one message holds; must exceed the transport's worst-case time for one send. */
  leaseMs: number;
  /** The most messages one run delivers (one at a time, each leased when its turn comes). */
  batchSize: number;
  maxAttempts: number;
  /** First retry delay; doubles each attempt up to `backoffCapMs`. */
  backoffBaseMs: number;
  backoffCapMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = {
  leaseMs: 5 * 60_000,
  batchSize: 25,
  maxAttempts: 8,
  backoffBaseMs: 60_000,
  backoffCapMs: 60 * 60_000,
};

interface DeliveryDeps {
  db: Db;
  transport: MailTransport;
  clock: () => Date;
  logger: Logger;
  from: Mailbox;
  replyTo?: Mailbox;
}

export interface DeliveryReport {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
}

/** Delay before attempt `attempts + 1`: base · 2^(attempts − 1), capped (1 min, 2 min, 4 min … 1 h). */
export function backoffDelay(
  attempts: number,
  options: Pick<DeliveryOptions, "backoffBaseMs" | "backoffCapMs">,
) {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(options.backoffCapMs, options.backoffBaseMs * 2 ** Math.min(exponent, 30));
}

/** Claims due messages (queued and due, or sending with an expired lease) in one write transaction. */
export async function claimDueMessages(
  db: Db,
  now: Date,
  options: Pick<DeliveryOptions, "leaseMs" | "batchSize" | "maxAttempts">,
): Promise<OutboxRow[]> {
  const leaseUntil = new Date(now.getTime() + options.leaseMs);
  return db.writeTransaction(async (tx) => {
    const expired = and(eq(outboxMessages.status, "sending"), lte(outboxMessages.leaseUntil, now));
    // A message whose every attempt ended with the process dying (a poison message) stops here.
    await tx
      .update(outboxMessages)
      .set({
        status: "failed",
        leaseUntil: null,
        lastError: "lease expired on the last allowed attempt (the sender stopped mid-delivery)",
        updatedAt: now,
      })
      .where(and(expired, gte(outboxMessages.attempts, options.maxAttempts)));
    const due = tx
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(or(and(eq(outboxMessages.status, "queued"), lte(outboxMessages.nextAttemptAt, now)), expired))
      .orderBy(asc(outboxMessages.nextAttemptAt))
      .limit(options.batchSize);
    return tx
      .update(outboxMessages)
      .set({ status: "sending", leaseUntil, updatedAt: now, attempts: sql`${outboxMessages.attempts} + 1` })
      .where(inArray(outboxMessages.id, due))
      .returning();
  });
}

/** Builds what the transport sends from an outbox row and the configured sender. */
export function outgoingOf(row: OutboxRow, sender: { from: Mailbox; replyTo?: Mailbox }): OutgoingMail {
  return {
    messageId: row.messageId,
    from: sender.from,
    replyTo: sender.replyTo,
    to: { name: row.toName, email: row.toEmail },
    subject: row.subject,
    text: row.text,
    html: row.html,
    calendar:
      row.icsMethod && row.icsContent
        ? {
            method: row.icsMethod,
            content: row.icsContent,
            filename: row.icsMethod === "CANCEL" ? "cancel.ics" : "invite.ics",
          }
        : undefined,
    attachments: (row.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Uint8Array.from(atob(a.contentBase64), (ch) => ch.charCodeAt(0)),
    })),
    headers: {
      "X-Sambang-Kind": row.kind,
      "Content-Language": row.locale,
      "Auto-Submitted": "auto-generated",
    },
  };
}

/** One delivery run: up to `batchSize` times, claim the next due message, send it and mark it. */
export async function deliverDueMessages(
  deps: DeliveryDeps,
  options: DeliveryOptions = DEFAULT_DELIVERY,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  for (let turn = 0; turn < options.batchSize; turn++) {
    const [row] = await claimDueMessages(deps.db, deps.clock(), { ...options, batchSize: 1 });
    if (!row) break;
    report.claimed += 1;
    report[await deliverOne(deps, row, options)] += 1;
  }
  return report;
}

async function deliverOne(
  deps: DeliveryDeps,
  row: OutboxRow,
  options: DeliveryOptions,
): Promise<"sent" | "retrying" | "failed"> {
  try {
    await deps.transport.send(outgoingOf(row, deps));
  } catch (error) {
    const failure = classifySmtpError(error);
    const now = deps.clock();
    const giveUp = failure.permanent || row.attempts >= options.maxAttempts;
    const reason = failure.message.slice(0, 1000);
    await deps.db.writeTransaction((tx) =>
      tx
        .update(outboxMessages)
        .set(
          giveUp
            ? { status: "failed", leaseUntil: null, lastError: reason, updatedAt: now }
            : {
                status: "queued",
                leaseUntil: null,
                lastError: reason,
                nextAttemptAt: new Date(now.getTime() + backoffDelay(row.attempts, options)),
                updatedAt: now,
              },
        )
        .where(and(eq(outboxMessages.id, row.id), eq(outboxMessages.status, "sending"))),
    );
    deps.logger.info(giveUp ? "mail failed" : "mail retry scheduled", {
      id: row.id,
      attempts: row.attempts,
      permanent: failure.permanent,
      reason,
    });
    return giveUp ? "failed" : "retrying";
  }
  // Mark before anything else: the smaller this window, the rarer a resend after a crash.
  const now = deps.clock();
  // Only an SMTP server's acceptance is "sent"; the file writer keeps the message and sends nothing.
  const delivered = deps.transport.kind === "file" ? "written" : "sent";
  await deps.db.writeTransaction((tx) =>
    tx
      .update(outboxMessages)
      .set({ status: delivered, sentAt: now, leaseUntil: null, lastError: null, updatedAt: now })
      .where(and(eq(outboxMessages.id, row.id), inArray(outboxMessages.status, ["sending", "queued"]))),
  );
  return "sent";
}
