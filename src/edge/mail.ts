/**
 * @module Mail on Workers: with SMTP_URL, the outbox is delivered by SMTP submission over `connect()`
 * (587 STARTTLS or 465 TLS; Cloudflare blocks port 25); without it, nothing is sent and messages wait in
 * the outbox (queued, visible at /admin/outbox) until a relay is configured — never dropped.
 * See docs/decisions/016-mail-from-the-edge.md.
 */
import { connect } from "cloudflare:sockets";
import type { Config } from "../config";
import { composeMime } from "../mail/edge/compose-mime";
import { createSocketSmtpTransport } from "../mail/smtp/transport";
import type { MailTransport } from "../mail/transport";

export function workerMailTransport(config: Config): MailTransport | undefined {
  if (!config.smtpUrl) return undefined;
  return createSocketSmtpTransport({
    url: config.smtpUrl,
    connect,
    compose: composeMime,
    clientName: new URL(config.baseUrl).hostname,
  });
}
