/**
 * The role × route matrix. It is generic on purpose, so a new feature's routes are covered without
 * touching this file:
 * - API: every operation of the OpenAPI document with `x-roles` is called anonymously (401), with each
 *   role outside them (403) and with each role inside (neither), by session cookie and by bearer token.
 *   Every route Hono registered under /api/v1 must be documented, and every documented operation a route.
 * - Pages: every non-API route Hono registered (except the declared public ones) sends an anonymous GET to
 *   the sign-in page and refuses an anonymous POST (401 or a redirect to sign in); a signed-in role gets
 *   its page or 403, never 401 or 5xx: `PAGE_ROLES` names the roles of every page, the wrong roles must
 *   get 403 and the right ones must not. A page missing from `PAGE_ROLES` fails the run.
 * Path parameters get a random id: a 404 (or 400) for an allowed role is fine.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../db/schema/auth";
import { ADMIN, FOLLOW_UP, HUMAS, PROTOCOL, ROLES, STAFF } from "../../src/auth/roles";
import { makeTestApp, ORIGIN, type TestApp } from "../helpers/test-app";

/**
 * Pages anyone may open (no sign-in): the sign-in flow, probes, static assets and the visitors' public
 * pages (`/kunjungan…`: request a visit, follow its status, the public log of visits and its feed) and token links (`/i/…`, `/feeds/…`, the survey
 * `/f/…`). A new public page must be declared here,
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
  { method: "GET", path: "/favicon.ico" },
  { method: "GET", path: /^\/kunjungan(\/|$)/ },
  // Capability links: a random ≥128-bit token in the path is the credential (itinerary shares, feeds).
  { method: "GET", path: /^\/i\/:token(\/|$)/ },
  { method: "GET", path: /^\/feeds\/:file$/ },
  // The visitors' survey: the token in the link is the credential.
  { method: "GET", path: "/f/:token" },
  { method: "POST", path: "/f/:token" },
  { method: "POST", path: /^\/kunjungan(\/|$)/ },
  // Forgotten password: ask for a link, and the link (its token is the credential) sets a new one.
  { method: "GET", path: "/forgot-password" },
  { method: "POST", path: "/forgot-password" },
  { method: "GET", path: "/reset-password/:token" },
  { method: "POST", path: "/reset-password/:token" },
];

const isPublicPage = (method: string, path: string) =>
  PUBLIC_PAGES.some(
    (p) => p.method === method && (typeof p.path === "string" ? p.path === path : p.path.test(path)),
  );

/**
 * The role every staff page expects, by method and path as registered: the listed roles must get the page
 * (or a 4xx about the request, such as 404 for a random id, never 401/403) and every other role a 403. A
 * new page must be added here, deliberately; a registered page missing from this table fails the run.
 */
const PAGE_ROLES: Record<string, readonly Role[]> = {
  "GET /": STAFF,
  "GET /admin/users": ADMIN,
  "POST /admin/users": ADMIN,
  "POST /admin/users/:id/role": ADMIN,
  "POST /admin/users/:id/reset-password": ADMIN,
  "POST /admin/users/:id/disable": ADMIN,
  "POST /admin/users/:id/enable": ADMIN,
  "GET /admin/tokens": ADMIN,
  "POST /admin/tokens": ADMIN,
  "POST /admin/tokens/:id/revoke": ADMIN,
  "GET /admin/audit": ADMIN,
  "GET /admin/audit.csv": ADMIN,
  "GET /templates": PROTOCOL,
  "GET /templates/new": PROTOCOL,
  "POST /templates": PROTOCOL,
  "GET /templates/:id": PROTOCOL,
  "POST /templates/:id": PROTOCOL,
  "POST /templates/:id/delete": PROTOCOL,
  "GET /venues": PROTOCOL,
  "POST /venues": PROTOCOL,
  "GET /venues/:id": PROTOCOL,
  "POST /venues/:id": PROTOCOL,
  "POST /venues/:id/blackouts": PROTOCOL,
  "POST /blackouts": PROTOCOL,
  "POST /blackouts/:id/delete": PROTOCOL,
  "GET /hosts": PROTOCOL,
  "POST /hosts": PROTOCOL,
  "GET /hosts/:id": PROTOCOL,
  "POST /hosts/:id": PROTOCOL,
  "GET /availability": PROTOCOL,
  "POST /availability/book": PROTOCOL,
  "GET /availability/book": PROTOCOL,
  "GET /calendar": STAFF,
  "GET /calendar/day": STAFF,
  "GET /calendar/venues/:id": STAFF,
  "GET /calendar/hosts/:id": STAFF,
  "GET /delegations/:id/invitations": PROTOCOL,
  "POST /delegations/:id/invitations/send": PROTOCOL,
  "POST /delegations/:id/invitations/auto-notices": PROTOCOL,
  "GET /admin/outbox": PROTOCOL,
  "POST /admin/outbox/:id/retry": PROTOCOL,
  "POST /admin/outbox/:id/cancel": PROTOCOL,
  "GET /mail/preview": PROTOCOL,
  "GET /mail/preview/:name": PROTOCOL,
  "GET /mail/preview/:name/html": PROTOCOL,
  "GET /mail/preview/:name/raw": PROTOCOL,
  "GET /delegations": STAFF,
  "GET /delegations/new": PROTOCOL,
  "POST /delegations/new": PROTOCOL,
  "GET /delegations/:id": STAFF,
  "GET /delegations/:id/letter": STAFF,
  "GET /delegations/:id/edit": PROTOCOL,
  "POST /delegations/:id/edit": PROTOCOL,
  "POST /delegations/:id/transition": PROTOCOL,
  "POST /delegations/:id/notes": PROTOCOL,
  "GET /delegations/:id/participants": STAFF,
  "GET /delegations/:id/participants.csv": STAFF,
  "POST /delegations/:id/participants": PROTOCOL,
  "POST /delegations/:id/participants/import": PROTOCOL,
  "POST /delegations/:id/participants/import/confirm": PROTOCOL,
  "GET /delegations/:id/participants/:pid/edit": PROTOCOL,
  "POST /delegations/:id/participants/:pid/delete": PROTOCOL,
  "POST /delegations/:id/participants/:pid": PROTOCOL,
  "GET /admin/topics": ADMIN,
  "POST /admin/topics": ADMIN,
  "POST /admin/topics/:id/active": ADMIN,
  "POST /admin/topics/:id": ADMIN,
  "GET /admin/closures": STAFF,
  "POST /admin/closures": ADMIN,
  "GET /admin/closures/:id/edit": ADMIN,
  "POST /admin/closures/import": ADMIN,
  "POST /admin/closures/review": ADMIN,
  "POST /admin/closures/:id/review": ADMIN,
  "POST /admin/closures/:id/delete": ADMIN,
  "POST /admin/closures/:id": ADMIN,
  "GET /delegations/:id/agenda": STAFF,
  "POST /delegations/:id/agenda/items": PROTOCOL,
  "POST /delegations/:id/agenda/items/:itemId": PROTOCOL,
  "POST /delegations/:id/agenda/items/:itemId/cancel": PROTOCOL,
  "POST /delegations/:id/agenda/items/:itemId/leave": PROTOCOL,
  "POST /delegations/:id/agenda/template": PROTOCOL,
  // The GET of a form's path (a language switch or reload after a POST) goes back to the agenda.
  "GET /delegations/:id/agenda/items": STAFF,
  "GET /delegations/:id/agenda/items/:itemId": STAFF,
  "GET /delegations/:id/agenda/items/:itemId/cancel": STAFF,
  "GET /delegations/:id/agenda/items/:itemId/leave": STAFF,
  "GET /delegations/:id/agenda/template": STAFF,
  "POST /delegations/:id/share": PROTOCOL,
  "POST /delegations/:id/share/revoke": PROTOCOL,
  "POST /delegations/:id/share/:linkId/revoke": PROTOCOL,
  "GET /delegations/:id/rundown": STAFF,
  "GET /admin/feeds": ADMIN,
  "POST /admin/feeds": ADMIN,
  "POST /admin/feeds/:id/revoke": ADMIN,
  "GET /admin/host-settings": ADMIN,
  "GET /admin/host-settings/logo": ADMIN,
  "POST /admin/host-settings": ADMIN,
  "GET /delegations/:id/press-release": FOLLOW_UP,
  "POST /delegations/:id/press-release": HUMAS,
  "GET /delegations/:id/press-release/download.docx": FOLLOW_UP,
  "GET /delegations/:id/press-release/download.txt": FOLLOW_UP,
  "GET /delegations/:id/publication": HUMAS,
  "POST /delegations/:id/publication": HUMAS,
  "GET /delegations/:id/publication/unpublish": HUMAS,
  "POST /delegations/:id/publication/unpublish": HUMAS,
  "GET /delegations/:id/outcome": FOLLOW_UP,
  "POST /delegations/:id/outcome": FOLLOW_UP,
  "GET /delegations/:id/outcome/complete": FOLLOW_UP,
  "POST /delegations/:id/outcome/complete": FOLLOW_UP,
  "POST /delegations/:id/outcome/reopen": PROTOCOL,
  "GET /delegations/:id/attendance": FOLLOW_UP,
  "POST /delegations/:id/attendance/mark": FOLLOW_UP,
  "POST /delegations/:id/attendance/walk-in": FOLLOW_UP,
  "GET /commitments": STAFF,
  "GET /commitments/new": FOLLOW_UP,
  "POST /commitments": FOLLOW_UP,
  "GET /commitments/:cid": STAFF,
  "POST /commitments/:cid/edit": FOLLOW_UP,
  "POST /commitments/:cid/transition": FOLLOW_UP,
  "GET /commitments.csv": STAFF,
  "GET /admin/targets": ADMIN,
  "POST /admin/targets/:year": ADMIN,
  "GET /reports": STAFF,
  "GET /reports/:file": STAFF,
  "GET /account/password": STAFF,
  "POST /account/password": STAFF,
};

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
/** Every operation of the served document: path under /api/v1, method, and its `x-roles` if guarded. */
const API_DOCS = await (async () => {
  const doc = (await (await t.app.request("/api/v1/openapi.json")).json()) as {
    paths: Record<string, Record<string, { "x-roles"?: Role[] }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method,
      path: path.slice("/api/v1".length),
      roles: op["x-roles"],
    })),
  );
})();
const protectedDocs = API_DOCS.filter((d) => d.roles);

function pageRolesOf(method: string, path: string): readonly Role[] | undefined {
  return PAGE_ROLES[`${method} ${path}`];
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
  it("every route registered under /api/v1 is documented", () => {
    const documented = new Set(API_DOCS.map((d) => routeKey(d.method, `/api/v1${d.path}`)));
    const missing = apiRoutes
      .filter((r) => !documented.has(routeKey(r.method, r.path)))
      .map((r) => `${r.method} ${r.path}`);
    expect(missing, "declare it with apiRoute (with roles)").toEqual([]);
  });

  it("every documented operation has a registered route", () => {
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
  it("every registered staff page has an expected role, and every entry of the table a page", () => {
    const registeredPages = new Set(pageRoutes.map((r) => `${r.method} ${r.path}`));
    const missing = [...registeredPages].filter((key) => !(key in PAGE_ROLES));
    expect(missing, "add the page to PAGE_ROLES with the roles it accepts").toEqual([]);
    const stale = Object.keys(PAGE_ROLES).filter((key) => !registeredPages.has(key));
    expect(stale, "remove pages that no longer exist from PAGE_ROLES").toEqual([]);
  });

  it("names the foundation's pages with their roles", () => {
    expect(PAGE_ROLES["GET /"]).toEqual(STAFF);
    for (const path of ["/admin/users", "/admin/tokens", "/admin/audit"]) {
      expect(PAGE_ROLES[`GET ${path}`], path).toEqual(ADMIN);
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

      const roles = pageRolesOf(method, path);
      expect(roles, `no expected role for ${method} ${path} in PAGE_ROLES`).toBeDefined();
      for (const role of ROLES) {
        const res = await t.app.request(url, {
          method,
          headers: {
            Cookie: sessions[role],
            ...(method === "GET" ? {} : { ...ORIGIN, "Content-Type": "application/x-www-form-urlencoded" }),
          },
          body: method === "GET" ? undefined : "",
        });
        if (roles?.includes(role)) {
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

/**
 * What humas staff may and may not do, cell by cell (the generic matrix above derives the same from each
 * route's declared roles; this table states the intent, so a change of roles must change it too). Humas
 * record outcomes, attendance, notes-free follow-up and commitments, and complete a visit; they cannot
 * change bookings, agenda, delegation status, the roster or settings. `viewer` is the control: it may
 * only read. Bodies are empty, so an allowed call ends in 400/404, never 401/403.
 */
const HUMAS_CELLS: [method: string, path: string, humas: boolean][] = [
  // May.
  ["GET", "/api/v1/delegations/{id}/outcome", true],
  ["PUT", "/api/v1/delegations/{id}/outcome", true],
  ["POST", "/api/v1/delegations/{id}/complete", true],
  ["GET", "/api/v1/delegations/{id}/attendance", true],
  ["POST", "/api/v1/delegations/{id}/attendance", true],
  ["GET", "/api/v1/delegations/{id}/attendance.csv", true],
  ["GET", "/api/v1/delegations/{id}/papers/attendance.pdf", true],
  ["GET", "/api/v1/delegations/{id}/papers/visit-letter.pdf", true],
  ["GET", "/api/v1/commitments", true],
  ["POST", "/api/v1/commitments", true],
  ["PATCH", "/api/v1/commitments/{id}", true],
  ["POST", "/api/v1/commitments/{id}/transition", true],
  ["GET", "/api/v1/host-settings", true],
  ["GET", "/delegations/{id}/outcome", true],
  ["POST", "/delegations/{id}/outcome", true],
  ["POST", "/delegations/{id}/outcome/complete", true],
  ["GET", "/delegations/{id}/attendance", true],
  ["POST", "/delegations/{id}/attendance/mark", true],
  ["POST", "/delegations/{id}/attendance/walk-in", true],
  ["GET", "/commitments", true],
  ["GET", "/commitments/new", true],
  ["POST", "/commitments", true],
  ["POST", "/commitments/{id}/transition", true],
  // May not.
  ["POST", "/api/v1/delegations/{id}/reopen", false],
  ["POST", "/api/v1/delegations/{id}/transition", false],
  ["PATCH", "/api/v1/delegations/{id}", false],
  ["POST", "/api/v1/delegations", false],
  ["POST", "/api/v1/delegations/{id}/participants", false],
  ["PUT", "/api/v1/host-settings", false],
  ["GET", "/api/v1/users", false],
  ["POST", "/delegations/{id}/outcome/reopen", false],
  ["POST", "/delegations/{id}/transition", false],
  ["GET", "/admin/host-settings", false],
];

describe("humas, cell by cell (viewer as the read-only control)", () => {
  it.each(HUMAS_CELLS)("%s %s: humas may = %s", async (method, path, humasMay) => {
    const url = fillParams(path);
    const isApi = path.startsWith("/api/");
    const call = (role: Role) =>
      t.app.request(url, {
        method,
        headers: {
          Cookie: sessions[role],
          ...(method === "GET" ? {} : ORIGIN),
          ...(method === "GET"
            ? {}
            : { "Content-Type": isApi ? "application/json" : "application/x-www-form-urlencoded" }),
        },
        body: method === "GET" ? undefined : isApi ? "{}" : "",
      });
    const humas = await call("humas");
    if (humasMay) {
      expect([401, 403], `humas ${method} ${path}`).not.toContain(humas.status);
      expect(humas.status).toBeLessThan(500);
    } else expect(humas.status, `humas ${method} ${path}`).toBe(403);
    const viewer = await call("viewer");
    // A viewer reads what any staff may read: the API's GETs and the board, not the forms or admin pages.
    const reads = method === "GET" && (isApi ? path !== "/api/v1/users" : path === "/commitments");
    expect(viewer.status === 403, `viewer ${method} ${path}`).toBe(!reads);
  });
});
