/**
 * Session lifecycle: a new id at every sign-in (the old one stops working), sign-out, disabling a user and
 * an admin password reset end sessions; cookie attributes follow BASE_URL.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions } from "../../db/schema/auth";
import { followRedirect, makeTestApp, ORIGIN, sessionCookieOf, type TestApp } from "../helpers/test-app";

const me = (t: TestApp, cookie: string) => t.app.request("/api/v1/me", { headers: { Cookie: cookie } });

function patchUser(t: TestApp, headers: Record<string, string>, id: string, body: unknown) {
  return t.app.request(`/api/v1/users/${id}`, {
    method: "PATCH",
    headers: { ...headers, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("session rotation", () => {
  it("gives a new session id at sign-in and ends the one the browser had", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("protocol");
    const first = await t.signIn(user.email, user.password);
    expect((await me(t, first)).status).toBe(200);

    const res = await t.app.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: first, ...ORIGIN },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(res.status).toBe(200);
    const second = sessionCookieOf(res);
    expect(second).not.toBe(first);
    expect((await me(t, second)).status).toBe(200);
    expect((await me(t, first)).status).toBe(401);
  });

  it("rotates through the page form too (session fixation)", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("viewer");
    const planted = await t.signIn(user.email, user.password);
    const res = await t.app.request("/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: planted, ...ORIGIN },
      body: new URLSearchParams({ email: user.email, password: user.password }),
    });
    expect(res.status).toBe(303);
    const fresh = sessionCookieOf(res);
    expect(fresh).not.toBe(planted);
    expect((await me(t, planted)).status).toBe(401);
    expect((await me(t, fresh)).status).toBe(200);
  });
});

describe("ending sessions", () => {
  it("sign-out via the API invalidates the session and blanks the cookie", async () => {
    const t = await makeTestApp();
    const { cookie, headers } = await t.as("humas");
    const res = await t.app.request("/api/v1/auth/logout", { method: "POST", headers });
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie().some((c) => c.startsWith("sambang_session=;"))).toBe(true);
    expect((await me(t, cookie)).status).toBe(401);
  });

  it("sign-out via the page form invalidates the session and goes to the sign-in page", async () => {
    const t = await makeTestApp();
    const { cookie, headers } = await t.as("admin");
    const res = await t.app.request("/logout", { method: "POST", headers });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toMatch(/^\/login/);
    expect((await me(t, cookie)).status).toBe(401);
    const page = await t.app.request("/", { headers: { Cookie: cookie } });
    expect(page.status).toBe(303);
  });

  it("disabling a user ends all their sessions; enabling does not bring them back", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const user = await t.addUser("protocol");
    const a = await t.signIn(user.email, user.password);
    const b = await t.signIn(user.email, user.password);
    expect((await patchUser(t, admin.headers, user.id, { disabled: true })).status).toBe(200);
    expect((await me(t, a)).status).toBe(401);
    expect((await me(t, b)).status).toBe(401);
    expect(await t.db.orm.select().from(sessions).where(eq(sessions.userId, user.id)).all()).toEqual([]);

    expect((await patchUser(t, admin.headers, user.id, { disabled: false })).status).toBe(200);
    expect((await me(t, a)).status).toBe(401);
    expect((await t.signIn(user.email, user.password)).length).toBeGreaterThan(0);
  });

  it("disabling via the admin page ends the sessions too", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const user = await t.addUser("viewer");
    const cookie = await t.signIn(user.email, user.password);
    const res = await t.app.request(`/admin/users/${user.id}/disable`, {
      method: "POST",
      headers: { ...admin.headers, "Content-Type": "application/x-www-form-urlencoded" },
      body: "confirmed=yes",
    });
    expect(res.status).toBeLessThan(400);
    expect((await me(t, cookie)).status).toBe(401);
  });

  it("an admin password reset ends the user's sessions and the new password works", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const user = await t.addUser("humas");
    const cookie = await t.signIn(user.email, user.password);

    const res = await t.app.request(`/admin/users/${user.id}/reset-password`, {
      method: "POST",
      headers: admin.headers,
    });
    const html = await (await followRedirect(t, res, admin.headers)).text();
    const secret = /data-testid="secret">([^<]+)</.exec(html)?.[1];
    expect(secret).toBeTruthy();
    expect((await me(t, cookie)).status).toBe(401);
    await expect(t.signIn(user.email, user.password)).rejects.toThrow(/401/);
    expect((await t.signIn(user.email, secret as string)).length).toBeGreaterThan(0);
  });

  it("a password change through the API ends sessions too", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const user = await t.addUser("humas");
    const cookie = await t.signIn(user.email, user.password);
    const res = await patchUser(t, admin.headers, user.id, { password: "a-brand-new-password" });
    expect(res.status).toBe(200);
    expect((await me(t, cookie)).status).toBe(401);
  });
});

describe("session cookie attributes", () => {
  function attributesOf(res: Response) {
    const raw = res.headers.getSetCookie().find((c) => /^(__Host-)?sambang_session=[^;]+/.test(c)) ?? "";
    return raw
      .split(";")
      .slice(1)
      .map((p) => p.trim().toLowerCase());
  }

  it("is HttpOnly, SameSite=Lax, Path=/ and not Secure on http", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("viewer");
    const res = await t.app.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...ORIGIN },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    const attrs = attributesOf(res);
    expect(attrs).toContain("httponly");
    expect(attrs).toContain("samesite=lax");
    expect(attrs).toContain("path=/");
    expect(attrs).not.toContain("secure");
  });

  it("is Secure and named __Host-sambang_session when BASE_URL is https", async () => {
    const base = "https://sambang.example.go.id";
    const t = await makeTestApp({ env: { BASE_URL: base } });
    const user = await t.addUser("viewer");
    const res = await t.app.request(`${base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: base },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(res.status).toBe(200);
    const attrs = attributesOf(res);
    expect(attrs).toContain("secure");
    expect(attrs).toContain("path=/");
    expect(attrs.some((a) => a.startsWith("domain="))).toBe(false);
    expect(res.headers.getSetCookie().some((c) => c.startsWith("__Host-sambang_session="))).toBe(true);
    expect(attrs).toContain("httponly");
    expect(attrs).toContain("samesite=lax");
  });
});
