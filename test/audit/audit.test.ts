/**
 * Audit rows for every change so far (sign-in, failure, sign-out, user create / role change / password
 * reset / disable / enable, token create / revoke) with actor, action, entity and before/after; the admin
 * page and API list and filter them (actor, action, date).
 */
import { asc } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../db/schema/audit";
import { json as jsonRequest, makeTestApp, ORIGIN, type TestApp } from "../helpers/test-app";

type Event = typeof auditEvents.$inferSelect;

async function events(t: TestApp): Promise<Event[]> {
  return t.db.orm.select().from(auditEvents).orderBy(asc(auditEvents.id)).all();
}

const json = (t: TestApp, method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  t.app.request(path, jsonRequest(headers, body, method));

describe("audit rows", () => {
  it("are written for sign-in, sign-in failure and sign-out", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("protocol");
    await json(t, "POST", "/api/v1/auth/login", ORIGIN, { email: user.email, password: "wrong-password-1" });
    const cookie = await t.signIn(user.email, user.password);
    await t.app.request("/api/v1/auth/logout", { method: "POST", headers: { Cookie: cookie, ...ORIGIN } });

    const rows = (await events(t)).filter((e) => e.action.startsWith("auth."));
    expect(rows.map((e) => e.action)).toEqual(["auth.sign_in_failed", "auth.sign_in", "auth.sign_out"]);
    for (const e of rows) {
      expect(e).toMatchObject({ entityType: "user", entityId: user.id, actorLabel: user.email });
      expect(e.at.toISOString()).toBe(t.clock().toISOString());
    }
    expect(rows[0]?.actorId).toBe(user.id);
    expect(rows[0]?.after).toEqual({ ip: "127.0.0.1" });
  });

  it("records a failure for an unknown account under the attempted e-mail, without a user id", async () => {
    const t = await makeTestApp();
    await json(t, "POST", "/api/v1/auth/login", ORIGIN, {
      email: "Ghost@Test.Sambang.id",
      password: "x-1234567890",
    });
    const [row] = await events(t);
    expect(row).toMatchObject({
      action: "auth.sign_in_failed",
      actorId: null,
      actorLabel: "ghost@test.sambang.id",
      entityId: "ghost@test.sambang.id",
    });
  });

  it("are written for user create, role change, password reset, disable and enable, with before/after", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const created = await json(t, "POST", "/api/v1/users", admin.headers, {
      email: "baru@test.sambang.id",
      name: "Staf Baru",
      role: "viewer",
    });
    const { user } = await created.json();
    await json(t, "PATCH", `/api/v1/users/${user.id}`, admin.headers, { role: "humas" });
    await t.app.request(`/admin/users/${user.id}/reset-password`, { method: "POST", headers: admin.headers });
    await json(t, "PATCH", `/api/v1/users/${user.id}`, admin.headers, { disabled: true });
    await json(t, "PATCH", `/api/v1/users/${user.id}`, admin.headers, { disabled: false });

    const rows = (await events(t)).filter((e) => e.entityId === user.id);
    expect(rows.map((e) => e.action)).toEqual([
      "user.create",
      "user.update",
      "user.password_reset",
      "user.disable",
      "user.enable",
    ]);
    for (const e of rows) {
      expect(e).toMatchObject({ actorId: admin.user.id, actorLabel: admin.user.email, entityType: "user" });
      expect(JSON.stringify(e)).not.toContain("scrypt");
      expect(JSON.stringify(e)).not.toMatch(/passwordHash/);
    }
    const [create, role, reset, disable, enable] = rows as [Event, Event, Event, Event, Event];
    expect(create.before).toBeNull();
    expect(create.after).toMatchObject({ email: "baru@test.sambang.id", role: "viewer" });
    expect(role.before).toMatchObject({ role: "viewer" });
    expect(role.after).toMatchObject({ role: "humas" });
    expect(reset.before).toBeTruthy();
    expect(disable.before).toMatchObject({ disabledAt: null });
    expect((disable.after as { disabledAt: unknown }).disabledAt).not.toBeNull();
    expect((enable.before as { disabledAt: unknown }).disabledAt).not.toBeNull();
    expect(enable.after).toMatchObject({ disabledAt: null });
  });

  it("are written for a role change and create made on the admin pages", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const form = { ...admin.headers, "Content-Type": "application/x-www-form-urlencoded" };
    const res = await t.app.request("/admin/users", {
      method: "POST",
      headers: form,
      body: new URLSearchParams({ email: "page@test.sambang.id", name: "Dari Halaman", role: "protocol" }),
    });
    expect(res.status).toBe(200);
    const created = (await events(t)).find((e) => e.action === "user.create" && e.actorId === admin.user.id);
    expect(created).toBeDefined();
    await t.app.request(`/admin/users/${created?.entityId}/role`, {
      method: "POST",
      headers: form,
      body: new URLSearchParams({ role: "viewer" }),
    });
    const change = (await events(t)).at(-1);
    expect(change).toMatchObject({
      action: "user.update",
      before: { role: "protocol" },
      after: { role: "viewer" },
    });
  });

  it("are written for token create and revoke, never with the secret", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const res = await json(t, "POST", "/api/v1/tokens", admin.headers, { name: "SIAP feed" });
    const { id, token } = await res.json();
    await t.app.request(`/api/v1/tokens/${id}`, { method: "DELETE", headers: admin.headers });
    const rows = (await events(t)).filter((e) => e.entityType === "api_token");
    expect(rows.map((e) => e.action)).toEqual(["api_token.create", "api_token.revoke"]);
    expect(rows[0]).toMatchObject({ actorId: admin.user.id, entityId: id, after: { name: "SIAP feed" } });
    expect(rows[1]).toMatchObject({ before: { revokedAt: null } });
    expect((rows[1]?.after as { revokedAt?: unknown } | undefined)?.revokedAt).toBeTruthy();
    expect(JSON.stringify(rows)).not.toContain(token.slice(4));
    expect(JSON.stringify(rows)).not.toContain("tokenHash");
  });

  it("are not written when a change is refused (the last admin cannot be disabled)", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const before = (await events(t)).length;
    const res = await json(t, "PATCH", `/api/v1/users/${admin.user.id}`, admin.headers, { disabled: true });
    expect(res.status).toBe(409);
    expect((await events(t)).length).toBe(before);
  });
});

describe("audit log listing", () => {
  async function scenario() {
    // The admin's one session spans the week, so it may idle up to 7 days here (12 hours by default).
    const t = await makeTestApp({
      env: { SESSION_IDLE_MINUTES: String(7 * 24 * 60), SESSION_ABSOLUTE_HOURS: "720" },
    });
    const admin = await t.as("admin"); // day 1: 2 Mar 2026
    const other = await t.addUser("protocol", { email: "siti@test.sambang.id" });
    t.clock.set("2026-03-05T10:00:00+07:00");
    await t.signIn(other.email, other.password); // day 2: 5 Mar 2026
    t.clock.set("2026-03-09T08:00:00+07:00");
    await json(t, "PATCH", `/api/v1/users/${other.id}`, admin.headers, { role: "viewer" }); // 9 Mar 2026
    return { t, admin, other };
  }

  it("the API filters by actor, action and date (WIB calendar days)", async () => {
    const { t, admin, other } = await scenario();
    const get = async (query: string) =>
      (await (
        await t.app.request(`/api/v1/audit?${query}`, { headers: { Cookie: admin.cookie } })
      ).json()) as {
        events: Event[];
      };

    const byActor = await get("actor=siti@");
    expect(byActor.events.map((e) => e.action)).toEqual(["auth.sign_in"]);
    expect(byActor.events[0]?.actorId).toBe(other.id);

    const byAction = await get("action=user.");
    expect(byAction.events.map((e) => e.action)).toEqual(["user.update", "user.create", "user.create"]);

    const byDate = await get("from=2026-03-05&to=2026-03-05");
    expect(byDate.events.map((e) => e.action)).toEqual(["auth.sign_in"]);
    const since = await get("from=2026-03-09");
    expect(since.events.map((e) => e.action)).toEqual(["user.update"]);

    const bad = await t.app.request("/api/v1/audit?from=yesterday", { headers: { Cookie: admin.cookie } });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.details.fields)).toEqual(["from"]);
  });

  it("pages newest first with `before`", async () => {
    const { t, admin } = await scenario();
    const first = await (
      await t.app.request("/api/v1/audit?limit=2", { headers: { Cookie: admin.cookie } })
    ).json();
    expect(first.events).toHaveLength(2);
    expect(first.events[0].id).toBeGreaterThan(first.events[1].id);
    const next = await (
      await t.app.request(`/api/v1/audit?limit=2&before=${first.nextBefore}`, {
        headers: { Cookie: admin.cookie },
      })
    ).json();
    expect(next.events[0].id).toBeLessThan(first.events[1].id);
  });

  it("the admin page lists events with local times and filters them", async () => {
    const { t, admin } = await scenario();
    const all = await (await t.app.request("/admin/audit", { headers: { Cookie: admin.cookie } })).text();
    expect(all).toContain("Senin, 9 Maret 2026, 08.00 WIB");
    expect(all).toContain("user.update");
    expect(all).toContain("auth.sign_in");
    expect(all).toContain("siti@test.sambang.id");

    const filtered = await (
      await t.app.request("/admin/audit?actor=siti&from=2026-03-05&to=2026-03-06", {
        headers: { Cookie: admin.cookie },
      })
    ).text();
    expect(filtered).toContain("Kamis, 5 Maret 2026, 10.00 WIB");
    expect(filtered).not.toContain("user.update");
    expect(filtered).toMatch(/name="actor"[^>]*value="siti"|value="siti"[^>]*name="actor"/);

    const byAction = await (
      await t.app.request("/admin/audit?action=user.update", { headers: { Cookie: admin.cookie } })
    ).text();
    expect(byAction).toContain("user.update");
    expect(byAction).not.toContain("auth.sign_in<");
  });
});
