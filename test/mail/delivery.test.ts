/**
 * Outbox delivery against a real SMTP server: sent once with its stable Message-ID; SMTP down → retried
 * with backoff → delivered exactly once; 550 → failed at once with the reason; enqueue twice → one
 * message; a sender that died after claiming → resent after the lease, nothing lost, nothing doubled.
 */

import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import { outboxMessages } from "../../db/schema/outbox";
import { buildCalendar } from "../../src/calendar/index";
import { backoffDelay, claimDueMessages, DEFAULT_DELIVERY } from "../../src/jobs/deliver-outbox";
import { enqueueMessage } from "../../src/mail/outbox";
import { freePort } from "../helpers/free-port";
import {
  BASE_URL,
  makeMailHarness as makeTestApp,
  runMailJobs,
  smtpTransport,
  type MailHarness as TestApp,
} from "./helpers";
import { contentTypes, type SmtpSink, startSmtpSink } from "./smtp-sink";

const sinks: SmtpSink[] = [];
afterEach(async () => {
  await Promise.all(sinks.splice(0).map((s) => s.close()));
});
async function sink(options: Parameters<typeof startSmtpSink>[0] = {}) {
  const s = await startSmtpSink(options);
  sinks.push(s);
  return s;
}

const UID = "item-1@sambang.test";

function calendar(now: Date, sequence = 0) {
  return buildCalendar({
    method: "REQUEST",
    name: "Kunjungan SB-2026-0001",
    now,
    organizer: { name: "Protokol", email: "protokol@banyuwangikab.go.id" },
    events: [
      {
        uid: UID,
        sequence,
        start: new Date("2026-03-10T02:00:00Z"),
        end: new Date("2026-03-10T03:30:00Z"),
        timeZone: "Asia/Jakarta",
        summary: "Kunjungan MPP",
        status: "CONFIRMED",
        attendees: [{ name: "Pak Kontak", email: "kontak@example.go.id" }],
      },
    ],
  });
}

async function enqueue(t: TestApp, overrides: { email?: string; name?: string; subject?: string } = {}) {
  const now = t.clock();
  return t.db.writeTransaction((tx) =>
    enqueueMessage(
      tx,
      { now, baseUrl: BASE_URL },
      {
        kind: "invitation",
        delegationId: "d1",
        itemId: "i1",
        sequence: 0,
        locale: "id",
        to: { name: overrides.name ?? "Pak Kontak", email: overrides.email ?? "kontak@example.go.id" },
        subject: overrides.subject ?? "Undangan: Kunjungan MPP",
        text: "Halo",
        html: "<p>Halo</p>",
        calendar: { method: "REQUEST", sequence: 0, uid: UID, content: calendar(now) },
      },
    ),
  );
}

async function row(t: TestApp, id: string) {
  const r = await t.db.orm.query.outboxMessages.findFirst({ where: eq(outboxMessages.id, id) });
  if (!r) throw new Error("no row");
  return r;
}

describe("outbox delivery over SMTP", () => {
  it("delivers a queued message once, with its stored Message-ID and one text/calendar part", async () => {
    const t = await makeTestApp();
    const smtp = await sink();
    const id = (await enqueue(t)) as string;
    const report = await runMailJobs(t, smtpTransport(smtp.url));
    expect(report.delivery).toMatchObject({ claimed: 1, sent: 1 });

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    const stored = await row(t, id);
    expect(stored.status).toBe("sent");
    expect(stored.sentAt?.getTime()).toBe(t.clock().getTime());
    expect(mail.parsed.messageId).toBe(stored.messageId);
    expect(stored.messageId).toMatch(/^<[0-9a-f-]{36}@localhost>$/);
    expect(mail.envelope.to).toEqual(["kontak@example.go.id"]);
    expect(mail.parsed.subject).toBe("Undangan: Kunjungan MPP");

    const types = contentTypes(mail.raw);
    expect(types.filter((c) => c === "text/calendar")).toHaveLength(1);
    expect(mail.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(types.filter((c) => c === "application/ics")).toHaveLength(1);
    const ics = ICAL.Component.fromString(
      mail.parsed.attachments.find((a) => a.contentType === "application/ics")!.content.toString("utf8"),
    );
    expect(ics.getFirstPropertyValue("method")).toBe("REQUEST");
    const vevent = ics.getFirstSubcomponent("vevent")!;
    expect(vevent.getFirstPropertyValue("uid")).toBe(UID);
    expect(vevent.getFirstPropertyValue("sequence")).toBe(0);

    // Nothing left to do.
    expect((await runMailJobs(t, smtpTransport(smtp.url))).delivery.claimed).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });

  it("enqueueing the same notice twice stores one row and sends one message", async () => {
    const t = await makeTestApp();
    const smtp = await sink();
    const first = await enqueue(t);
    const second = await enqueue(t);
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    expect(await t.db.orm.select().from(outboxMessages)).toHaveLength(1);
    await runMailJobs(t, smtpTransport(smtp.url));
    expect(smtp.received).toHaveLength(1);
  });

  it("SMTP down: retried with exponential backoff, then delivered exactly once when the server returns", async () => {
    const t = await makeTestApp();
    const port = await freePort();
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`);
    const id = (await enqueue(t)) as string;

    const r1 = await runMailJobs(t, transport);
    expect(r1.delivery).toMatchObject({ claimed: 1, retrying: 1 });
    let stored = await row(t, id);
    expect(stored.status).toBe("queued");
    expect(stored.attempts).toBe(1);
    expect(stored.lastError).toMatch(/ECONNREFUSED|ECONNECTION|connect/i);
    expect(stored.nextAttemptAt.getTime() - t.clock().getTime()).toBe(60_000);

    // Not due yet: nothing is claimed.
    t.clock.advance(59_000);
    expect((await runMailJobs(t, transport)).delivery.claimed).toBe(0);

    t.clock.advance(1_000);
    expect((await runMailJobs(t, transport)).delivery.retrying).toBe(1);
    stored = await row(t, id);
    expect(stored.attempts).toBe(2);
    expect(stored.nextAttemptAt.getTime() - t.clock().getTime()).toBe(120_000);

    const smtp = await sink({ port });
    t.clock.advance(120_000);
    expect((await runMailJobs(t, transport)).delivery.sent).toBe(1);
    t.clock.advance(10 * 60_000);
    await runMailJobs(t, transport);
    expect(smtp.received).toHaveLength(1);
    stored = await row(t, id);
    expect(stored).toMatchObject({ status: "sent", attempts: 3, lastError: null });
  });

  it("gives up after the configured number of attempts", async () => {
    const t = await makeTestApp({ MAIL_MAX_ATTEMPTS: "2" });
    const transport = smtpTransport(`smtp://127.0.0.1:${await freePort()}`);
    const id = (await enqueue(t)) as string;
    await runMailJobs(t, transport);
    t.clock.advance(60_000);
    expect((await runMailJobs(t, transport)).delivery.failed).toBe(1);
    expect((await row(t, id)).status).toBe("failed");
  });

  it("a 550 fails at once with the server's reason and is not retried", async () => {
    const t = await makeTestApp();
    const smtp = await sink({ reject550: ["nobody@example.go.id"] });
    const id = (await enqueue(t, { email: "nobody@example.go.id" })) as string;
    expect((await runMailJobs(t, smtpTransport(smtp.url))).delivery.failed).toBe(1);
    const stored = await row(t, id);
    expect(stored.status).toBe("failed");
    expect(stored.attempts).toBe(1);
    expect(stored.lastError).toMatch(/550/);
    expect(stored.lastError).toMatch(/mailbox unavailable/);
    t.clock.advance(24 * 3600_000);
    expect((await runMailJobs(t, smtpTransport(smtp.url))).delivery.claimed).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  it("a sender that died after claiming: the lease expires, the message is resent once, same Message-ID", async () => {
    const t = await makeTestApp();
    const smtp = await sink();
    const id = (await enqueue(t)) as string;
    // The "dead" process: it claimed and never came back.
    const claimed = await claimDueMessages(t.db, t.clock(), DEFAULT_DELIVERY);
    expect(claimed.map((c) => c.id)).toEqual([id]);

    // While the lease holds, no other runner touches it.
    t.clock.advance(DEFAULT_DELIVERY.leaseMs - 1);
    expect((await runMailJobs(t, smtpTransport(smtp.url))).delivery.claimed).toBe(0);

    t.clock.advance(1);
    expect((await runMailJobs(t, smtpTransport(smtp.url))).delivery.sent).toBe(1);
    await runMailJobs(t, smtpTransport(smtp.url));
    const stored = await row(t, id);
    expect(stored.status).toBe("sent");
    expect(stored.attempts).toBe(2);
    expect(smtp.received.map((m) => m.parsed.messageId)).toEqual([stored.messageId]);
  });

  it("backoff doubles from one minute and is capped", () => {
    const delays = [1, 2, 3, 4, 7, 8, 20].map((n) => backoffDelay(n, DEFAULT_DELIVERY) / 60_000);
    expect(delays).toEqual([1, 2, 4, 8, 60, 60, 60]);
  });
});
