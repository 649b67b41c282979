/**
 * @module The job runner shared by the Node server (an interval, see `startJobLoop`) and a Workers cron
 * (`scheduled` calls `runJobs` once per trigger): enqueue due visit and commitment reminders, deliver
 * due mail, then blank the bodies of mail sent longer ago than the retention period. Runtime neutral; each
 * step is safe to run concurrently with another runner (dedupe keys, leases).
 */
import type { Db } from "../../db/client";
import { enqueueCommitmentReminders } from "../commitments/reminders";
import type { Config } from "../config";
import type { Logger } from "../http/context";
import { parseMailbox } from "../mail/header-safety";
import { enqueueDueReminders } from "../mail/reminders";
import { blankOldSentBodies } from "../mail/retention";
import type { MailTransport } from "../mail/transport";
import { DEFAULT_DELIVERY, type DeliveryReport, deliverDueMessages } from "./deliver-outbox";

interface JobDeps {
  db: Db;
  config: Config;
  clock: () => Date;
  logger: Logger;
  /** Absent (a Worker without SMTP_URL): reminders are still queued, delivery waits for a transport. */
  transport?: MailTransport;
}

interface JobsReport {
  reminders: number;
  commitmentReminders: number;
  delivery: DeliveryReport;
  /** Sent messages whose bodies were blanked (retention). */
  blanked: number;
}

export async function runJobs(deps: JobDeps): Promise<JobsReport> {
  const reminders = await enqueueDueReminders({
    db: deps.db,
    now: deps.clock(),
    baseUrl: deps.config.baseUrl,
    reminderTime: deps.config.reminderTime,
    hostTimeZone: deps.config.hostTimeZone,
  });
  const commitmentReminders = await enqueueCommitmentReminders({
    db: deps.db,
    now: deps.clock(),
    baseUrl: deps.config.baseUrl,
  });
  const transport = deps.transport;
  // Without a transport (a Worker with no SMTP_URL) messages stay queued; nothing is dropped.
  const delivery = !transport
    ? { claimed: 0, sent: 0, retrying: 0, failed: 0 }
    : await deliverDueMessages(
        {
          db: deps.db,
          transport,
          clock: deps.clock,
          logger: deps.logger,
          from: parseMailbox(deps.config.mailFrom),
          replyTo: deps.config.mailReplyTo
            ? { name: parseMailbox(deps.config.mailFrom).name, email: deps.config.mailReplyTo }
            : undefined,
        },
        { ...DEFAULT_DELIVERY, maxAttempts: deps.config.mailMaxAttempts },
      );
  const blanked = await blankOldSentBodies(deps.db, {
    now: deps.clock(),
    retentionDays: deps.config.outboxRetentionDays,
  });
  return { reminders, commitmentReminders, delivery, blanked };
}

/**
 * Runs the jobs every `intervalMs` (never two runs at once in this process); `stop()` waits for a run in
 * progress to finish, so shutdown never cuts a delivery between the SMTP "250" and marking it sent.
 */
export function startJobLoop(deps: JobDeps, intervalMs: number): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = runJobs(deps)
      .then((report) => {
        if (
          report.reminders > 0 ||
          report.commitmentReminders > 0 ||
          report.delivery.claimed > 0 ||
          report.blanked > 0
        )
          deps.logger.info("jobs", { ...report });
      })
      .catch((error) =>
        deps.logger.error("jobs failed", { error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}
