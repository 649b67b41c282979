/**
 * @module Security middleware: response headers with a CSP that allows no inline script, and the
 * Origin check (CSRF defence, as in Lucia's Hono guide) that runs before any state-changing request a
 * browser could forge: a request carrying an Origin from another site is refused, and so is a
 * cookie-authenticated one with no Origin at all. Bearer-token API calls carry no cookie and pass.
 * Origins are compared whole (scheme, host and port). Headers a route set itself are kept.
 */
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { secureHeaders } from "hono/secure-headers";
import { SESSION_COOKIE_NAMES } from "../auth/sessions";
import type { AppEnv } from "./context";
import { AppError } from "./errors";

export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
    },
    referrerPolicy: "same-origin",
    crossOriginEmbedderPolicy: false,
    // A route's own header wins: the mail preview's sandbox CSP, the password pages' same-origin referrer.
    overwrite: false,
  });

/**
 * Answers for a signed-in user (cookie or token) may hold personal data: unless the route chose its own
 * Cache-Control, nothing may store them.
 */
export function noStoreWhenSignedIn(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.get("user") && !c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", "no-store");
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "invalid";
  }
}

export function originCheck(allowedOrigins: () => string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header("Origin");
    // Scheme, host and port must all match: http://site is another origin than https://site.
    const allowed = new Set([...allowedOrigins(), c.req.url].map(originOf));
    const hasCookie = SESSION_COOKIE_NAMES.some((name) => getCookie(c, name) !== undefined);
    const bearer = c.get("isApi") && /^bearer\s/i.test(c.req.header("Authorization") ?? "");
    if (origin) {
      if (!allowed.has(originOf(origin)))
        throw new AppError("forbidden", { messageKey: "error.crossOrigin" });
    } else if (hasCookie && !bearer) {
      throw new AppError("forbidden", { messageKey: "error.crossOrigin" });
    }
    return next();
  };
}
