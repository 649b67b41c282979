/**
 * Invitations end to end through the API and a real SMTP server: recipients, language, links, one
 * calendar part per message with the right METHOD, UID and SEQUENCE; an item change → update with the
 * raised SEQUENCE and what changed; a cancelled item → CANCEL; nothing pending → nothing sent.
 */
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import { agendaItems } from "../../db/schema/agenda";
import { participants } from "../../db/schema/delegations";
import { newId } from "../../src/auth/encoding";
import { bookItem, cancelItem, changeItem } from "../../src/bookings/service";
import { DEFAULT_HOST_TIME_ZONE } from "../../src/config";
import { makeDelegation, makeHost, makeVenue } from "../helpers/factories";
import { makeTestApp, type TestApp } from "../helpers/test-app";
import { runMailJobs, smtpTransport } from "./helpers";
import { contentTypes, type ReceivedMail, type SmtpSink, startSmtpSink } from "./smtp-sink";

const sinks: SmtpSink[] = [];
afterEach(async () => {
  await Promise.all(sinks.splice(0).map((s) => s.close()));
});

const ACTOR = { id: null, label: "test" };
const ENV = { env: { MAIL_FROM: "Protokol Banyuwangi <protokol@banyuwangikab.go.id>" } };

async function setup(language: "id" | "en" = "en") {
  const t = await makeTestApp(ENV);
  const smtp = await startSmtpSink();
  sinks.push(smtp);
  const venue = await makeVenue(t.db, {
    name: "Mal Pelayanan Publik",
    address: "Jl. Jend. A. Yani, Banyuwangi",
  });
  const host = await makeHost(t.db, { name: "Bu Kepala DPMPTSP", email: "kadis@banyuwangikab.go.id" });
  const d = await makeDelegation(t.db, {
    language,
    contactName: "Pak Kontak",
    contactEmail: "kontak@example.go.id",
    institution: "Pemkab Uji",
  });
  await t.db.writeTransaction(async (tx) => {
    await tx.insert(participants).values({
      id: newId(),
      delegationId: d.id,
      name: "Ibu Peserta",
      title: "Kepala Bagian",
      email: "peserta@example.go.id",
      precedenceRank: 10,
      createdAt: t.clock(),
      updatedAt: t.clock(),
    });
  });
  const item = await bookItem(
    { db: t.db, actor: ACTOR, now: t.clock(), config: { hostTimeZone: DEFAULT_HOST_TIME_ZONE } },
    d.id,
    {
      title: "Kunjungan MPP",
      titleEn: "MPP visit",
      kind: "tour",
      startsAt: new Date("2026-03-10T02:00:00Z"),
      endsAt: new Date("2026-03-10T03:30:00Z"),
      venueId: venue.id,
      hostIds: [host.id],
    } as never,
  );
  const staff = await t.as("protocol");
  return { t, smtp, d, item, host, staff };
}

async function send(t: TestApp, headers: Record<string, string>, delegationId: string) {
  const res = await t.app.request(`/api/v1/delegations/${delegationId}/invitations/send`, {
    method: "POST",
    headers,
  });
  expect(res.status).toBe(202);
  return (await res.json()) as { queued: number };
}

function calendarOf(mail: ReceivedMail) {
  const parts = contentTypes(mail.raw).filter((c) => c === "text/calendar");
  expect(parts).toHaveLength(1);
  const att = mail.parsed.attachments.find((a) => a.contentType === "application/ics");
  const text = att ? att.content.toString("utf8") : "";
  const comp = ICAL.Component.fromString(text);
  const ev = comp.getFirstSubcomponent("vevent")!;
  return {
    method: comp.getFirstPropertyValue("method"),
    uid: ev.getFirstPropertyValue("uid"),
    sequence: ev.getFirstPropertyValue("sequence"),
    status: ev.getFirstPropertyValue("status"),
  };
}

const to = (m: ReceivedMail) => m.envelope.to.join(",");

describe("invitations, updates and withdrawals", () => {
  it("sends invitations in the delegation's language with the itinerary link and a REQUEST per item", async () => {
    const { t, smtp, d, item, staff } = await setup("en");
    expect((await send(t, staff.headers, d.id)).queued).toBe(5); // 3 invitations + 2 itinerary
    const report = await runMailJobs(t, smtpTransport(smtp.url));
    expect(report.delivery.sent).toBe(5);

    const invitations = smtp.received.filter((m) => m.parsed.headers.get("x-sambang-kind") === "invitation");
    expect(invitations.map(to).sort()).toEqual(
      ["kadis@banyuwangikab.go.id", "kontak@example.go.id", "peserta@example.go.id"].sort(),
    );
    const row = await t.db.orm.query.agendaItems.findFirst({ where: eq(agendaItems.id, item.id) });
    const contact = invitations.find((m) => to(m) === "kontak@example.go.id")!;
    expect(contact.parsed.subject).toMatch(/^Invitation: MPP visit · 10 Mar 2026 09:00 WIB$/);
    expect(contact.parsed.text).toContain("Dear Pak Kontak,");
    expect(contact.parsed.text).toMatch(/http:\/\/localhost:8787\/i\/[A-Za-z0-9_-]{43}/);
    expect(calendarOf(contact)).toEqual({
      method: "REQUEST",
      uid: row!.calendarUid,
      sequence: 0,
      status: "CONFIRMED",
    });
    expect(contact.raw).toMatch(/method=REQUEST/);

    // The host is briefed in Indonesian.
    const host = invitations.find((m) => to(m) === "kadis@banyuwangikab.go.id")!;
    expect(host.parsed.subject).toMatch(/^Undangan: Kunjungan MPP/);

    // The itinerary message carries the programme, the link and the PDF.
    const itinerary = smtp.received.filter((m) => m.parsed.headers.get("x-sambang-kind") === "itinerary");
    expect(itinerary.map(to).sort()).toEqual(["kontak@example.go.id", "peserta@example.go.id"]);
    const pdf = itinerary[0]!.parsed.attachments.find((a) => a.contentType === "application/pdf");
    expect(pdf?.content.subarray(0, 5).toString()).toBe("%PDF-");
    expect(contentTypes(itinerary[0]!.raw)).not.toContain("text/calendar");

    // Nothing pending: a second click sends nothing.
    expect((await send(t, staff.headers, d.id)).queued).toBe(0);
  });

  it("an item change sends an update with the raised SEQUENCE and what changed; a cancellation sends CANCEL", async () => {
    const { t, smtp, d, item, staff } = await setup("id");
    await send(t, staff.headers, d.id);
    await runMailJobs(t, smtpTransport(smtp.url));
    const linkPattern = /http:\/\/localhost:8787(\/i\/[A-Za-z0-9_-]{43})/;
    const firstLink = smtp.received.map((m) => linkPattern.exec(m.parsed.text ?? "")?.[1]).find(Boolean)!;
    smtp.received.length = 0;

    const current = await t.db.orm.query.agendaItems.findFirst({ where: eq(agendaItems.id, item.id) });
    await changeItem(
      { db: t.db, actor: ACTOR, now: t.clock(), config: { hostTimeZone: DEFAULT_HOST_TIME_ZONE } },
      item.id,
      {
        version: current!.version,
        startsAt: new Date("2026-03-10T03:00:00Z"),
        endsAt: new Date("2026-03-10T04:30:00Z"),
      } as never,
    );
    expect((await send(t, staff.headers, d.id)).queued).toBe(5);
    await runMailJobs(t, smtpTransport(smtp.url));
    const updates = smtp.received.filter((m) => m.parsed.headers.get("x-sambang-kind") === "update");
    expect(updates).toHaveLength(3);
    const contact = updates.find((m) => to(m) === "kontak@example.go.id")!;
    expect(contact.parsed.subject).toMatch(/^Perubahan: Kunjungan MPP/);
    expect(contact.parsed.text).toContain(
      "Waktu: Selasa, 10 Maret 2026, 09.00–10.30 WIB → Selasa, 10 Maret 2026, 10.00–11.30 WIB",
    );
    expect(calendarOf(contact)).toMatchObject({ method: "REQUEST", sequence: 1 });
    // The update carries a link of its own, and the link of the first mail still opens the itinerary.
    const secondLink = linkPattern.exec(contact.parsed.text ?? "")?.[1];
    expect(secondLink).toBeDefined();
    expect(secondLink).not.toBe(firstLink);
    expect((await t.app.request(firstLink)).status).toBe(200);
    expect((await t.app.request(secondLink!)).status).toBe(200);

    smtp.received.length = 0;
    const changed = await t.db.orm.query.agendaItems.findFirst({ where: eq(agendaItems.id, item.id) });
    await cancelItem(
      { db: t.db, actor: ACTOR, now: t.clock(), config: { hostTimeZone: DEFAULT_HOST_TIME_ZONE } },
      item.id,
      changed!.version,
    );
    expect((await send(t, staff.headers, d.id)).queued).toBe(3);
    await runMailJobs(t, smtpTransport(smtp.url));
    expect(smtp.received).toHaveLength(3);
    for (const m of smtp.received) {
      expect(m.parsed.headers.get("x-sambang-kind")).toBe("withdrawal");
      expect(m.raw).toMatch(/method=CANCEL/);
      const cal = calendarOf(m);
      expect(cal.method).toBe("CANCEL");
      expect(cal.sequence).toBeGreaterThan(1);
    }
    expect((await send(t, staff.headers, d.id)).queued).toBe(0);
  });

  it("a requested (unconfirmed) visit cannot be sent invitations", async () => {
    const t = await makeTestApp();
    const d = await makeDelegation(t.db, { status: "requested" });
    const staff = await t.as("protocol");
    const res = await t.app.request(`/api/v1/delegations/${d.id}/invitations/send`, {
      method: "POST",
      headers: staff.headers,
    });
    expect(res.status).toBe(409);
    const viewer = await t.as("viewer");
    const denied = await t.app.request(`/api/v1/delegations/${d.id}/invitations/send`, {
      method: "POST",
      headers: viewer.headers,
    });
    expect(denied.status).toBe(403);
  });

  it("outbox API lists by status, cancels a queued message and retries it", async () => {
    const { t, d, staff } = await setup("id");
    await send(t, staff.headers, d.id);
    const list = await t.app.request("/api/v1/outbox?status=queued", { headers: staff.headers });
    const { messages } = (await list.json()) as { messages: { id: string; status: string }[] };
    expect(messages).toHaveLength(5);
    const id = messages[0]!.id;
    const cancel = await t.app.request(`/api/v1/outbox/${id}/cancel`, {
      method: "POST",
      headers: staff.headers,
    });
    expect(cancel.status).toBe(200);
    expect(((await cancel.json()) as { message: { status: string } }).message.status).toBe("cancelled");
    const again = await t.app.request(`/api/v1/outbox/${id}/cancel`, {
      method: "POST",
      headers: staff.headers,
    });
    expect(again.status).toBe(409);
    const retry = await t.app.request(`/api/v1/outbox/${id}/retry`, {
      method: "POST",
      headers: staff.headers,
    });
    expect(((await retry.json()) as { message: { status: string } }).message.status).toBe("queued");
    const page = await t.app.request("/admin/outbox?status=queued", { headers: staff.headers });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`/admin/outbox/${id}/cancel`);
  });
});
