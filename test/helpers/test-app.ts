/**
 * @module Builds the real app over a fresh database for a test, with a controllable clock, and helpers
 * to create users and sign in. Passwords use the production scrypt code with a cheaper cost (ln=10) so
 * the suite stays fast; the production cost is covered in test/auth/password.test.ts.
 */

import { type Role, sessions } from "../../db/schema/auth";
import { createApp } from "../../src/app";
import { createPasswordHasher } from "../../src/auth/password";
import { nodeScrypt } from "../../src/auth/scrypt-node";
import { parseConfig } from "../../src/config";
import type { AppDeps, Logger } from "../../src/http/context";
import type { Feature } from "../../src/http/feature";
import { createServiceContext } from "../../src/http/service-context";
import { createUser } from "../../src/users/service";
import { freshDb } from "./db";
import { checkResponses } from "./response-check";

export const BASE_URL = "http://localhost:8787";
export const ORIGIN = { Origin: BASE_URL };
/** The fixed LINK_SECRET of test apps (itinerary link tokens are derived from it). */
export const TEST_LINK_SECRET = "test-link-secret-0123456789abcdef-not-for-production";

export interface TestClock {
  (): Date;
  set(iso: string | Date): void;
  advance(ms: number): void;
}

export function testClock(start = "2026-03-02T09:00:00+07:00"): TestClock {
  let now = new Date(start);
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (iso) => {
    now = new Date(iso);
  };
  clock.advance = (ms) => {
    now = new Date(now.getTime() + ms);
  };
  return clock;
}

export const silentLogger: Logger & { errors: unknown[] } = {
  errors: [],
  info: () => {},
  error(message, fields) {
    this.errors.push({ message, fields });
  },
};

export async function makeTestApp(
  overrides: Partial<AppDeps> & { env?: Record<string, string>; features?: readonly Feature[] } = {},
) {
  const db = await freshDb();
  const clock = testClock();
  const passwords = createPasswordHasher(nodeScrypt, { ln: 10, r: 8, p: 1 });
  const logger: Logger & { errors: unknown[] } = { ...silentLogger, errors: [] };
  const { features, env: _env, ...rest } = overrides;
  const deps: AppDeps = {
    db,
    config: parseConfig({ BASE_URL, LINK_SECRET: TEST_LINK_SECRET, ...overrides.env }),
    clock,
    passwords,
    logger,
    // Tests name the client address with a header the test controls.
    socketAddress: (c) => c.req.header("x-test-ip") ?? "127.0.0.1",
    ...rest,
  };
  const app = checkResponses(createApp(deps, features));

  let counter = 0;
  async function addUser(role: Role, fields: { email?: string; password?: string; name?: string } = {}) {
    counter += 1;
    const email = fields.email ?? `${role}${counter}@test.sambang.id`;
    const password = fields.password ?? `password-${role}-${counter}-long`;
    const user = await createUser(
      createServiceContext(deps, { actor: { id: null, label: "test" }, now: clock() }),
      { email, name: fields.name ?? `${role} ${counter}`, role, locale: "id", password },
    );
    return { ...user, password };
  }

  /** Signs in through the API and returns the `Cookie` header value. */
  async function signIn(email: string, password: string): Promise<string> {
    const res = await app.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...ORIGIN },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    return sessionCookieOf(res);
  }

  /** A signed-in user of `role`: `{ user, cookie, headers }` ready for requests. */
  async function as(role: Role) {
    const user = await addUser(role);
    const cookie = await signIn(user.email, user.password);
    return { user, cookie, headers: { Cookie: cookie, ...ORIGIN } };
  }

  return { app, db, deps, clock, logger, addUser, signIn, as };
}

export function sessionCookieOf(res: Response): string {
  const cookies = res.headers.getSetCookie();
  const session = cookies.find((c) => c.startsWith("sambang_session=") && !c.startsWith("sambang_session=;"));
  if (!session) throw new Error(`no session cookie in ${JSON.stringify(cookies)}`);
  return session.split(";")[0] as string;
}

export type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

/**
 * `RequestInit` for a JSON API call: `app.request(path, json(headers, body, "PATCH"))`. The app's
 * `request` checks every JSON response against the documented schema for its status (response-check.ts).
 */
export const json = (headers: Record<string, string>, body?: unknown, method = "POST"): RequestInit => ({
  method,
  headers: { ...headers, "Content-Type": "application/json" },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

/**
 * After a test moves its clock forward by days, staff would have signed in again: every session restarts
 * at the clock's time (sessions end 12 hours idle and 7 days after sign-in).
 */
export async function renewSessions(t: TestApp): Promise<void> {
  const now = t.clock();
  await t.db.writeTransaction((tx) =>
    tx.update(sessions).set({ createdAt: now, expiresAt: Math.floor(now.getTime() / 1000) + 12 * 3600 }),
  );
}

/**
 * Follows a Post/Redirect/Get: asserts `res` is a 303 to a same-site page and GETs it as the browser
 * would, with the request's cookies plus the one-time flash cookie the POST set (if any).
 */
export async function followRedirect(
  t: TestApp,
  res: Response,
  headers: Record<string, string> = {},
): Promise<Response> {
  if (res.status !== 303)
    throw new Error(`expected 303, got ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const location = res.headers.get("Location") ?? "";
  if (!location.startsWith("/")) throw new Error(`redirect to ${location} is not a same-site path`);
  const flash = res.headers
    .getSetCookie()
    .find((c) => c.startsWith("sambang_flash=") && !/max-age=0/i.test(c))
    ?.split(";")[0];
  const cookie = [headers.Cookie, flash].filter(Boolean).join("; ");
  const { Cookie: _c, ...rest } = headers;
  return t.app.request(location, { headers: { ...rest, ...(cookie ? { Cookie: cookie } : {}) } });
}
