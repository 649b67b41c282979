/**
 * The Origin check (CSRF defence): a cookie-authenticated state change needs a same-origin Origin header;
 * bearer-token API calls carry no cookie and need none.
 */
import { describe, expect, it } from "vitest";
import { BASE_URL, makeTestApp, type TestApp } from "../helpers/test-app";

async function tokenFor(t: TestApp) {
  const admin = await t.as("admin");
  const res = await t.app.request("/api/v1/tokens", {
    method: "POST",
    headers: { ...admin.headers, "Content-Type": "application/json" },
    body: JSON.stringify({ name: "integration" }),
  });
  return { admin, token: ((await res.json()) as { token: string }).token };
}

function createUserRequest(headers: Record<string, string>, email: string) {
  return {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/json" },
    body: JSON.stringify({ email, name: "Staf Baru", role: "viewer" }),
  };
}

describe("Origin check on cookie-authenticated writes", () => {
  it("refuses a foreign Origin with 403 and changes nothing", async () => {
    const t = await makeTestApp();
    const { cookie } = await t.as("admin");
    const res = await t.app.request(
      "/api/v1/users",
      createUserRequest({ Cookie: cookie, Origin: "https://evil.example" }, "x1@test.sambang.id"),
    );
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
    const list = await t.app.request("/api/v1/users", { headers: { Cookie: cookie } });
    expect(JSON.stringify(await list.json())).not.toContain("x1@test.sambang.id");
  });

  it("refuses a look-alike origin (same host name on another scheme or port)", async () => {
    const t = await makeTestApp();
    const { cookie } = await t.as("admin");
    for (const origin of ["http://localhost:9999", "http://localhost.evil.example:8787", "null"]) {
      const res = await t.app.request(
        "/api/v1/users",
        createUserRequest({ Cookie: cookie, Origin: origin }, "x2@test.sambang.id"),
      );
      expect(res.status, origin).toBe(403);
    }
  });

  it("refuses a cookie POST with no Origin at all", async () => {
    const t = await makeTestApp();
    const { cookie } = await t.as("admin");
    const res = await t.app.request(
      "/api/v1/users",
      createUserRequest({ Cookie: cookie }, "x3@test.sambang.id"),
    );
    expect(res.status).toBe(403);
  });

  it("refuses a cross-site page form post (HTML answer)", async () => {
    const t = await makeTestApp();
    const { cookie } = await t.as("admin");
    const res = await t.app.request("/admin/users", {
      method: "POST",
      headers: {
        Cookie: cookie,
        Origin: "https://evil.example",
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ email: "x4@test.sambang.id", name: "X", role: "admin" }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("Content-Type")).toMatch(/text\/html/);
  });

  it("accepts the same origin", async () => {
    const t = await makeTestApp();
    const { cookie } = await t.as("admin");
    const res = await t.app.request(
      "/api/v1/users",
      createUserRequest({ Cookie: cookie, Origin: BASE_URL }, "x5@test.sambang.id"),
    );
    expect(res.status).toBe(201);
  });

  it("accepts a bearer-token POST without Origin, and a bearer token with a stale cookie beside it", async () => {
    const t = await makeTestApp();
    const { token, admin } = await tokenFor(t);
    const res = await t.app.request(
      "/api/v1/users",
      createUserRequest({ Authorization: `Bearer ${token}` }, "x6@test.sambang.id"),
    );
    expect(res.status).toBe(201);
    const both = await t.app.request(
      "/api/v1/users",
      createUserRequest({ Authorization: `Bearer ${token}`, Cookie: admin.cookie }, "x7@test.sambang.id"),
    );
    expect(both.status).toBe(201);
  });

  it("does not let a bogus bearer header smuggle a cookie-authenticated write past the check", async () => {
    const t = await makeTestApp();
    const { cookie } = await t.as("admin");
    const res = await t.app.request(
      "/api/v1/users",
      createUserRequest({ Authorization: "Bearer not-a-token", Cookie: cookie }, "x8@test.sambang.id"),
    );
    expect(res.status).toBe(401);
  });

  it("lets safe methods through without Origin", async () => {
    const t = await makeTestApp();
    const { cookie } = await t.as("viewer");
    expect((await t.app.request("/api/v1/me", { headers: { Cookie: cookie } })).status).toBe(200);
  });
});
