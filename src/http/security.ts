/**
 * @module Security middleware: response headers with a CSP that allows no inline script, and the
 * Origin check (CSRF defence, as in Lucia's Hono guide) that runs before any state-changing request a
 * browser could forge: a request carrying an Origin from another site is refused, and so is a
 * cookie-authenticated one with no Origin at all. Bearer-token API calls carry no cookie and pass.
 */
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { secureHeaders } from "hono/secure-headers";
import { SESSION_COOKIE, verifyRequestOrigin } from "../auth/lucia";
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
  });

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function originCheck(allowedOrigins: () => string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header("Origin");
    const host = c.req.header("Host");
    const allowed = [...allowedOrigins(), ...(host ? [host] : [])];
    const hasCookie = getCookie(c, SESSION_COOKIE) !== undefined;
    const bearer = c.get("isApi") && /^bearer\s/i.test(c.req.header("Authorization") ?? "");
    if (origin) {
      if (!verifyRequestOrigin(origin, allowed))
        throw new AppError("forbidden", { messageKey: "error.crossOrigin" });
    } else if (hasCookie && !bearer) {
      throw new AppError("forbidden", { messageKey: "error.crossOrigin" });
    }
    return next();
  };
}
