/**
 * @module Node only: the SMTP transport (nodemailer) used when SMTP_URL is set. `smtp://` upgrades with
 * STARTTLS when the server offers it; `smtps://` is TLS from the first byte (port 465). Credentials go
 * in the URL (`smtp://user:pass@host:587`). Timeouts are short so a hung server fails an attempt (and
 * the outbox retries it) well inside the delivery lease.
 */
import nodemailer from "nodemailer";
import { classifySmtpError, type MailTransport, type SendResult } from "../transport";
import { nodemailerOptions } from "./nodemailer-message";

export interface SmtpTransportOptions {
  url: string;
  rejectUnauthorized: boolean;
  /** Milliseconds; defaults suit a relay on the same network. */
  connectionTimeoutMs?: number;
  socketTimeoutMs?: number;
}

export function createSmtpTransport(options: SmtpTransportOptions): MailTransport {
  const transporter = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: options.connectionTimeoutMs ?? 15_000,
    greetingTimeout: options.connectionTimeoutMs ?? 15_000,
    socketTimeout: options.socketTimeoutMs ?? 60_000,
    tls: { rejectUnauthorized: options.rejectUnauthorized },
  });
  const url = new URL(options.url);
  return {
    kind: "smtp",
    description: `${url.protocol}//${url.hostname}:${url.port || (url.protocol === "smtps:" ? 465 : 587)}`,
    async send(mail): Promise<SendResult> {
      try {
        const info = await transporter.sendMail(nodemailerOptions(mail));
        if (info.rejected.length > 0) {
          throw Object.assign(new Error(`recipient rejected: ${info.rejected.join(", ")}`), {
            code: "EENVELOPE",
            responseCode: 550,
          });
        }
        return { response: info.response };
      } catch (error) {
        throw classifySmtpError(error);
      }
    },
    close: () => transporter.close(),
  };
}
