/**
 * @module Cleans every value before it reaches an ICS content line.
 *
 * ical-generator 10.2 escapes `\ ; ,` and CR/LF in event TEXT values, but writes other control characters,
 * UIDs, calendar-level NAME/PRODID and quoted parameters (`CN="..."`) with little or no escaping. So nothing
 * reaches it uncleaned: free text loses control characters (line breaks become spaces, or `\n` where a
 * property may hold several lines), names lose `"` (no escape exists inside a quoted parameter), and values
 * Sambang itself generates (UIDs, e-mails, URLs) are validated and refused with an `Error` when malformed,
 * because silently "repairing" an address or identifier would send mail or updates to the wrong place.
 */

/** Any line break a client might honour: CRLF, CR, LF, VT, FF, NEL, LINE/PARAGRAPH SEPARATOR. */
const LINE_BREAKS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;
/** C0 and C1 controls and DEL (after line breaks were handled); tab is turned into a space first. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
/** Bidi embedding/override/isolate controls: they can make a title display as something it is not. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/** A surrogate half without its partner: not encodable as UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function stripUnsafe(value: string): string {
  return value
    .replace(/\t/g, " ")
    .replace(CONTROL_CHARS, "")
    .replace(BIDI_CONTROLS, "")
    .replace(LONE_SURROGATE, "\ufffd");
}

/**
 * One-line text (SUMMARY, LOCATION, CATEGORIES, CN): line breaks become `separator` (LOCATION uses `, ` so
 * "venue\naddress" stays readable), runs of spaces one space.
 */
export function cleanLine(value: string, separator = " "): string {
  return value
    .split(LINE_BREAKS)
    .map((part) => stripUnsafe(part).replace(/ {2,}/g, " ").trim())
    .filter((part) => part.length > 0)
    .join(separator);
}

/** Multi-line text (DESCRIPTION): line breaks are normalised to `\n` (the library escapes them), the rest cleaned. */
export function cleanMultiline(value: string): string {
  return value
    .replace(LINE_BREAKS, "\n")
    .split("\n")
    .map((line) => stripUnsafe(line).trimEnd())
    .join("\n")
    .trim();
}

/**
 * A display name for a quoted parameter (`CN="..."`). RFC 5545 has no escape inside quotes and the library
 * writes `\"`, which other parsers read as the end of the quote; so `"` becomes `'` and `\` becomes `/`.
 */
export function cleanParamName(value: string): string {
  return cleanLine(value).replace(/"/g, "'").replace(/\\/g, "/");
}

/** TEXT escaping (RFC 5545 §3.3.11) for the calendar-level values the library writes raw (NAME, X-WR-CALNAME). */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`);
}

const UID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._~+-]*(?:@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)?$/;

/** Sambang generates UIDs (`<uuid>@sambang`); anything outside a safe charset is a programming error. */
export function assertUid(uid: string): string {
  if (uid.length === 0 || uid.length > 255 || !UID_PATTERN.test(uid)) {
    throw new Error(`calendar: invalid UID ${JSON.stringify(uid)} (expected e.g. "<uuid>@sambang")`);
  }
  return uid;
}

const EMAIL_PATTERN =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** An address for `mailto:`; refused (not repaired) when it holds anything but a plain addr-spec. */
export function assertEmail(email: string, field: string): string {
  if (email.length > 254 || !EMAIL_PATTERN.test(email)) {
    throw new Error(`calendar: invalid e-mail in ${field}: ${JSON.stringify(email)}`);
  }
  return email;
}

/**
 * An http(s) URL for `URL;VALUE=URI`. The library backslash-escapes `,` and `;` even in URI values, which
 * corrupts them, so those two are percent-encoded here instead.
 */
export function assertUrl(url: string, field: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  if (/[\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(url)) {
    throw new Error(`calendar: invalid URL in ${field}: contains whitespace or control characters`);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`calendar: invalid URL in ${field}: ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new Error(`calendar: URL in ${field} must be http(s): ${JSON.stringify(url)}`);
  }
  return parsed.href.replace(/,/g, "%2C").replace(/;/g, "%3B").replace(/\\/g, "%5C");
}
