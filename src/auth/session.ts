/**
 * @module Session lifecycle on top of Lucia: sign in (a new session id every time, the old one ended),
 * sign out, and the middleware that resolves the current user from the cookie or a bearer token.
 */
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { Db } from "../../db/client";
import { recordAudit } from "../audit/record";
import type { AppContext, AppEnv, CurrentUser } from "../http/context";
import { createTokenAuthenticator } from "./api-tokens";
import { type Auth, SESSION_COOKIE } from "./lucia";

function setCookie(c: AppContext, serialized: string) {
  c.header("Set-Cookie", serialized, { append: true });
}

/** Starts a fresh session for `user`, ending the one the browser had (session fixation defence). */
export async function startSession(c: AppContext, auth: Auth, user: CurrentUser): Promise<void> {
  const previous = getCookie(c, SESSION_COOKIE);
  if (previous) await auth.invalidateSession(previous);
  const session = await auth.createSession(user.id, {});
  setCookie(c, auth.createSessionCookie(session.id).serialize());
  const { db, clock } = c.get("deps");
  await db.writeTransaction((tx) =>
    recordAudit(tx, {
      actor: { id: user.id, label: user.email },
      action: "auth.sign_in",
      entityType: "user",
      entityId: user.id,
      now: clock(),
    }),
  );
}

export async function endSession(c: AppContext, auth: Auth): Promise<void> {
  const sessionId = c.get("sessionId");
  const user = c.get("user");
  if (sessionId) await auth.invalidateSession(sessionId);
  setCookie(c, auth.createBlankSessionCookie().serialize());
  if (user) {
    const { db, clock } = c.get("deps");
    await db.writeTransaction((tx) =>
      recordAudit(tx, {
        actor: { id: user.id, label: user.email },
        action: "auth.sign_out",
        entityType: "user",
        entityId: user.id,
        now: clock(),
      }),
    );
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
    const sessionId = getCookie(c, SESSION_COOKIE);
    if (!sessionId) return next();
    const { session, user } = await auth.validateSession(sessionId);
    if (session?.fresh) setCookie(c, auth.createSessionCookie(session.id).serialize());
    if (!session || !user) {
      setCookie(c, auth.createBlankSessionCookie().serialize());
      return next();
    }
    if (user.disabledAt) {
      await auth.invalidateUserSessions(user.id);
      setCookie(c, auth.createBlankSessionCookie().serialize());
      return next();
    }
    c.set("user", { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale });
    c.set("sessionId", session.id);
    c.set("authMethod", "session");
    return next();
  };
}
