/**
 * @module Test helpers for calendar tests: parse ICS with ical.js (an independent parser) and look at the raw
 * content lines, so a test sees what a client would see.
 */
import ICAL from "ical.js";
import type { CalendarEvent } from "../../src/calendar/index.js";

export function parseIcs(text: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(text));
}

/** Content lines after unfolding (RFC 5545 §3.1). */
export function contentLines(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, "").split("\r\n");
}

/** Property or BEGIN/END name at the start of each unfolded line. */
export function lineNames(text: string): string[] {
  return contentLines(text).map((line) => /^[A-Z0-9-]+/.exec(line)?.[0] ?? `<bad:${line}>`);
}

export function count(names: string[], name: string): number {
  return names.filter((n) => n === name).length;
}

export const NOW = new Date("2026-11-29T06:00:00Z");

export function makeEvent(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    uid: "0b6f3c2e-5a1d-4f7e-9c1a-2d3e4f5a6b7c@sambang",
    sequence: 0,
    start: new Date("2026-12-01T01:00:00Z"),
    end: new Date("2026-12-01T02:30:00Z"),
    timeZone: "Asia/Jakarta",
    summary: "Penyambutan di Pendopo Sabha Swagata Blambangan",
    description: "Sambutan Bupati, paparan MPP.",
    location: "Pendopo Sabha Swagata Blambangan\nJl. Ahmad Yani No. 1, Banyuwangi",
    url: "https://sambang.example/i/abc",
    status: "CONFIRMED",
    attendees: [{ name: "Kepala Bappeda Kab. Contoh", email: "bappeda@contoh.go.id" }],
    ...overrides,
  };
}

export const ORGANIZER = { name: "Protokol Pemkab Banyuwangi", email: "protokol@banyuwangikab.go.id" };
