/**
 * @module The client's network address for rate limits. The entry point supplies how to read the socket
 * address (Node: the connection; Workers: CF-Connecting-IP); X-Forwarded-For is read only when
 * TRUST_PROXY is set.
 */
import type { AppContext } from "./context";

export type SocketAddress = (c: AppContext) => string | undefined;

export function clientAddress(c: AppContext, socket: SocketAddress | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("X-Forwarded-For")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return socket?.(c) ?? "unknown";
}
