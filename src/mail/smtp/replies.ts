/**
 * @module Reads SMTP replies (RFC 5321 §4.2) from a byte stream: `250-…` lines continue a reply, `250 …`
 * ends it. Each read waits at most a given time, so a silent server fails the attempt instead of hanging
 * the delivery run.
 */

export interface SmtpReply {
  code: number;
  /** The reply's text lines, code stripped. */
  lines: string[];
  /** The reply as the server sent it, lines joined by a space (for `last_error`). */
  text: string;
}

/** An SMTP-level failure, shaped like nodemailer's errors so `classifySmtpError` treats both alike. */
export class SmtpError extends Error {
  override name = "SmtpError";
  constructor(
    message: string,
    readonly code: string,
    readonly responseCode?: number,
    readonly response?: string,
  ) {
    super(message);
  }
}

export class ReplyReader {
  private buffer = "";
  private readonly decoder = new TextDecoder();

  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  /** Reads one complete reply, waiting at most `timeoutMs` for it. */
  async read(timeoutMs: number): Promise<SmtpReply> {
    const lines: string[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new SmtpError(`timeout: no reply from the SMTP server in ${timeoutMs} ms`, "ETIMEDOUT")),
        timeoutMs,
      );
    });
    try {
      for (;;) {
        const line = await Promise.race([this.nextLine(), timeout]);
        const m = /^(\d{3})([ -])(.*)$/.exec(line);
        if (!m) throw new SmtpError(`invalid SMTP reply line: ${line.slice(0, 200)}`, "EPROTOCOL");
        lines.push(m[3] ?? "");
        if (m[2] === " ") {
          const code = Number(m[1]);
          return { code, lines, text: `${code} ${lines.join(" ")}` };
        }
      }
    } finally {
      clearTimeout(timer);
    }
  }

  private async nextLine(): Promise<string> {
    for (;;) {
      const end = this.buffer.indexOf("\n");
      if (end >= 0) {
        const line = this.buffer.slice(0, end).replace(/\r$/, "");
        this.buffer = this.buffer.slice(end + 1);
        return line;
      }
      const { value, done } = await this.reader.read();
      if (done) throw new SmtpError("connection closed by the SMTP server", "ECONNECTION");
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  /** Bytes received but not yet read (must be none before STARTTLS, or a server could inject commands). */
  get pending(): boolean {
    return this.buffer.length > 0;
  }

  release(): void {
    this.reader.releaseLock();
  }
}
