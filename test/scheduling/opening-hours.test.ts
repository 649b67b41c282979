import { describe, expect, it } from "vitest";
import { type Closure, closedIntervals, openIntervals } from "../../src/scheduling/index.js";
import { at } from "./fixtures.js";

const iv = (start: string, end: string) => ({ start: at(start), end: at(end) });

describe("openIntervals", () => {
  it("expands several ranges a day and skips closed weekdays", () => {
    const open = openIntervals({
      weeklyHours: {
        5: [
          { from: "08:00", to: "11:30" },
          { from: "13:00", to: "16:00" },
        ],
        6: [{ from: "08:00", to: "12:00" }],
      },
      timeZone: "Asia/Jakarta",
      // Friday 6 March 2026 to Monday 9 March.
      range: iv("2026-03-06T00:00:00+07:00", "2026-03-09T23:00:00+07:00"),
    });
    expect(open).toEqual([
      iv("2026-03-06T08:00:00+07:00", "2026-03-06T11:30:00+07:00"),
      iv("2026-03-06T13:00:00+07:00", "2026-03-06T16:00:00+07:00"),
      iv("2026-03-07T08:00:00+07:00", "2026-03-07T12:00:00+07:00"),
    ]);
  });

  it("reads hours in the venue's zone: 08:00 WITA is 00:00Z", () => {
    const open = openIntervals({
      weeklyHours: { 1: [{ from: "08:00", to: "16:00" }] },
      timeZone: "Asia/Makassar",
      range: iv("2026-03-01T00:00:00Z", "2026-03-03T00:00:00Z"),
    });
    expect(open).toEqual([iv("2026-03-02T00:00:00Z", "2026-03-02T08:00:00Z")]);
  });

  it("clips to the range and joins …–24:00 with 00:00–… of the next day", () => {
    const open = openIntervals({
      weeklyHours: { 1: [{ from: "20:00", to: "24:00" }], 2: [{ from: "00:00", to: "02:00" }] },
      timeZone: "Asia/Jayapura",
      range: iv("2026-03-02T21:00:00+09:00", "2026-03-03T23:00:00+09:00"),
    });
    expect(open).toEqual([iv("2026-03-02T21:00:00+09:00", "2026-03-03T02:00:00+09:00")]);
  });

  it("keeps wall-clock hours across a DST change", () => {
    const open = openIntervals({
      weeklyHours: { 5: [{ from: "09:00", to: "17:00" }], 1: [{ from: "09:00", to: "17:00" }] },
      timeZone: "Europe/Berlin",
      range: iv("2026-03-27T00:00:00+01:00", "2026-03-31T00:00:00+02:00"),
    });
    expect(open).toEqual([
      iv("2026-03-27T09:00:00+01:00", "2026-03-27T17:00:00+01:00"),
      iv("2026-03-30T09:00:00+02:00", "2026-03-30T17:00:00+02:00"),
    ]);
  });

  it("rejects a range that ends before it starts", () => {
    expect(() =>
      openIntervals({
        weeklyHours: { 1: [{ from: "16:00", to: "08:00" }] },
        timeZone: "Asia/Jakarta",
        range: iv("2026-03-02T00:00:00+07:00", "2026-03-03T00:00:00+07:00"),
      }),
    ).toThrow(/end after/);
  });
});

describe("closedIntervals", () => {
  const closures: Closure[] = [
    {
      kind: "recurring",
      id: "break",
      reason: "Istirahat",
      weekdays: [1, 2, 3, 4, 5],
      from: "12:00",
      to: "13:00",
    },
    { kind: "recurring", id: "jumatan", reason: "Salat Jumat", weekdays: [5], from: "11:30", to: "13:00" },
    { kind: "date", id: "nyepi", reason: "Hari Suci Nyepi", date: "2026-03-19" },
    { kind: "date", id: "reno", reason: "Renovasi", date: "2026-03-18", venueId: "mpp" },
    { kind: "date", id: "other", reason: "Other venue", date: "2026-03-17", venueId: "pendopo" },
    {
      kind: "one-off",
      id: "bupati",
      reason: "Acara Bupati",
      venueId: "mpp",
      start: at("2026-03-20T14:00:00+07:00"),
      end: at("2026-03-21T10:00:00+07:00"),
    },
  ];
  const range = iv("2026-03-17T00:00:00+07:00", "2026-03-21T00:00:00+07:00");

  it("expands breaks, holidays and blackouts for this venue and all venues, sorted and clipped", () => {
    const closed = closedIntervals({ closures, timeZone: "Asia/Jakarta", range, venueId: "mpp" });
    expect(
      closed.map((c) => [c.closureId, new Date(c.start).toISOString(), new Date(c.end).toISOString()]),
    ).toEqual([
      ["break", "2026-03-17T05:00:00.000Z", "2026-03-17T06:00:00.000Z"],
      ["reno", "2026-03-17T17:00:00.000Z", "2026-03-18T17:00:00.000Z"],
      ["break", "2026-03-18T05:00:00.000Z", "2026-03-18T06:00:00.000Z"],
      ["nyepi", "2026-03-18T17:00:00.000Z", "2026-03-19T17:00:00.000Z"],
      ["break", "2026-03-19T05:00:00.000Z", "2026-03-19T06:00:00.000Z"],
      ["jumatan", "2026-03-20T04:30:00.000Z", "2026-03-20T06:00:00.000Z"],
      ["break", "2026-03-20T05:00:00.000Z", "2026-03-20T06:00:00.000Z"],
      ["bupati", "2026-03-20T07:00:00.000Z", "2026-03-20T17:00:00.000Z"],
    ]);
    expect(closed.find((c) => c.closureId === "nyepi")?.reason).toBe("Hari Suci Nyepi");
  });

  it("skips holidays for all venues when the venue opens on holidays, but not its own closed dates", () => {
    const ids = closedIntervals({
      closures,
      timeZone: "Asia/Jakarta",
      range,
      venueId: "mpp",
      opensOnHolidays: true,
    })
      .filter((c) => closures.find((x) => x.id === c.closureId)?.kind === "date")
      .map((c) => c.closureId);
    expect(ids).toEqual(["reno"]);
  });

  it("holds a holiday for the whole local day in the venue's zone (WIT)", () => {
    const closed = closedIntervals({
      closures: [closures[2] as Closure],
      timeZone: "Asia/Jayapura",
      range: iv("2026-03-18T00:00:00Z", "2026-03-21T00:00:00Z"),
    });
    expect(closed).toEqual([
      {
        ...iv("2026-03-19T00:00:00+09:00", "2026-03-20T00:00:00+09:00"),
        closureId: "nyepi",
        reason: "Hari Suci Nyepi",
      },
    ]);
  });
});
