/**
 * The Workers SMTP client (src/mail/smtp over `connect()`; here over node:net/tls with the same
 * interface) against a real SMTP server: the same MIME as the Node transport, STARTTLS and implicit TLS,
 * AUTH PLAIN and LOGIN, and every failure retried or failed exactly as the Node transport's.
 */
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import { outboxMessages } from "../../db/schema/outbox";
import { buildCalendar } from "../../src/calendar/index";
import { outgoingOf } from "../../src/jobs/deliver-outbox";
import { composeMime } from "../../src/mail/edge/compose-mime";
import { enqueueMessage } from "../../src/mail/outbox";
import { dataBlock } from "../../src/mail/smtp/session";
import { createSocketSmtpTransport } from "../../src/mail/smtp/transport";
import type { MailTransport } from "../../src/mail/transport";
import { freePort } from "../helpers/free-port";
import { nodeConnect } from "../helpers/node-socket";
import { BASE_URL, type MailHarness, makeMailHarness, runMailJobs, smtpTransport } from "./helpers";
import { contentTypes, type SmtpSink, startSmtpSink, topHeaderNames } from "./smtp-sink";

const sinks: SmtpSink[] = [];
afterEach(async () => {
  await Promise.all(sinks.splice(0).map((s) => s.close()));
});
async function sink(options: Parameters<typeof startSmtpSink>[0] = {}) {
  const s = await startSmtpSink(options);
  sinks.push(s);
  return s;
}

function socketTransport(url: string, timeouts = { connectionTimeoutMs: 3000, socketTimeoutMs: 5000 }) {
  return createSocketSmtpTransport({
    url,
    connect: nodeConnect,
    compose: composeMime,
    clientName: "sambang.test",
    ...timeouts,
  });
}

const UID = "item-1@sambang.test";

async function enqueue(t: MailHarness, email = "kontak@example.go.id") {
  const now = t.clock();
  const content = buildCalendar({
    method: "REQUEST",
    name: "Kunjungan SB-2026-0001",
    now,
    organizer: { name: "Protokol", email: "protokol@banyuwangikab.go.id" },
    events: [
      {
        uid: UID,
        sequence: 0,
        start: new Date("2026-03-10T02:00:00Z"),
        end: new Date("2026-03-10T03:30:00Z"),
        timeZone: "Asia/Jakarta",
        summary: "Kunjungan MPP",
        status: "CONFIRMED",
        attendees: [{ name: "Pak Kontak", email }],
      },
    ],
  });
  return (await t.db.writeTransaction((tx) =>
    enqueueMessage(
      tx,
      { now, baseUrl: BASE_URL },
      {
        kind: "invitation",
        delegationId: "d1",
        itemId: "i1",
        sequence: 0,
        locale: "id",
        to: { name: "Pak Kontak", email },
        subject: "Undangan: Kunjungan MPP · 10 Mar 2026 09.00 WIB",
        text: "Halo, Bapak/Ibu.\n.\n..titik di awal baris",
        html: "<p>Halo</p>",
        calendar: { method: "REQUEST", sequence: 0, uid: UID, content },
        attachments: [{ filename: "jadwal.pdf", contentType: "application/pdf", contentBase64: btoa("%P") }],
      },
    ),
  )) as string;
}

async function row(t: MailHarness, id: string) {
  const r = await t.db.orm.query.outboxMessages.findFirst({ where: eq(outboxMessages.id, id) });
  if (!r) throw new Error("no row");
  return r;
}

async function deliverWith(transport: MailTransport, t?: MailHarness) {
  const h = t ?? (await makeMailHarness());
  const id = await enqueue(h);
  const report = await runMailJobs(h, transport);
  return { t: h, id, report, stored: await row(h, id) };
}

describe("SMTP submission from a Worker (socket client)", () => {
  it("sends the same MIME as the Node transport: one text/calendar part, the .ics, the PDF, the text", async () => {
    const smtp = await sink();
    const edge = await deliverWith(socketTransport(smtp.url));
    const node = await deliverWith(smtpTransport(smtp.url));
    expect(edge.report.delivery).toMatchObject({ claimed: 1, sent: 1 });
    expect([edge.stored.status, node.stored.status]).toEqual(["sent", "sent"]);
    expect(smtp.received).toHaveLength(2);
    const [fromEdge, fromNode] = smtp.received as [(typeof smtp.received)[0], (typeof smtp.received)[0]];
    expect(contentTypes(fromEdge.raw)).toEqual(contentTypes(fromNode.raw));
    expect(topHeaderNames(fromEdge.raw)).toEqual(topHeaderNames(fromNode.raw));
    expect(contentTypes(fromEdge.raw).filter((c) => c === "text/calendar")).toHaveLength(1);
    expect(fromEdge.envelope).toEqual({ from: "protokol@sambang.local", to: ["kontak@example.go.id"] });
    expect(fromEdge.parsed.messageId).toBe(edge.stored.messageId);
    expect(fromEdge.parsed.subject).toBe("Undangan: Kunjungan MPP · 10 Mar 2026 09.00 WIB");
    // Lines starting with a dot survive the SMTP dot-stuffing.
    expect(fromEdge.parsed.text?.trim()).toBe("Halo, Bapak/Ibu.\n.\n..titik di awal baris");
    const ics = fromEdge.parsed.attachments.find((a) => a.contentType === "application/ics");
    const vevent = ICAL.Component.fromString(ics?.content.toString("utf8") ?? "").getFirstSubcomponent(
      "vevent",
    );
    expect(vevent?.getFirstPropertyValue("uid")).toBe(UID);
    expect(fromEdge.parsed.attachments.find((a) => a.filename === "jadwal.pdf")?.content).toEqual(
      Buffer.from([37, 80]),
    );
  });

  it("upgrades with STARTTLS when offered and authenticates with AUTH LOGIN", async () => {
    const smtp = await sink({
      tls: "starttls",
      auth: { user: "relay", pass: "rahasia", methods: ["LOGIN"] },
    });
    const { stored } = await deliverWith(socketTransport(`smtp://relay:rahasia@127.0.0.1:${smtp.port}`));
    expect(stored.status).toBe("sent");
    expect(smtp.sessions).toEqual([{ secure: true, authMethod: "LOGIN", user: "relay" }]);
  });

  it("speaks TLS from the first byte on smtps:// and authenticates with AUTH PLAIN (credentials URL-decoded)", async () => {
    const smtp = await sink({
      tls: "implicit",
      auth: { user: "relay@kab.go.id", pass: "p@ss word", methods: ["PLAIN"] },
    });
    const url = `smtps://${encodeURIComponent("relay@kab.go.id")}:${encodeURIComponent("p@ss word")}@127.0.0.1:${smtp.port}`;
    const { stored } = await deliverWith(socketTransport(url));
    expect(stored.status).toBe("sent");
    expect(smtp.sessions).toEqual([{ secure: true, authMethod: "PLAIN", user: "relay@kab.go.id" }]);
    expect(smtp.received).toHaveLength(1);
  });

  it("a wrong password is retried later (as on Node: a configuration problem, not the message's)", async () => {
    const smtp = await sink({ auth: { user: "relay", pass: "rahasia" } });
    const { stored, t } = await deliverWith(socketTransport(`smtp://relay:salah@127.0.0.1:${smtp.port}`));
    expect(stored).toMatchObject({ status: "queued", attempts: 1 });
    expect(stored.lastError).toMatch(/EAUTH/);
    expect(stored.nextAttemptAt.getTime() - t.clock().getTime()).toBe(60_000);
    expect(smtp.received).toHaveLength(0);
  });

  it("SMTP down: retried with the same backoff as on Node, then delivered once", async () => {
    const port = await freePort();
    const transport = socketTransport(`smtp://127.0.0.1:${port}`);
    const { t, id, stored } = await deliverWith(transport);
    expect(stored).toMatchObject({ status: "queued", attempts: 1 });
    expect(stored.lastError).toMatch(/ECONNECTION/);
    expect(stored.nextAttemptAt.getTime() - t.clock().getTime()).toBe(60_000);
    const smtp = await sink({ port });
    t.clock.advance(60_000);
    expect((await runMailJobs(t, transport)).delivery.sent).toBe(1);
    expect(await row(t, id)).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(smtp.received).toHaveLength(1);
  });

  it("550 at RCPT fails at once with the server's reply; 451 is retried", async () => {
    const smtp = await sink({ reject550: ["nobody@example.go.id"], reject451: ["later@example.go.id"] });
    const t = await makeMailHarness();
    const hard = await enqueue(t, "nobody@example.go.id");
    const soft = await enqueue(t, "later@example.go.id");
    const report = await runMailJobs(t, socketTransport(smtp.url));
    expect(report.delivery).toMatchObject({ failed: 1, retrying: 1 });
    expect(await row(t, hard)).toMatchObject({ status: "failed", attempts: 1 });
    expect((await row(t, hard)).lastError).toMatch(/550.*mailbox unavailable/);
    expect(await row(t, soft)).toMatchObject({ status: "queued", attempts: 1 });
    expect((await row(t, soft)).lastError).toMatch(/451/);
  });

  it("a server that never answers DATA times out and the message is retried", async () => {
    const smtp = await sink({ stallOnData: true });
    const transport = socketTransport(smtp.url, { connectionTimeoutMs: 2000, socketTimeoutMs: 500 });
    const { stored } = await deliverWith(transport);
    expect(stored).toMatchObject({ status: "queued", attempts: 1 });
    expect(stored.lastError).toMatch(/ETIMEDOUT/);
  });

  it("DATA carries the composed message with CRLF line ends only, dot-stuffed and terminated", async () => {
    const t = await makeMailHarness();
    const id = await enqueue(t);
    const mime = await composeMime(
      outgoingOf(await row(t, id), { from: { name: "Protokol", email: "protokol@sambang.local" } }),
    );
    const data = new TextDecoder().decode(dataBlock(mime));
    expect(data).not.toMatch(/[^\r]\n/);
    expect(data.endsWith("\r\n.\r\n")).toBe(true);
    const block = new TextDecoder().decode(dataBlock(new TextEncoder().encode("a\n.b\r\n..c\nd")));
    expect(block).toBe("a\r\n..b\r\n...c\r\nd\r\n.\r\n");
  });
});
