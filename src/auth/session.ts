/**
 * @module Session lifecycle for requests: sign in (a new session id every time, the old one ended), sign
 * out, and the middleware that resolves the current user from the cookie or a bearer token. The rules
 * themselves (lifetimes, cookie) are in `sessions.ts`.
 */
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { Db } from "../../db/client";
import type { AppContext, AppEnv, CurrentUser } from "../http/context";
import { auditedTransaction } from "../http/service-context";
import { createTokenAuthenticator } from "./api-tokens";
import type { Auth } from "./sessions";

function setCookie(c: AppContext, serialized: string) {
  c.header("Set-Cookie", serialized, { append: true });
}

/** Starts a fresh session for `user`, ending the one the browser had (session fixation defence). */
export async function startSession(c: AppContext, auth: Auth, user: CurrentUser): Promise<void> {
  const previous = getCookie(c, auth.cookieName);
  if (previous) await auth.invalidate(previous);
  const { db, clock } = c.get("deps");
  const session = await auth.create(user.id, clock());
  setCookie(c, session.cookie);
  c.set("sessionId", session.id);
  // The user acts on their own behalf: the request's context still knows no user.
  const transaction = auditedTransaction(db, { id: user.id, label: user.email }, clock());
  await transaction((_tx, audit) => audit("auth.sign_in", { type: "user", id: user.id }));
}

export async function endSession(c: AppContext, auth: Auth): Promise<void> {
  const sessionId = c.get("sessionId");
  const user = c.get("user");
  if (sessionId) await auth.invalidate(sessionId);
  setCookie(c, auth.blankCookie());
  if (user) {
    const { db, clock } = c.get("deps");
    const transaction = auditedTransaction(db, { id: user.id, label: user.email }, clock());
    await transaction((_tx, audit) => audit("auth.sign_out", { type: "user", id: user.id }));
  }
}

/**
 * Resolves the current user. `/api/v1/*` accepts `Authorization: Bearer <token>` (no cookie involved, so
 * no CSRF exposure); every route accepts the session cookie. A disabled user is treated as signed out.
 */
export function resolveUser(
  auth: Auth,
  { db, clock }: { db: Db; clock: () => Date },
): MiddlewareHandler<AppEnv> {
  const authenticateToken = createTokenAuthenticator(db, clock);
  return async (c, next) => {
    c.set("user", null);
    c.set("sessionId", null);
    c.set("authMethod", null);
    c.set("apiToken", null);
    const header = c.req.header("Authorization");
    if (header && c.get("isApi")) {
      const [scheme, token] = header.split(" ", 2);
      if (scheme?.toLowerCase() === "bearer" && token) {
        const found = await authenticateToken(token.trim());
        if (found) {
          c.set("user", found.user);
          c.set("authMethod", "token");
          c.set("apiToken", found.token);
        }
      }
      return next();
    }
    const sessionId = getCookie(c, auth.cookieName);
    if (!sessionId) return next();
    const session = await auth.validate(sessionId, clock());
    if (!session) {
      setCookie(c, auth.blankCookie());
      return next();
    }
    if (session.cookie) setCookie(c, session.cookie);
    const { user } = session;
    if (user.disabledAt) {
      await auth.invalidateUser(user.id);
      setCookie(c, auth.blankCookie());
      return next();
    }
    c.set("user", { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale });
    c.set("sessionId", session.id);
    c.set("authMethod", "session");
    return next();
  };
}
