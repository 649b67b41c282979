/**
 * @module Test wiring for mail: a fresh database, the test clock and config, and the real delivery job
 * against an SMTP transport. Needs no app, so job tests don't depend on every route module.
 */
import type { Db } from "../../db/client";
import { parseConfig } from "../../src/config";
import type { Logger } from "../../src/http/context";
import { runJobs } from "../../src/jobs/run-jobs";
import { createSmtpTransport } from "../../src/mail/node/smtp-transport";
import type { MailTransport } from "../../src/mail/transport";
import { freshDb } from "../helpers/db";
import { BASE_URL, type TestClock, testClock } from "../helpers/test-app";

export { BASE_URL, type TestClock, testClock };

export interface MailHarness {
  db: Db;
  clock: TestClock;
  deps: { config: ReturnType<typeof parseConfig>; logger: Logger & { lines: unknown[] } };
}

export async function makeMailHarness(env: Record<string, string> = {}): Promise<MailHarness> {
  const lines: unknown[] = [];
  const logger = {
    lines,
    info: (message: string, fields?: unknown) => void lines.push({ message, fields }),
    error: (message: string, fields?: unknown) => void lines.push({ level: "error", message, fields }),
  };
  return {
    db: await freshDb(),
    clock: testClock(),
    deps: { config: parseConfig({ BASE_URL, ...env }), logger },
  };
}

export function smtpTransport(url: string): MailTransport {
  return createSmtpTransport({
    url,
    rejectUnauthorized: true,
    connectionTimeoutMs: 3000,
    socketTimeoutMs: 5000,
  });
}

export async function runMailJobs(
  t: { db: Db; clock: () => Date; deps: { config: ReturnType<typeof parseConfig>; logger: Logger } },
  transport: MailTransport,
) {
  return runJobs({ db: t.db, config: t.deps.config, clock: t.clock, logger: t.deps.logger, transport });
}
