/**
 * Every page and every mail, in both languages, over the demo database: no catalogue key, no raw code
 * (snake_case enum values, audit action codes, mail kinds) and no marker word of the other language (the
 * lists are in language-scan.ts). Pages are found by following the links an admin sees from the home page
 * and the public entry points, after a morning of work (a share link, invitations written to files, an
 * update, a refused double booking); every registered page must have been reached in both languages.
 * Every HTML answer met on the way (and the error pages) must start with a doctype: without one browsers
 * lay the page out in quirks mode.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "../../db/schema/auth";
import { delegations } from "../../db/schema/delegations";
import { outboxMessages } from "../../db/schema/outbox";
import { runSeeders } from "../../db/seed";
import { SEEDERS } from "../../src/features";
import type { Locale } from "../../src/i18n/dictionary";
import { runJobs } from "../../src/jobs/run-jobs";
import { createFileTransport } from "../../src/mail/node/file-transport";
import { validRequest } from "../delegations/helpers";
import { json, makeTestApp, ORIGIN, type TestApp } from "../helpers/test-app";
import { languageProblems, visibleText } from "./language-scan";

/** Pages that answer something other than an HTML page (files, redirects) or need a secret to reach. */
const NOT_HTML = [
  /\.(pdf|ics|csv|png|svg|ico|js|css|json|atom|docx|txt)$/,
  /\/raw$/,
  /\/letter$/,
  /\/logo$/,
  /^\/feeds\//,
  /^\/api\//,
  /^\/assets\//,
];
/** Registered GET pages this crawl cannot reach by a link, with why. */
const UNREACHABLE: Record<string, string> = {
  "/kunjungan": "the public log lists published visits only; the demo seed publishes none (test/publicity)",
  "/f/:token": "needs a survey token from a completion mail (test/feedback/survey.test.ts)",
  "/delegations/:id/publication/unpublish": "only for a published visit (test/publicity/public-log.test.ts)",
  "/reports/:file": "CSV exports",
  "/reset-password/:token": "needs a reset token from a mail (covered in test/auth/password-reset tests)",
  "/livez": "a probe, not a page",
  "/healthz": "a probe, not a page",
  // A GET of a form's own path only redirects to its page (a reload or language switch after a refused form).
  "/availability/book": "redirects to /availability",
  "/delegations/:id/agenda/items": "redirects to the agenda",
  "/delegations/:id/agenda/items/:itemId": "redirects to the agenda",
  "/delegations/:id/agenda/items/:itemId/cancel": "redirects to the agenda",
  "/delegations/:id/agenda/items/:itemId/leave": "redirects to the agenda",
  "/delegations/:id/agenda/template": "redirects to the agenda",
};
/**
 * Leaks known and owned elsewhere, each as narrow as possible: remove an entry when its fix lands (the
 * test then keeps it fixed).
 */
const KNOWN_GAPS: { page: RegExp; problem: RegExp; why: string }[] = [];
const isKnownGap = (url: string, problem: string) =>
  KNOWN_GAPS.some((g) => g.page.test(url) && g.problem.test(problem));

/** A few pages per route are enough; the same template with other data adds little. */
const PER_ROUTE = 4;

let t: TestApp;
let itineraryPath = "";
let refusedBookings = 0;
const statusPages: string[] = [];
const mail = createFileTransport(mkdtempSync(join(tmpdir(), "sambang-language-")));

async function call(headers: Record<string, string>, method: string, path: string, body?: unknown) {
  const res = await t.app.request(path, json(headers, body ?? {}, method));
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** A public request in `language`; returns the new delegation's id. */
async function requestVisit(language: Locale): Promise<string> {
  const { code, statusUrl } = (await call(
    { ...ORIGIN, "x-test-ip": `10.1.0.${Math.floor(Math.random() * 250)}` },
    "POST",
    "/api/v1/requests",
    validRequest({ language }),
  )) as { code: string; statusUrl: string };
  statusPages.push(new URL(statusUrl).pathname + new URL(statusUrl).search);
  const row = await t.db.orm.query.delegations.findFirst({ where: eq(delegations.code, code) });
  return (row as { id: string }).id;
}
let routes: { path: string; re: RegExp }[];
const visited: Record<Locale, Map<string, string[]>> = { id: new Map(), en: new Map() };
const problems: Record<Locale, string[]> = { id: [], en: [] };
/** Every HTML answer checked for its doctype, and those that lack it. */
const htmlAnswers: string[] = [];
const withoutDoctype: string[] = [];

function checkDoctype(what: string, html: string) {
  htmlAnswers.push(what);
  if (!/^<!doctype html>/i.test(html)) withoutDoctype.push(`${what}: ${html.slice(0, 40)}`);
}

function routeOf(path: string): string | undefined {
  return routes.find((r) => r.re.test(path))?.path;
}

async function crawl(locale: Locale, cookie: string, starts: string[]) {
  const queue = [...starts];
  const seen = new Set<string>();
  const perRoute = new Map<string, number>();
  while (queue.length > 0) {
    const url = queue.shift() as string;
    if (seen.has(url)) continue;
    seen.add(url);
    const path = url.split("?")[0] as string;
    if (NOT_HTML.some((re) => re.test(path))) continue;
    const route = routeOf(path);
    if (!route) continue;
    const n = perRoute.get(route) ?? 0;
    if (n >= PER_ROUTE) continue;
    perRoute.set(route, n + 1);
    const res = await t.app.request(url, { headers: { Cookie: cookie } });
    if (!(res.headers.get("content-type") ?? "").startsWith("text/html")) continue;
    const html = await res.text();
    expect(res.status, `${url} answered ${res.status}`).toBeLessThan(500);
    checkDoctype(url, html);
    visited[locale].set(route, [...(visited[locale].get(route) ?? []), url]);
    for (const p of languageProblems(visibleText(html, locale), locale)) {
      if (!isKnownGap(url, p)) problems[locale].push(`${url}: ${p}`);
    }
    for (const m of html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)) {
      const href = (m[1] as string).replace(/&amp;/g, "&").split("#")[0] as string;
      if (href.startsWith("/") && !href.startsWith("//") && !seen.has(href)) queue.push(href);
    }
  }
}

beforeAll(async () => {
  t = await makeTestApp({ mail: { transport: mail, preview: mail.preview } });
  await runSeeders(t.db, "demo", t.clock(), SEEDERS);
  routes = [
    ...new Set(
      t.app.routes
        .filter((r) => r.method === "GET" && !r.path.includes("*") && r.handler.length < 2)
        .map((r) => r.path),
    ),
  ].map((path) => ({
    path,
    re: new RegExp(`^${path.replace(/[.]/g, "\\.").replace(/:\w+/g, "[^/]+")}$`),
  }));
  const admin = await t.as("admin");
  const english = await t.as("admin");
  await t.db.writeTransaction((tx) =>
    tx.update(users).set({ locale: "en" }).where(eq(users.id, english.user.id)),
  );

  // A morning's work on the demo visit: a share link, invitations written to files; and, in both
  // languages, a request that is received, offered other dates, confirmed and invited, and one declined.
  const kepri = await t.db.orm.query.delegations.findFirst({
    where: and(eq(delegations.status, "confirmed"), like(delegations.institution, "%Kepulauan Riau%")),
  });
  if (!kepri) throw new Error("the demo seed has no confirmed visit");
  const share = await call(admin.headers, "POST", `/api/v1/delegations/${kepri.id}/share`);
  await call(admin.headers, "POST", `/api/v1/delegations/${kepri.id}/invitations/send`);
  for (const language of ["id", "en"] as const) {
    const [visit, refused] = [await requestVisit(language), await requestVisit(language)];
    const to = (id: string, body: unknown) =>
      call(admin.headers, "POST", `/api/v1/delegations/${id}/transition`, body);
    await to(visit, { to: "requested", dates: [{ start: "2026-04-06" }] });
    await to(visit, { to: "confirmed", dates: { start: "2026-03-16", end: "2026-03-17" } });
    await call(admin.headers, "POST", `/api/v1/delegations/${visit}/share`);
    await call(admin.headers, "POST", `/api/v1/delegations/${visit}/invitations/send`);
    await to(refused, { to: "declined", reason: "Jadwal penuh" });
  }
  await runJobs({ db: t.db, config: t.deps.config, clock: t.clock, logger: t.deps.logger, transport: mail });
  itineraryPath = new URL((share as { url: string }).url).pathname;

  // The demo's past visit still to be completed (among two years of completed ones the crawl may miss it).
  const toComplete = await t.db.orm.query.delegations.findFirst({
    where: and(eq(delegations.status, "confirmed"), like(delegations.institution, "%Sleman%")),
  });
  const starts = [
    "/",
    "/kunjungan",
    "/kunjungan/ajukan",
    "/forgot-password",
    itineraryPath,
    ...statusPages,
    `/delegations/${toComplete?.id}`,
  ];
  // Refused bookings render their conflicts: the venue, a host and the delegation already taken, and a
  // venue closed at night.
  const [first] = (
    await (await t.app.request(`/api/v1/delegations/${kepri.id}/agenda`, { headers: admin.headers })).json()
  ).items as { venueId: string; hostIds: string[]; local: { date: string; start: string; end: string } }[];
  if (!first) throw new Error("the demo visit has no agenda");
  for (const [locale, who] of [
    ["id", admin],
    ["en", english],
  ] as const) {
    const slots: [string, string][] = [
      [first.local.start, first.local.end],
      ["22:00", "23:00"],
    ];
    for (const [start, end] of slots) {
      const body = new URLSearchParams({
        title: "Sesi uji",
        kind: "discussion",
        date: first.local.date,
        start,
        end,
        venueId: first.venueId,
      });
      for (const h of first.hostIds) body.append("hostIds", h);
      const res = await t.app.request(`/delegations/${kepri.id}/agenda/items`, {
        method: "POST",
        headers: { ...who.headers, "Content-Type": "application/x-www-form-urlencoded" },
        body,
      });
      expect(res.status).toBe(409);
      const html = await res.text();
      checkDoctype(`refused booking ${start} (${locale})`, html);
      for (const p of languageProblems(visibleText(html, locale), locale)) {
        problems[locale].push(`refused booking ${start}: ${p}`);
      }
      refusedBookings += 1;
    }
  }
  await crawl("id", admin.cookie, starts);
  await crawl("en", english.cookie, starts);
  // Signed out: the sign-in page itself.
  await crawl("id", "", ["/login"]);
  await crawl("en", "sambang_lang=en", ["/login"]);
  // Error pages, signed in and out: an unknown page, an unknown visit and an unknown share link.
  for (const cookie of [admin.cookie, ""]) {
    for (const url of ["/no-such-page", "/kunjungan/no-such-visit", `/i/${"x".repeat(43)}`]) {
      const res = await t.app.request(url, { headers: { Cookie: cookie } });
      expect(res.status, url).toBe(404);
      checkDoctype(`${url} (404${cookie ? ", signed in" : ""})`, await res.text());
    }
  }
}, 120_000);

describe("the interface speaks one language at a time", () => {
  it("every registered page was rendered in both languages", () => {
    const pages = routes
      .map((r) => r.path)
      .filter((p) => !NOT_HTML.some((re) => re.test(p)) && !(p in UNREACHABLE));
    for (const locale of ["id", "en"] as const) {
      const missing = pages.filter((p) => !visited[locale].has(p));
      expect(missing, `pages not reached in ${locale}`).toEqual([]);
    }
  });

  it("every page starts with a doctype, so browsers use standards mode", () => {
    const kinds = [
      /^\/$/,
      /^\/login$/,
      /^\/kunjungan$/,
      /^\/kunjungan\/ajukan$/,
      new RegExp(`^${itineraryPath}$`),
      /^refused booking/,
      /404/,
    ];
    for (const kind of kinds)
      expect(
        htmlAnswers.some((a) => kind.test(a)),
        `no page like ${kind}`,
      ).toBe(true);
    expect(withoutDoctype).toEqual([]);
  });

  it("no Indonesian page shows a key, a code or English", () => {
    expect(refusedBookings).toBe(4);
    expect(problems.id).toEqual([]);
  });

  it("no English page shows a key, a code or Indonesian", () => {
    expect(problems.en).toEqual([]);
  });

  it("every mail queued during the work reads in its own language", async () => {
    const mails = await t.db.orm.select().from(outboxMessages).all();
    expect(mails.length).toBeGreaterThan(0);
    const found = mails.flatMap((m) =>
      languageProblems(`${m.subject} ${m.text} ${visibleText(m.html, m.locale)}`, m.locale).map(
        (p) => `${m.kind} (${m.locale}): ${p}`,
      ),
    );
    expect(found).toEqual([]);
  });
});
