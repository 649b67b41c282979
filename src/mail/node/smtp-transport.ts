/**
 * @module Node only: the SMTP transport (nodemailer) used when SMTP_URL is set. `smtp://` upgrades with
 * STARTTLS when the server offers it; `smtps://` is TLS from the first byte (port 465). Credentials go
 * in the URL (`smtp://user:pass@host:587`). Timeouts are short so a hung server fails an attempt (and
 * the outbox retries it) well inside the delivery lease. nodemailer is imported at the first send, not at
 * start-up (most starts send nothing for a while).
 */
import type { Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { classifySmtpError, type MailTransport, type SendResult } from "../transport";
import { nodemailerOptions } from "./nodemailer-message";

export interface SmtpTransportOptions {
  url: string;
  rejectUnauthorized: boolean;
  /** Milliseconds; defaults suit a relay on the same network. */
  connectionTimeoutMs?: number;
  socketTimeoutMs?: number;
}

/** Default connection (and greeting) timeout of one SMTP attempt, in milliseconds. */
export const SMTP_CONNECTION_TIMEOUT_MS = 15_000;
/** Default socket inactivity timeout of one SMTP attempt, in milliseconds. */
export const SMTP_SOCKET_TIMEOUT_MS = 60_000;

export function createSmtpTransport(options: SmtpTransportOptions): MailTransport {
  let transporter: Promise<Transporter<SMTPTransport.SentMessageInfo>> | undefined;
  const open = () => {
    transporter ??= import("nodemailer").then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        url: options.url,
        connectionTimeout: options.connectionTimeoutMs ?? SMTP_CONNECTION_TIMEOUT_MS,
        greetingTimeout: options.connectionTimeoutMs ?? SMTP_CONNECTION_TIMEOUT_MS,
        socketTimeout: options.socketTimeoutMs ?? SMTP_SOCKET_TIMEOUT_MS,
        tls: { rejectUnauthorized: options.rejectUnauthorized },
      }),
    );
    return transporter;
  };
  const url = new URL(options.url);
  return {
    kind: "smtp",
    description: `${url.protocol}//${url.hostname}:${url.port || (url.protocol === "smtps:" ? 465 : 587)}`,
    async send(mail): Promise<SendResult> {
      try {
        const info = await (await open()).sendMail(nodemailerOptions(mail));
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
    close: async () => {
      if (transporter) (await transporter).close();
    },
  };
}
