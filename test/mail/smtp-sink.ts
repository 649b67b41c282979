/**
 * @module A real SMTP server in the test process (smtp-server on 127.0.0.1), recording every message it
 * ACCEPTED (answered 250 after DATA) with the envelope and the message parsed by mailparser. Options let
 * a test reject recipients with a 550 (or 451), make the server stall after DATA (to kill a sender mid-send),
 * answer slowly (a slow relay), require AUTH, or speak TLS (STARTTLS or implicit, with smtp-server's
 * built-in self-signed certificate).
 */
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  raw: string;
  parsed: ParsedMail;
}

export interface SinkOptions {
  port?: number;
  /** Addresses refused at RCPT TO with "550 mailbox unavailable". */
  reject550?: string[];
  /** When true, DATA is read but never answered (the client waits). */
  stallOnData?: boolean;
  /** With stallOnData: accept this many messages first, then stall (default 0). */
  stallAfter?: number;
  /** A slow relay: wait this long after reading DATA before answering 250. */
  delayMs?: number;
  /** Require AUTH with these credentials (over plain text too), offering only `methods`. */
  auth?: { user: string; pass: string; methods?: ("PLAIN" | "LOGIN")[] };
  /** "starttls": offer STARTTLS; "implicit": TLS from the first byte (port 465 style). Self-signed. */
  tls?: "starttls" | "implicit";
  /** Addresses answered at RCPT TO with "451 try again later". */
  reject451?: string[];
}

/**
 * Starts the server. Options are read on every message, so a test may change them while the server runs (e.g. set
 * `stallOnData = false` once the hung relay "recovers").
 */
export async function startSmtpSink(options: SinkOptions = {}) {
  const received: ReceivedMail[] = [];
  /** Every DATA the server read, accepted or not (to see a message that arrived but was never acked). */
  const seenMessageIds: string[] = [];
  /** What each session did: whether it ran over TLS and how it authenticated. */
  const sessions: { secure: boolean; authMethod?: string; user?: string }[] = [];
  const disabled = [...(options.auth ? [] : ["AUTH"]), ...(options.tls === "starttls" ? [] : ["STARTTLS"])];
  const server = new SMTPServer({
    authOptional: !options.auth,
    disabledCommands: disabled,
    secure: options.tls === "implicit",
    allowInsecureAuth: true,
    authMethods: options.auth?.methods ?? ["PLAIN", "LOGIN"],
    logger: false,
    onAuth(auth, session, callback) {
      const ok = auth.username === options.auth?.user && auth.password === options.auth?.pass;
      sessions.push({ secure: session.secure, authMethod: auth.method, user: auth.username });
      if (!ok) return callback(new Error("5.7.8 authentication failed"));
      callback(null, { user: auth.username });
    },
    onRcptTo(address, _session, callback) {
      if (options.reject451?.includes(address.address.toLowerCase())) {
        const error = Object.assign(new Error("4.2.0 try again later"), { responseCode: 451 });
        return callback(error);
      }
      if (options.reject550?.includes(address.address.toLowerCase())) {
        const error = Object.assign(new Error("5.1.1 mailbox unavailable"), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      if (!options.auth) sessions.push({ secure: session.secure });
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const parsed = await simpleParser(raw);
        seenMessageIds.push(parsed.messageId ?? "");
        if (options.stallOnData && received.length >= (options.stallAfter ?? 0)) return; // never answer
        if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
        received.push({
          envelope: {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
          },
          raw,
          parsed,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    seenMessageIds,
    sessions,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;

/** A port nothing listens on (bound, then released). */

/** The Content-Types of every MIME entity in a raw message (multipart containers included). */
export function contentTypes(raw: string): string[] {
  return [...raw.matchAll(/^Content-Type:\s*([^;\r\n]+)(?:;[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*)?/gim)].map((m) =>
    (m[1] ?? "").trim().toLowerCase(),
  );
}

/** The header block of the top-level message: names in order, lower-cased. */
export function topHeaderNames(raw: string): string[] {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
  return head
    .split(/\r?\n/)
    .filter((l) => /^[!-9;-~]+:/.test(l))
    .map((l) => (l.split(":")[0] ?? "").toLowerCase());
}
