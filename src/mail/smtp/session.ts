/**
 * @module One SMTP submission (RFC 5321, 3207, 4954) over an `SmtpSocket`: greeting → EHLO → STARTTLS
 * (on `smtp://` when offered, like nodemailer) → EHLO → AUTH PLAIN or LOGIN → MAIL FROM → RCPT TO → DATA →
 * QUIT. Every refusal becomes an `SmtpError` with nodemailer's codes (EAUTH, EENVELOPE, EMESSAGE,
 * ECONNECTION, ETIMEDOUT), so the outbox retries or fails it exactly as it does on Node.
 */
import { ReplyReader, SmtpError, type SmtpError as SmtpErrorType, type SmtpReply } from "./replies";
import type { SmtpConnect, SmtpSocket } from "./socket";

export interface SmtpServerAddress {
  hostname: string;
  port: number;
  /** true: TLS from the first byte (smtps://, 465); false: plain, upgraded with STARTTLS when offered. */
  secure: boolean;
  auth?: { user: string; pass: string };
}

export interface SmtpEnvelope {
  from: string;
  to: string;
}

export interface SessionOptions {
  connect: SmtpConnect;
  /** The name given in EHLO (a host name of ours). */
  clientName: string;
  connectionTimeoutMs: number;
  socketTimeoutMs: number;
}

class Connection {
  private writer: WritableStreamDefaultWriter<Uint8Array>;
  private replies: ReplyReader;
  private readonly encoder = new TextEncoder();

  constructor(
    private socket: SmtpSocket,
    private readonly timeoutMs: number,
  ) {
    this.writer = socket.writable.getWriter();
    this.replies = new ReplyReader(socket.readable.getReader());
  }

  read(timeoutMs = this.timeoutMs): Promise<SmtpReply> {
    return this.replies.read(timeoutMs);
  }

  async send(line: string, timeoutMs = this.timeoutMs): Promise<SmtpReply> {
    await this.writer.write(this.encoder.encode(`${line}\r\n`));
    return this.read(timeoutMs);
  }

  async writeBytes(bytes: Uint8Array): Promise<void> {
    await this.writer.write(bytes);
  }

  upgrade(): void {
    if (this.replies.pending) throw new SmtpError("data received before the TLS handshake", "EPROTOCOL");
    this.writer.releaseLock();
    this.replies.release();
    this.socket = this.socket.startTls();
    this.writer = this.socket.writable.getWriter();
    this.replies = new ReplyReader(this.socket.readable.getReader());
  }

  async close(): Promise<void> {
    try {
      await this.socket.close();
    } catch {
      // Already closed by the server: nothing to release.
    }
  }
}

function refused(step: string, code: string, reply: SmtpReply): SmtpErrorType {
  return new SmtpError(`${step} refused: ${reply.text}`, code, reply.code, reply.text);
}

function base64Utf8(value: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(value)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** EHLO keywords (upper case) → their parameters, from a 250 reply (its first line is the greeting). */
function extensionsOf(reply: SmtpReply): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const line of reply.lines.slice(1)) {
    const [keyword, ...params] = line.trim().split(/\s+/);
    if (keyword)
      map.set(
        keyword.toUpperCase(),
        params.map((p) => p.toUpperCase()),
      );
  }
  return map;
}

async function hello(conn: Connection, name: string): Promise<Map<string, string[]>> {
  const ehlo = await conn.send(`EHLO ${name}`);
  if (ehlo.code === 250) return extensionsOf(ehlo);
  const helo = await conn.send(`HELO ${name}`);
  if (helo.code !== 250) throw refused("HELO", "EPROTOCOL", helo);
  return new Map();
}

async function authenticate(
  conn: Connection,
  extensions: Map<string, string[]>,
  auth: { user: string; pass: string },
) {
  const offered = extensions.get("AUTH") ?? [];
  if (offered.includes("PLAIN") || !offered.includes("LOGIN")) {
    const reply = await conn.send(`AUTH PLAIN ${base64Utf8(`\u0000${auth.user}\u0000${auth.pass}`)}`);
    if (reply.code !== 235) throw refused("AUTH PLAIN", "EAUTH", reply);
    return;
  }
  let reply = await conn.send("AUTH LOGIN");
  if (reply.code !== 334) throw refused("AUTH LOGIN", "EAUTH", reply);
  reply = await conn.send(base64Utf8(auth.user));
  if (reply.code !== 334) throw refused("AUTH LOGIN", "EAUTH", reply);
  reply = await conn.send(base64Utf8(auth.pass));
  if (reply.code !== 235) throw refused("AUTH LOGIN", "EAUTH", reply);
}

/** CRLF line ends and dot-stuffing (RFC 5321 §4.5.2), then the closing `.` line. */
export function dataBlock(message: Uint8Array): Uint8Array {
  const out: number[] = [];
  let lineStart = true;
  for (let i = 0; i < message.length; i++) {
    const byte = message[i] as number;
    if (byte === 0x0a && (i === 0 || message[i - 1] !== 0x0d)) out.push(0x0d);
    if (lineStart && byte === 0x2e) out.push(0x2e);
    out.push(byte);
    lineStart = byte === 0x0a;
  }
  if (!lineStart) out.push(0x0d, 0x0a);
  out.push(0x2e, 0x0d, 0x0a);
  return Uint8Array.from(out);
}

/** Delivers one message; resolves with the server's reply to the end of DATA ("250 …"). */
export async function submitMessage(
  server: SmtpServerAddress,
  envelope: SmtpEnvelope,
  message: Uint8Array,
  options: SessionOptions,
): Promise<string> {
  let socket: SmtpSocket;
  try {
    socket = options.connect(
      { hostname: server.hostname, port: server.port },
      { secureTransport: server.secure ? "on" : "starttls", allowHalfOpen: false },
    );
  } catch (error) {
    throw new SmtpError(`connection failed: ${String(error)}`, "ECONNECTION");
  }
  const conn = new Connection(socket, options.socketTimeoutMs);
  try {
    const greeting = await conn.read(options.connectionTimeoutMs).catch((error: unknown) => {
      if (error instanceof SmtpError && error.code === "ETIMEDOUT") throw error;
      throw new SmtpError(
        `connection failed: ${error instanceof Error ? error.message : error}`,
        "ECONNECTION",
      );
    });
    if (greeting.code !== 220) throw refused("greeting", "EPROTOCOL", greeting);
    let extensions = await hello(conn, options.clientName);
    if (!server.secure && extensions.has("STARTTLS")) {
      const reply = await conn.send("STARTTLS");
      if (reply.code !== 220) throw refused("STARTTLS", "ETLS", reply);
      conn.upgrade();
      extensions = await hello(conn, options.clientName);
    }
    if (server.auth) await authenticate(conn, extensions, server.auth);

    const from = await conn.send(`MAIL FROM:<${envelope.from}>`);
    if (from.code !== 250) throw refused("MAIL FROM", "EENVELOPE", from);
    const rcpt = await conn.send(`RCPT TO:<${envelope.to}>`);
    if (rcpt.code !== 250 && rcpt.code !== 251) throw refused("RCPT TO", "EENVELOPE", rcpt);
    const data = await conn.send("DATA");
    if (data.code !== 354) throw refused("DATA", "EMESSAGE", data);
    await conn.writeBytes(dataBlock(message));
    const accepted = await conn.read();
    if (accepted.code !== 250) throw refused("message", "EMESSAGE", accepted);
    // The message is accepted: a failing QUIT must not turn it into a retry (a duplicate).
    await conn.send("QUIT", Math.min(2000, options.socketTimeoutMs)).catch(() => undefined);
    return accepted.text;
  } finally {
    await conn.close();
  }
}
