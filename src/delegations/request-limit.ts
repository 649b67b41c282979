/**
 * @module The per-IP hourly limit on public visit requests, shared by the request form and the API.
 */
import { clientAddress } from "../http/client-address";
import type { AppContext } from "../http/context";
import { enforceRateLimit } from "../http/rate-limit";

export async function limitRequests(c: AppContext) {
  const { db, config, socketAddress, clock } = c.get("deps");
  const ip = clientAddress(c, socketAddress, config.trustProxyHops);
  await enforceRateLimit(db, {
    key: `visit-request:ip:${ip}`,
    limit: config.requestRateLimitPerHour,
    windowMs: 3_600_000,
    now: clock(),
  });
}
