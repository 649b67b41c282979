/**
 * @module `connect()` of `cloudflare:sockets` rebuilt over node:net / node:tls, so the Workers SMTP client
 * (src/mail/smtp) runs against a real SMTP server in Node tests. Test-only: it accepts the test server's
 * self-signed certificate, which a Worker never does.
 */
import { isIP, connect as netConnect, type Socket } from "node:net";
import { connect as tlsConnect } from "node:tls";
import type { SmtpConnect, SmtpSocket } from "../../src/mail/smtp/socket";

function wrap(socket: Socket, hostname: string, readyEvent: "connect" | "secureConnect"): SmtpSocket {
  const onData: { fn?: (chunk: Buffer) => void } = {};
  const readable = new ReadableStream<Uint8Array>({
    start(controller) {
      onData.fn = (chunk) => controller.enqueue(new Uint8Array(chunk));
      socket.on("data", onData.fn);
      socket.once("end", () => {
        try {
          controller.close();
        } catch {
          // already closed or errored
        }
      });
      socket.once("error", (error) => {
        try {
          controller.error(error);
        } catch {
          // already closed or errored
        }
      });
    },
  });
  const writable = new WritableStream<Uint8Array>({
    write: (chunk) =>
      new Promise<void>((resolve, reject) => socket.write(chunk, (e) => (e ? reject(e) : resolve()))),
  });
  const opened = new Promise<void>((resolve, reject) => {
    socket.once(readyEvent, () => resolve());
    socket.once("error", reject);
  });
  opened.catch(() => undefined);
  return {
    readable,
    writable,
    opened,
    startTls() {
      if (onData.fn) socket.off("data", onData.fn);
      const upgraded = tlsConnect({
        socket,
        servername: isIP(hostname) ? undefined : hostname,
        rejectUnauthorized: false,
      });
      return wrap(upgraded, hostname, "secureConnect");
    },
    async close() {
      socket.destroy();
    },
  };
}

export const nodeConnect: SmtpConnect = ({ hostname, port }, { secureTransport }) =>
  secureTransport === "on"
    ? wrap(tlsConnect({ host: hostname, port, rejectUnauthorized: false }), hostname, "secureConnect")
    : wrap(netConnect({ host: hostname, port }), hostname, "connect");
