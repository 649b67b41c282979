/**
 * Invitations for mail (REQUEST / CANCEL per item) built from real agenda rows, and hostile text in every
 * field that reaches a calendar (titles, notes, dress code, person in charge, venue name and address,
 * participant names): parsed by ical.js it never becomes a property or component of its own.
 */
import ICAL from "ical.js";
import { beforeEach, describe, expect, it } from "vitest";
import { loadDelegationAgenda, loadParticipants } from "../../src/agenda/load-agenda";
import {
  delegationCalendar,
  feedCalendar,
  invitationAttendees,
  invitationCalendar,
  invitationCalendars,
  organizerOf,
} from "../../src/calendar/index";
import { DEFAULT_HOST_TIME_ZONE, parseConfig } from "../../src/config";
import { freshDb } from "../helpers/db";
import {
  BADUNG_DELEGATION,
  book,
  cancel,
  insertAgendaRow,
  MPP_VENUE,
  makeDelegation,
  makeParticipant,
  makeVenue,
  move,
} from "../helpers/factories";

const NOW = new Date("2026-03-02T03:00:00Z");
const HOSTILE =
  "x\r\nBEGIN:VALARM\r\nTRIGGER:-PT5M\r\nEND:VALARM\r\nATTENDEE:mailto:evil@x.id;a,b\\c\nSUMMARY:pwn";

type Db = Awaited<ReturnType<typeof freshDb>>;
let db: Db;

function parse(text: string) {
  return new ICAL.Component(ICAL.parse(text));
}

/** Every property name and component name, after unfolding. */
function structure(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter(Boolean)
    .map((l) => /^[A-Z-]+/.exec(l)?.[0] ?? `BAD:${l}`);
}

beforeEach(async () => {
  db = await freshDb();
});

describe("invitationCalendar", () => {
  it("REQUEST has ORGANIZER from config, the contact person and participants with e-mail; CANCEL keeps the UID with a higher SEQUENCE", async () => {
    const d = await makeDelegation(db, { ...BADUNG_DELEGATION, contactEmail: "kontak@badungkab.go.id" });
    await makeParticipant(db, d.id, {
      name: "Kadis Kominfo",
      email: "kominfo@badungkab.go.id",
      precedenceRank: 10,
    });
    await makeParticipant(db, d.id, { name: "Tanpa e-mail", email: null });
    await makeParticipant(db, d.id, { name: "Salah", email: "bukan-alamat" });
    await makeParticipant(db, d.id, { name: "Duplikat", email: "KONTAK@badungkab.go.id" });
    const venue = await makeVenue(db, MPP_VENUE);
    const item = await book(db, d.id, {
      title: "Kunjungan MPP",
      startsAt: "2026-03-10T09:00:00+07:00",
      endsAt: "2026-03-10T10:00:00+07:00",
      venueId: venue.id,
    });
    const config = parseConfig({ MAIL_FROM: "Protokol Banyuwangi <protokol@banyuwangikab.go.id>" });
    expect(organizerOf(config)).toEqual({
      name: "Protokol Banyuwangi",
      email: "protokol@banyuwangikab.go.id",
    });
    const agenda = await loadDelegationAgenda(db.orm, d.id, DEFAULT_HOST_TIME_ZONE);
    const attendees = invitationAttendees({
      delegation: d,
      participants: await loadParticipants(db.orm, d.id),
    });
    expect(attendees.map((a) => a.email)).toEqual(["kontak@badungkab.go.id", "kominfo@badungkab.go.id"]);

    const request = invitationCalendar({
      delegation: d,
      item: agenda?.items[0] as never,
      organizer: organizerOf(config),
      attendees,
      method: "REQUEST",
      now: NOW,
      url: "https://sambang.example/i/abc",
    });
    const req = parse(request.body);
    expect(req.getFirstPropertyValue("method")).toBe("REQUEST");
    const ev = new ICAL.Event(req.getFirstSubcomponent("vevent") as ICAL.Component);
    expect(ev.uid).toBe(`${item.id}@sambang`);
    expect(ev.startDate.toJSDate().toISOString()).toBe("2026-03-10T02:00:00.000Z");
    expect(String(ev.organizer).toLowerCase()).toBe("mailto:protokol@banyuwangikab.go.id");
    expect(ev.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual([
      "mailto:kontak@badungkab.go.id",
      "mailto:kominfo@badungkab.go.id",
    ]);
    expect(req.getAllSubcomponents("vtimezone")).toHaveLength(1);

    await cancel(db, item.id, 1);
    const after = await loadDelegationAgenda(db.orm, d.id, DEFAULT_HOST_TIME_ZONE);
    const [withdrawal] = invitationCalendars({
      delegation: d,
      items: after?.items ?? [],
      organizer: organizerOf(config),
      attendees,
      now: NOW,
    });
    expect(withdrawal?.method).toBe("CANCEL");
    const can = parse(withdrawal?.body ?? "");
    expect(can.getFirstPropertyValue("method")).toBe("CANCEL");
    const cev = can.getFirstSubcomponent("vevent");
    expect(cev?.getFirstPropertyValue("uid")).toBe(`${item.id}@sambang`);
    expect(cev?.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(Number(cev?.getFirstPropertyValue("sequence"))).toBeGreaterThan(
      Number(req.getFirstSubcomponent("vevent")?.getFirstPropertyValue("sequence")),
    );
    expect(() =>
      invitationCalendar({
        delegation: d,
        item: after?.items[0] as never,
        organizer: organizerOf(config),
        attendees,
        method: "REQUEST",
        now: NOW,
      }),
    ).toThrow(/CANCEL/);
  });

  it("a cancelled visit withdraws every scheduled item with SEQUENCE + 1", async () => {
    const d = await makeDelegation(db, BADUNG_DELEGATION);
    await book(db, d.id, {
      title: "A",
      startsAt: "2026-03-10T09:00:00+07:00",
      endsAt: "2026-03-10T10:00:00+07:00",
    });
    const agenda = await loadDelegationAgenda(db.orm, d.id, DEFAULT_HOST_TIME_ZONE);
    const [inv] = invitationCalendars({
      delegation: { ...d, status: "cancelled" },
      items: agenda?.items ?? [],
      organizer: { name: "Protokol", email: "protokol@banyuwangikab.go.id" },
      attendees: [{ name: "K", email: "k@contoh.go.id" }],
      now: NOW,
    });
    expect(inv?.method).toBe("CANCEL");
    expect(inv?.sequence).toBe(1);
  });
});

describe("hostile input never creates a property or component", () => {
  it("in titles, notes, dress code, person in charge, venue, address and names, for every calendar variant", async () => {
    const d = await makeDelegation(db, {
      ...BADUNG_DELEGATION,
      institution: HOSTILE,
      code: "SB-2026-0666",
      contactName: HOSTILE,
    });
    await makeParticipant(db, d.id, { name: HOSTILE, email: "peserta@contoh.go.id" });
    const venue = await makeVenue(db, {
      ...MPP_VENUE,
      name: `Pendopo; ${HOSTILE}`,
      address: `Jl. A, No. 1\\ ${HOSTILE}`,
    });
    await insertAgendaRow(db, {
      delegationId: d.id,
      venueId: venue.id,
      title: `Kunjungan ${HOSTILE}`,
      titleEn: HOSTILE,
      notes: HOSTILE,
      notesEn: HOSTILE,
      dressCode: HOSTILE,
      personInCharge: HOSTILE,
    });
    const item = await book(db, d.id, {
      title: `Rapat ${HOSTILE}`,
      notes: HOSTILE,
      startsAt: "2026-03-10T13:00:00+07:00",
      endsAt: "2026-03-10T14:00:00+07:00",
    });
    await move(db, item.id, 1, { dressCode: HOSTILE });
    const agenda = await loadDelegationAgenda(db.orm, d.id, DEFAULT_HOST_TIME_ZONE);
    if (!agenda) throw new Error("no agenda");
    const attendees = invitationAttendees({
      delegation: d,
      participants: await loadParticipants(db.orm, d.id),
    });
    const organizer = { name: HOSTILE, email: "protokol@banyuwangikab.go.id" };
    const texts = [
      ...(["id", "en"] as const).map((locale) =>
        delegationCalendar({
          delegation: d,
          items: agenda.items,
          locale,
          now: NOW,
          url: "https://s.example/i/x",
        }),
      ),
      ...agenda.items.flatMap((it) =>
        (["REQUEST", "CANCEL"] as const).map(
          (method) =>
            invitationCalendar({ delegation: d, item: it, organizer, attendees, method, now: NOW }).body,
        ),
      ),
      feedCalendar({
        name: HOSTILE,
        items: agenda.items.map((it) => ({ ...it, delegation: d, label: HOSTILE })),
        now: NOW,
        locale: "id",
      }),
    ];
    for (const text of texts) {
      const names = structure(text);
      expect(names.filter((n) => n.startsWith("BAD:"))).toEqual([]);
      expect(names.filter((n) => n === "BEGIN")).toHaveLength(names.filter((n) => n === "END").length);
      expect(text).not.toMatch(/\r\nBEGIN:VALARM/);
      expect(text).not.toMatch(/\r\nTRIGGER/);
      expect(text).not.toMatch(/\r\nSUMMARY:pwn/);
      const cal = parse(text);
      for (const vevent of cal.getAllSubcomponents("vevent")) {
        expect(vevent.getAllSubcomponents()).toEqual([]);
        expect(vevent.getAllProperties("summary")).toHaveLength(1);
        expect(vevent.getAllProperties("attendee").length).toBeLessThanOrEqual(2);
        for (const a of vevent.getAllProperties("attendee"))
          expect(String(a.getFirstValue())).not.toContain("evil");
        const summary = String(vevent.getFirstPropertyValue("summary"));
        expect(summary).not.toMatch(/[\r\n]/);
      }
      // The hostile text survives as text: one SUMMARY holding the words, not a new component.
      expect(
        cal
          .getAllSubcomponents("vevent")
          .some((v) => String(v.getFirstPropertyValue("summary")).includes("BEGIN:VALARM")),
      ).toBe(true);
    }
  });
});
