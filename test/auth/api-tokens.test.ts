/**
 * API tokens: created by an admin and shown once, stored only as a hash, used with `Authorization: Bearer`
 * as the owner's role, last use recorded, revocable; a disabled owner's token stops working.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/open-node";
import { apiTokens } from "../../db/schema/auth";
import { TOKEN_MEMO_TTL_MS } from "../../src/auth/api-tokens";
import { followRedirect, makeTestApp, type TestApp } from "../helpers/test-app";

async function createToken(t: TestApp, adminHeaders: Record<string, string>, body: Record<string, unknown>) {
  const res = await t.app.request("/api/v1/tokens", {
    method: "POST",
    headers: { ...adminHeaders, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; token: string };
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe("API tokens", () => {
  it("are shown once, stored hashed, and act with the owner's role", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const owner = await t.addUser("protocol");
    const { id, token } = await createToken(t, admin.headers, { name: "SIMPEG sync", userId: owner.id });
    expect(token).toMatch(/^sbg_[A-Za-z0-9_-]{43}$/);

    const row = await t.db.orm.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
    expect(row).toBeDefined();
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    // Nothing else in the database holds the secret either (audit rows included).
    const dump = await t.db.client.execute("SELECT * FROM audit_events");
    expect(JSON.stringify(dump.rows)).not.toContain(token.slice(4));

    const list = await t.app.request("/api/v1/tokens", { headers: { Cookie: admin.cookie } });
    const listed = JSON.stringify(await list.json());
    expect(listed).toContain("SIMPEG sync");
    expect(listed).not.toContain(token.slice(4));

    const me = await t.app.request("/api/v1/me", { headers: bearer(token) });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: owner.id, role: "protocol", authMethod: "token" });
    // Owner's role: protocol may not list users.
    expect((await t.app.request("/api/v1/users", { headers: bearer(token) })).status).toBe(403);
  });

  it("defaults the owner to the creating admin", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const { token } = await createToken(t, admin.headers, { name: "mine" });
    const me = await t.app.request("/api/v1/me", { headers: bearer(token) });
    expect((await me.json()).id).toBe(admin.user.id);
  });

  it("records the last use time (shown on the admin page)", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const { id, token } = await createToken(t, admin.headers, { name: "reporting" });
    const before = await t.db.orm.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
    expect(before?.lastUsedAt).toBeNull();

    t.clock.set("2026-03-03T10:15:00+07:00");
    await t.app.request("/api/v1/me", { headers: bearer(token) });
    const after = await t.db.orm.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
    expect(after?.lastUsedAt?.toISOString()).toBe("2026-03-03T03:15:00.000Z");

    // A day later the admin's session has ended (12 hours idle): they sign in again.
    const cookie = await t.signIn(admin.user.email, admin.user.password);
    const list = await (await t.app.request("/api/v1/tokens", { headers: { Cookie: cookie } })).json();
    expect(list.tokens[0].lastUsedAt).toBe("2026-03-03T03:15:00.000Z");
    const page = await (await t.app.request("/admin/tokens", { headers: { Cookie: cookie } })).text();
    expect(page).toContain("3 Maret 2026");
  });

  it("stop working when revoked (API and admin page)", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const a = await createToken(t, admin.headers, { name: "a" });
    const b = await createToken(t, admin.headers, { name: "b" });
    expect((await t.app.request("/api/v1/me", { headers: bearer(a.token) })).status).toBe(200);

    const del = await t.app.request(`/api/v1/tokens/${a.id}`, { method: "DELETE", headers: admin.headers });
    expect(del.status).toBe(204);
    const res = await t.app.request("/api/v1/me", { headers: bearer(a.token) });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthenticated");

    // The page asks first: the first POST only shows the confirmation, the token still works.
    const revoke = (body: Record<string, string>) =>
      t.app.request(`/admin/tokens/${b.id}/revoke`, {
        method: "POST",
        headers: { ...admin.headers, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(body),
      });
    const asked = await revoke({});
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain("Cabut token “b”?");
    expect((await t.app.request("/api/v1/me", { headers: bearer(b.token) })).status).toBe(200);
    const done = await revoke({ confirmed: "yes" });
    expect(done.status).toBe(303);
    expect(await (await followRedirect(t, done, admin.headers)).text()).toContain("Token dicabut.");
    expect((await t.app.request("/api/v1/me", { headers: bearer(b.token) })).status).toBe(401);
  });

  it("stop working while the owner is disabled", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const owner = await t.addUser("humas");
    const { token } = await createToken(t, admin.headers, { name: "humas feed", userId: owner.id });
    expect((await t.app.request("/api/v1/me", { headers: bearer(token) })).status).toBe(200);
    await t.app.request(`/api/v1/users/${owner.id}`, {
      method: "PATCH",
      headers: { ...admin.headers, "Content-Type": "application/json" },
      body: JSON.stringify({ disabled: true }),
    });
    expect((await t.app.request("/api/v1/me", { headers: bearer(token) })).status).toBe(401);
  });

  it("are refused when malformed, and never authenticate pages", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const { token } = await createToken(t, admin.headers, { name: "x" });
    for (const header of [`Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`, "Bearer ", `Basic ${token}`]) {
      expect((await t.app.request("/api/v1/me", { headers: { Authorization: header } })).status, header).toBe(
        401,
      );
    }
    const page = await t.app.request("/admin/users", { headers: bearer(token) });
    expect(page.status).toBe(303);
  });

  it("can be created on the admin page, with the secret shown once", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const res = await t.app.request("/admin/tokens", {
      method: "POST",
      headers: { ...admin.headers, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ name: "dari halaman", userId: admin.user.id }),
    });
    // Post/Redirect/Get: the secret is shown once, on the page the redirect leads to.
    const html = await (await followRedirect(t, res, admin.headers)).text();
    const token = /sbg_[A-Za-z0-9_-]{43}/.exec(html)?.[0];
    expect(token).toBeTruthy();
    expect((await t.app.request("/api/v1/me", { headers: bearer(token as string) })).status).toBe(200);
    const again = await (await t.app.request("/admin/tokens", { headers: { Cookie: admin.cookie } })).text();
    expect(again).not.toContain(token as string);
    expect(again).toContain("dari halaman");
  });

  it("a revocation by another process is seen within TOKEN_MEMO_TTL_MS; one by this process at once", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const { id, token } = await createToken(t, admin.headers, { name: "dashboard" });
    // The first use records last-used time (a write of this process, which refreshes the memo).
    for (let i = 0; i < 2; i++)
      expect((await t.app.request("/api/v1/me", { headers: bearer(token) })).status).toBe(200);

    // Another process (its own client on the same file) revokes the token.
    const other = await openDatabase({ url: `file:${t.db.path}`, migrate: false });
    await other.write(() =>
      other.orm.update(apiTokens).set({ revokedAt: t.clock() }).where(eq(apiTokens.id, id)),
    );
    other.close();
    t.clock.advance(TOKEN_MEMO_TTL_MS - 1000);
    expect((await t.app.request("/api/v1/me", { headers: bearer(token) })).status).toBe(200);
    t.clock.advance(2000);
    expect((await t.app.request("/api/v1/me", { headers: bearer(token) })).status).toBe(401);
  });
});
