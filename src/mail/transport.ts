/**
 * @module The seam between the runtime-neutral outbox and whatever delivers mail. The Node server injects
 * an SMTP transport (nodemailer) or the .eml file writer; the Worker injects SMTP over `connect()` (smtp/).
 * A transport either resolves (the server accepted the message) or throws `MailDeliveryError` saying
 * whether trying again could help.
 */
import type { Mailbox } from "./header-safety";

export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/** A message ready to send; every header value has already been cleaned (see header-safety.ts). */
export interface OutgoingMail {
  /** `<uuid@host>`, the same on every attempt. */
  messageId: string;
  from: Mailbox;
  replyTo?: Mailbox;
  to: Mailbox;
  subject: string;
  text: string;
  html: string;
  /** At most one calendar: it becomes the single text/calendar part (plus one .ics attachment). */
  calendar?: { method: "REQUEST" | "CANCEL"; content: string; filename: string };
  attachments: OutgoingAttachment[];
  /** Extra headers Sambang sets itself (never from user input), e.g. X-Sambang-Kind. */
  headers: Record<string, string>;
}

export interface SendResult {
  /** What the server said (SMTP: "250 OK …"), or where the file went. */
  response: string;
}

export interface MailTransport {
  /** "smtp" really sends; "file" writes .eml files that are NOT sent. */
  readonly kind: "smtp" | "file" | "memory";
  /** Host/port or directory, for staff pages; no secrets. */
  readonly description: string;
  send(mail: OutgoingMail): Promise<SendResult>;
  close?(): Promise<void> | void;
}

export class MailDeliveryError extends Error {
  override name = "MailDeliveryError";
  constructor(
    message: string,
    /** true: retrying cannot help (5xx, bad address). false: try again later (connection, timeout, 4xx). */
    readonly permanent: boolean,
    readonly responseCode?: number,
  ) {
    super(message);
  }
}

/**
 * Classifies a nodemailer-style error: SMTP 5xx and envelope/address errors are permanent; 4xx,
 * connection and timeout errors are temporary. Authentication failures (535) count as temporary on
 * purpose: they are a configuration problem, and once fixed the queued mail should still go out.
 */
export function classifySmtpError(error: unknown): MailDeliveryError {
  if (error instanceof MailDeliveryError) return error;
  const e = (error ?? {}) as { message?: string; code?: string; responseCode?: number; response?: string };
  const code = typeof e.responseCode === "number" ? e.responseCode : undefined;
  const text = [e.code, code, e.response ?? e.message].filter((v) => v !== undefined && v !== "").join(" ");
  const message = text || String(error);
  if (e.code === "EAUTH") return new MailDeliveryError(message, false, code);
  if (code !== undefined && code >= 500) return new MailDeliveryError(message, true, code);
  if (code !== undefined && code >= 400) return new MailDeliveryError(message, false, code);
  if (e.code === "EENVELOPE" || e.code === "EADDRESS") return new MailDeliveryError(message, true, code);
  return new MailDeliveryError(message, false, code);
}
