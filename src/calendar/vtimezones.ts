/**
 * @module VTIMEZONE components for the zones Sambang venues use (WIB, WITA, WIT).
 *
 * The texts are copied verbatim from `@touch4it/ical-timezones` 1.9.0 (tzurl.org, Olson 2018g), and a test
 * checks they still equal that package's output. They are embedded rather than imported because that
 * package reads its `.ics` files with `node:fs` at call time: on Cloudflare Workers the files are not
 * bundled, so it would silently return `null` and clients would read every time as floating. Indonesia has
 * had no DST or offset change since 1988, so these texts do not age. Other zones need a generator passed
 * to `buildCalendar` (on Node: `getVtimezoneComponent` from `@touch4it/ical-timezones`).
 */

/** Returns the VTIMEZONE text for an IANA zone, or `null` when it does not know the zone. */
export type VtimezoneGenerator = (timeZone: string) => string | null;

function fixedZone(tzid: string, offset: string, abbreviation: string): string {
  return [
    "BEGIN:VTIMEZONE",
    `TZID:${tzid}`,
    `TZURL:http://tzurl.org/zoneinfo-outlook/${tzid}`,
    `X-LIC-LOCATION:${tzid}`,
    "BEGIN:STANDARD",
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    `TZNAME:${abbreviation}`,
    "DTSTART:19700101T000000",
    "END:STANDARD",
    "END:VTIMEZONE",
  ].join("\r\n");
}

const INDONESIAN_ZONES: ReadonlyMap<string, string> = new Map([
  ["Asia/Jakarta", fixedZone("Asia/Jakarta", "+0700", "WIB")],
  ["Asia/Pontianak", fixedZone("Asia/Pontianak", "+0700", "WIB")],
  ["Asia/Makassar", fixedZone("Asia/Makassar", "+0800", "WITA")],
  ["Asia/Jayapura", fixedZone("Asia/Jayapura", "+0900", "WIT")],
]);

/** The zones this module knows without a generator. */
export const EMBEDDED_TIME_ZONES: readonly string[] = [...INDONESIAN_ZONES.keys()];

/** VTIMEZONE for the four Indonesian IANA zones; `null` for any other. Runs anywhere (no I/O). */
export const indonesianVtimezone: VtimezoneGenerator = (timeZone) => INDONESIAN_ZONES.get(timeZone) ?? null;
