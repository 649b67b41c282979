/**
 * Download names, the client address behind a proxy, the sign-in redirect, route headers the security
 * middleware must keep, Cache-Control on authenticated JSON, token redaction in request logs, who may
 * read the mail preview, and the audit trail of API-token actions.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../db/schema/audit";
import { delegations } from "../../db/schema/delegations";
import type { MailPreviewEntry } from "../../src/mail/preview";
import type { MailTransport } from "../../src/mail/transport";
import { delegationsApp, makeRequest, submitRequest, validRequest } from "../delegations/helpers";
import { BASE_URL, json, makeTestApp, ORIGIN } from "../helpers/test-app";

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const PDF = new TextEncoder().encode("%PDF-1.4\n%test\n");

describe("letter download name", () => {
  for (const name of ["ꦱꦸꦫꦠ꧀ ꦥꦿꦩꦺꦴꦲꦺꦴꦤꦤ꧀.pdf", "Surat Ğüzel.pdf", "申请函.pdf"]) {
    it(`"${name}" downloads with an RFC 6266 / 8187 Content-Disposition`, async () => {
      const t = await delegationsApp();
      const { id } = await makeRequest(t, { letterFile: { fileName: name, dataBase64: b64(PDF) } });
      const { headers } = await t.as("viewer");
      const res = await t.app.request(`/delegations/${id}/letter`, { headers });
      expect(res.status).toBe(200);
      const cd = res.headers.get("Content-Disposition") ?? "";
      const ascii = /filename="([ -~]*)"/.exec(cd)?.[1];
      const ext = /filename\*=UTF-8''([A-Za-z0-9%!#$&+.^_`|~-]+)/.exec(cd)?.[1];
      expect(cd.startsWith("attachment;")).toBe(true);
      expect(ascii).toMatch(/\.pdf$/);
      expect(ext && decodeURIComponent(ext)).toBe(`${name.replace(/\.pdf$/, "").trim()}.pdf`);
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
    });
  }
});

describe("client address behind a proxy", () => {
  it("a spoofed leftmost X-Forwarded-For does not move the public request limit", async () => {
    const t = await delegationsApp({ TRUST_PROXY: "true", REQUEST_RATE_LIMIT_PER_HOUR: "3" });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await submitRequest(t, validRequest({ institution: `Pemkab Uji ${i}` }), {
        // The client sends its own header; the proxy appends the address it saw.
        "X-Forwarded-For": `198.51.100.${i}, 203.0.113.7`,
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429]);
    expect(await t.db.orm.select().from(delegations).all()).toHaveLength(3);
  });

  it("the per-address sign-in limit counts the address the proxy saw", async () => {
    const t = await makeTestApp({ env: { TRUST_PROXY: "true" } });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t.app.request("/api/v1/auth/login", {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-Forwarded-For": `198.51.100.${i}, 203.0.113.9`,
          ...ORIGIN,
        },
        body: JSON.stringify({ email: `nobody${i}@test.sambang.id`, password: "wrong-password-123" }),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  it("TRUST_PROXY=2 takes the second address from the right", async () => {
    const t = await delegationsApp({ TRUST_PROXY: "2", REQUEST_RATE_LIMIT_PER_HOUR: "2" });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await submitRequest(t, validRequest({ institution: `Pemkab Dua ${i}` }), {
        "X-Forwarded-For": `198.51.100.${i}, 203.0.113.5, 10.0.0.2`,
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 429, 429]);
  });
});

describe("redirect after sign-in", () => {
  const hostile = [
    "/\t/evil.test",
    "/\n/evil.test",
    "/\\evil.test",
    "//evil.test",
    "https://evil.test/",
    "/%09/evil.test",
    "\t//evil.test",
  ];
  it("every hostile next stays on this site", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("viewer");
    for (const next of hostile) {
      const res = await t.app.request("/login", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...ORIGIN, "x-test-ip": "10.9.9.9" },
        body: new URLSearchParams({ email: user.email, password: user.password, next }).toString(),
      });
      expect(res.status).toBe(303);
      const location = res.headers.get("Location") ?? "";
      expect(
        [...location].some((ch) => ch < " " || ch === "\\"),
        JSON.stringify(next),
      ).toBe(false);
      expect(new URL(location, BASE_URL).origin, JSON.stringify(next)).toBe(BASE_URL);
    }
  });

  it("a same-site path with its query survives", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("viewer");
    const res = await t.app.request("/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...ORIGIN },
      body: new URLSearchParams({
        email: user.email,
        password: user.password,
        next: "/delegations?status=requested",
      }).toString(),
    });
    expect(res.headers.get("Location")).toBe("/delegations?status=requested");
  });
});

function memoryPreview(entry: MailPreviewEntry) {
  const transport: MailTransport = {
    kind: "file",
    description: "memory",
    send: async () => ({ accepted: [] }) as never,
  };
  return {
    transport,
    preview: {
      list: async () => [entry],
      read: async (name: string) => (name === entry.name ? entry : null),
    },
  };
}

const ENTRY: MailPreviewEntry = {
  name: "msg-1.eml",
  messageId: "<1@sambang>",
  to: "kontak@example.org",
  subject: "Status kunjungan",
  kind: "request_received",
  writtenAt: "2026-03-02T02:00:00Z",
  hasCalendar: false,
  text: "Status: http://localhost:8787/kunjungan/status/SB-2026-0001?token=secret",
  html: "<p>Status</p>",
  raw: "Subject: Status\r\n\r\nsecret",
};

describe("route headers survive the security middleware", () => {
  it("the mail HTML preview keeps its sandbox CSP", async () => {
    const t = await makeTestApp({ mail: memoryPreview(ENTRY) });
    const { headers } = await t.as("protocol");
    const res = await t.app.request("/mail/preview/msg-1.eml/html", { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Security-Policy")).toMatch(/^sandbox;/);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  it("the status page keeps its token from other sites (Referrer-Policy: same-origin)", async () => {
    const t = await delegationsApp();
    const { statusPath } = await makeRequest(t);
    const res = await t.app.request(statusPath);
    expect(res.status).toBe(200);
    // Not no-referrer: under it a browser posts the page's forms (the language switch) with `Origin: null`.
    expect(res.headers.get("Referrer-Policy")).toBe("same-origin");
    expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'self'");
  });
});

describe("Cache-Control on authenticated JSON", () => {
  it("/api/v1/me and the delegation list answer no-store, by cookie and by token", async () => {
    const t = await delegationsApp();
    await makeRequest(t);
    const { headers } = await t.as("admin");
    for (const path of ["/api/v1/me", "/api/v1/delegations"]) {
      const res = await t.app.request(path, { headers });
      expect(res.status).toBe(200);
      expect(res.headers.get("Cache-Control"), path).toBe("no-store");
    }
    const created = await t.app.request("/api/v1/tokens", json(headers, { name: "integrasi" }));
    const { token } = await created.json();
    const res = await t.app.request("/api/v1/delegations", { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });
});

describe("mail preview access", () => {
  it("viewer and humas may not open the preview or its .eml; protocol and admin may", async () => {
    const t = await makeTestApp({ mail: memoryPreview(ENTRY) });
    for (const role of ["viewer", "humas"] as const) {
      const { headers } = await t.as(role);
      for (const path of [
        "/mail/preview",
        "/mail/preview/msg-1.eml",
        "/mail/preview/msg-1.eml/raw",
        "/mail/preview/msg-1.eml/html",
      ]) {
        const res = await t.app.request(path, { headers });
        expect(res.status, `${role} ${path}`).toBe(403);
      }
      const outbox = await t.app.request("/admin/outbox", { headers });
      expect(outbox.status).toBe(403);
    }
    for (const role of ["protocol", "admin"] as const) {
      const { headers } = await t.as(role);
      expect((await t.app.request("/mail/preview/msg-1.eml/raw", { headers })).status).toBe(200);
    }
  });
});

describe("request logs", () => {
  it("LOG_REQUESTS redacts itinerary, feed and status tokens", async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = {
      info: (_m: string, f?: Record<string, unknown>) => void lines.push(f ?? {}),
      error: () => {},
    };
    const t = await makeTestApp({ env: { LOG_REQUESTS: "true" }, logger });
    const secret = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd";
    await t.app.request(`/i/${secret}`);
    await t.app.request(`/i/${secret}/calendar.ics`);
    await t.app.request(`/feeds/${secret}.ics`);
    await t.app.request(`/kunjungan/status/SB-2026-0001?token=${secret}`);
    const paths = lines.map((l) => String(l.path));
    expect(paths).toHaveLength(4);
    for (const p of paths) expect(p).not.toContain(secret.slice(0, 12));
    expect(paths[0]).toBe("/i/[redacted]");
    expect(paths[1]).toBe("/i/[redacted]/calendar.ics");
    expect(paths[2]).toBe("/feeds/[redacted].ics");
  });
});

describe("audit trail of API-token actions", () => {
  it("names the token (its name and prefix) beside the owner", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("admin");
    const created = await t.app.request("/api/v1/tokens", json(headers, { name: "Sinkron SIMPEG" }));
    const { id: tokenId, token } = await created.json();
    const res = await t.app.request("/api/v1/closures", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ date: "2026-08-18", kind: "local_holiday", name: "Libur daerah" }),
    });
    expect(res.status).toBe(201);
    const event = await t.db.orm
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "closure.create"))
      .get();
    expect(event?.actorLabel).toContain("Sinkron SIMPEG");
    expect(event?.actorLabel).toContain(token.slice(0, 10));
    expect(event?.actorLabel).toContain(tokenId);
  });
});
