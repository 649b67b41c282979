/**
 * A real crash mid-delivery. A child process (test/mail/fixtures/deliver-child.ts, wired as src/server.ts)
 * opens the same database file and starts delivering the due invitations to a real SMTP server that
 * accepts the first message and then leaves the next DATA unanswered; the test kills the child with
 * SIGKILL while it waits for that answer. The child leased only the message it was sending (each message
 * is claimed when its turn comes). The parent then plays the restarted server: while the dead child's
 * lease holds it delivers the messages never claimed but not the leased one, and once the clock passes
 * the lease it delivers that one too.
 *
 * What "nothing lost, nothing doubled" means here. Delivery is at-least-once (docs/decisions/008): the
 * one window for a duplicate is between the server's "250 OK" and our UPDATE to `sent`. This crash is
 * in the other place — the server read the DATA but never acknowledged it, so it never accepted that
 * copy. So the test demands, of the messages the SMTP server ACCEPTED over both lives:
 *  - every outbox message was accepted (nothing lost), and every row ends `sent`;
 *  - each Message-ID was accepted exactly once (nothing doubled): the message accepted before the crash
 *    is not sent again, and the interrupted one is resent once, with the same Message-ID it carried
 *    when the server read it unacknowledged (which a receiver could use to collapse a true duplicate).
 */

import { type ChildProcess, spawn } from "node:child_process";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { outboxMessages } from "../../db/schema/outbox";
import { DEFAULT_HOST_TIME_ZONE } from "../../src/config";
import { DEFAULT_DELIVERY } from "../../src/jobs/deliver-outbox";
import { sendInvitations } from "../../src/mail/invitations";
import { childEnv } from "../helpers/child-env";
import type { freshDb } from "../helpers/db";
import {
  BADUNG_DELEGATION,
  BUDI_HOST,
  book,
  MPP_VENUE,
  makeDelegation,
  makeHost,
  makeParticipant,
  makeVenue,
} from "../helpers/factories";
import { TEST_LINK_SECRET } from "../helpers/test-app";
import { BASE_URL, makeMailHarness, runMailJobs, smtpTransport } from "./helpers";
import { type SinkOptions, type SmtpSink, startSmtpSink } from "./smtp-sink";

const MAIL_FROM = "Protokol Banyuwangi <protokol@banyuwangikab.go.id>";
const sinks: SmtpSink[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await Promise.all(sinks.splice(0).map((s) => s.close()));
});

interface ChildEvent {
  event: string;
  pid?: number;
  [key: string]: unknown;
}

function startChild(env: Record<string, string>) {
  const proc = spawn(process.execPath, ["--import", "tsx", "test/mail/fixtures/deliver-child.ts"], {
    env: childEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(proc);
  let out = "";
  let err = "";
  proc.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  proc.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const events = () =>
    out
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as ChildEvent);
  return { proc, exited, events, output: () => `stdout: ${out}\nstderr: ${err}` };
}

/** Resolves when `condition` holds; rejects if the child exits first (with its output). */
async function until(condition: () => boolean, child: ReturnType<typeof startChild>) {
  let gone: string | undefined;
  void child.exited.then((e) => {
    gone = `child exited early (${JSON.stringify(e)})\n${child.output()}`;
  });
  while (!condition()) {
    if (gone) throw new Error(gone);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("a delivering process killed mid-send, then restarted", () => {
  it("after the lease expires every message is delivered, none lost, and no Message-ID accepted twice", async () => {
    const t = await makeMailHarness({ MAIL_FROM });
    // The harness's database, reopened by URL in the child: freshDb() carries it.
    const db = t.db as Awaited<ReturnType<typeof freshDb>>;
    expect(db.path).toMatch(/test\.db$/);

    // A confirmed delegation with one booked item: the itinerary mail to the contact and three
    // participants, a calendar invitation to the host — 5 messages.
    const d = await makeDelegation(db, {
      ...BADUNG_DELEGATION,
      language: "id",
      contactEmail: "kontak@badungkab.go.id",
    });
    for (const n of [1, 2, 3]) {
      await makeParticipant(db, d.id, { name: `Ibu Peserta ${n}`, email: `peserta${n}@badungkab.go.id` });
    }
    const venue = await makeVenue(db, MPP_VENUE);
    const host = await makeHost(db, { ...BUDI_HOST, email: "budi@banyuwangikab.go.id" });
    await book(
      db,
      d.id,
      {
        title: "Kunjungan MPP",
        startsAt: "2026-03-10T09:00:00+07:00",
        endsAt: "2026-03-10T10:30:00+07:00",
        venueId: venue.id,
        hostIds: [host.id],
      },
      t.clock(),
    );
    const { queued } = await sendInvitations(
      {
        db,
        now: t.clock(),
        baseUrl: BASE_URL,
        linkSecret: TEST_LINK_SECRET,
        hostTimeZone: DEFAULT_HOST_TIME_ZONE,
        actor: { id: null, label: "test" },
        organizer: { name: "Protokol Banyuwangi", email: "protokol@banyuwangikab.go.id" },
      },
      d.id,
    );
    expect(queued).toBe(5);
    const rows = async () => db.orm.select().from(outboxMessages);
    const all = await rows();
    expect(all.map((r) => r.status)).toEqual(Array(5).fill("queued"));

    // The relay accepts one message, then hangs on the next DATA.
    const sinkOptions: SinkOptions = { stallOnData: true, stallAfter: 1 };
    const smtp = await startSmtpSink(sinkOptions);
    sinks.push(smtp);

    const crashedAt = t.clock();
    const child = startChild({
      CHILD_DB_URL: db.url,
      CHILD_NOW: crashedAt.toISOString(),
      SMTP_URL: smtp.url,
      BASE_URL,
      MAIL_FROM,
    });
    // Mid-delivery: the second message's DATA has been read and is waiting for an answer.
    await until(() => smtp.seenMessageIds.length === 2, child);
    const [acceptedBeforeCrash, interrupted] = smtp.seenMessageIds as [string, string];
    expect(smtp.received.map((m) => m.parsed.messageId)).toEqual([acceptedBeforeCrash]);
    const started = child.events().find((e) => e.event === "started");
    expect(started).toMatchObject({ pid: child.proc.pid, transport: "smtp" });

    child.proc.kill("SIGKILL");
    expect(await child.exited).toEqual({ code: null, signal: "SIGKILL" });
    expect(child.events().map((e) => e.event)).not.toContain("finished");

    // What the crash left: the accepted message marked sent; the interrupted one claimed under a live
    // lease; the other three never claimed.
    const leaseUntil = crashedAt.getTime() + DEFAULT_DELIVERY.leaseMs;
    const afterCrash = await rows();
    const byMessageId = new Map(afterCrash.map((r) => [r.messageId, r]));
    expect(byMessageId.get(acceptedBeforeCrash)).toMatchObject({ status: "sent", attempts: 1 });
    expect(byMessageId.get(interrupted)).toMatchObject({ status: "sending", attempts: 1 });
    expect(byMessageId.get(interrupted)?.leaseUntil?.getTime()).toBe(leaseUntil);
    const untouched = afterCrash.filter(
      (r) => r.messageId !== acceptedBeforeCrash && r.messageId !== interrupted,
    );
    expect(untouched.map((r) => [r.status, r.attempts, r.leaseUntil])).toEqual(
      Array(3).fill(["queued", 0, null]),
    );

    // The relay recovers; the "restarted" process runs the delivery job with the production code.
    sinkOptions.stallOnData = false;
    const transport = smtpTransport(smtp.url);
    // While the dead process's lease holds, nobody takes its message; the three never claimed go out.
    expect((await runMailJobs(t, transport)).delivery).toEqual({
      claimed: 3,
      sent: 3,
      retrying: 0,
      failed: 0,
    });
    t.clock.set(new Date(leaseUntil - 1));
    expect((await runMailJobs(t, transport)).delivery.claimed).toBe(0);
    expect(smtp.received).toHaveLength(4);
    expect(smtp.received.map((m) => m.parsed.messageId)).not.toContain(interrupted);

    // Past the lease: the stranded message is claimed again and delivered.
    t.clock.set(new Date(leaseUntil));
    expect((await runMailJobs(t, transport)).delivery).toEqual({
      claimed: 1,
      sent: 1,
      retrying: 0,
      failed: 0,
    });
    t.clock.advance(60 * 60_000);
    expect((await runMailJobs(t, transport)).delivery.claimed).toBe(0);
    await transport.close?.();

    const final = await rows();
    // Nothing lost: every row sent, and the server accepted every stored Message-ID.
    expect(final.map((r) => r.status)).toEqual(Array(5).fill("sent"));
    const accepted = smtp.received.map((m) => m.parsed.messageId ?? "");
    expect(new Set(accepted)).toEqual(new Set(final.map((r) => r.messageId)));
    // Nothing doubled: each Message-ID accepted exactly once across both lives.
    expect(accepted).toHaveLength(final.length);
    expect(accepted.filter((id) => id === acceptedBeforeCrash)).toHaveLength(1);
    // The interrupted message was read twice (unacknowledged, then resent) under one Message-ID,
    // and accepted once.
    expect(smtp.seenMessageIds.filter((id) => id === interrupted)).toHaveLength(2);
    expect(accepted.filter((id) => id === interrupted)).toHaveLength(1);
    // Attempts count claims: two for the interrupted message, one for every other.
    for (const r of final) expect(r.attempts).toBe(r.messageId === interrupted ? 2 : 1);
    // Each recipient got its messages once (same recipients and kinds as enqueued).
    const delivered = smtp.received.map((m) => `${m.parsed.headers.get("x-sambang-kind")}|${m.envelope.to}`);
    expect(delivered.sort()).toEqual(final.map((r) => `${r.kind}|${r.toEmail}`).sort());
    const sentRow = await db.orm.query.outboxMessages.findFirst({
      where: eq(outboxMessages.messageId, interrupted),
    });
    expect(sentRow?.sentAt?.getTime()).toBe(leaseUntil);
  }, 60_000);
});
