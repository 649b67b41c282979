/** Date/time formatting for people, with the zone label from the IANA zone. */
import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatTime,
  formatWallTime,
  formatWallTimeRange,
} from "../../src/i18n/format";

const NINE_WIB = new Date("2026-02-07T09:00:00+07:00");

describe("formatDateTime", () => {
  it("writes Bahasa Indonesia and English exactly", () => {
    expect(formatDateTime(NINE_WIB, "id", "Asia/Jakarta")).toBe("Sabtu, 7 Februari 2026, 09.00 WIB");
    expect(formatDateTime(NINE_WIB, "en", "Asia/Jakarta")).toBe("Saturday, 7 February 2026, 09:00 WIB");
  });

  it("uses WITA and WIT in central and eastern Indonesia", () => {
    expect(formatDateTime(NINE_WIB, "id", "Asia/Makassar")).toBe("Sabtu, 7 Februari 2026, 10.00 WITA");
    expect(formatDateTime(NINE_WIB, "en", "Asia/Makassar")).toBe("Saturday, 7 February 2026, 10:00 WITA");
    expect(formatDateTime(NINE_WIB, "id", "Asia/Jayapura")).toBe("Sabtu, 7 Februari 2026, 11.00 WIT");
    expect(formatDateTime(NINE_WIB, "en", "Asia/Jayapura")).toBe("Saturday, 7 February 2026, 11:00 WIT");
    expect(formatDateTime(NINE_WIB, "id", "Asia/Pontianak")).toBe("Sabtu, 7 Februari 2026, 09.00 WIB");
  });

  it("crosses midnight into the local date", () => {
    const late = new Date("2026-02-07T23:30:00+07:00");
    expect(formatDateTime(late, "id", "Asia/Jayapura")).toBe("Minggu, 8 Februari 2026, 01.30 WIT");
  });

  it("has date and time parts on their own", () => {
    expect(formatDate(NINE_WIB, "id", "Asia/Jakarta")).toBe("Sabtu, 7 Februari 2026");
    expect(formatTime(NINE_WIB, "id", "Asia/Jakarta")).toBe("09.00 WIB");
    expect(formatTime(NINE_WIB, "en", "Asia/Jakarta", false)).toBe("09:00");
  });
});

describe("one time format per language", () => {
  it("writes wall-clock times with a point in Indonesian and a colon in English", () => {
    expect(formatWallTime("08:30", "id")).toBe("08.30");
    expect(formatWallTime("08:30", "en")).toBe("08:30");
    expect(formatWallTime("24:00", "id")).toBe("24.00");
    expect(formatWallTimeRange("09:00", "10:30", "id")).toBe("09.00–10.30");
    expect(formatWallTimeRange("09:00", "10:30", "en")).toBe("09:00–10:30");
  });

  it("an instant and its wall-clock time read the same", () => {
    for (const locale of ["id", "en"] as const) {
      expect(formatTime(NINE_WIB, locale, "Asia/Jakarta", false)).toBe(formatWallTime("09:00", locale));
    }
  });
});
