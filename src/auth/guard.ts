/**
 * @module Route guards: `requireRole(PROTOCOL)` lets through only signed-in users with one of those roles
 * (401 when signed out — a sign-in redirect for pages — and 403 for the wrong role).
 */
import type { MiddlewareHandler } from "hono";
import type { Role } from "../../db/schema/auth";
import type { AppContext, AppEnv, CurrentUser } from "../http/context";
import { AppError } from "../http/errors";

export function requireRole(allowed: readonly Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get("user");
    if (!user) throw new AppError("unauthenticated");
    if (!allowed.includes(user.role)) throw new AppError("forbidden");
    return next();
  };
}

/** The signed-in user, for handlers behind `requireRole`. */
export function currentUser(c: AppContext): CurrentUser {
  const user = c.get("user");
  if (!user) throw new AppError("unauthenticated");
  return user;
}

/**
 * The audit actor for the signed-in user. A request made with an API token names the token too (its name,
 * prefix and id), so the trail tells an integration's changes from the owner's own.
 */
export function actorOf(c: AppContext) {
  const user = currentUser(c);
  const token = c.get("apiToken");
  if (!token) return { id: user.id, label: user.email };
  return {
    id: user.id,
    label: `${user.email} via API token "${token.name}" (${token.prefix}…, ${token.id})`,
  };
}
