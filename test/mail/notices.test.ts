/**
 * Workflow notices and header safety over a real SMTP server: request received (language, tracking link,
 * silenced by autoNotices), reminders the day before at REMINDER_TIME (deduped), and hostile input that
 * must never add a header or an SMTP recipient.
 */

import { afterEach, describe, expect, it } from "vitest";
import { outboxMessages } from "../../db/schema/outbox";
import { bookItem } from "../../src/bookings/service";
import { DEFAULT_HOST_TIME_ZONE } from "../../src/config";
import { auditedTransaction } from "../../src/http/service-context";
import { enqueueNotice } from "../../src/mail/notices";
import { enqueueMessage } from "../../src/mail/outbox";
import { makeDelegation, makeVenue } from "../helpers/factories";
import { BASE_URL, makeMailHarness, runMailJobs, smtpTransport } from "./helpers";
import { type SmtpSink, startSmtpSink, topHeaderNames } from "./smtp-sink";

const sinks: SmtpSink[] = [];
afterEach(async () => {
  await Promise.all(sinks.splice(0).map((s) => s.close()));
});
async function sink() {
  const s = await startSmtpSink();
  sinks.push(s);
  return s;
}

describe("workflow notices", () => {
  it("request received: to the contact, in the delegation's language, with the status link; once", async () => {
    const t = await makeMailHarness();
    const smtp = await sink();
    const d = await makeDelegation(t.db, { language: "en", status: "requested", contactName: "Mr Contact" });
    const notice = {
      kind: "request_received" as const,
      delegationId: d.id,
      statusUrl: `${BASE_URL}/status/abc`,
      now: t.clock(),
      baseUrl: BASE_URL,
    };
    expect(await t.db.writeTransaction((tx) => enqueueNotice(tx, notice))).toBe(1);
    expect(await t.db.writeTransaction((tx) => enqueueNotice(tx, notice))).toBe(0);
    await runMailJobs(t, smtpTransport(smtp.url));
    expect(smtp.received).toHaveLength(1);
    const m = smtp.received[0]!;
    expect(m.envelope.to).toEqual(["kontak@example.go.id"]);
    expect(m.parsed.subject).toBe(`Visit request received · ${d.code}`);
    expect(m.parsed.text).toContain("Dear Mr Contact,");
    expect(m.parsed.text).toContain(`${BASE_URL}/status/abc`);
    expect(m.parsed.html).toContain(`href="${BASE_URL}/status/abc"`);
  });

  it("autoNotices off silences the receipt; a rolled-back transaction leaves no mail", async () => {
    const t = await makeMailHarness();
    const d = await makeDelegation(t.db, { autoNotices: false });
    const ctx = { now: t.clock(), baseUrl: BASE_URL };
    expect(
      await t.db.writeTransaction((tx) =>
        enqueueNotice(tx, { kind: "request_received", delegationId: d.id, ...ctx }),
      ),
    ).toBe(0);
    await expect(
      t.db.writeTransaction(async (tx) => {
        await enqueueNotice(tx, { kind: "declined", delegationId: d.id, reason: "Full", ...ctx });
        throw new Error("the decline failed");
      }),
    ).rejects.toThrow("the decline failed");
    expect(await t.db.orm.select().from(outboxMessages)).toHaveLength(0);
  });

  it("reminds the contact the day before at REMINDER_TIME in the venue zone, once", async () => {
    const t = await makeMailHarness({ REMINDER_TIME: "16:00" });
    const smtp = await sink();
    const venue = await makeVenue(t.db);
    const d = await makeDelegation(t.db);
    await bookItem(
      {
        actor: { id: null, label: "t" },
        now: t.clock(),
        config: { hostTimeZone: DEFAULT_HOST_TIME_ZONE },
        transaction: auditedTransaction(t.db, { id: null, label: "t" }, t.clock()),
      },
      d.id,
      {
        title: "Kunjungan MPP",
        kind: "tour",
        startsAt: new Date("2026-03-10T02:00:00Z"),
        endsAt: new Date("2026-03-10T03:00:00Z"),
        venueId: venue.id,
        hostIds: [],
      } as never,
    );
    t.clock.set("2026-03-09T15:59:00+07:00");
    expect((await runMailJobs(t, smtpTransport(smtp.url))).reminders).toBe(0);
    t.clock.set("2026-03-09T16:00:00+07:00");
    expect((await runMailJobs(t, smtpTransport(smtp.url))).reminders).toBe(1);
    t.clock.set("2026-03-09T18:00:00+07:00");
    expect((await runMailJobs(t, smtpTransport(smtp.url))).reminders).toBe(0);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.parsed.subject).toBe(`Pengingat kunjungan besok · ${d.code}`);
    expect(smtp.received[0]!.parsed.text).toContain("Selasa, 10 Maret 2026, 09.00–10.00 WIB");
  });
});

describe("header safety", () => {
  it("CR/LF in a name, subject words or an address never adds a header or a recipient", async () => {
    const t = await makeMailHarness();
    const smtp = await sink();
    const ctx = { now: t.clock(), baseUrl: BASE_URL };
    const base = { kind: "confirmed" as const, locale: "id" as const, text: "x", html: "<p>x</p>" };
    await t.db.writeTransaction((tx) =>
      enqueueMessage(tx, ctx, {
        ...base,
        delegationId: "d1",
        to: { name: "Budi\r\nBcc: evil@attacker.example", email: "kontak@example.go.id" },
        subject: "Kunjungan\r\nBcc: evil@attacker.example\r\n\r\nbody",
      }),
    );
    await expect(
      t.db.writeTransaction((tx) =>
        enqueueMessage(tx, ctx, {
          ...base,
          delegationId: "d2",
          to: { name: "X", email: "kontak@example.go.id\r\nRCPT TO:<evil@attacker.example>" },
          subject: "s",
        }),
      ),
    ).rejects.toThrow(/unsafe e-mail address/);
    const d = await makeDelegation(t.db, {
      contactName: "Ani\nX-Injected: 1",
      institution: "Pemkab\r\nBcc: evil@attacker.example",
    });
    await t.db.writeTransaction((tx) => enqueueNotice(tx, { kind: "confirmed", delegationId: d.id, ...ctx }));
    await runMailJobs(t, smtpTransport(smtp.url));

    expect(smtp.received).toHaveLength(2);
    for (const m of smtp.received) {
      expect(m.envelope.to).toEqual(["kontak@example.go.id"]);
      const names = topHeaderNames(m.raw);
      expect(names).not.toContain("bcc");
      expect(names).not.toContain("x-injected");
      expect(m.parsed.headers.has("bcc")).toBe(false);
      expect(new Set(names)).toEqual(
        new Set([
          "content-type",
          "from",
          "to",
          "subject",
          "message-id",
          "date",
          "mime-version",
          "x-sambang-kind",
          "content-language",
          "auto-submitted",
          ...names.filter((n) => n === "content-transfer-encoding"),
        ]),
      );
    }
    expect(smtp.received[0]!.parsed.subject).toBe("Kunjungan Bcc: evil@attacker.example body");
  });
});
