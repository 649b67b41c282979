/**
 * API tokens end with their owner's credentials: a password reset or disabling the user revokes them, so
 * re-enabling a user does not revive old tokens.
 */
import { describe, expect, it } from "vitest";
import { json, makeTestApp, type TestApp } from "../helpers/test-app";

async function tokenFor(t: TestApp, adminHeaders: Record<string, string>, userId: string) {
  const res = await t.app.request("/api/v1/tokens", json(adminHeaders, { name: "integrasi", userId }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

const me = (t: TestApp, token: string) =>
  t.app.request("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });

describe("API tokens and the owner's credentials", () => {
  it("a password reset by an admin revokes the user's tokens", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const user = await t.addUser("protocol");
    const token = await tokenFor(t, admin.headers, user.id);
    expect((await me(t, token)).status).toBe(200);
    const reset = await t.app.request(
      `/api/v1/users/${user.id}`,
      json(admin.headers, { password: "Kelapa-Hijau-Banyuwangi-77" }, "PATCH"),
    );
    expect(reset.status).toBe(200);
    expect((await me(t, token)).status).toBe(401);
  });

  it("disabling revokes them, and enabling again does not revive them", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const user = await t.addUser("protocol");
    const token = await tokenFor(t, admin.headers, user.id);
    expect(
      (await t.app.request(`/api/v1/users/${user.id}`, json(admin.headers, { disabled: true }, "PATCH")))
        .status,
    ).toBe(200);
    expect((await me(t, token)).status).toBe(401);
    expect(
      (await t.app.request(`/api/v1/users/${user.id}`, json(admin.headers, { disabled: false }, "PATCH")))
        .status,
    ).toBe(200);
    expect((await me(t, token)).status).toBe(401);
    const list = await (await t.app.request("/api/v1/tokens", { headers: admin.headers })).json();
    const row = list.tokens.find((k: { ownerId: string }) => k.ownerId === user.id);
    expect(row.revokedAt).not.toBeNull();
  });
});
