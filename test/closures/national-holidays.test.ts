import { describe, expect, it } from "vitest";
import { nationalHolidays } from "../../src/closures/national-holidays.js";

const byDate = (year: number) => {
  const map = new Map<string, string[]>();
  for (const h of nationalHolidays(year)) map.set(h.date, [...(map.get(h.date) ?? []), h.name]);
  return map;
};

/** Dates in the SKB 3 Menteri 2026 list that date-holidays also gives (see docs/holiday-review-2026-2027.md). */
const AGREED_2026: ReadonlyArray<[string, RegExp]> = [
  ["2026-01-01", /tahun baru/i],
  ["2026-01-16", /isra mikraj/i],
  ["2026-02-17", /imlek/i],
  ["2026-03-19", /nyepi/i],
  ["2026-04-03", /wafat/i],
  ["2026-05-01", /buruh/i],
  ["2026-05-14", /kenaikan/i],
  ["2026-05-27", /idul adha/i],
  ["2026-05-31", /waisak/i],
  ["2026-06-01", /pancasila/i],
  ["2026-06-16", /tahun baru islam/i],
  ["2026-08-17", /kemerdekaan/i],
  ["2026-08-25", /maulid/i],
  ["2026-12-25", /natal/i],
];

describe("nationalHolidays", () => {
  it("returns sorted YYYY-MM-DD public holidays with Indonesian names and their source", () => {
    const list = nationalHolidays(2026);
    expect(list.length).toBeGreaterThanOrEqual(15);
    for (const h of list) {
      expect(h.date).toMatch(/^2026-\d{2}-\d{2}$/);
      expect(h.source).toBe("date-holidays");
      expect(h.name).not.toMatch(/holiday|day of/i); // Indonesian, not English
    }
    expect(list.map((h) => h.date)).toEqual([...list.map((h) => h.date)].sort());
  });

  it("agrees with the SKB 3 Menteri 2026 list on these dates", () => {
    const dates = byDate(2026);
    for (const [date, name] of AGREED_2026) {
      expect(dates.get(date)?.join(" / "), date).toMatch(name);
    }
  });

  it("labels 27 Rajab as Isra Mikraj, not Maulid (date-holidays' own label is wrong)", () => {
    expect(byDate(2026).get("2026-01-16")).toEqual(["Isra Mikraj Nabi Muhammad SAW"]);
    const maulid = nationalHolidays(2026).filter((h) => /maulid/i.test(h.name));
    expect(maulid.map((h) => h.date)).toEqual(["2026-08-25"]);
  });

  it("still has the known gaps of the library (update the review when one of these changes)", () => {
    const dates = byDate(2026);
    // Idul Fitri 1447 H: SKB 21–22 March 2026; date-holidays gives 20–21 March.
    expect(dates.get("2026-03-20")).toEqual(["Hari Raya Idul Fitri"]);
    expect(dates.get("2026-03-21")).toEqual(["Hari Raya Idul Fitri"]);
    expect(dates.has("2026-03-22")).toBe(false);
    // Paskah (Easter Sunday, 5 April 2026) is a national holiday in the SKB but missing here.
    expect(dates.has("2026-04-05")).toBe(false);
    // No cuti bersama at all (SKB 2026: 16 Feb, 18 Mar, 20/23/24 Mar, 15 May, 28 May, 24 Dec).
    for (const d of [
      "2026-02-16",
      "2026-03-18",
      "2026-03-23",
      "2026-03-24",
      "2026-05-15",
      "2026-05-28",
      "2026-12-24",
    ]) {
      expect(dates.has(d), d).toBe(false);
    }
  });

  it("has the fixed-date, Easter-based and Imlek holidays of 2027", () => {
    const dates = byDate(2027);
    const expected: ReadonlyArray<[string, RegExp]> = [
      ["2027-01-01", /tahun baru/i],
      ["2027-02-06", /imlek/i],
      ["2027-03-26", /wafat/i], // Easter 2027 is 28 March
      ["2027-05-01", /buruh/i],
      ["2027-05-06", /kenaikan/i],
      ["2027-06-01", /pancasila/i],
      ["2027-08-17", /kemerdekaan/i],
      ["2027-12-25", /natal/i],
    ];
    for (const [date, name] of expected) expect(dates.get(date)?.join(" / "), date).toMatch(name);
  });

  it("has each 2027 Islamic, Hindu and Buddhist holiday within a day of its expected date", () => {
    // Not confirmed against the SKB 2027; these windows only catch a dropped or badly shifted holiday.
    const windows: ReadonlyArray<[RegExp, string, string, number]> = [
      [/isra mikraj/i, "2027-01-04", "2027-01-06", 1],
      [/nyepi/i, "2027-03-07", "2027-03-09", 1],
      [/idul fitri/i, "2027-03-09", "2027-03-11", 2],
      [/idul adha/i, "2027-05-15", "2027-05-17", 1],
      [/waisak/i, "2027-05-19", "2027-05-21", 1],
      [/tahun baru islam/i, "2027-06-05", "2027-06-07", 1],
      [/maulid/i, "2027-08-13", "2027-08-15", 1],
    ];
    const list = nationalHolidays(2027);
    for (const [name, from, to, count] of windows) {
      const hits = list.filter((h) => name.test(h.name) && h.date >= from && h.date <= to);
      expect(hits.length, String(name)).toBe(count);
    }
  });

  it("rejects nonsense years", () => {
    expect(() => nationalHolidays(2026.5)).toThrow(/bad year/);
  });
});
