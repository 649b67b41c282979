import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, type CalendarEvent } from "../../src/calendar/index.js";
import { cleanLine, cleanMultiline, cleanParamName } from "../../src/calendar/sanitize.js";
import { contentLines, count, lineNames, makeEvent, NOW, ORGANIZER, parseIcs } from "./ics-helpers.js";

const HOSTILE = [
  "a\r\nb",
  "a\nb",
  "a\rb",
  "a;b",
  "a,b",
  "a\\b",
  'a"b',
  "Rapat\r\nBEGIN:VALARM\r\nTRIGGER:-PT5M\r\nEND:VALARM",
  "Rapat\r\nATTENDEE:mailto:evil@x",
  "Rapat\nATTENDEE:mailto:evil@x",
  "x\r\n END:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@x",
  "nul\u0000 bel\u0007 vt\u000b ff\u000c nel\u0085 ls\u2028 ps\u2029 del\u007f tab\tend",
  "bidi \u202egnp.exe\u202c ok",
  "a\ud800b",
  "Mutiara Indonesia; “Banyuwangi”, Jawa Timur — kunjungan 🇮🇩",
];

/** What a well-formed build of makeEvent() produces, property by property (REQUEST). */
function build(event: CalendarEvent, calendarName = "Kunjungan") {
  return buildCalendar({
    method: "REQUEST",
    name: calendarName,
    now: NOW,
    organizer: ORGANIZER,
    events: [event],
  });
}
const BASELINE = lineNames(build(makeEvent({ categories: ["Kunjungan"] })));

function assertStructureIntact(text: string): void {
  // Every raw line is a content line or a fold; nothing but CRLF line ends; no other control character.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point of the check
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/);
  expect(lineNames(text)).toEqual(BASELINE);
  const calendar = parseIcs(text);
  expect(calendar.getAllSubcomponents("vevent")).toHaveLength(1);
  const vevent = calendar.getFirstSubcomponent("vevent");
  expect(vevent?.getAllSubcomponents("valarm")).toHaveLength(0);
  expect(vevent?.getAllProperties("attendee")).toHaveLength(1);
  expect(vevent?.getAllProperties("uid")).toHaveLength(1);
  expect(count(lineNames(text), "BEGIN")).toBe(count(BASELINE, "BEGIN"));
}

describe("hostile text never creates a property, parameter or component", () => {
  for (const hostile of HOSTILE) {
    const label = JSON.stringify(hostile);

    it(`summary ${label}`, () => {
      const text = build(makeEvent({ summary: `Rapat ${hostile}`, categories: ["Kunjungan"] }));
      assertStructureIntact(text);
      const event = new ICAL.Event(parseIcs(text).getFirstSubcomponent("vevent") ?? undefined);
      expect(event.summary).toBe(cleanLine(`Rapat ${hostile}`));
      expect(event.summary).not.toMatch(/[\r\n]/);
    });

    it(`description ${label}`, () => {
      const text = build(makeEvent({ description: hostile, categories: ["Kunjungan"] }));
      assertStructureIntact(text);
      const event = new ICAL.Event(parseIcs(text).getFirstSubcomponent("vevent") ?? undefined);
      expect(event.description).toBe(cleanMultiline(hostile));
    });

    it(`location ${label}`, () => {
      const text = build(makeEvent({ location: `MPP ${hostile}`, categories: ["Kunjungan"] }));
      assertStructureIntact(text);
      const event = new ICAL.Event(parseIcs(text).getFirstSubcomponent("vevent") ?? undefined);
      expect(event.location).toBe(cleanLine(`MPP ${hostile}`, ", "));
    });

    it(`attendee and organizer names ${label}`, () => {
      const text = buildCalendar({
        method: "REQUEST",
        name: "Kunjungan",
        now: NOW,
        organizer: { name: `Protokol ${hostile}`, email: ORGANIZER.email },
        events: [
          makeEvent({
            categories: ["Kunjungan"],
            attendees: [{ name: `Tamu ${hostile}`, email: "tamu@contoh.go.id" }],
          }),
        ],
      });
      assertStructureIntact(text);
      const vevent = parseIcs(text).getFirstSubcomponent("vevent");
      const attendee = vevent?.getFirstProperty("attendee");
      expect(attendee?.getParameter("cn")).toBe(cleanParamName(`Tamu ${hostile}`));
      expect(String(attendee?.getFirstValue()).toLowerCase()).toBe("mailto:tamu@contoh.go.id");
      expect(attendee?.getParameter("role")).toBe("REQ-PARTICIPANT");
      expect(attendee?.getParameter("rsvp")).toBeUndefined();
      const organizer = vevent?.getFirstProperty("organizer");
      expect(organizer?.getParameter("cn")).toBe(cleanParamName(`Protokol ${hostile}`));
      expect(organizer?.getFirstValue()).toBe(`mailto:${ORGANIZER.email}`);
    });

    it(`category ${label}`, () => {
      const text = build(makeEvent({ categories: [`Kunjungan ${hostile}`] }));
      assertStructureIntact(text);
      const values = parseIcs(text)
        .getFirstSubcomponent("vevent")
        ?.getFirstProperty("categories")
        ?.getValues();
      // A comma inside a category is escaped, so the category stays one value.
      expect(values).toEqual([cleanLine(`Kunjungan ${hostile}`)]);
    });

    it(`calendar name ${label}`, () => {
      const text = build(makeEvent({ categories: ["Kunjungan"] }), `Kunjungan ${hostile}`);
      assertStructureIntact(text);
      // ical.js leaves X- values unescaped, so decode RFC 5545 TEXT escapes here.
      const raw = String(parseIcs(text).getFirstPropertyValue("x-wr-calname"));
      expect(raw.replace(/\\([\\;,])/g, "$1")).toBe(cleanLine(`Kunjungan ${hostile}`));
      expect(raw).not.toMatch(/(^|[^\\])(\\\\)*[;,]/);
    });
  }

  it("cleaners: line breaks become spaces (or `\\n` in descriptions), controls vanish", () => {
    expect(cleanLine("a\r\nb\nc\rd")).toBe("a b c d");
    expect(cleanLine("MPP\nJl. Agus Salim", ", ")).toBe("MPP, Jl. Agus Salim");
    expect(cleanMultiline("a\r\nb\rc\u2028d\u0000")).toBe("a\nb\nc\nd");
    expect(cleanParamName('Dr. "X" \\ Y')).toBe("Dr. 'X' / Y");
  });
});

describe("values Sambang generates are validated, not repaired", () => {
  it.each([
    "abc@sambang\r\nATTENDEE:mailto:evil@x",
    "abc@sambang\n",
    "abc\r@sambang",
    "abc;x@sambang",
    "abc@sambang@x",
    "",
    " abc@sambang",
    "a".repeat(256),
  ])("refuses UID %j", (uid) => {
    expect(() => build(makeEvent({ uid }))).toThrow(/invalid UID/);
  });

  it("accepts a uuid@sambang UID unchanged", () => {
    const uid = "0b6f3c2e-5a1d-4f7e-9c1a-2d3e4f5a6b7c@sambang";
    expect(contentLines(build(makeEvent({ uid })))).toContain(`UID:${uid}`);
  });

  it.each([
    "evil@x\r\nATTENDEE:mailto:evil@x",
    "a,b@contoh.go.id",
    "a;b@contoh.go.id",
    'a"@contoh.go.id',
    "a b@contoh.go.id",
    "no-at-sign",
    "a@localhost",
  ])("refuses attendee and organizer e-mail %j", (email) => {
    expect(() => build(makeEvent({ attendees: [{ name: "X", email }] }))).toThrow(/invalid e-mail/);
    expect(() =>
      buildCalendar({
        method: "REQUEST",
        name: "x",
        now: NOW,
        organizer: { name: "X", email },
        events: [makeEvent()],
      }),
    ).toThrow(/invalid e-mail/);
  });

  it.each([
    "https://x.example/a\r\nATTENDEE:mailto:evil@x",
    "https://x.example/a b",
    "javascript:alert(1)",
    "mailto:a@b.example",
    "not a url",
  ])("refuses URL %j", (url) => {
    expect(() => build(makeEvent({ url }))).toThrow(/URL/);
  });

  it("writes a URL with , and ; percent-encoded instead of backslash-escaped", () => {
    const text = build(makeEvent({ url: "https://sambang.example/i/abc?x=1,2;3" }));
    expect(contentLines(text)).toContain("URL;VALUE=URI:https://sambang.example/i/abc?x=1%2C2%3B3");
    expect(parseIcs(text).getFirstSubcomponent("vevent")?.getFirstPropertyValue("url")).toBe(
      "https://sambang.example/i/abc?x=1%2C2%3B3",
    );
  });

  it("refuses a non-ASCII or multi-line prodId", () => {
    const events = [makeEvent()];
    expect(() =>
      buildCalendar({ method: "PUBLISH", name: "x", now: NOW, prodId: "//a\r\nX//b", events }),
    ).toThrow(/prodId/);
    const text = buildCalendar({
      method: "PUBLISH",
      name: "x",
      now: NOW,
      prodId: "-//Pemkab//Sambang//ID",
      events,
    });
    expect(contentLines(text)).toContain("PRODID:-//Pemkab//Sambang//ID");
  });
});
