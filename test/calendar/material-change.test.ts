import { describe, expect, it } from "vitest";
import { isMaterialChange, nextSequence } from "../../src/calendar/index.js";

const before = {
  start: new Date("2026-12-01T01:00:00Z"),
  end: new Date("2026-12-01T02:30:00Z"),
  title: "Paparan MPP",
  status: "confirmed",
  venueId: "venue-mpp",
  location: "MPP Banyuwangi, Jl. Agus Salim",
  notes: "Bawa souvenir",
  dressCode: "PDH",
  personInCharge: "Bu Ani",
};

describe("isMaterialChange / nextSequence", () => {
  it.each([
    ["start", { start: new Date("2026-12-01T01:15:00Z") }],
    ["end", { end: new Date("2026-12-01T03:00:00Z") }],
    ["title", { title: "Paparan Smart Kampung" }],
    ["status", { status: "cancelled" }],
    ["venue", { venueId: "venue-pendopo" }],
    ["venue removed", { venueId: null }],
    ["location text", { location: "MPP Banyuwangi, Jl. Agus Salim No. 2" }],
  ])("%s is material: SEQUENCE rises by exactly one", (_label, change) => {
    const after = { ...before, ...change };
    expect(isMaterialChange(before, after)).toBe(true);
    expect(nextSequence(0, before, after)).toBe(1);
    expect(nextSequence(4, before, after)).toBe(5);
  });

  it("several material changes at once still add exactly one", () => {
    const after = { ...before, title: "Baru", start: new Date("2026-12-02T01:00:00Z"), venueId: "v2" };
    expect(nextSequence(2, before, after)).toBe(3);
  });

  it.each([
    ["notes", { notes: "Tanpa souvenir" }],
    ["dress code", { dressCode: "Batik" }],
    ["person in charge", { personInCharge: "Pak Budi" }],
    ["nothing", {}],
    ["an equal instant in a new Date object", { start: new Date(before.start.getTime()) }],
  ])("%s is not material: SEQUENCE unchanged", (_label, change) => {
    const after = { ...before, ...change };
    expect(isMaterialChange(before, after)).toBe(false);
    expect(nextSequence(3, before, after)).toBe(3);
  });

  it("treats a missing and a null venue/location alike", () => {
    const { venueId: _v, location: _l, ...bare } = before;
    expect(isMaterialChange(bare, { ...bare, venueId: null, location: null })).toBe(false);
  });

  it("refuses an invalid previous sequence", () => {
    expect(() => nextSequence(-1, before, before)).toThrow(/sequence/);
    expect(() => nextSequence(1.5, before, before)).toThrow(/sequence/);
  });
});
