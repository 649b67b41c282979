/**
 * @module The staff "mail preview" over messages that were written, not sent (no SMTP configured).
 * The Node file transport implements it over `MAIL_DIR`; the app only sees this interface.
 */

export interface MailPreviewSummary {
  /** File name without directory, `[A-Za-z0-9._-]+` only. */
  name: string;
  messageId: string;
  to: string;
  subject: string;
  kind: string;
  /** The mail's language (its Content-Language), so a page in the other language marks it as such. */
  language?: string;
  writtenAt: string;
  hasCalendar: boolean;
}

export interface MailPreviewEntry extends MailPreviewSummary {
  text: string;
  html: string;
  /** The raw .eml (MIME) text. */
  raw: string;
}

export interface MailPreviewStore {
  list(limit?: number): Promise<MailPreviewSummary[]>;
  read(name: string): Promise<MailPreviewEntry | null>;
}

export const PREVIEW_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/;
