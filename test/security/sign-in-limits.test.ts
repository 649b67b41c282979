/**
 * The sign-in failure limit under bursts: an attempt is reserved before the password is checked, so
 * parallel guesses cannot slip past it; concurrent hashing is capped; failures from other addresses do
 * not lock out an address the account recently signed in from, and admins are told (audit event).
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../db/schema/audit";
import { createPasswordHasher, type PasswordHasher } from "../../src/auth/password";
import { nodeScrypt } from "../../src/auth/scrypt-node";
import { makeTestApp, ORIGIN, type TestApp } from "../helpers/test-app";

function countingHasher() {
  const inner = createPasswordHasher(nodeScrypt, { ln: 10, r: 8, p: 1 });
  const stats = { verifies: 0, concurrent: 0, maxConcurrent: 0 };
  const hasher: PasswordHasher = {
    hash: (pw) => inner.hash(pw),
    async verify(stored, pw) {
      stats.verifies += 1;
      stats.concurrent += 1;
      stats.maxConcurrent = Math.max(stats.maxConcurrent, stats.concurrent);
      try {
        return await inner.verify(stored, pw);
      } finally {
        stats.concurrent -= 1;
      }
    },
  };
  return { hasher, stats };
}

function apiLogin(t: TestApp, email: string, password: string, ip: string) {
  return t.app.request("/api/v1/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json", "x-test-ip": ip, ...ORIGIN },
    body: JSON.stringify({ email, password }),
  });
}

describe("sign-in limit under a burst", () => {
  it("40 parallel wrong passwords: at most 5 password checks, the rest 429; the owner's address still signs in", async () => {
    const { hasher, stats } = countingHasher();
    const t = await makeTestApp({ passwords: hasher });
    const user = await t.addUser("protocol");
    // The owner signed in from the office yesterday.
    expect((await apiLogin(t, user.email, user.password, "10.0.0.50")).status).toBe(200);
    t.clock.advance(24 * 3600_000);
    stats.verifies = 0;

    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) => apiLogin(t, user.email, `wrong-password-${i}`, "203.0.113.66")),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(35);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    expect(stats.verifies).toBeLessThanOrEqual(5);

    // Guessing on one by one from the attacker's address still stops at five checks in all …
    for (let i = 0; i < 6; i++) await apiLogin(t, user.email, `wrong-again-${i}`, "203.0.113.66");
    expect(stats.verifies).toBeLessThanOrEqual(5);
    // … and then even the right password from there is refused, without a password check.
    const before = stats.verifies;
    expect((await apiLogin(t, user.email, user.password, "203.0.113.66")).status).toBe(429);
    expect(stats.verifies).toBe(before);
    // The owner, from the address they recently signed in from, is not locked out.
    expect((await apiLogin(t, user.email, user.password, "10.0.0.50")).status).toBe(200);
  });

  it("a burst that includes the right password among 60 wrong ones does not sign in past the limit", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("viewer");
    const passwords = Array.from({ length: 61 }, (_, i) =>
      i === 30 ? user.password : `wrong-password-${i}`,
    );
    const burst = await Promise.all(passwords.map((pw) => apiLogin(t, user.email, pw, "203.0.113.67")));
    const ok = burst.filter((r) => r.status === 200).length;
    const checked = burst.filter((r) => r.status === 401 || r.status === 200).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(ok).toBe(0);
  });

  it("never runs more than two password hashes at once", async () => {
    const { hasher, stats } = countingHasher();
    const t = await makeTestApp({ passwords: hasher });
    const users = await Promise.all(Array.from({ length: 8 }, () => t.addUser("viewer")));
    const res = await Promise.all(users.map((u, i) => apiLogin(t, u.email, u.password, `10.5.0.${i}`)));
    expect(res.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(stats.maxConcurrent).toBeLessThanOrEqual(2);
  });
});

describe("lockout by anyone", () => {
  it("five wrong passwords from five addresses do not lock out the owner's recent address; admins see it", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("protocol");
    expect((await apiLogin(t, user.email, user.password, "10.0.0.77")).status).toBe(200);
    t.clock.advance(3 * 24 * 3600_000);
    for (let i = 0; i < 5; i++) {
      expect((await apiLogin(t, user.email, "wrong-password-123", `198.51.100.${i}`)).status).toBe(401);
    }
    // A new address is held back (the account is under attack) …
    expect((await apiLogin(t, user.email, user.password, "198.51.100.200")).status).toBe(429);
    // … but the owner's own recent address signs in.
    expect((await apiLogin(t, user.email, user.password, "10.0.0.77")).status).toBe(200);
    const events = await t.db.orm
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "auth.sign_in_locked"))
      .all();
    expect(events).toHaveLength(1);
    expect(events[0]?.entityId).toBe(user.id);
  });
});
