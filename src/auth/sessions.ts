/**
 * @module Sambang's sessions: the interface the rest of the app uses (create, validate, invalidate) and
 * their rules. A session ends after `idle` without use (each use slides it, at most once a minute) and in
 * any case `absolute` after sign-in (staff defaults 12 hours and 7 days, SESSION_IDLE_MINUTES and
 * SESSION_ABSOLUTE_HOURS). The cookie's Max-Age is always the session's remaining life, so the browser
 * drops it when the server would. Over https the cookie is `__Host-sambang_session` (Secure, Path=/, no
 * Domain: no other host or path can set or shadow it). Times come from the app's clock.
 */
import type { Db } from "../../db/client";
import type { Locale, Role } from "../../db/schema/auth";
import { createSessionBackend } from "./lucia";

export interface StoredSession {
  userId: string;
  expiresAt: Date;
  createdAt: Date;
}

interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  disabledAt: Date | null;
}

interface CookieAttributes {
  secure: boolean;
  maxAgeSeconds: number;
}

/**
 * What the sessions need from a session library; `lucia.ts` implements it. Every id here is the raw
 * secret from the cookie.
 */
export interface SessionBackend {
  newId(): string;
  insert(id: string, session: StoredSession): Promise<void>;
  find(id: string): Promise<{ session: StoredSession; user: SessionUser } | null>;
  extend(id: string, expiresAt: Date): Promise<void>;
  remove(id: string): Promise<void>;
  removeAllOf(userId: string): Promise<void>;
  serializeCookie(name: string, value: string, attributes: CookieAttributes): string;
}

const SESSION_COOKIE = "sambang_session";
const SECURE_SESSION_COOKIE = "__Host-sambang_session";
export const SESSION_COOKIE_NAMES = [SESSION_COOKIE, SECURE_SESSION_COOKIE] as const;

interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
  /** https: Secure cookie with the `__Host-` name. */
  secure: boolean;
}

/** A use extends the session only when it moves the end by at least this much (fewer writes). */
const SLIDE_STEP_MS = 60_000;

interface ValidSession {
  /** The raw secret (from the cookie); never stored. */
  id: string;
  user: SessionUser;
  expiresAt: Date;
  /** A Set-Cookie to send when the session was extended. */
  cookie?: string;
}

export interface Sessions {
  readonly cookieName: string;
  create(userId: string, now: Date): Promise<{ id: string; cookie: string; expiresAt: Date }>;
  /** The session and its user, or null when unknown, idle too long or past its absolute lifetime. */
  validate(id: string, now: Date): Promise<ValidSession | null>;
  invalidate(id: string): Promise<void>;
  invalidateUser(userId: string): Promise<void>;
  blankCookie(): string;
}

/** The name the rest of the app uses for the session service. */
export type Auth = Sessions;

export function createSessions(
  db: Db,
  policy: SessionPolicy,
  backend: SessionBackend = createSessionBackend(db),
): Sessions {
  const cookieName = policy.secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  const cookie = (value: string, ms: number) =>
    backend.serializeCookie(cookieName, value, {
      secure: policy.secure,
      maxAgeSeconds: Math.max(0, Math.floor(ms / 1000)),
    });
  const endOf = (createdAt: Date, now: Date) =>
    new Date(Math.min(now.getTime() + policy.idleMs, createdAt.getTime() + policy.absoluteMs));

  const sessions: Sessions = {
    cookieName,
    async create(userId, now) {
      const id = backend.newId();
      const expiresAt = endOf(now, now);
      await backend.insert(id, { userId, createdAt: now, expiresAt });
      return { id, expiresAt, cookie: cookie(id, expiresAt.getTime() - now.getTime()) };
    },
    async validate(id, now) {
      if (!/^[a-z0-9]{1,100}$/.test(id)) return null;
      const found = await backend.find(id);
      if (!found) return null;
      const { session, user } = found;
      const absoluteEnd = session.createdAt.getTime() + policy.absoluteMs;
      if (now.getTime() >= session.expiresAt.getTime() || now.getTime() >= absoluteEnd) {
        await backend.remove(id);
        return null;
      }
      const slid = endOf(session.createdAt, now);
      if (slid.getTime() - session.expiresAt.getTime() < SLIDE_STEP_MS) {
        return { id, user, expiresAt: session.expiresAt };
      }
      await backend.extend(id, slid);
      return { id, user, expiresAt: slid, cookie: cookie(id, slid.getTime() - now.getTime()) };
    },
    invalidate: (id) => backend.remove(id),
    invalidateUser: (userId) => backend.removeAllOf(userId),
    blankCookie: () => cookie("", 0),
  };
  return sessions;
}

/** The policy from configuration (minutes and hours) and the public URL's scheme. */
export function sessionPolicyOf(config: {
  baseUrl: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
}): SessionPolicy {
  return {
    idleMs: config.sessionIdleMinutes * 60_000,
    absoluteMs: config.sessionAbsoluteHours * 3600_000,
    secure: config.baseUrl.startsWith("https:"),
  };
}
