/**
 * @module One JSON log line per request (LOG_REQUESTS=true). Paths that carry a secret — itinerary
 * links `/i/<token>`, calendar feeds `/feeds/<token>.ics`, password-reset links — are logged with the
 * secret replaced by `[redacted]`; the query string (status-link tokens) is never logged.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv, Logger } from "./context";

const SECRET_SEGMENT = /^\/(i|feeds|reset-password)\/([^/.]+)/;

function redactPath(path: string): string {
  return path.replace(SECRET_SEGMENT, (_m, prefix: string) => `/${prefix}/[redacted]`);
}

export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = Date.now();
    await next();
    logger.info("request", {
      method: c.req.method,
      path: redactPath(c.req.path),
      status: c.res.status,
      ms: Date.now() - started,
    });
  };
}
