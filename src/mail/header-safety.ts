/**
 * @module Header safety for everything that reaches a mail header or the SMTP envelope from user input:
 * names, subjects and addresses. A CR or LF in a header value could start a new header (`Bcc:`) or, in the
 * envelope, a new SMTP command; other control characters confuse parsers. Text fields are cleaned (control
 * characters become spaces, runs collapse); addresses are validated, never "cleaned", because a silently
 * rewritten address would deliver to someone else.
 */
import { z } from "zod";

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we remove.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above (no `g`: `test` must not keep state).
const HAS_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** One header line: control characters (CR, LF, NUL, TAB…) → one space, trimmed, at most `max` chars. */
export function cleanHeaderText(value: string, max = 200): string {
  const cleaned = value.replace(CONTROL, " ").replace(/\s+/g, " ").trim();
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned;
}

const emailSchema = z.email();

/** True for a plain address (`a@b.id`) with nothing a header or the envelope could misread. */
export function isSafeAddress(value: string): boolean {
  return value.length <= 254 && !HAS_CONTROL.test(value) && emailSchema.safeParse(value).success;
}

export class UnsafeAddressError extends Error {
  override name = "UnsafeAddressError";
}

/** The address lower-cased for dedupe and sending; throws UnsafeAddressError when it is not a plain address. */
export function safeAddress(value: string): string {
  const trimmed = value.trim();
  if (!isSafeAddress(trimmed)) throw new UnsafeAddressError(`unsafe e-mail address ${JSON.stringify(value)}`);
  return trimmed.toLowerCase();
}

export interface Mailbox {
  name: string;
  email: string;
}

/** A recipient made safe: cleaned display name, validated address. */
export function safeMailbox(name: string, email: string): Mailbox {
  return { name: cleanHeaderText(name, 120), email: safeAddress(email) };
}

/** Parses `Name <addr>` or `addr` (MAIL_FROM); throws a plain Error on a bad value (a config mistake). */
export function parseMailbox(value: string): Mailbox {
  const m = /^\s*(?:"?([^"<]*?)"?\s*)?<([^<>]+)>\s*$/.exec(value);
  const name = m ? (m[1] ?? "") : "";
  const email = m ? (m[2] ?? "") : value;
  // Config, not user input: `protokol@localhost` is fine here, but nothing a header could misread.
  if (!/^[^\s@<>",;]+@[^\s@<>",;]+$/.test(email.trim()) || HAS_CONTROL.test(value)) {
    throw new Error(`not a valid mailbox: ${JSON.stringify(value)}`);
  }
  return { name: cleanHeaderText(name, 120), email: email.trim() };
}
