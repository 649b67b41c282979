/**
 * Session lifetimes: an idle timeout and an absolute lifetime (12 hours and 7 days by default,
 * configurable), a cookie whose Max-Age is the session's remaining life, and session ids stored only as
 * their SHA-256.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sessions } from "../../db/schema/auth";
import { makeTestApp, ORIGIN, type TestApp } from "../helpers/test-app";

const HOUR = 3600_000;

async function login(t: TestApp, email: string, password: string) {
  const res = await t.app.request("/api/v1/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...ORIGIN },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  const raw = res.headers.getSetCookie().find((c) => /^sambang_session=[^;]+/.test(c)) ?? "";
  const value = /^sambang_session=([^;]+)/.exec(raw)?.[1] ?? "";
  const maxAge = Number(/Max-Age=(\d+)/i.exec(raw)?.[1]);
  return { cookie: `sambang_session=${value}`, value, maxAge, raw };
}

const me = (t: TestApp, cookie: string) => t.app.request("/api/v1/me", { headers: { Cookie: cookie } });

describe("session lifetime", () => {
  it("the cookie's Max-Age equals the session's lifetime (12 hours idle by default)", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("viewer");
    const { maxAge } = await login(t, user.email, user.password);
    expect(maxAge).toBe(12 * 3600);
    const row = await t.db.orm.select().from(sessions).get();
    expect(row!.expiresAt * 1000 - t.clock().getTime()).toBe(maxAge * 1000);
  });

  it("ends after the idle time without use", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("viewer");
    const { cookie } = await login(t, user.email, user.password);
    t.clock.advance(11 * HOUR);
    expect((await me(t, cookie)).status).toBe(200);
    t.clock.advance(12 * HOUR + 1000);
    expect((await me(t, cookie)).status).toBe(401);
  });

  it("use slides the idle end (re-sent cookie with the remaining life), but never past 7 days", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("viewer");
    const { cookie } = await login(t, user.email, user.password);
    let last = 0;
    for (let h = 10; h < 7 * 24; h += 10) {
      t.clock.advance(10 * HOUR);
      const res = await me(t, cookie);
      expect(res.status, `after ${h} hours`).toBe(200);
      const refreshed = res.headers.getSetCookie().find((c) => c.startsWith("sambang_session="));
      if (refreshed) last = Number(/Max-Age=(\d+)/i.exec(refreshed)?.[1]);
    }
    // At 160 hours the last refresh could only reach the 7-day mark: 8 hours left.
    expect(last).toBe(8 * 3600);
    t.clock.advance(8 * HOUR);
    expect((await me(t, cookie)).status).toBe(401);
  });

  it("SESSION_IDLE_MINUTES and SESSION_ABSOLUTE_HOURS set the lifetimes", async () => {
    const t = await makeTestApp({ env: { SESSION_IDLE_MINUTES: "30", SESSION_ABSOLUTE_HOURS: "1" } });
    const user = await t.addUser("viewer");
    const { cookie, maxAge } = await login(t, user.email, user.password);
    expect(maxAge).toBe(30 * 60);
    t.clock.advance(25 * 60_000);
    expect((await me(t, cookie)).status).toBe(200);
    t.clock.advance(25 * 60_000);
    expect((await me(t, cookie)).status).toBe(200);
    t.clock.advance(11 * 60_000);
    expect((await me(t, cookie)).status).toBe(401);
  });
});

describe("session ids at rest", () => {
  it("the database holds only the SHA-256 of the cookie's id, and a copied row id signs no one in", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("admin");
    const { value } = await login(t, user.email, user.password);
    const rows = await t.db.orm.select().from(sessions).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(value);
    expect(rows[0]!.id).toBe(createHash("sha256").update(value).digest("hex"));
    expect((await me(t, `sambang_session=${rows[0]!.id}`)).status).toBe(401);
    expect((await me(t, `sambang_session=${value}`)).status).toBe(200);
  });
});
