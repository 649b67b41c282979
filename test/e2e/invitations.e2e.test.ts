/**
 * End to end in Chromium against a real SMTP server started by the test: the app is configured with
 * SMTP_URL pointing at it and `deps.mail` wired as src/server.ts does, and the job loop runs as on the
 * Node server. Protocol staff sign in, open a confirmed delegation with a booked item, go to
 * "Undangan & e-mail", leave one participant out, preview the exact mails on the confirm step, send; the
 * outbox shows every message "Terkirim (diterima server e-mail)", the SMTP server received exactly what
 * the preview showed, and each recipient's status shows on the page. Staff then move the item and send
 * again: the host gets the update (METHOD:REQUEST, same UID, SEQUENCE 1), the contact a new itinerary
 * with the same link.
 */
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaItems } from "../../db/schema/agenda";
import { outboxMessages } from "../../db/schema/outbox";
import { auditedTransaction } from "../../src/http/service-context";
import { startJobLoop } from "../../src/jobs/run-jobs";
import { createUser } from "../../src/users/service";
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
import { contentTypes, type ReceivedMail, type SmtpSink, startSmtpSink } from "../mail/smtp-sink";
import { launchBrowser, type RunningApp, signIn, skipBrowserTests, startApp } from "./browser";

const PROTOCOL_USER = { email: "rina@e2e.sambang.id", password: "protokol-e2e-password-1" };
const RECIPIENTS = ["kontak@badungkab.go.id", "peserta@badungkab.go.id", "budi@banyuwangikab.go.id"];

/** A date well ahead of today (real clock), so no reminder falls due during the test. */
function futureDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const kindOf = (m: ReceivedMail) => m.parsed.headers.get("x-sambang-kind");
const toOf = (m: ReceivedMail) => m.envelope.to.join(",");

/** The one text/calendar part of a message, parsed by ical.js. */
function calendarOf(m: ReceivedMail) {
  expect(contentTypes(m.raw).filter((c) => c === "text/calendar")).toHaveLength(1);
  const ics = m.parsed.attachments.find((a) => a.contentType === "application/ics");
  expect(ics).toBeDefined();
  const comp = ICAL.Component.fromString(ics!.content.toString("utf8"));
  const events = comp.getAllSubcomponents("vevent");
  expect(events).toHaveLength(1);
  const event = new ICAL.Event(events[0]!);
  return {
    method: comp.getFirstPropertyValue("method"),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
  };
}

/** The outbox page's rows as [status, to] pairs (reloaded on each call). */
async function outboxRows(page: Page, base: string) {
  await page.goto(`${base}/admin/outbox`);
  return page
    .getByTestId("outbox")
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-status") ?? ""));
}

describe.skipIf(skipBrowserTests)("invitations in Chromium against a real SMTP server", () => {
  let browser: Browser;
  let server: RunningApp;
  let smtp: SmtpSink;
  let jobs: { stop(): Promise<void> } | undefined;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startApp({
      env: { SMTP_URL: smtp.url, MAIL_FROM: "Protokol Banyuwangi <protokol@banyuwangikab.go.id>" },
      mail: true,
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await jobs?.stop();
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  it("staff send invitations to chosen recipients after previewing them, see each status, move the item and send the update", async () => {
    const base = server.baseUrl;
    const { db } = server;
    const transport = server.mail?.transport;
    expect(transport?.kind).toBe("smtp");
    expect(transport?.description).toBe(`smtp://127.0.0.1:${smtp.port}`);

    await createUser(
      {
        passwords: server.passwords,
        now: new Date(),
        transaction: auditedTransaction(db, { id: null, label: "e2e" }, new Date()),
      },
      { ...PROTOCOL_USER, name: "Rina Protokol", role: "protocol", locale: "id" },
    );
    const day = futureDate(40);
    const delegation = await makeDelegation(db, {
      ...BADUNG_DELEGATION,
      status: "confirmed",
      confirmedDates: { start: day, end: day },
      contactName: "Ni Luh Kontak",
      contactEmail: RECIPIENTS[0],
    });
    await makeParticipant(db, delegation.id, {
      name: "Ibu Peserta",
      email: RECIPIENTS[1],
      precedenceRank: 10,
    });
    const venue = await makeVenue(db, MPP_VENUE);
    const host = await makeHost(db, { ...BUDI_HOST, email: RECIPIENTS[2] });
    const item = await book(
      db,
      delegation.id,
      {
        title: "Kunjungan MPP",
        titleEn: "MPP tour",
        startsAt: `${day}T09:00:00+07:00`,
        endsAt: `${day}T10:30:00+07:00`,
        venueId: venue.id,
        hostIds: [host.id],
      },
      new Date(),
    );

    // The delivery job runs as on the Node server (src/server.ts), on a short interval.
    jobs = startJobLoop(
      { db, config: server.config, clock: server.clock, logger: server.logger, transport: transport! },
      200,
    );

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico")) problems.push(m.text());
    });
    await signIn(page, base, PROTOCOL_USER.email, PROTOCOL_USER.password);

    // Delegation page → "Undangan & e-mail".
    await page.goto(`${base}/delegations/${delegation.id}`);
    await page.getByTestId("invitations-link").click();
    await page.waitForURL(`${base}/delegations/${delegation.id}/invitations`);
    // Every candidate is ticked: the contact and the participant (itinerary), the host (per session).
    const recipientRows = page.getByTestId("recipients").locator("tbody tr");
    expect(await recipientRows.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-email")))).toEqual(
      RECIPIENTS,
    );
    expect(
      await page
        .getByTestId("recipient-check")
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked)),
    ).toEqual([true, true, true]);
    expect(
      await page
        .getByTestId("recipient-form")
        .evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value)),
    ).toEqual(["itinerary", "itinerary", "sessions"]);
    const rows = page.getByTestId("invitation-items").locator("tr");
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute("data-action")).toBe("invite");
    expect(await rows.first().textContent()).toContain("Kunjungan MPP");

    // Staff leave the participant out this time, and preview.
    await recipientRows.nth(1).getByTestId("recipient-check").uncheck();
    await page.getByTestId("preview-invitations").click();
    await page.waitForLoadState();
    // The confirm step shows exactly the two mails; nothing is queued until staff confirm.
    const previewed = page.getByTestId("preview-mail");
    expect(
      await previewed.evaluateAll((els) =>
        els.map((e) => [e.getAttribute("data-to"), e.getAttribute("data-kind")]),
      ),
    ).toEqual([
      [RECIPIENTS[0], "itinerary"],
      [RECIPIENTS[2], "invitation"],
    ]);
    const shownSubjects = await page.getByTestId("preview-subject").allTextContents();
    expect(await page.getByTestId("preview-files").first().textContent()).toBe(
      `itinerary-${delegation.code}.pdf, itinerary-${delegation.code}.ics`,
    );
    expect(await db.orm.select().from(outboxMessages)).toEqual([]);
    await page.getByTestId("confirm-go").click();
    await page.waitForURL(/invitations\?queued=2$/);
    expect(await page.getByTestId("notice").textContent()).toBe("2 pesan masuk antrean.");

    // The outbox shows every message sent once the job has delivered it.
    await expect.poll(() => outboxRows(page, base), { timeout: 20_000 }).toEqual(Array(2).fill("sent"));
    expect(await page.getByTestId("outbox").locator("tbody tr").first().textContent()).toContain(
      "Terkirim (diterima server e-mail)",
    );
    expect(await page.getByTestId("not-sent-banner").count()).toBe(0);

    // Each chosen recipient's status on the invitations page; the participant got nothing.
    await page.goto(`${base}/delegations/${delegation.id}/invitations`);
    const statuses = await page
      .getByTestId("recipient-status")
      .evaluateAll((cells) =>
        cells.map(
          (c) =>
            c.querySelector("[data-mail-state]")?.getAttribute("data-mail-state") ?? c.textContent?.trim(),
        ),
      );
    expect(statuses).toEqual(["sent", "—", "sent"]);

    // The SMTP server accepted each stored message exactly once: what the preview showed.
    const stored = await db.orm.select().from(outboxMessages);
    expect(stored.map((r) => r.status)).toEqual(Array(2).fill("sent"));
    expect(smtp.received.map((m) => m.parsed.messageId).sort()).toEqual(
      stored.map((r) => r.messageId).sort(),
    );
    expect(smtp.received.map((m) => m.parsed.subject).sort()).toEqual([...shownSubjects].sort());
    const itinerary = smtp.received.filter((m) => kindOf(m) === "itinerary");
    expect(itinerary.map(toOf)).toEqual([RECIPIENTS[0]]);
    const ics = itinerary[0]!.parsed.attachments.find(
      (a) => a.filename === `itinerary-${delegation.code}.ics`,
    );
    const published = ICAL.Component.fromString(ics!.content.toString("utf8"));
    expect(published.getFirstPropertyValue("method")).toBe("PUBLISH");
    const firstLink = /\/i\/[A-Za-z0-9_-]{43}/.exec(itinerary[0]!.parsed.text ?? "")?.[0];
    expect(firstLink).toBeDefined();
    const invitations = smtp.received.filter((m) => kindOf(m) === "invitation");
    expect(invitations.map(toOf)).toEqual([RECIPIENTS[2]]);
    const row = await db.orm.query.agendaItems.findFirst({ where: eq(agendaItems.id, item.id) });
    for (const m of invitations) {
      expect(m.envelope.from).toBe("protokol@banyuwangikab.go.id");
      expect(calendarOf(m)).toEqual({
        method: "REQUEST",
        uid: row!.calendarUid,
        sequence: 0,
        start: new Date(`${day}T09:00:00+07:00`).toISOString(),
      });
    }
    const firstRound = smtp.received.length;

    // Staff move the item to 10:00 in the agenda builder.
    await page.goto(`${base}/delegations/${delegation.id}/agenda`);
    const agendaItem = page.getByTestId("agenda-item").filter({ hasText: "Kunjungan MPP" });
    await agendaItem.locator("summary").click();
    await agendaItem.getByTestId("item-start").fill("10:00");
    await agendaItem.getByTestId("item-end").fill("11:30");
    await agendaItem.getByRole("button", { name: "Simpan acara" }).click();
    await page.waitForURL(/done=saved/);

    // Back on the invitations page, the item is marked changed; staff send to the contact and the host.
    await page.goto(`${base}/delegations/${delegation.id}/invitations`);
    expect(await page.getByTestId("invitation-items").locator("tr").first().getAttribute("data-action")).toBe(
      "update",
    );
    await page.getByTestId("recipients").locator("tbody tr").nth(1).getByTestId("recipient-check").uncheck();
    await page.getByTestId("preview-invitations").click();
    await page.waitForLoadState();
    expect(
      await page
        .getByTestId("preview-mail")
        .evaluateAll((els) => els.map((e) => [e.getAttribute("data-to"), e.getAttribute("data-kind")])),
    ).toEqual([
      [RECIPIENTS[0], "itinerary"],
      [RECIPIENTS[2], "update"],
    ]);
    await page.getByTestId("confirm-go").click();
    await page.waitForURL(/invitations\?queued=2$/);

    await expect.poll(() => outboxRows(page, base), { timeout: 20_000 }).toEqual(Array(4).fill("sent"));
    const updates = smtp.received.slice(firstRound).filter((m) => kindOf(m) === "update");
    expect(updates.map(toOf)).toEqual([RECIPIENTS[2]]);
    for (const m of updates) {
      expect(m.raw).toMatch(/method=REQUEST/);
      expect(calendarOf(m)).toEqual({
        method: "REQUEST",
        uid: row!.calendarUid,
        sequence: 1,
        start: new Date(`${day}T10:00:00+07:00`).toISOString(),
      });
      expect(m.parsed.subject).toMatch(/^Perubahan: Kunjungan MPP/);
      expect(m.parsed.text).toMatch(/09\.00–10\.30 WIB( \([^)]*\))? → .*10\.00–11\.30 WIB/);
    }
    // The contact's new itinerary carries the same link as the first.
    const again = smtp.received.slice(firstRound).find((m) => kindOf(m) === "itinerary")!;
    expect(toOf(again)).toBe(RECIPIENTS[0]);
    expect(again.parsed.text).toContain(firstLink);
    expect(again.parsed.text).toMatch(/10\.00–11\.30 WIB/);

    // Every message the outbox holds was accepted once; nothing else arrived.
    const all = await db.orm.select().from(outboxMessages);
    expect(all).toHaveLength(4);
    expect(smtp.received.map((m) => m.parsed.messageId).sort()).toEqual(all.map((r) => r.messageId).sort());

    expect(problems).toEqual([]);
    expect(server.logger.errors).toEqual([]);
    await context.close();
  }, 90_000);
});
