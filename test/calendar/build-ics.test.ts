import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ICAL from "ical.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  buildCalendar,
  type CalendarMethod,
  EMBEDDED_TIME_ZONES,
  indonesianVtimezone,
} from "../../src/calendar/index.js";
import { contentLines, makeEvent, NOW, ORGANIZER, parseIcs } from "./ics-helpers.js";

const METHODS: CalendarMethod[] = ["PUBLISH", "REQUEST", "CANCEL"];

function build(method: CalendarMethod, events = [makeEvent()]) {
  return buildCalendar({ method, name: "Kunjungan SB-2026-0042", now: NOW, organizer: ORGANIZER, events });
}

describe("buildCalendar: instants and zones", () => {
  const cases = [
    { timeZone: "Asia/Jakarta", wall: "20261201T080000" },
    { timeZone: "Asia/Makassar", wall: "20261201T090000" },
    { timeZone: "Asia/Jayapura", wall: "20261201T100000" },
  ];
  for (const method of METHODS) {
    for (const { timeZone, wall } of cases) {
      it(`${method} ${timeZone}: DTSTART/DTEND are the booked instants, zoned, with a VTIMEZONE`, () => {
        const uid = `${timeZone.replace("/", "-")}@sambang`;
        const text = build(method, [makeEvent({ uid, timeZone })]);
        expect(text).toContain(`DTSTART;TZID=${timeZone}:${wall}\r\n`);
        const vevent = parseIcs(text).getFirstSubcomponent("vevent");
        if (!vevent) throw new Error("no VEVENT");
        const event = new ICAL.Event(vevent);
        // ical.js falls back to "floating" when the TZID has no VTIMEZONE.
        expect(event.startDate.zone?.tzid).toBe(timeZone);
        expect(event.endDate.zone?.tzid).toBe(timeZone);
        expect(event.startDate.toJSDate().toISOString()).toBe("2026-12-01T01:00:00.000Z");
        expect(event.endDate.toJSDate().toISOString()).toBe("2026-12-01T02:30:00.000Z");
        expect(vevent.getFirstProperty("dtstart")?.getParameter("tzid")).toBe(timeZone);
      });
    }
  }

  it("emits exactly one VTIMEZONE per zone used, none for zones not used", () => {
    const events = [
      makeEvent({ uid: "a@sambang", timeZone: "Asia/Jakarta" }),
      makeEvent({ uid: "b@sambang", timeZone: "Asia/Makassar" }),
      makeEvent({ uid: "c@sambang", timeZone: "Asia/Jakarta" }),
      makeEvent({ uid: "d@sambang", timeZone: "Asia/Jayapura" }),
    ];
    const calendar = parseIcs(build("PUBLISH", events));
    const tzids = calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"));
    expect(tzids.sort()).toEqual(["Asia/Jakarta", "Asia/Jayapura", "Asia/Makassar"]);
    const used = calendar
      .getAllSubcomponents("vevent")
      .map((e) => new ICAL.Event(e))
      .map((e) => [e.uid, e.startDate.zone?.tzid, e.startDate.toJSDate().toISOString()]);
    expect(used).toEqual([
      ["a@sambang", "Asia/Jakarta", "2026-12-01T01:00:00.000Z"],
      ["b@sambang", "Asia/Makassar", "2026-12-01T01:00:00.000Z"],
      ["c@sambang", "Asia/Jakarta", "2026-12-01T01:00:00.000Z"],
      ["d@sambang", "Asia/Jayapura", "2026-12-01T01:00:00.000Z"],
    ]);
  });

  describe("when the server runs in another zone", () => {
    const original = process.env.TZ;
    afterEach(() => {
      process.env.TZ = original;
    });
    it("still writes venue wall time (plain Dates would follow the server zone)", () => {
      process.env.TZ = "America/Los_Angeles";
      expect(new Date("2026-12-01T01:00:00Z").getHours()).toBe(17);
      const text = build("REQUEST", [makeEvent({ timeZone: "Asia/Makassar" })]);
      expect(text).toContain("DTSTART;TZID=Asia/Makassar:20261201T090000\r\n");
      expect(text).toContain("DTEND;TZID=Asia/Makassar:20261201T103000\r\n");
      expect(text).toContain("DTSTAMP:20261129T060000Z\r\n");
    });
  });

  it("uses a passed generator for zones beyond WIB/WITA/WIT, across DST", () => {
    const text = buildCalendar({
      method: "PUBLISH",
      name: "Luar negeri",
      now: NOW,
      vtimezone: getVtimezoneComponent,
      events: [makeEvent({ timeZone: "Europe/Amsterdam", start: new Date("2026-07-01T08:00:00Z") })],
    });
    expect(text).toContain("DTSTART;TZID=Europe/Amsterdam:20260701T100000\r\n");
    const event = new ICAL.Event(parseIcs(text).getFirstSubcomponent("vevent") ?? undefined);
    expect(event.startDate.zone?.tzid).toBe("Europe/Amsterdam");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-07-01T08:00:00.000Z");
  });

  it("refuses a zone it has no VTIMEZONE for (clients would read floating times)", () => {
    expect(() => build("PUBLISH", [makeEvent({ timeZone: "Europe/Amsterdam" })])).toThrow(/no VTIMEZONE/);
  });

  it("embedded VTIMEZONEs equal @touch4it/ical-timezones 1.9.0 output", () => {
    expect(EMBEDDED_TIME_ZONES).toEqual(["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"]);
    for (const zone of EMBEDDED_TIME_ZONES) {
      const upstream = getVtimezoneComponent(zone)?.replace(/\r?\n/g, "\r\n").trim();
      expect(indonesianVtimezone(zone)).toBe(upstream);
    }
    expect(indonesianVtimezone("Europe/Amsterdam")).toBeNull();
  });
});

describe("buildCalendar: stamps, UIDs, sequences", () => {
  it("DTSTAMP is `now` in UTC with Z, read from the input and not the clock", () => {
    vi.useFakeTimers({ now: new Date("2031-01-01T00:00:00Z") });
    try {
      for (const method of METHODS) {
        const text = build(method);
        const stamps = contentLines(text).filter((l) => l.startsWith("DTSTAMP"));
        expect(stamps).toEqual(["DTSTAMP:20261129T060000Z"]);
        const dtstamp = parseIcs(text).getFirstSubcomponent("vevent")?.getFirstPropertyValue("dtstamp");
        expect(String(dtstamp)).toBe("2026-11-29T06:00:00Z");
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it("keeps UIDs and writes SEQUENCE as given, identical across builds", () => {
    const events = [
      makeEvent({ uid: "x1@sambang", sequence: 0 }),
      makeEvent({ uid: "x2@sambang", sequence: 7 }),
    ];
    const read = (text: string) =>
      parseIcs(text)
        .getAllSubcomponents("vevent")
        .map((e) => [e.getFirstPropertyValue("uid"), e.getFirstPropertyValue("sequence")]);
    const first = read(build("PUBLISH", events));
    expect(first).toEqual([
      ["x1@sambang", 0],
      ["x2@sambang", 7],
    ]);
    expect(read(build("PUBLISH", events))).toEqual(first);
    expect(build("PUBLISH", events)).toBe(build("PUBLISH", events));
  });

  it("refuses a negative or fractional sequence", () => {
    expect(() => build("PUBLISH", [makeEvent({ sequence: -1 })])).toThrow(/sequence/);
    expect(() => build("PUBLISH", [makeEvent({ sequence: 1.5 })])).toThrow(/sequence/);
  });

  it("refuses an end before start instead of silently swapping", () => {
    const start = new Date("2026-12-01T02:00:00Z");
    expect(() => build("PUBLISH", [makeEvent({ start, end: new Date("2026-12-01T01:00:00Z") })])).toThrow(
      /end before start/,
    );
  });
});

describe("buildCalendar: methods", () => {
  it("REQUEST has METHOD:REQUEST, ORGANIZER and ATTENDEE with ROLE, PARTSTAT=NEEDS-ACTION and no RSVP (replies are not read)", () => {
    const text = build("REQUEST", [
      makeEvent({
        attendees: [
          { name: "Kepala Bappeda", email: "bappeda@contoh.go.id" },
          { name: "Sekda", email: "sekda@contoh.go.id", role: "OPT-PARTICIPANT" },
        ],
      }),
    ]);
    const calendar = parseIcs(text);
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    const vevent = calendar.getFirstSubcomponent("vevent");
    const organizer = vevent?.getFirstProperty("organizer");
    expect(organizer?.getFirstValue()).toBe("mailto:protokol@banyuwangikab.go.id");
    expect(organizer?.getParameter("cn")).toBe("Protokol Pemkab Banyuwangi");
    const attendees = vevent?.getAllProperties("attendee") ?? [];
    expect(
      attendees.map((a) => [
        String(a.getFirstValue()).toLowerCase(),
        a.getParameter("role"),
        a.getParameter("partstat"),
        a.getParameter("rsvp"),
      ]),
    ).toEqual([
      ["mailto:bappeda@contoh.go.id", "REQ-PARTICIPANT", "NEEDS-ACTION", undefined],
      ["mailto:sekda@contoh.go.id", "OPT-PARTICIPANT", "NEEDS-ACTION", undefined],
    ]);
    expect(vevent?.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(text).not.toContain("RSVP");
  });

  it("REQUEST and CANCEL need an organizer; REQUEST needs an attendee; both carry one UID", () => {
    const events = [makeEvent()];
    for (const method of ["REQUEST", "CANCEL"] as const) {
      expect(() => buildCalendar({ method, name: "x", now: NOW, events })).toThrow(/organizer/);
      const two = [makeEvent({ uid: "a@sambang" }), makeEvent({ uid: "b@sambang" })];
      expect(() => build(method, two)).toThrow(/one UID/);
    }
    expect(() => build("REQUEST", [makeEvent({ attendees: [] })])).toThrow(/attendee/);
  });

  it("CANCEL has METHOD:CANCEL, STATUS:CANCELLED, the same UID and a higher SEQUENCE", () => {
    const invite = parseIcs(build("REQUEST", [makeEvent({ sequence: 2 })]));
    const cancel = parseIcs(build("CANCEL", [makeEvent({ sequence: 3, status: "CONFIRMED" })]));
    expect(cancel.getFirstPropertyValue("method")).toBe("CANCEL");
    const before = invite.getFirstSubcomponent("vevent");
    const after = cancel.getFirstSubcomponent("vevent");
    expect(after?.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(after?.getFirstPropertyValue("uid")).toBe(before?.getFirstPropertyValue("uid"));
    expect(Number(after?.getFirstPropertyValue("sequence"))).toBeGreaterThan(
      Number(before?.getFirstPropertyValue("sequence")),
    );
    expect(after?.getAllProperties("attendee")).toHaveLength(1);
  });

  it("PUBLISH names the calendar, keeps attendee addresses out, and can carry a refresh interval", () => {
    const text = buildCalendar({
      method: "PUBLISH",
      name: "Kunjungan SB-2026-0042",
      now: NOW,
      refreshIntervalSeconds: 3600,
      events: [makeEvent(), makeEvent({ uid: "second@sambang", status: "TENTATIVE" })],
    });
    const calendar = parseIcs(text);
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Kunjungan SB-2026-0042");
    expect(calendar.getFirstPropertyValue("x-published-ttl")).toBe("PT1H");
    expect(contentLines(text)).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    expect(text).not.toContain("ATTENDEE");
    expect(text).not.toContain("bappeda@contoh.go.id");
    const statuses = calendar.getAllSubcomponents("vevent").map((e) => e.getFirstPropertyValue("status"));
    expect(statuses).toEqual(["CONFIRMED", "TENTATIVE"]);
  });

  it("writes LAST-MODIFIED and CATEGORIES when given", () => {
    const lastModified = new Date("2026-11-28T10:15:00Z");
    const text = build("PUBLISH", [makeEvent({ lastModified, categories: ["Kunjungan", "MPP"] })]);
    expect(contentLines(text)).toContain("LAST-MODIFIED:20261128T101500Z");
    expect(contentLines(text)).toContain("CATEGORIES:Kunjungan,MPP");
  });
});
