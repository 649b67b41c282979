/**
 * Commitment reminders through the outbox to a real SMTP server: 7 days before, on the day, weekly while
 * overdue; in the owner's language (an outside owner gets the delegation's); never for done, dropped or
 * switched-off commitments; each step mailed exactly once — with two job runners (two processes, wired
 * like the server: test/mail/fixtures/deliver-child.ts) at once, and after a restart (a new process).
 */

import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { users } from "../../db/schema/auth";
import { createCommitment, transitionCommitment } from "../../src/commitments/service";
import { parseConfig } from "../../src/config";
import { auditedTransaction } from "../../src/http/service-context";
import { runJobs } from "../../src/jobs/run-jobs";
import { childEnv } from "../helpers/child-env";
import { freshDb } from "../helpers/db";
import { makeDelegation } from "../helpers/factories";
import { BASE_URL, silentLogger, testClock } from "../helpers/test-app";
import { smtpTransport } from "../mail/helpers";
import { type SmtpSink, startSmtpSink } from "../mail/smtp-sink";

const ACTOR = { id: null, label: "test" };
const opened: Db[] = [];
let sink: SmtpSink | null = null;
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  await sink?.close();
  sink = null;
});

async function setup() {
  const db = await freshDb();
  opened.push(db);
  const clock = testClock("2026-03-02T09:00:00+07:00");
  const now = clock();
  await db.write(() =>
    db.orm.insert(users).values({
      id: "u-ayu",
      email: "ayu@banyuwangikab.go.id",
      name: "Ayu Humas",
      role: "humas",
      passwordHash: "unused",
      locale: "en",
      createdAt: now,
      updatedAt: now,
    }),
  );
  const d = await makeDelegation(db, { code: "SB-2026-0101", language: "id", provinceCode: "21" });
  const ctx = { now, transaction: auditedTransaction(db, ACTOR, now) };
  const mk = (fields: Record<string, unknown>) =>
    createCommitment(ctx, {
      delegationId: d.id,
      party: "host",
      what: "Kirim SOP MPP",
      targetDate: "2026-03-09",
      remindersEnabled: true,
      ...fields,
    } as never);
  const staff = await mk({ ownerUserId: "u-ayu", what: "Kirim SOP MPP ke Kepri" }); // due in 7 days
  const external = await mk({
    party: "visitor",
    ownerName: "Rina Kepri",
    ownerEmail: "rina@kepriprov.go.id",
    what: "Buka MPP Tanjungpinang",
    targetDate: "2026-02-27", // recorded three days late: overdue from the start
  });
  expect(external.overdue).toBe(true);
  const silent = await mk({
    ownerName: "Tanpa Pengingat",
    ownerEmail: "diam@example.go.id",
    remindersEnabled: false,
    targetDate: "2026-03-02",
  });
  const finished = await mk({
    ownerName: "Sudah Selesai",
    ownerEmail: "selesai@example.go.id",
    targetDate: "2026-03-02",
  });
  await transitionCommitment(ctx, finished.commitment.id, { to: "in_progress", version: 1 });
  await transitionCommitment(ctx, finished.commitment.id, {
    to: "done",
    evidence: { url: "https://x.go.id/sop" },
    version: 2,
  });
  expect(silent.overdue).toBe(false);
  sink = await startSmtpSink();
  const config = parseConfig({ BASE_URL });
  const runner = (handle: Db) =>
    runJobs({
      db: handle,
      config,
      clock,
      logger: silentLogger,
      transport: smtpTransport((sink as SmtpSink).url),
    });
  /** One job run in its own process (a "server"), at the test clock's time; resolves when it exits. */
  const child = () =>
    new Promise<string>((resolve, reject) => {
      const proc = spawn(process.execPath, ["--import", "tsx", "test/mail/fixtures/deliver-child.ts"], {
        env: childEnv({
          CHILD_DB_URL: db.url,
          CHILD_NOW: clock().toISOString(),
          SMTP_URL: (sink as SmtpSink).url,
          BASE_URL,
        }),
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      proc.stdout.on("data", (c: Buffer) => {
        out += c.toString();
      });
      proc.stderr.on("data", (c: Buffer) => {
        out += c.toString();
      });
      proc.on("error", reject);
      proc.on("exit", (code) =>
        code === 0 && out.includes('"finished"') ? resolve(out) : reject(new Error(out)),
      );
    });
  return { db, clock, ctx, staff, external, runner, child, sink };
}

const received = (s: SmtpSink) =>
  s.received.map((m) => `${m.envelope.to.join(",")} | ${m.parsed.subject}`).sort();

describe("commitment reminders", () => {
  it("mails each step once, with two runners and across a restart, in the owner's language", async () => {
    const t = await setup();
    // Before 08:00 local nothing is due.
    t.clock.set("2026-03-02T07:30:00+07:00");
    expect((await t.runner(t.db)).commitmentReminders).toBe(0);
    t.clock.set("2026-03-02T09:00:00+07:00");

    // Two runners (processes) at once, twice.
    await Promise.all([t.child(), t.child()]);
    await Promise.all([t.child(), t.child()]);
    expect(received(t.sink)).toEqual([
      "ayu@banyuwangikab.go.id | Commitment reminder: Kirim SOP MPP ke Kepri",
      "rina@kepriprov.go.id | Pengingat komitmen: Buka MPP Tanjungpinang",
    ]);
    const staffMail = t.sink.received.find((m) => m.envelope.to[0] === "ayu@banyuwangikab.go.id");
    expect(staffMail?.parsed.text).toContain("due on Monday, 9 March 2026 (in 7 days)");
    expect(staffMail?.parsed.text).toContain(`${BASE_URL}/commitments/${t.staff.commitment.id}`);
    const external = t.sink.received.find((m) => m.envelope.to[0] === "rina@kepriprov.go.id");
    expect(external?.parsed.text).toContain("sudah lewat tanggal target Jumat, 27 Februari 2026 (3 hari)");
    // Signed by the host's protocol office (host settings), not a bare product name.
    expect(external?.parsed.text).toContain("Bagian Protokol dan Komunikasi Pimpinan");

    // Restart: a new process the same day sends nothing new; nor does this process's own runner.
    await t.child();
    await t.runner(t.db);
    expect(t.sink.received).toHaveLength(2);

    // A week later: the staff owner's "due" step and the outside owner's first weekly overdue step.
    t.clock.set("2026-03-09T08:05:00+07:00");
    await Promise.all([t.child(), t.child(), t.runner(t.db)]);
    expect(t.sink.received).toHaveLength(4);
    const overdue = t.sink.received.filter((m) => m.envelope.to[0] === "rina@kepriprov.go.id")[1];
    expect(overdue?.parsed.text).toContain("sudah lewat tanggal target Jumat, 27 Februari 2026 (10 hari)");

    // Done stops the staff owner's reminders; the outside owner's keep coming weekly.
    const at = t.clock();
    const now = { now: at, transaction: auditedTransaction(t.db, ACTOR, at) };
    await transitionCommitment(now, t.staff.commitment.id, { to: "in_progress", version: 1 });
    await transitionCommitment(now, t.staff.commitment.id, {
      to: "done",
      evidence: { note: "Dikirim lewat e-mail" },
      version: 2,
    });
    t.clock.set("2026-03-16T10:00:00+07:00");
    await Promise.all([t.child(), t.runner(t.db)]);
    t.clock.set("2026-03-23T10:00:00+07:00");
    await t.runner(t.db);
    const lines = received(t.sink);
    expect(lines.filter((l) => l.startsWith("ayu"))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith("rina"))).toHaveLength(4); // due, overdue-1, -2, -3
    expect(lines.some((l) => l.startsWith("diam") || l.startsWith("selesai"))).toBe(false);
    // Each message was accepted once: no Message-ID twice.
    const ids = t.sink.received.map((m) => m.parsed.messageId);
    expect(new Set(ids).size).toBe(ids.length);
  }, 180_000);
});
