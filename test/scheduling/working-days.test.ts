import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  closedDatesOf,
  earliestRequestDate,
  isRequestDateAllowed,
  isWorkingDay,
} from "../../src/scheduling/index.js";
import { at } from "./fixtures.js";

const none = new Set<string>();

describe("isWorkingDay", () => {
  it("excludes Saturdays, Sundays and closed dates", () => {
    expect(isWorkingDay("2026-03-06", none)).toBe(true); // Friday
    expect(isWorkingDay("2026-03-07", none)).toBe(false); // Saturday
    expect(isWorkingDay("2026-03-08", none)).toBe(false); // Sunday
    expect(isWorkingDay("2026-03-09", none)).toBe(true);
    expect(isWorkingDay("2026-03-09", new Set(["2026-03-09"]))).toBe(false);
  });
});

describe("addWorkingDays", () => {
  it("counts strictly after the date, across a weekend and a holiday", () => {
    expect(addWorkingDays({ date: "2026-03-05", days: 1, closedDates: none })).toBe("2026-03-06");
    expect(addWorkingDays({ date: "2026-03-05", days: 2, closedDates: none })).toBe("2026-03-09");
    expect(addWorkingDays({ date: "2026-03-05", days: 2, closedDates: new Set(["2026-03-09"]) })).toBe(
      "2026-03-10",
    );
    expect(addWorkingDays({ date: "2026-03-07", days: 0, closedDates: none })).toBe("2026-03-07");
    expect(() => addWorkingDays({ date: "2026-03-07", days: -1, closedDates: none })).toThrow();
  });
});

describe("earliestRequestDate", () => {
  // Friday 6 March 2026, afternoon in Banyuwangi (WIB).
  const friday = at("2026-03-06T15:00:00+07:00");

  it("Friday request, N = 3, Monday a holiday: Thursday is the earliest, Wednesday fails", () => {
    const closedDates = new Set(["2026-03-09"]);
    const input = { now: friday, timeZone: "Asia/Jakarta", minWorkingDays: 3, closedDates };
    expect(earliestRequestDate(input)).toBe("2026-03-12");
    expect(isRequestDateAllowed({ ...input, date: "2026-03-11" })).toBe(false);
    expect(isRequestDateAllowed({ ...input, date: "2026-03-12" })).toBe(true);
    expect(isRequestDateAllowed({ ...input, date: "2026-03-14" })).toBe(true); // later Saturday is fine
  });

  it("without the holiday, Wednesday is the earliest", () => {
    expect(
      earliestRequestDate({ now: friday, timeZone: "Asia/Jakarta", minWorkingDays: 3, closedDates: none }),
    ).toBe("2026-03-11");
  });

  it("a weekend request counts from Monday", () => {
    const saturday = at("2026-03-07T09:00:00+07:00");
    expect(
      earliestRequestDate({ now: saturday, timeZone: "Asia/Jakarta", minWorkingDays: 3, closedDates: none }),
    ).toBe("2026-03-11");
  });

  it("'today' is the local date in the given zone, not UTC", () => {
    // 23:30Z Thursday is already Friday 06:30 in WIB.
    const now = at("2026-03-05T23:30:00Z");
    expect(earliestRequestDate({ now, timeZone: "Asia/Jakarta", minWorkingDays: 1, closedDates: none })).toBe(
      "2026-03-09",
    );
    expect(earliestRequestDate({ now, timeZone: "UTC", minWorkingDays: 1, closedDates: none })).toBe(
      "2026-03-06",
    );
  });

  it("N = 0 allows today", () => {
    expect(
      earliestRequestDate({ now: friday, timeZone: "Asia/Jakarta", minWorkingDays: 0, closedDates: none }),
    ).toBe("2026-03-06");
  });
});

describe("closedDatesOf", () => {
  it("takes date closures for all venues only", () => {
    const set = closedDatesOf([
      { kind: "date", id: "nyepi", reason: "Nyepi", date: "2026-03-19" },
      { kind: "date", id: "reno", reason: "Renovasi", date: "2026-03-18", venueId: "mpp" },
      { kind: "one-off", id: "x", reason: "Acara", start: 0, end: 1 },
      { kind: "recurring", id: "b", reason: "Istirahat", weekdays: [1], from: "12:00", to: "13:00" },
    ]);
    expect([...set]).toEqual(["2026-03-19"]);
  });
});
