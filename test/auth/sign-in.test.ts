/**
 * Sign-in through the API (/api/v1/auth/login) and the page form (/login): success, one generic failure
 * for wrong password / unknown account / disabled account, and the failure limit (5 per 15 minutes per
 * account and per client address → 429 with Retry-After, even with the right password).
 */
import { describe, expect, it } from "vitest";
import { makeTestApp, ORIGIN, type TestApp } from "../helpers/test-app";

const FIFTEEN_MINUTES = 15 * 60_000;

async function apiLogin(t: TestApp, email: string, password: string, ip = "10.0.0.1") {
  return t.app.request("/api/v1/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json", "x-test-ip": ip, ...ORIGIN },
    body: JSON.stringify({ email, password }),
  });
}

async function formLogin(t: TestApp, email: string, password: string, ip = "10.0.0.1") {
  return t.app.request("/login", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "x-test-ip": ip, ...ORIGIN },
    body: new URLSearchParams({ email, password, next: "/admin/users" }).toString(),
  });
}

describe("sign-in via the API", () => {
  it("accepts the right password, sets a session cookie and returns the user", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("protocol");
    const res = await apiLogin(t, user.email, user.password);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id: user.id, email: user.email, role: "protocol", authMethod: "session" });
    expect(res.headers.getSetCookie().some((c) => c.startsWith("sambang_session="))).toBe(true);
  });

  it("treats e-mail case-insensitively", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("viewer");
    const res = await apiLogin(t, `  ${user.email.toUpperCase()} `, user.password);
    expect(res.status).toBe(200);
  });

  it("answers wrong password, unknown account and disabled account identically", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("humas");
    const disabled = await t.addUser("humas");
    const admin = await t.as("admin");
    const patched = await t.app.request(`/api/v1/users/${disabled.id}`, {
      method: "PATCH",
      headers: { ...admin.headers, "Content-Type": "application/json" },
      body: JSON.stringify({ disabled: true }),
    });
    expect(patched.status).toBe(200);

    const answers = [
      await apiLogin(t, user.email, "wrong-password-123"),
      await apiLogin(t, "nobody@test.sambang.id", "wrong-password-123"),
      await apiLogin(t, disabled.email, disabled.password),
    ];
    const bodies = await Promise.all(answers.map((r) => r.json()));
    for (const [i, res] of answers.entries()) {
      expect(res.status).toBe(401);
      expect(res.headers.getSetCookie().some((c) => /^sambang_session=[^;]+/.test(c))).toBe(false);
      expect(bodies[i]).toEqual(bodies[0]);
    }
    expect(bodies[0]).toEqual({
      error: { code: "unauthenticated", message: "E-mail atau kata sandi salah." },
    });
  });

  it("refuses unknown fields and missing fields with validation_failed", async () => {
    const t = await makeTestApp();
    const res = await t.app.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...ORIGIN },
      body: JSON.stringify({ email: "a@b.id", password: "x", remember: true }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.fields.remember).toBeDefined();
  });

  it("takes JSON only, and refuses control characters before checking any password", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("viewer");
    const form = await t.app.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "Content-Type": "text/plain", ...ORIGIN },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(form.status).toBe(400);
    const formError = (await form.json()).error;
    expect(formError.code).toBe("validation_failed");
    expect(formError.message).toBe("Kirim isi permintaan sebagai application/json.");
    expect(form.headers.get("Set-Cookie") ?? "").not.toMatch(/sambang_session=[^;]/);

    const res = await t.app.request("/api/v1/auth/login?lang=en", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...ORIGIN },
      body: JSON.stringify({ email: user.email, password: `${user.password}\u0000` }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.fields).toEqual({
      password: ["Contains control characters that are not allowed."],
    });
  });
});

describe("sign-in failure limit", () => {
  it("locks an account after 5 failures for 15 minutes, even with the right password, then lets it in", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("protocol");
    // Failures from five different addresses: only the per-account counter reaches the limit.
    for (let i = 0; i < 5; i++) {
      expect((await apiLogin(t, user.email, "wrong-password-123", `10.1.0.${i}`)).status).toBe(401);
    }
    const locked = await apiLogin(t, user.email, user.password, "10.9.9.9");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(Number(locked.headers.get("Retry-After"))).toBeLessThanOrEqual(15 * 60);
    expect((await locked.json()).error.code).toBe("rate_limited");

    // Another account from the same fresh address is unaffected.
    const other = await t.addUser("protocol");
    expect((await apiLogin(t, other.email, other.password, "10.9.9.9")).status).toBe(200);

    t.clock.advance(FIFTEEN_MINUTES + 1000);
    expect((await apiLogin(t, user.email, user.password, "10.9.9.9")).status).toBe(200);
  });

  it("locks a client address after 5 failures across different accounts", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("viewer");
    for (let i = 0; i < 5; i++) {
      expect((await apiLogin(t, `guess${i}@test.sambang.id`, "whatever-123", "10.2.0.1")).status).toBe(401);
    }
    const blocked = await apiLogin(t, user.email, user.password, "10.2.0.1");
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("Retry-After")).toMatch(/^\d+$/);
    // The same account from another address still signs in: the account itself had no failures.
    expect((await apiLogin(t, user.email, user.password, "10.2.0.2")).status).toBe(200);

    t.clock.advance(FIFTEEN_MINUTES + 1000);
    expect((await apiLogin(t, user.email, user.password, "10.2.0.1")).status).toBe(200);
  });

  it("counts only failures inside the window (4 old + 1 new do not lock)", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("viewer");
    for (let i = 0; i < 4; i++) await apiLogin(t, user.email, "wrong-password-123");
    t.clock.advance(FIFTEEN_MINUTES + 1000);
    await apiLogin(t, user.email, "wrong-password-123");
    expect((await apiLogin(t, user.email, user.password)).status).toBe(200);
  });
});

describe("sign-in via the page form", () => {
  it("serves the sign-in page in Bahasa Indonesia with labelled fields", async () => {
    const t = await makeTestApp();
    const res = await t.app.request("/login");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="id"');
    expect(html).toContain("Masuk ke Sambang");
    expect(html).toMatch(/<label[^>]*for="[^"]+"/);
    expect(html).toContain('name="password"');
  });

  it("redirects to `next` with a session cookie on success", async () => {
    const t = await makeTestApp();
    const admin = await t.addUser("admin");
    const res = await formLogin(t, admin.email, admin.password);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/admin/users");
    expect(res.headers.getSetCookie().some((c) => /^sambang_session=[^;]+/.test(c))).toBe(true);
  });

  it("does not redirect off-site", async () => {
    const t = await makeTestApp();
    const admin = await t.addUser("admin");
    const res = await t.app.request("/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...ORIGIN },
      body: new URLSearchParams({ email: admin.email, password: admin.password, next: "//evil.example/x" }),
    });
    expect(res.headers.get("Location")).toBe("/");
  });

  it("shows the same generic message for wrong password and unknown account, and keeps the e-mail", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("protocol");
    const wrong = await formLogin(t, user.email, "wrong-password-123");
    const unknown = await formLogin(t, "nobody@test.sambang.id", "wrong-password-123");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await wrong.text(), await unknown.text()];
    expect(a).toContain("E-mail atau kata sandi salah.");
    expect(b).toContain("E-mail atau kata sandi salah.");
    expect(a).toContain(`value="${user.email}"`);
  });

  it("answers 429 with Retry-After after 5 failures, even with the right password", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("protocol");
    for (let i = 0; i < 5; i++) await formLogin(t, user.email, "wrong-password-123", `10.3.0.${i}`);
    const res = await formLogin(t, user.email, user.password, "10.3.1.1");
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await res.text()).toContain("Terlalu banyak percobaan masuk");
    expect(res.headers.getSetCookie().some((c) => /^sambang_session=[^;]+/.test(c))).toBe(false);

    t.clock.advance(FIFTEEN_MINUTES + 1000);
    expect((await formLogin(t, user.email, user.password, "10.3.1.1")).status).toBe(303);
  });

  it("redirects a signed-in user away from /login", async () => {
    const t = await makeTestApp();
    const { cookie } = await t.as("viewer");
    const res = await t.app.request("/login", { headers: { Cookie: cookie } });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/");
  });
});
