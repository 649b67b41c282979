/**
 * The role × route matrix. It is generic on purpose, so a new feature's routes are covered without
 * touching this file:
 * - API: every `API_DOCS` entry with `roles` is called anonymously (401), with each role outside `roles`
 *   (403) and with each role inside (neither), by session cookie and by bearer token. Every route Hono
 *   registered under /api/v1 must have a RouteDoc, and every RouteDoc a route.
 * - Pages: every non-API route Hono registered (except the declared public ones) sends an anonymous GET to
 *   the sign-in page and refuses an anonymous POST (401 or a redirect to sign in); a signed-in role gets
 *   its page or 403, never 401 or 5xx. Where `PAGE_ROLES` names the roles (first match wins), the wrong
 *   roles must get 403 and the right ones must not; `KNOWN_STAFF_PAGES` is the explicit table.
 * Path parameters get a random id: a 404 (or 400) for an allowed role is fine.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../db/schema/auth";
import { API_DOCS } from "../../src/app";
import { ADMIN, ROLES, STAFF } from "../../src/auth/roles";
import { makeTestApp, ORIGIN, type TestApp } from "../helpers/test-app";

/**
 * Pages anyone may open (no sign-in): the sign-in flow, probes, static assets and the visitors' public
 * pages (`/kunjungan…`: request a visit, follow its status) and token links (`/i/…`, `/feeds/…`). A new public page must be declared here,
 * deliberately; anything else must send an anonymous visitor to sign in.
 */
const PUBLIC_PAGES: { method: string; path: string | RegExp }[] = [
  { method: "GET", path: "/login" },
  { method: "POST", path: "/login" },
  { method: "POST", path: "/logout" },
  { method: "POST", path: "/language" },
  { method: "GET", path: "/livez" },
  { method: "GET", path: "/healthz" },
  { method: "GET", path: /^\/assets\// },
  { method: "GET", path: /^\/kunjungan(\/|$)/ },
  // Capability links: a random ≥128-bit token in the path is the credential (itinerary shares, feeds).
  { method: "GET", path: /^\/i\/:token(\/|$)/ },
  { method: "GET", path: /^\/feeds\/:file$/ },
  { method: "POST", path: /^\/kunjungan(\/|$)/ },
];

const isPublicPage = (method: string, path: string) =>
  PUBLIC_PAGES.some(
    (p) => p.method === method && (typeof p.path === "string" ? p.path === path : p.path.test(path)),
  );

/** Pages whose roles are known here. First matching pattern wins; other pages are checked leniently. */
const PAGE_ROLES: { pattern: RegExp; roles: readonly Role[] }[] = [
  { pattern: /^\/admin\/(users|tokens|audit)(\/|$)/, roles: ADMIN },
  { pattern: /^\/$/, roles: STAFF },
];

/** The explicit page table of the role matrix: these must exist and behave as stated. */
const KNOWN_STAFF_PAGES: { path: string; roles: readonly Role[] }[] = [
  { path: "/", roles: STAFF },
  { path: "/admin/users", roles: ADMIN },
  { path: "/admin/tokens", roles: ADMIN },
  { path: "/admin/audit", roles: ADMIN },
];

const randomId = () => crypto.randomUUID();
const fillParams = (path: string) => path.replace(/\{\w+\}|:\w+/g, randomId);
/** `/users/:id` and `/users/{id}` both become `/users/{}`: parameter names need not match to count. */
const routeKey = (method: string, path: string) =>
  `${method.toUpperCase()} ${path.replace(/:\w+|\{\w+\}/g, "{}")}`;

// Hono's app.routes mixes handlers with middleware: `app.use` entries have method "ALL", and guards
// registered per method (`app.on(["PATCH"], path, guard)`, or `app.get(path, guard, handler)`) appear as
// entries of their own. Middleware takes `(c, next)`, a handler `(c)`: keep one entry per real handler.
const t: TestApp = await makeTestApp();
const registered = [
  ...new Map(
    t.app.routes
      .filter((r) => r.method !== "ALL" && !r.path.includes("*") && r.handler.length < 2)
      .map((r) => [`${r.method} ${r.path}`, r] as const),
  ).values(),
];
const apiRoutes = registered.filter((r) => r.path.startsWith("/api/v1/"));
const pageRoutes = registered.filter((r) => !r.path.startsWith("/api/") && !isPublicPage(r.method, r.path));
const protectedDocs = API_DOCS.filter((d) => d.roles);

function pageRolesOf(path: string): readonly Role[] | undefined {
  return PAGE_ROLES.find((p) => p.pattern.test(path))?.roles;
}

const sessions = {} as Record<Role, string>;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  const admin = await t.as("admin");
  for (const role of ROLES) {
    const { user, cookie } = role === "admin" ? admin : await t.as(role);
    sessions[role] = cookie;
    const res = await t.app.request("/api/v1/tokens", {
      method: "POST",
      headers: { ...admin.headers, "Content-Type": "application/json" },
      body: JSON.stringify({ name: `matrix ${role}`, userId: user.id }),
    });
    expect(res.status).toBe(201);
    tokens[role] = ((await res.json()) as { token: string }).token;
  }
});

function apiCall(method: string, path: string, auth: Record<string, string>) {
  const hasBody = !["GET", "HEAD", "DELETE"].includes(method);
  return t.app.request(path, {
    method,
    headers: { ...auth, ...(hasBody ? { "Content-Type": "application/json" } : {}) },
    body: hasBody ? "{}" : undefined,
  });
}

describe("API routes and their documentation", () => {
  it("every route registered under /api/v1 has a RouteDoc", () => {
    const documented = new Set(API_DOCS.map((d) => routeKey(d.method, `/api/v1${d.path}`)));
    const missing = apiRoutes
      .filter((r) => !documented.has(routeKey(r.method, r.path)))
      .map((r) => `${r.method} ${r.path}`);
    expect(missing, "add a RouteDoc (with roles) to the module's xApiDocs and to API_DOCS").toEqual([]);
  });

  it("every RouteDoc has a registered route", () => {
    const routes = new Set(apiRoutes.map((r) => routeKey(r.method, r.path)));
    const stale = API_DOCS.filter((d) => !routes.has(routeKey(d.method, `/api/v1${d.path}`))).map(
      (d) => `${d.method.toUpperCase()} /api/v1${d.path}`,
    );
    expect(stale).toEqual([]);
  });

  it("covers the foundation's staff API", () => {
    const keys = protectedDocs.map((d) => `${d.method} ${d.path}`);
    expect(keys).toEqual(
      expect.arrayContaining(["get /me", "get /users", "post /users", "patch /users/{id}", "get /audit"]),
    );
    expect(keys).toEqual(expect.arrayContaining(["get /tokens", "post /tokens", "delete /tokens/{id}"]));
  });
});

describe.each(protectedDocs.map((d) => [`${d.method.toUpperCase()} /api/v1${d.path}`, d] as const))(
  "API %s",
  (_name, doc) => {
    const method = doc.method.toUpperCase();
    const url = () => `/api/v1${fillParams(doc.path)}`;

    it("answers 401 (JSON) to an anonymous caller", async () => {
      const res = await apiCall(method, url(), ORIGIN);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("unauthenticated");
    });

    it("answers 401 to a bearer token that does not exist", async () => {
      const res = await apiCall(method, url(), { Authorization: `Bearer sbg_${"x".repeat(43)}` });
      expect(res.status).toBe(401);
    });

    it.each(ROLES.map((role) => [role, doc.roles?.includes(role) ?? true] as const))(
      "%s (allowed: %s) by session and by token",
      async (role, allowed) => {
        const ways: Record<string, string>[] = [
          { Cookie: sessions[role], ...ORIGIN },
          { Authorization: `Bearer ${tokens[role]}` },
        ];
        for (const auth of ways) {
          const res = await apiCall(method, url(), auth);
          if (allowed) {
            expect([401, 403], `${role} ${Object.keys(auth)[0]}`).not.toContain(res.status);
            expect(res.status).toBeLessThan(500);
          } else {
            expect(res.status, `${role} ${Object.keys(auth)[0]}`).toBe(403);
            expect((await res.json()).error.code).toBe("forbidden");
          }
        }
      },
    );
  },
);

describe("staff pages", () => {
  it("the explicit table matches the registered pages and their roles", () => {
    for (const page of KNOWN_STAFF_PAGES) {
      expect(
        pageRoutes.some((r) => r.method === "GET" && r.path === page.path),
        page.path,
      ).toBe(true);
      expect(pageRolesOf(page.path)).toEqual(page.roles);
    }
  });

  it.each(pageRoutes.map((r) => [r.method, r.path] as const))(
    "%s %s: anonymous is sent to sign in, roles are enforced",
    async (method, path) => {
      const url = fillParams(path);
      const anonymous = await t.app.request(url, {
        method,
        headers: method === "GET" ? {} : { ...ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
        body: method === "GET" ? undefined : "",
      });
      if (method === "GET") {
        expect(anonymous.status).toBe(303);
        expect(anonymous.headers.get("Location")).toBe(`/login?next=${encodeURIComponent(url)}`);
      } else {
        // Refused: a 401 page, or a redirect to the sign-in page.
        const toLogin =
          [302, 303].includes(anonymous.status) && /^\/login/.test(anonymous.headers.get("Location") ?? "");
        expect(anonymous.status === 401 || toLogin, `anonymous ${method} got ${anonymous.status}`).toBe(true);
      }

      const roles = pageRolesOf(path);
      for (const role of ROLES) {
        const res = await t.app.request(url, {
          method,
          headers: {
            Cookie: sessions[role],
            ...(method === "GET" ? {} : { ...ORIGIN, "Content-Type": "application/x-www-form-urlencoded" }),
          },
          body: method === "GET" ? undefined : "",
        });
        if (!roles) {
          expect(res.status !== 401 && res.status < 500, `${role} got ${res.status}`).toBe(true);
          expect(res.headers.get("Location") ?? "", role).not.toMatch(/^\/login/);
        } else if (roles.includes(role)) {
          expect([401, 403], `${role}`).not.toContain(res.status);
          expect(res.status, `${role}`).toBeLessThan(500);
          expect(res.headers.get("Location") ?? "", role).not.toMatch(/^\/login/);
        } else {
          expect(res.status, `${role}`).toBe(403);
          expect(res.headers.get("Content-Type")).toMatch(/text\/html/);
        }
      }
    },
  );
});
