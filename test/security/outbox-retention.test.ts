/**
 * Sent mail keeps its body (live status and itinerary links) only for OUTBOX_RETENTION_DAYS: then the job
 * runner blanks text, HTML, calendar part and attachments, and keeps the row for the record.
 */
import { describe, expect, it } from "vitest";
import { outboxMessages } from "../../db/schema/outbox";
import { enqueueMessage } from "../../src/mail/outbox";
import type { MailTransport } from "../../src/mail/transport";
import { BASE_URL, makeMailHarness, runMailJobs } from "../mail/helpers";

const DAY = 24 * 3600_000;

const memory: MailTransport = {
  kind: "memory",
  description: "memory",
  send: async () => ({ accepted: ["kontak@example.org"], rejected: [], response: "250 OK" }) as never,
};

async function queueOne(t: Awaited<ReturnType<typeof makeMailHarness>>) {
  await t.db.writeTransaction((tx) =>
    enqueueMessage(
      tx,
      { now: t.clock(), baseUrl: BASE_URL },
      {
        kind: "request_received",
        locale: "id",
        to: { name: "Rina", email: "kontak@example.org" },
        subject: "Permohonan diterima",
        text: `Status: ${BASE_URL}/kunjungan/status/SB-2026-0001?token=rahasia-status`,
        html: `<a href="${BASE_URL}/kunjungan/status/SB-2026-0001?token=rahasia-status">status</a>`,
        attachments: [
          { filename: "itinerary.pdf", contentType: "application/pdf", contentBase64: "JVBERi0=" },
        ],
      },
    ),
  );
}

describe("outbox retention", () => {
  it("blanks the bodies of messages sent more than 30 days ago, keeps the row and newer bodies", async () => {
    const t = await makeMailHarness();
    await queueOne(t);
    await runMailJobs(t, memory);
    const [sent] = await t.db.orm.select().from(outboxMessages).all();
    expect(sent?.status).toBe("sent");

    t.clock.advance(29 * DAY);
    await runMailJobs(t, memory);
    expect((await t.db.orm.select().from(outboxMessages).get())?.text).toContain("rahasia-status");

    t.clock.advance(2 * DAY);
    const report = await runMailJobs(t, memory);
    expect(report.blanked).toBe(1);
    const row = await t.db.orm.select().from(outboxMessages).get();
    expect(row).toMatchObject({
      status: "sent",
      subject: "Permohonan diterima",
      text: "",
      html: "",
      attachments: null,
    });
    expect(row?.messageId).toBe(sent?.messageId);
    expect(JSON.stringify(row)).not.toContain("rahasia-status");
  });

  it("OUTBOX_RETENTION_DAYS sets the period", async () => {
    const t = await makeMailHarness({ OUTBOX_RETENTION_DAYS: "7" });
    await queueOne(t);
    await runMailJobs(t, memory);
    t.clock.advance(8 * DAY);
    await runMailJobs(t, memory);
    expect((await t.db.orm.select().from(outboxMessages).get())?.text).toBe("");
  });
});
