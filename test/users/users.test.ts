/**
 * Admin user management through the pages and the API: create (generated password shown once), role
 * change, the last active admin protected, per-field errors next to the field, no password hash ever out.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../../db/schema/auth";
import { followRedirect, json as jsonRequest, makeTestApp, type TestApp } from "../helpers/test-app";

const form = (headers: Record<string, string>) => ({
  ...headers,
  "Content-Type": "application/x-www-form-urlencoded",
});

const api = (t: TestApp, method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  t.app.request(path, jsonRequest(headers, body, method));

describe("users API", () => {
  it("creates a user, returning a generated password once and never a hash", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const res = await api(t, "POST", "/api/v1/users", admin.headers, {
      email: " Dewi@Banyuwangikab.go.id ",
      name: "Dewi",
      role: "humas",
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.user).toMatchObject({ email: "dewi@banyuwangikab.go.id", role: "humas", locale: "id" });
    expect(body.password).toMatch(/^[A-Za-z2-9-]{23}$/);
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|scrypt/);
    expect((await t.signIn("dewi@banyuwangikab.go.id", body.password)).length).toBeGreaterThan(0);

    const given = await api(t, "POST", "/api/v1/users", admin.headers, {
      email: "eko@test.sambang.id",
      name: "Eko",
      role: "viewer",
      password: "eko-chosen-password",
    });
    expect((await given.json()).password).toBeUndefined();

    const list = await (await t.app.request("/api/v1/users", { headers: { Cookie: admin.cookie } })).json();
    expect(list.users.map((u: { email: string }) => u.email)).toContain("eko@test.sambang.id");
    expect(JSON.stringify(list)).not.toMatch(/passwordHash|scrypt/);
    const one = await t.app.request(`/api/v1/users/${body.user.id}`, { headers: { Cookie: admin.cookie } });
    expect((await one.json()).user.email).toBe("dewi@banyuwangikab.go.id");
  });

  it("changes role, name and language; the new role applies at once", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const staff = await t.as("viewer");
    expect((await t.app.request("/api/v1/users", { headers: { Cookie: staff.cookie } })).status).toBe(403);
    const res = await api(t, "PATCH", `/api/v1/users/${staff.user.id}`, admin.headers, {
      role: "admin",
      name: "Promoted",
      locale: "en",
    });
    expect(res.status).toBe(200);
    expect((await res.json()).user).toMatchObject({ role: "admin", name: "Promoted", locale: "en" });
    expect((await t.app.request("/api/v1/users", { headers: { Cookie: staff.cookie } })).status).toBe(200);
  });

  it("keeps at least one active admin", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    for (const change of [{ role: "viewer" }, { disabled: true }]) {
      const res = await api(t, "PATCH", `/api/v1/users/${admin.user.id}`, admin.headers, change);
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe("conflict");
    }
    const second = await t.addUser("admin");
    expect(
      (await api(t, "PATCH", `/api/v1/users/${second.id}`, admin.headers, { disabled: true })).status,
    ).toBe(200);
    expect(
      (await api(t, "PATCH", `/api/v1/users/${admin.user.id}`, admin.headers, { role: "viewer" })).status,
    ).toBe(409);
  });
});

describe("users admin page", () => {
  it("creates a user and shows the generated password once", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const res = await t.app.request("/admin/users", {
      method: "POST",
      headers: form(admin.headers),
      body: new URLSearchParams({
        name: "Fajar",
        email: "fajar@test.sambang.id",
        role: "protocol",
        password: "",
      }),
    });
    const html = await (await followRedirect(t, res, admin.headers)).text();
    const secret = /data-testid="secret">([^<]+)</.exec(html)?.[1] as string;
    expect(secret).toBeTruthy();
    expect((await t.signIn("fajar@test.sambang.id", secret)).length).toBeGreaterThan(0);
    const again = await (await t.app.request("/admin/users", { headers: { Cookie: admin.cookie } })).text();
    expect(again).not.toContain(secret);
    expect(again).toContain("fajar@test.sambang.id");
  });

  it("shows errors next to the fields and keeps the typed values", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const res = await t.app.request("/admin/users", {
      method: "POST",
      headers: form(admin.headers),
      body: new URLSearchParams({ name: "Gita", email: "not-an-email", role: "humas" }),
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/id="f-email"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-email"/);
    expect(html).toContain("Masukkan alamat e-mail yang valid.");
    expect(html).toContain('value="Gita"');

    const short = await t.app.request("/admin/users", {
      method: "POST",
      headers: form(admin.headers),
      body: new URLSearchParams({
        name: "Gita",
        email: "gita@test.sambang.id",
        role: "humas",
        password: "short",
      }),
    });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("Kata sandi minimal 12 karakter.");
    expect(
      await t.db.orm.select().from(users).where(eq(users.email, "gita@test.sambang.id")).get(),
    ).toBeUndefined();

    const taken = await t.app.request("/admin/users", {
      method: "POST",
      headers: form(admin.headers),
      body: new URLSearchParams({ name: "Dup", email: admin.user.email, role: "humas" }),
    });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain("E-mail ini sudah dipakai pengguna lain.");
  });

  it("changes a role, and refuses to demote the last admin with a message", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const user = await t.addUser("viewer");
    const ok = await t.app.request(`/admin/users/${user.id}/role`, {
      method: "POST",
      headers: form(admin.headers),
      body: new URLSearchParams({ role: "protocol" }),
    });
    expect(ok.status).toBe(303);
    expect(await (await followRedirect(t, ok, admin.headers)).text()).toContain(user.email);
    expect((await t.db.orm.select().from(users).where(eq(users.id, user.id)).get())?.role).toBe("protocol");

    const last = await t.app.request(`/admin/users/${admin.user.id}/role`, {
      method: "POST",
      headers: form(admin.headers),
      body: new URLSearchParams({ role: "viewer" }),
    });
    expect(last.status).toBe(409);
    expect(await last.text()).toContain("Admin aktif terakhir tidak dapat diturunkan atau dinonaktifkan.");
  });
});
