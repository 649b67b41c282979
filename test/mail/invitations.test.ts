/**
 * Invitations end to end through the API and a real SMTP server (calendars read with ical.js): staff
 * choose the recipients and the form. By default each visitor gets ONE mail with the itinerary link, its
 * PDF, the subscribe link and one PUBLISH calendar of every session; a host gets one REQUEST per session
 * they host. The per-session form gives REQUEST mails with distinct UIDs, updates with a raised SEQUENCE
 * and CANCELs; the preview is exactly what is sent; a bad choice is a 400 and queues nothing; a repeat
 * send queues nothing; every mail reuses the delegation's live itinerary link.
 */

import { and, eq, inArray, isNull } from "drizzle-orm";
import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import { agendaItems } from "../../db/schema/agenda";
import { participants } from "../../db/schema/delegations";
import { outboxMessages } from "../../db/schema/outbox";
import { shareLinks } from "../../db/schema/sharing";
import { newId } from "../../src/auth/encoding";
import { bookItem, cancelItem, changeItem } from "../../src/bookings/service";
import { DEFAULT_HOST_TIME_ZONE } from "../../src/config";
import { auditedTransaction } from "../../src/http/service-context";
import { makeDelegation, makeHost, makeVenue, saveTestHostSettings } from "../helpers/factories";
import { json, makeTestApp, type TestApp } from "../helpers/test-app";
import { runMailJobs, smtpTransport } from "./helpers";
import { contentTypes, type ReceivedMail, type SmtpSink, startSmtpSink } from "./smtp-sink";

const sinks: SmtpSink[] = [];
afterEach(async () => {
  await Promise.all(sinks.splice(0).map((s) => s.close()));
});

const ACTOR = { id: null, label: "test" };
const ENV = { env: { MAIL_FROM: "Protokol Banyuwangi <protokol@banyuwangikab.go.id>" } };
const CONTACT = "kontak@example.go.id";
const PARTICIPANT = "peserta@example.go.id";
const HOST = "kadis@banyuwangikab.go.id";

async function setup(language: "id" | "en" = "en") {
  const t = await makeTestApp(ENV);
  const smtp = await startSmtpSink();
  sinks.push(smtp);
  const venue = await makeVenue(t.db, {
    name: "Mal Pelayanan Publik",
    address: "Jl. Jend. A. Yani, Banyuwangi",
  });
  const host = await makeHost(t.db, { name: "Bu Kepala DPMPTSP", email: HOST });
  const d = await makeDelegation(t.db, {
    language,
    contactName: "Pak Kontak",
    contactEmail: CONTACT,
    institution: "Pemkab Uji",
  });
  const participantId = newId();
  await t.db.writeTransaction(async (tx) => {
    await tx.insert(participants).values({
      id: participantId,
      delegationId: d.id,
      name: "Ibu Peserta",
      title: "Kepala Bagian",
      email: PARTICIPANT,
      precedenceRank: 10,
      createdAt: t.clock(),
      updatedAt: t.clock(),
    });
  });
  const service = {
    actor: ACTOR,
    now: t.clock(),
    config: { hostTimeZone: DEFAULT_HOST_TIME_ZONE },
    transaction: auditedTransaction(t.db, ACTOR, t.clock()),
  };
  const item = await bookItem(service, d.id, {
    title: "Kunjungan MPP",
    titleEn: "MPP visit",
    kind: "tour",
    startsAt: new Date("2026-03-10T02:00:00Z"),
    endsAt: new Date("2026-03-10T03:30:00Z"),
    venueId: venue.id,
    hostIds: [host.id],
  } as never);
  const second = await bookItem(service, d.id, {
    title: "Diskusi pelayanan",
    titleEn: "Service discussion",
    kind: "presentation",
    startsAt: new Date("2026-03-10T04:00:00Z"),
    endsAt: new Date("2026-03-10T05:00:00Z"),
    venueId: venue.id,
  } as never);
  const staff = await t.as("protocol");
  return { t, smtp, d, item, second, host, staff, service, participantKey: `participant:${participantId}` };
}

type Choice = { key: string; form: "itinerary" | "sessions" }[];

async function send(t: TestApp, headers: Record<string, string>, id: string, body: object = {}) {
  const res = await t.app.request(`/api/v1/delegations/${id}/invitations/send`, json(headers, body));
  expect(res.status).toBe(202);
  return (await res.json()) as { queued: number; messages: { key: string; id: string }[] };
}

async function preview(t: TestApp, headers: Record<string, string>, id: string, recipients?: Choice) {
  const res = await t.app.request(
    `/api/v1/delegations/${id}/invitations/preview`,
    json(headers, recipients ? { recipients } : {}),
  );
  expect(res.status).toBe(200);
  return (await res.json()) as {
    basis: string;
    mails: { to: { email: string }; kind: string; subject: string; text: string; attachments: string[] }[];
  };
}

/** The iTIP calendar of a per-session mail: exactly one text/calendar part with one VEVENT. */
function invitationOf(mail: ReceivedMail) {
  expect(contentTypes(mail.raw).filter((c) => c === "text/calendar")).toHaveLength(1);
  const att = mail.parsed.attachments.find((a) => a.contentType === "application/ics");
  const comp = ICAL.Component.fromString(att ? att.content.toString("utf8") : "");
  const events = comp.getAllSubcomponents("vevent");
  expect(events).toHaveLength(1);
  const ev = events[0]!;
  return {
    method: comp.getFirstPropertyValue("method"),
    uid: ev.getFirstPropertyValue("uid"),
    sequence: ev.getFirstPropertyValue("sequence"),
    status: ev.getFirstPropertyValue("status"),
  };
}

/** The itinerary mail's one calendar file (METHOD:PUBLISH, every session). */
function bundleCalendarOf(mail: ReceivedMail) {
  const files = mail.parsed.attachments.filter((a) => a.filename?.endsWith(".ics"));
  expect(files).toHaveLength(1);
  const comp = ICAL.Component.fromString(files[0]!.content.toString("utf8"));
  return {
    method: comp.getFirstPropertyValue("method"),
    events: comp.getAllSubcomponents("vevent").map((e) => ({
      uid: e.getFirstPropertyValue("uid"),
      sequence: e.getFirstPropertyValue("sequence"),
      status: e.getFirstPropertyValue("status"),
      attendees: e.getAllProperties("attendee").length,
    })),
  };
}

const to = (m: ReceivedMail) => m.envelope.to.join(",");
const kindOf = (m: ReceivedMail) => m.parsed.headers.get("x-sambang-kind");
const LINK = /http:\/\/localhost:8787(\/i\/[A-Za-z0-9_-]{43})/;

describe("invitations under staff control", () => {
  it("by default: one mail per visitor with the link, the PDF, the subscribe link and one calendar of all sessions; hosts get one REQUEST per session", async () => {
    const { t, smtp, d, item, second, staff } = await setup("en");
    expect((await send(t, staff.headers, d.id)).queued).toBe(3);
    expect((await runMailJobs(t, smtpTransport(smtp.url))).delivery.sent).toBe(3);

    const itinerary = smtp.received.filter((m) => kindOf(m) === "itinerary");
    expect(itinerary.map(to).sort()).toEqual([CONTACT, PARTICIPANT]);
    const rows = await t.db.orm
      .select()
      .from(agendaItems)
      .where(inArray(agendaItems.id, [item.id, second.id]));
    const uidOf = (id: string) => rows.find((r) => r.id === id)!.calendarUid;
    for (const m of itinerary) {
      expect(m.parsed.subject).toBe(`Visit itinerary · ${d.code}`);
      expect(contentTypes(m.raw)).not.toContain("text/calendar; method=REQUEST");
      expect(m.raw).not.toMatch(/method=REQUEST/i);
      expect(m.parsed.attachments.map((a) => a.filename).sort()).toEqual([
        `itinerary-${d.code}.ics`,
        `itinerary-${d.code}.pdf`,
      ]);
      const pdf = m.parsed.attachments.find((a) => a.contentType === "application/pdf");
      expect(pdf?.content.subarray(0, 5).toString()).toBe("%PDF-");
      const cal = bundleCalendarOf(m);
      expect(cal.method).toBe("PUBLISH");
      expect(cal.events.map((e) => e.uid).sort()).toEqual([uidOf(item.id), uidOf(second.id)].sort());
      expect(cal.events.every((e) => e.status === "CONFIRMED" && e.attendees === 0)).toBe(true);
      const link = LINK.exec(m.parsed.text ?? "")?.[1];
      expect(link).toBeDefined();
      expect(m.parsed.text).toContain(`http://localhost:8787${link}/calendar.ics`);
      expect(m.raw).not.toContain("RSVP");
    }
    const contact = itinerary.find((m) => to(m) === CONTACT)!;
    expect(contact.parsed.text).toContain("Dear Pak Kontak,");
    expect(contact.parsed.text).toContain("MPP visit");
    expect(contact.parsed.text).toContain("Service discussion");

    // The host, in Indonesian, only the session they host, as an iTIP REQUEST without RSVP.
    const invitations = smtp.received.filter((m) => kindOf(m) === "invitation");
    expect(invitations.map(to)).toEqual([HOST]);
    expect(invitations[0]!.parsed.subject).toMatch(/^Undangan: Kunjungan MPP/);
    expect(invitationOf(invitations[0]!)).toEqual({
      method: "REQUEST",
      uid: uidOf(item.id),
      sequence: 0,
      status: "CONFIRMED",
    });
    expect(invitations[0]!.raw).not.toContain("RSVP");

    // Nothing new: a second send queues nothing.
    expect((await send(t, staff.headers, d.id)).queued).toBe(0);
  });

  it("sends exactly one mail per chosen recipient; the per-session form gives REQUESTs with distinct UIDs", async () => {
    const { t, smtp, d, item, second, staff, participantKey } = await setup("id");
    const result = await send(t, staff.headers, d.id, {
      recipients: [
        { key: "contact", form: "itinerary" },
        { key: participantKey, form: "sessions" },
      ],
    });
    expect(result.queued).toBe(3);
    expect(result.messages.map((m) => m.key).sort()).toEqual(
      ["contact", participantKey, participantKey].sort(),
    );
    await runMailJobs(t, smtpTransport(smtp.url));
    expect(smtp.received.map(to).sort()).toEqual([CONTACT, PARTICIPANT, PARTICIPANT]);
    expect(smtp.received.filter((m) => to(m) === CONTACT).map(kindOf)).toEqual(["itinerary"]);
    const sessions = smtp.received.filter((m) => to(m) === PARTICIPANT);
    const cals = sessions.map(invitationOf);
    expect(cals.every((c) => c.method === "REQUEST" && Number(c.sequence) === 0)).toBe(true);
    const rows = await t.db.orm
      .select()
      .from(agendaItems)
      .where(inArray(agendaItems.id, [item.id, second.id]));
    expect(cals.map((c) => c.uid).sort()).toEqual(rows.map((r) => r.calendarUid).sort());
    expect(new Set(cals.map((c) => c.uid)).size).toBe(2);
  });

  it("the preview is exactly what is sent: recipients, subjects, attachments and bodies", async () => {
    const { t, smtp, d, item, staff, participantKey } = await setup("id");
    const choice: Choice = [
      { key: "contact", form: "itinerary" },
      { key: participantKey, form: "sessions" },
    ];
    // A first send issues the visit's link; the second preview then shows the link as it will be sent.
    await send(t, staff.headers, d.id, { recipients: choice.slice(0, 1) });
    const current = await t.db.orm.query.agendaItems.findFirst({ where: eq(agendaItems.id, item.id) });
    await changeItem(
      {
        actor: ACTOR,
        now: t.clock(),
        config: { hostTimeZone: DEFAULT_HOST_TIME_ZONE },
        transaction: auditedTransaction(t.db, ACTOR, t.clock()),
      },
      item.id,
      { version: current!.version, title: "Kunjungan Mal Pelayanan Publik" } as never,
    );
    await runMailJobs(t, smtpTransport(smtp.url));
    smtp.received.length = 0;

    const shown = await preview(t, staff.headers, d.id, choice);
    expect(shown.mails.map((m) => m.to.email).sort()).toEqual([CONTACT, PARTICIPANT, PARTICIPANT]);
    // Previewing queues nothing.
    const before = await t.db.orm.select().from(outboxMessages).where(eq(outboxMessages.delegationId, d.id));
    expect((await send(t, staff.headers, d.id, { recipients: choice, basis: shown.basis })).queued).toBe(3);
    const after = await t.db.orm.select().from(outboxMessages).where(eq(outboxMessages.delegationId, d.id));
    expect(after.length - before.length).toBe(3);
    await runMailJobs(t, smtpTransport(smtp.url));
    const sent = smtp.received.map((m) => ({
      to: to(m),
      subject: m.parsed.subject,
      files: m.parsed.attachments
        .map((a) => a.filename)
        .filter((f) => f !== undefined)
        .sort(),
      text: (m.parsed.text ?? "").trim(),
    }));
    const previewed = shown.mails.map((m) => ({
      to: m.to.email,
      subject: m.subject,
      files: [...m.attachments].sort(),
      text: m.text.trim(),
    }));
    const order = (a: { to: string; subject?: string }, b: { to: string; subject?: string }) =>
      `${a.to}${a.subject}`.localeCompare(`${b.to}${b.subject}`);
    expect(sent.sort(order)).toEqual(previewed.sort(order));
    expect(previewed.find((m) => m.to === CONTACT)!.text).toContain("Kunjungan Mal Pelayanan Publik");
  });

  it("a bad recipient choice is a 400 with field details and queues nothing", async () => {
    const { t, d, staff } = await setup("id");
    const count = async () =>
      (await t.db.orm.select().from(outboxMessages).where(eq(outboxMessages.delegationId, d.id))).length;
    const bodies = [
      { recipients: [{ key: "participant:nobody", form: "itinerary" }] },
      { recipients: [{ key: "contact; drop", form: "itinerary" }] },
      { recipients: [{ key: "contact", form: "fax" }] },
      { recipients: [] },
      {
        recipients: [
          { key: "contact", form: "itinerary" },
          { key: "contact", form: "sessions" },
        ],
      },
    ];
    for (const body of bodies) {
      const res = await t.app.request(
        `/api/v1/delegations/${d.id}/invitations/send`,
        json(staff.headers, body),
      );
      expect(res.status).toBe(400);
      const error = (await res.json()) as {
        error: { code: string; details: { fields: Record<string, string[]> } };
      };
      expect(error.error.code).toBe("validation_failed");
      expect(Object.keys(error.error.details.fields).some((k) => k.startsWith("recipients"))).toBe(true);
    }
    const unknown = await t.app.request(
      `/api/v1/delegations/${d.id}/invitations/send`,
      json(staff.headers, { recipients: [{ key: "participant:nobody", form: "itinerary" }] }),
    );
    const body = (await unknown.json()) as { error: { details: { fields: Record<string, string[]> } } };
    expect(body.error.details.fields["recipients.0.key"]).toEqual([
      "Penerima ini tidak ada dalam daftar kunjungan ini.",
    ]);
    expect(await count()).toBe(0);
  });

  it("a send whose mails differ from the preview it was confirmed from is refused (409), nothing queued", async () => {
    const { t, d, item, staff, service } = await setup("id");
    const shown = await preview(t, staff.headers, d.id);
    const row = await t.db.orm.query.agendaItems.findFirst({ where: eq(agendaItems.id, item.id) });
    await cancelItem(service, item.id, row!.version);
    const res = await t.app.request(
      `/api/v1/delegations/${d.id}/invitations/send`,
      json(staff.headers, { basis: shown.basis }),
    );
    expect(res.status).toBe(409);
    expect(await t.db.orm.select().from(outboxMessages).where(eq(outboxMessages.delegationId, d.id))).toEqual(
      [],
    );
  });

  it("updates and withdrawals per session; every itinerary mail reuses the one live link", async () => {
    const { t, smtp, d, item, staff, participantKey, service } = await setup("id");
    const choice: Choice = [
      { key: "contact", form: "itinerary" },
      { key: participantKey, form: "sessions" },
    ];
    await send(t, staff.headers, d.id, { recipients: choice });
    await runMailJobs(t, smtpTransport(smtp.url));
    const firstLink = LINK.exec(smtp.received.find((m) => to(m) === CONTACT)!.parsed.text ?? "")?.[1];
    expect(firstLink).toBeDefined();
    smtp.received.length = 0;

    const current = await t.db.orm.query.agendaItems.findFirst({ where: eq(agendaItems.id, item.id) });
    await changeItem(service, item.id, {
      version: current!.version,
      startsAt: new Date("2026-03-10T03:00:00Z"),
      endsAt: new Date("2026-03-10T04:00:00Z"),
    } as never);
    // The itinerary again to the contact, one update to the participant (the other session is unchanged).
    expect((await send(t, staff.headers, d.id, { recipients: choice })).queued).toBe(2);
    await runMailJobs(t, smtpTransport(smtp.url));
    const update = smtp.received.find((m) => kindOf(m) === "update")!;
    expect(to(update)).toBe(PARTICIPANT);
    expect(update.parsed.subject).toMatch(/^Perubahan: Kunjungan MPP/);
    expect(update.parsed.text).toContain(
      "Waktu: Selasa, 10 Maret 2026, 09.00–10.30 WIB → Selasa, 10 Maret 2026, 10.00–11.00 WIB",
    );
    expect(invitationOf(update)).toMatchObject({ method: "REQUEST", sequence: 1 });
    const again = smtp.received.find((m) => kindOf(m) === "itinerary")!;
    expect(LINK.exec(again.parsed.text ?? "")?.[1]).toBe(firstLink);
    expect(LINK.exec(update.parsed.text ?? "")?.[1]).toBe(firstLink);
    const live = await t.db.orm
      .select()
      .from(shareLinks)
      .where(and(eq(shareLinks.delegationId, d.id), isNull(shareLinks.revokedAt)));
    expect(live).toHaveLength(1);
    expect((await t.app.request(firstLink!)).status).toBe(200);

    smtp.received.length = 0;
    const changed = await t.db.orm.query.agendaItems.findFirst({ where: eq(agendaItems.id, item.id) });
    await cancelItem(service, item.id, changed!.version);
    // Everyone told hears it is off: a CANCEL to the participant (and, for the calendar file they
    // imported, to the contact), plus the contact's new itinerary without it.
    const sent = await send(t, staff.headers, d.id, { recipients: choice });
    await runMailJobs(t, smtpTransport(smtp.url));
    const withdrawals = smtp.received.filter((m) => kindOf(m) === "withdrawal");
    expect(withdrawals.map(to).sort()).toEqual([CONTACT, PARTICIPANT]);
    for (const m of withdrawals) {
      expect(m.raw).toMatch(/method=CANCEL/);
      const cal = invitationOf(m);
      expect(cal.method).toBe("CANCEL");
      expect(cal.sequence).toBeGreaterThan(1);
    }
    expect(sent.queued).toBe(3);
    expect((await send(t, staff.headers, d.id, { recipients: choice })).queued).toBe(0);
  });

  it("mails are signed with the host settings: office, address, phone, WhatsApp and e-mail", async () => {
    const { t, smtp, d, staff } = await setup("id");
    await saveTestHostSettings(t.db, t.clock(), {
      officeName: "Bagian Protokol dan Komunikasi Pimpinan",
      address: "Jl. Ahmad Yani No. 100, Banyuwangi",
      phone: "(0333) 425001",
      whatsapp: "0812-3456-7890",
      email: "protokol@banyuwangikab.go.id",
    });
    await send(t, staff.headers, d.id);
    await runMailJobs(t, smtpTransport(smtp.url));
    for (const m of smtp.received) {
      const text = m.parsed.text ?? "";
      expect(text).toContain("Bagian Protokol dan Komunikasi Pimpinan");
      expect(text).toContain("Jl. Ahmad Yani No. 100, Banyuwangi");
      expect(text).toContain(
        "Telp. (0333) 425001 · WhatsApp 0812-3456-7890 · E-mail protokol@banyuwangikab.go.id",
      );
      expect(m.parsed.html).toContain("WhatsApp 0812-3456-7890");
    }
  });

  it("a requested (unconfirmed) visit cannot be sent invitations; viewers may not send", async () => {
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
    expect(messages).toHaveLength(3);
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
