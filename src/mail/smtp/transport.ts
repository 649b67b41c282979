/**
 * @module A `MailTransport` that submits over a socket with the small SMTP client in session.ts: the
 * Workers path (`connect()` from `cloudflare:sockets`), where nodemailer's own SMTP transport cannot run.
 * `smtp://user:pass@host:587` upgrades with STARTTLS when offered; `smtps://…:465` is TLS from the first
 * byte. Failures are classified by the same `classifySmtpError` as on Node, so retry and failure match.
 */
import { classifySmtpError, type MailTransport, type OutgoingMail } from "../transport";
import { submitMessage } from "./session";
import type { SmtpConnect } from "./socket";

export interface SocketSmtpOptions {
  url: string;
  connect: SmtpConnect;
  /** Builds the RFC 5322 message (nodemailer's MailComposer). */
  compose: (mail: OutgoingMail) => Promise<Uint8Array>;
  /** The name given in EHLO. */
  clientName: string;
  connectionTimeoutMs?: number;
  socketTimeoutMs?: number;
}

export function createSocketSmtpTransport(options: SocketSmtpOptions): MailTransport {
  const url = new URL(options.url);
  const secure = url.protocol === "smtps:";
  const port = Number(url.port) || (secure ? 465 : 587);
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  const auth = url.username
    ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
    : undefined;
  return {
    kind: "smtp",
    description: `${url.protocol}//${url.hostname}:${port}`,
    async send(mail) {
      try {
        const message = await options.compose(mail);
        const response = await submitMessage(
          { hostname, port, secure, auth },
          { from: mail.from.email, to: mail.to.email },
          message,
          {
            connect: options.connect,
            clientName: options.clientName,
            connectionTimeoutMs: options.connectionTimeoutMs ?? 15_000,
            socketTimeoutMs: options.socketTimeoutMs ?? 60_000,
          },
        );
        return { response };
      } catch (error) {
        throw classifySmtpError(error);
      }
    },
  };
}
