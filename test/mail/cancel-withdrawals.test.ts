/**
 * Cancelling a visit queues, in the same transaction, one calendar CANCEL per session and person who was
 * invited, read back here from a real SMTP server: the session's UID and a SEQUENCE above the invitation's.
 * A delegation leaving a merged session tells only its own people. With notices off nothing is queued.
 */
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import { agendaItems } from "../../db/schema/agenda";
import { outboxMessages } from "../../db/schema/outbox";
import { makeDelegation, makeHost, makeParticipant, makeVenue } from "../helpers/factories";
import { json, makeTestApp, type TestApp } from "../helpers/test-app";
import { runMailJobs, smtpTransport } from "./helpers";
import { type ReceivedMail, type SmtpSink, startSmtpSink } from "./smtp-sink";

const sinks: SmtpSink[] = [];
afterEach(async () => {
  await Promise.all(sinks.splice(0).map((s) => s.close()));
});

const ENV = { env: { MAIL_FROM: "Protokol Banyuwangi <protokol@banyuwangikab.go.id>" } };
const SLOT = { startsAt: "2026-03-10T09:00:00+07:00", endsAt: "2026-03-10T10:30:00+07:00" };

function calendarOf(mail: ReceivedMail) {
  const att = mail.parsed.attachments.find((a) => a.contentType === "application/ics");
  const comp = ICAL.Component.fromString(att ? att.content.toString("utf8") : "");
  const ev = comp.getFirstSubcomponent("vevent")!;
  return {
    method: comp.getFirstPropertyValue("method"),
    uid: ev.getFirstPropertyValue("uid"),
    sequence: ev.getFirstPropertyValue("sequence"),
    status: ev.getFirstPropertyValue("status"),
  };
}
const to = (m: ReceivedMail) => m.envelope.to.join(",");
const kindOf = (m: ReceivedMail) => m.parsed.headers.get("x-sambang-kind");

async function setup() {
  const t = await makeTestApp(ENV);
  const smtp = await startSmtpSink();
  sinks.push(smtp);
  const staff = await t.as("protocol");
  const venue = await makeVenue(t.db, { name: "Pendopo Sabha Swagata", capacity: 100 });
  const host = await makeHost(t.db, { name: "Sekretaris Daerah", email: "sekda@banyuwangikab.go.id" });
  return { t, smtp, headers: staff.headers, venue, host };
}

async function post(t: TestApp, headers: Record<string, string>, path: string, body?: object) {
  return t.app.request(path, json(headers, body ?? {}));
}

describe("calendar CANCELs on cancellation", () => {
  it("cancelling a confirmed visit mails a CANCEL with the session's UID and a higher SEQUENCE to everyone invited", async () => {
    const { t, smtp, headers, venue, host } = await setup();
    const d = await makeDelegation(t.db, { contactEmail: "kontak@example.go.id" });
    await makeParticipant(t.db, d.id, { name: "Ibu Peserta", email: "peserta@example.go.id" });
    const res = await post(t, headers, `/api/v1/delegations/${d.id}/agenda`, {
      title: "Paparan Sekda",
      kind: "presentation",
      venueId: venue.id,
      hostIds: [host.id],
      ...SLOT,
    });
    const { item } = await res.json();
    expect((await post(t, headers, `/api/v1/delegations/${d.id}/invitations/send`)).status).toBe(202);
    await runMailJobs(t, smtpTransport(smtp.url));
    // The visitors get the itinerary mail (one calendar file of all sessions), the host one invitation.
    const invited = smtp.received.filter((m) => kindOf(m) === "invitation");
    expect(invited.map(to)).toEqual(["sekda@banyuwangikab.go.id"]);
    expect(
      smtp.received
        .filter((m) => kindOf(m) === "itinerary")
        .map(to)
        .sort(),
    ).toEqual(["kontak@example.go.id", "peserta@example.go.id"]);
    const invitedSequence = calendarOf(invited[0]!).sequence;

    const cancelled = await post(t, headers, `/api/v1/delegations/${d.id}/transition`, {
      to: "cancelled",
      reason: "Anggaran perjalanan ditunda",
    });
    expect(cancelled.status).toBe(200);
    // Queued by the same transaction: no "send update" click needed.
    const queued = await t.db.orm
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.kind, "withdrawal"))
      .all();
    expect(queued).toHaveLength(3);
    await runMailJobs(t, smtpTransport(smtp.url));
    const withdrawals = smtp.received.filter((m) => kindOf(m) === "withdrawal");
    expect(withdrawals.map(to).sort()).toEqual(
      ["kontak@example.go.id", "peserta@example.go.id", "sekda@banyuwangikab.go.id"].sort(),
    );
    const row = await t.db.orm.query.agendaItems.findFirst({ where: eq(agendaItems.id, item.id) });
    for (const m of withdrawals) {
      const cal = calendarOf(m);
      expect(cal).toEqual({
        method: "CANCEL",
        uid: row!.calendarUid,
        sequence: row!.sequence,
        status: "CANCELLED",
      });
      expect(Number(cal.sequence)).toBeGreaterThan(Number(invitedSequence));
    }
    // Nothing is left to send: a later "send updates" repeats nothing.
    const again = await (await post(t, headers, `/api/v1/delegations/${d.id}/invitations/send`)).json();
    expect(again.queued).toBe(0);
  });

  it("a party cancelling out of a merged session tells only its own people; the hosts keep the session", async () => {
    const { t, smtp, headers, venue, host } = await setup();
    const a = await makeDelegation(t.db, { contactEmail: "kontak-a@example.go.id", expectedSize: 20 });
    const b = await makeDelegation(t.db, { contactEmail: "kontak-b@example.go.id", expectedSize: 20 });
    const { item } = await (
      await post(t, headers, `/api/v1/delegations/${a.id}/agenda`, {
        title: "Tur MPP",
        kind: "tour",
        venueId: venue.id,
        hostIds: [host.id],
        ...SLOT,
      })
    ).json();
    expect((await post(t, headers, `/api/v1/agenda/${item.id}/join`, { delegationId: b.id })).status).toBe(
      200,
    );
    for (const d of [a, b]) await post(t, headers, `/api/v1/delegations/${d.id}/invitations/send`);
    await runMailJobs(t, smtpTransport(smtp.url));
    const before = smtp.received.length;

    await post(t, headers, `/api/v1/delegations/${b.id}/transition`, { to: "cancelled", reason: "Batal" });
    await runMailJobs(t, smtpTransport(smtp.url));
    const withdrawals = smtp.received.slice(before).filter((m) => kindOf(m) === "withdrawal");
    expect(withdrawals.map(to)).toEqual(["kontak-b@example.go.id"]);
    const row = await t.db.orm.query.agendaItems.findFirst({ where: eq(agendaItems.id, item.id) });
    expect(row).toMatchObject({ status: "scheduled", sequence: 0 });
    expect(calendarOf(withdrawals[0]!)).toMatchObject({
      method: "CANCEL",
      uid: row!.calendarUid,
      sequence: 1,
    });
  });

  it("with the delegation's notices off, cancelling queues no CANCEL (staff can still send it later)", async () => {
    const { t, headers, venue } = await setup();
    const d = await makeDelegation(t.db, { autoNotices: false });
    await post(t, headers, `/api/v1/delegations/${d.id}/agenda`, {
      title: "Tur",
      kind: "tour",
      venueId: venue.id,
      ...SLOT,
    });
    await post(t, headers, `/api/v1/delegations/${d.id}/invitations/send`);
    await post(t, headers, `/api/v1/delegations/${d.id}/transition`, { to: "cancelled", reason: "Batal" });
    const queued = await t.db.orm
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.kind, "withdrawal"))
      .all();
    expect(queued).toHaveLength(0);
    const sent = await (await post(t, headers, `/api/v1/delegations/${d.id}/invitations/send`)).json();
    expect(sent.queued).toBe(1);
  });
});
