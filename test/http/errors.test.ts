/**
 * The API error shape `{"error": {code, message, details}}` for malformed JSON, validation failures,
 * unknown fields, oversized bodies, unknown routes and unexpected exceptions (500, no stack trace).
 */
import { describe, expect, it } from "vitest";
import { makeTestApp, type TestApp } from "../helpers/test-app";

const MiB = 1024 * 1024;

async function postUsers(
  t: TestApp,
  headers: Record<string, string>,
  body: BodyInit,
  extra: RequestInit = {},
) {
  return t.app.request("/api/v1/users", {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/json" },
    body,
    ...extra,
  });
}

function bigJson(bytes: number): string {
  const filler = "a".repeat(bytes);
  return JSON.stringify({ email: "big@test.sambang.id", name: filler, role: "viewer" });
}

function streamOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + 64 * 1024));
      offset += 64 * 1024;
    },
  });
}

describe("API error shape", () => {
  it("malformed JSON → 400 validation_failed", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const res = await postUsers(t, admin.headers, '{"email": "a@b.id", ');
    expect(res.status).toBe(400);
    expect(res.headers.get("Content-Type")).toMatch(/application\/json/);
    const body = await res.json();
    expect(body.error.code).toBe("validation_failed");
    expect(typeof body.error.message).toBe("string");
    expect(Object.keys(body)).toEqual(["error"]);
  });

  it("validation failure → 400 with a message per field, in the request's language", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const res = await postUsers(
      t,
      admin.headers,
      JSON.stringify({ email: "not-an-email", name: "", role: "chief" }),
    );
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.details.fields).sort()).toEqual(["email", "name", "role"]);
    expect(error.details.fields.email).toEqual(["Masukkan alamat e-mail yang valid."]);
    for (const messages of Object.values(error.details.fields)) {
      expect(Array.isArray(messages) && messages.length > 0).toBe(true);
    }

    const en = await t.app.request("/api/v1/users?lang=en", {
      method: "POST",
      headers: { ...admin.headers, "Content-Type": "application/json" },
      body: JSON.stringify({ email: "not-an-email", name: "X", role: "viewer" }),
    });
    expect((await en.json()).error.details.fields.email).toEqual(["Enter a valid e-mail address."]);
  });

  it("unknown field → 400 naming the field", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const res = await postUsers(
      t,
      admin.headers,
      JSON.stringify({ email: "ok@test.sambang.id", name: "Ok", role: "viewer", isSuperuser: true }),
    );
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.details.fields)).toEqual(["isSuperuser"]);
  });

  it("a body over 1 MiB → 413 payload_too_large (declared length)", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const res = await postUsers(t, admin.headers, bigJson(MiB + 10));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
  });

  it("a body over 1 MiB without Content-Length (streamed) → 413", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const res = await postUsers(t, admin.headers, streamOf(bigJson(MiB + 10)), {
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
  });

  it("a body over 1 MiB with a lying (small) Content-Length → 413", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const res = await t.app.request("/api/v1/users", {
      method: "POST",
      headers: { ...admin.headers, "Content-Type": "application/json", "Content-Length": "100" },
      body: bigJson(2 * MiB),
    });
    expect(res.status).toBe(413);
  });

  it("a body just under the limit is read normally", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const res = await postUsers(t, admin.headers, bigJson(MiB - 200));
    // Passes the size check; fails validation (name too long), not 413.
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).error.details.fields)).toEqual(["name"]);
  });

  it("an oversized page form gets a 413 page, not JSON", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const res = await t.app.request("/admin/users", {
      method: "POST",
      headers: { ...admin.headers, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ name: "x".repeat(MiB + 1) }).toString(),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("Content-Type")).toMatch(/text\/html/);
  });

  it("unknown route under /api → 404 JSON; elsewhere an HTML page", async () => {
    const t = await makeTestApp();
    const res = await t.app.request("/api/v1/no-such-thing");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    const page = await t.app.request("/no-such-page");
    expect(page.status).toBe(404);
    expect(page.headers.get("Content-Type")).toMatch(/text\/html/);
  });

  it("an unknown id → 404 not_found", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const res = await t.app.request(`/api/v1/users/${crypto.randomUUID()}`, {
      headers: { Cookie: admin.cookie },
    });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
  });

  it("a conflict → 409 with details", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const res = await postUsers(
      t,
      admin.headers,
      JSON.stringify({ email: admin.user.email, name: "Dup", role: "viewer" }),
    );
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatchObject({
      code: "conflict",
      details: { fields: { email: ["taken"] } },
    });
  });

  it("an unexpected exception → 500 with a generic message, logged, no stack trace in the body", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    t.db.close(); // every database call now throws
    for (const path of ["/api/v1/me", "/"]) {
      const res = await t.app.request(path, { headers: { Cookie: admin.cookie } });
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);
      expect(text).not.toMatch(/SQLITE|libsql|LibsqlError|Error:/i);
      if (path.startsWith("/api")) {
        expect(JSON.parse(text)).toEqual({ error: { code: "internal", message: expect.any(String) } });
      }
    }
    expect(t.logger.errors.length).toBe(2);
  });
});
