import { describe, expect, it } from "vitest";
import {
  addDays,
  createZoneClock,
  isValidTimeZone,
  localDateOf,
  localDatesIn,
  localTimeOf,
  localToInstant,
  weekdayOf,
  zoneLabel,
} from "../../src/scheduling/index.js";
import { at } from "./fixtures.js";

describe("localToInstant", () => {
  it("reads wall time in each Indonesian zone", () => {
    expect(localToInstant({ date: "2026-03-02", time: "08:00", timeZone: "Asia/Jakarta" })).toBe(
      at("2026-03-02T01:00:00Z"),
    );
    expect(localToInstant({ date: "2026-03-02", time: "08:00", timeZone: "Asia/Makassar" })).toBe(
      at("2026-03-02T00:00:00Z"),
    );
    expect(localToInstant({ date: "2026-03-02", time: "08:00", timeZone: "Asia/Jayapura" })).toBe(
      at("2026-03-01T23:00:00Z"),
    );
  });

  it("treats 24:00 as the next midnight", () => {
    expect(localToInstant({ date: "2026-12-31", time: "24:00", timeZone: "Asia/Jakarta" })).toBe(
      at("2027-01-01T00:00:00+07:00"),
    );
  });

  it("follows DST: summer and winter offsets, a skipped hour moves forward, a repeated hour takes the first", () => {
    const tz = "America/New_York";
    expect(localToInstant({ date: "2026-07-01", time: "09:00", timeZone: tz })).toBe(
      at("2026-07-01T09:00:00-04:00"),
    );
    expect(localToInstant({ date: "2026-01-05", time: "09:00", timeZone: tz })).toBe(
      at("2026-01-05T09:00:00-05:00"),
    );
    // 2026-03-08 02:30 does not exist in New York: 03:30 EDT.
    expect(localToInstant({ date: "2026-03-08", time: "02:30", timeZone: tz })).toBe(
      at("2026-03-08T03:30:00-04:00"),
    );
    // 2026-11-01 01:30 happens twice: the first (EDT) one.
    expect(localToInstant({ date: "2026-11-01", time: "01:30", timeZone: tz })).toBe(
      at("2026-11-01T01:30:00-04:00"),
    );
  });

  it("rejects malformed dates, times and zones", () => {
    expect(() => localToInstant({ date: "2026-02-30", time: "08:00", timeZone: "Asia/Jakarta" })).toThrow(
      /date/,
    );
    expect(() => localToInstant({ date: "2026-02-03", time: "24:30", timeZone: "Asia/Jakarta" })).toThrow(
      /time/,
    );
    expect(() => localToInstant({ date: "2026-02-03", time: "8:00", timeZone: "Asia/Jakarta" })).toThrow(
      /time/,
    );
    expect(() => localToInstant({ date: "2026-02-03", time: "08:00", timeZone: "Asia/Bogus" })).toThrow(
      /zone/,
    );
    expect(isValidTimeZone("Asia/Makassar")).toBe(true);
    expect(isValidTimeZone("")).toBe(false);
  });
});

describe("local dates", () => {
  it("gives the local date and time of an instant in the zone, not in UTC", () => {
    const instant = at("2026-03-01T23:30:00Z");
    expect(localDateOf(instant, "Asia/Jakarta")).toBe("2026-03-02");
    expect(localTimeOf(instant, "Asia/Jakarta")).toBe("06:30");
    expect(localDateOf(instant, "America/New_York")).toBe("2026-03-01");
    expect(localTimeOf(at("2026-03-02T16:59:00Z"), "Asia/Jakarta")).toBe("23:59");
  });

  it("lists the local dates a range touches, end excluded", () => {
    const range = { start: at("2026-03-02T22:00:00+07:00"), end: at("2026-03-05T00:00:00+07:00") };
    expect(localDatesIn(range, "Asia/Jakarta")).toEqual(["2026-03-02", "2026-03-03", "2026-03-04"]);
    expect(localDatesIn(range, "Asia/Jayapura")).toEqual(["2026-03-03", "2026-03-04", "2026-03-05"]);
    expect(localDatesIn({ start: range.start, end: range.start }, "Asia/Jakarta")).toEqual([]);
  });

  it("knows ISO weekdays and calendar arithmetic", () => {
    expect(weekdayOf("2026-03-02")).toBe(1);
    expect(weekdayOf("2026-03-06")).toBe(5);
    expect(weekdayOf("2026-03-08")).toBe(7);
    expect(weekdayOf("1969-12-31")).toBe(3);
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("zoneLabel", () => {
  it("names Indonesian zones WIB, WITA, WIT", () => {
    const t = at("2026-03-02T00:00:00Z");
    expect(zoneLabel("Asia/Jakarta", t)).toBe("WIB");
    expect(zoneLabel("Asia/Pontianak", t)).toBe("WIB");
    expect(zoneLabel("Asia/Makassar", t)).toBe("WITA");
    expect(zoneLabel("Asia/Jayapura", t)).toBe("WIT");
  });

  it("falls back to the runtime's short name, which follows DST", () => {
    expect(zoneLabel("Australia/Brisbane", at("2026-03-02T00:00:00Z"))).toBe("GMT+10");
    expect(zoneLabel("America/New_York", at("2026-01-15T12:00:00Z"))).toBe("EST");
    expect(zoneLabel("America/New_York", at("2026-07-15T12:00:00Z"))).toBe("EDT");
  });
});

describe("createZoneClock", () => {
  it("agrees with Intl across DST changes when built for a range, to the minute", () => {
    const range = { start: at("2026-01-01T00:00:00Z"), end: at("2026-12-31T00:00:00Z") };
    const fast = createZoneClock("Europe/Berlin", range);
    const slow = createZoneClock("Europe/Berlin");
    // 2026-03-29 01:00Z Berlin goes from +01 to +02.
    expect(fast.offsetAt(at("2026-03-29T00:59:00Z"))).toBe(3_600_000);
    expect(fast.offsetAt(at("2026-03-29T01:00:00Z"))).toBe(7_200_000);
    for (let t = range.start; t < range.end; t += 3 * 3_600_000 + 17 * 60_000) {
      expect(fast.offsetAt(t)).toBe(slow.offsetAt(t));
    }
  });

  it("finds half-hour changes (Lord Howe Island moves 30 minutes)", () => {
    const range = { start: at("2026-03-01T00:00:00Z"), end: at("2026-05-01T00:00:00Z") };
    const fast = createZoneClock("Australia/Lord_Howe", range);
    const slow = createZoneClock("Australia/Lord_Howe");
    for (let t = range.start; t < range.end; t += 15 * 60_000)
      expect(fast.offsetAt(t)).toBe(slow.offsetAt(t));
  });
});
