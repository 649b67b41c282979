/**
 * @module The client's network address for rate limits. The entry point supplies how to read the socket
 * address (Node: the connection; Workers: CF-Connecting-IP). Behind reverse proxies (TRUST_PROXY=n), each
 * proxy appends the address it received from to X-Forwarded-For, so only the last n entries were written
 * by proxies we run; everything left of them came from the client and may be forged. The client address
 * is therefore the n-th entry from the right — never the leftmost.
 */
import type { AppContext } from "./context";

export type SocketAddress = (c: AppContext) => string | undefined;

/** The address `hops` proxies saw, read from the right of X-Forwarded-For; null when the header is short. */
function forwardedAddress(header: string | undefined, hops: number): string | null {
  if (!header || hops < 1) return null;
  const entries = header
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const entry = entries[entries.length - hops];
  return entry && entry.length <= 64 ? entry : null;
}

/** `trustProxyHops`: how many reverse proxies of ours stand in front of the app (0: none, ignore the header). */
export function clientAddress(
  c: AppContext,
  socket: SocketAddress | undefined,
  trustProxyHops: number,
): string {
  const forwarded = forwardedAddress(c.req.header("X-Forwarded-For"), trustProxyHops);
  return forwarded ?? socket?.(c) ?? "unknown";
}

/** The request's client address, with the app's socket reader and `TRUST_PROXY` setting. */
export function requestAddress(c: AppContext): string {
  const { config, socketAddress } = c.get("deps");
  return clientAddress(c, socketAddress, config.trustProxyHops);
}
