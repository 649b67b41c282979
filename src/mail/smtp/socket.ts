/**
 * @module The socket the SMTP client speaks over: exactly the shape of `connect()` from
 * `cloudflare:sockets` (web streams, `startTls()` for STARTTLS), so the Workers entry passes Cloudflare's
 * `connect` unchanged and tests pass an adapter over node:net / node:tls.
 */

export interface SmtpSocket {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
  /** Resolves once the connection is established; rejects when it cannot be. */
  readonly opened: Promise<unknown>;
  /** Upgrades this connection to TLS; the returned socket replaces this one (its streams are spent). */
  startTls(): SmtpSocket;
  close(): Promise<void>;
}

export interface SmtpSocketOptions {
  /** "on": TLS from the first byte (port 465); "starttls": plain until `startTls()` (port 587). */
  secureTransport: "on" | "starttls";
  allowHalfOpen: false;
}

export type SmtpConnect = (
  address: { hostname: string; port: number },
  options: SmtpSocketOptions,
) => SmtpSocket;
