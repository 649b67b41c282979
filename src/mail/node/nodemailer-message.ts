/**
 * @module Node only: turns an `OutgoingMail` into nodemailer message options. Shared by the SMTP and the
 * .eml file transports, so a preview file is byte-for-byte the message SMTP would carry.
 *
 * The calendar goes in as `icalEvent`, which makes nodemailer add the one `text/calendar; method=…`
 * alternative part and one `application/ics` attachment — never add the .ics again as an attachment
 * (that gives three calendar entities). File and URL access are disabled: no content may be
 * read from disk or fetched by address.
 */
import { Buffer } from "node:buffer";
import type Mail from "nodemailer/lib/mailer";
import type { OutgoingMail } from "../transport";

export function nodemailerOptions(mail: OutgoingMail): Mail.Options {
  return {
    messageId: mail.messageId,
    from: { name: mail.from.name, address: mail.from.email },
    ...(mail.replyTo ? { replyTo: { name: mail.replyTo.name, address: mail.replyTo.email } } : {}),
    to: { name: mail.to.name, address: mail.to.email },
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    ...(mail.calendar
      ? {
          icalEvent: {
            method: mail.calendar.method,
            filename: mail.calendar.filename,
            content: mail.calendar.content,
          },
        }
      : {}),
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.content),
    })),
    headers: mail.headers,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
