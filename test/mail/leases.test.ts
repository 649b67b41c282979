/**
 * Leases that fit: a slow relay and two delivery runners working the same outbox at once (as two
 * processes, or an interval run and a cron run, would). Each message is leased when its own turn comes,
 * so no lease runs out while messages ahead of it are still being sent, and the other runner never takes
 * a message that is being sent: the relay accepts every message exactly once.
 */
import { afterEach, describe, expect, it } from "vitest";
import { outboxMessages } from "../../db/schema/outbox";
import { DEFAULT_DELIVERY, type DeliveryOptions, deliverDueMessages } from "../../src/jobs/deliver-outbox";
import { enqueueMessages } from "../../src/mail/outbox";
import { BASE_URL, makeMailHarness, smtpTransport } from "./helpers";
import { type SmtpSink, startSmtpSink } from "./smtp-sink";

const sinks: SmtpSink[] = [];
afterEach(async () => {
  await Promise.all(sinks.splice(0).map((s) => s.close()));
});

const MESSAGES = 6;
/** Each message takes the relay ~400 ms; all six take ~2.4 s, longer than one lease. */
const SLOW_RELAY_MS = 400;
const OPTIONS: DeliveryOptions = { ...DEFAULT_DELIVERY, leaseMs: 1500, batchSize: 25 };

describe("outbox leases with a slow relay and two runners", () => {
  it("every message is accepted exactly once, though the whole batch takes longer than a lease", async () => {
    const t = await makeMailHarness();
    const now = new Date();
    await t.db.writeTransaction((tx) =>
      enqueueMessages(
        tx,
        { now, baseUrl: BASE_URL },
        Array.from({ length: MESSAGES }, (_, i) => ({
          kind: "request_received" as const,
          scope: `lease-${i}`,
          locale: "id" as const,
          to: { name: `Penerima ${i}`, email: `penerima${i}@example.go.id` },
          subject: `Pesan ${i}`,
          text: `Pesan ${i}`,
          html: `<p>Pesan ${i}</p>`,
        })),
      ),
    );
    const smtp = await startSmtpSink({ delayMs: SLOW_RELAY_MS });
    sinks.push(smtp);

    const runner = async () => {
      const transport = smtpTransport(smtp.url);
      const deps = {
        db: t.db,
        transport,
        clock: () => new Date(),
        logger: t.deps.logger,
        from: { name: "Protokol", email: "protokol@banyuwangikab.go.id" },
      };
      let sent = 0;
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const report = await deliverDueMessages(deps, OPTIONS);
        sent += report.sent;
        const rows = await t.db.orm.select({ status: outboxMessages.status }).from(outboxMessages);
        if (rows.every((r) => r.status === "sent")) break;
        if (report.claimed === 0) await new Promise((r) => setTimeout(r, 50));
      }
      await transport.close?.();
      return sent;
    };
    const [a, b] = await Promise.all([runner(), runner()]);

    const rows = await t.db.orm.select().from(outboxMessages);
    expect(rows.map((r) => r.status)).toEqual(Array(MESSAGES).fill("sent"));
    const accepted = smtp.received.map((m) => m.parsed.messageId);
    expect(accepted.sort()).toEqual(rows.map((r) => r.messageId).sort());
    expect(a + b).toBe(MESSAGES);
    // Both runners took part: the second one was not simply idle while the first held everything.
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    for (const r of rows) expect(r.attempts).toBe(1);
  }, 40_000);
});
