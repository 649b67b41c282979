/**
 * @module The accessibility harness for the browser tests: axe-core (WCAG 2.0/2.1 A and AA rules) run in
 * a page, a database seeded with a delegation in every state and the links visitors get (status, itinerary,
 * survey, password reset, a published visit), and a sample URL for every page the app registers.
 * axe-core is loaded with an init script (the CSP allows no inline script, and an init script is not
 * subject to it), so it is there in every page the context opens. AXE_TIMES=1 prints each page's time.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, like } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Role } from "../../db/schema/auth";
import { delegations } from "../../db/schema/delegations";
import { outboxMessages } from "../../db/schema/outbox";
import { runSeeders } from "../../db/seed";
import { requestPasswordReset } from "../../src/auth/password-reset";
import { SEEDERS } from "../../src/features";
import { auditedTransaction } from "../../src/http/service-context";
import { runJobs } from "../../src/jobs/run-jobs";
import { addDays, localDateOf, weekdayOf } from "../../src/scheduling/zoned-time";
import { createUser } from "../../src/users/service";
import { makeSurveyLink } from "../helpers/factories";
import { type RunningApp, startApp } from "./browser";

/** The app with mail written to files in a temporary folder, so the NOT-SENT preview has mails to show. */
export function startAxeApp(): Promise<RunningApp> {
  return startApp({ env: { MAIL_DIR: mkdtempSync(join(tmpdir(), "sambang-axe-")) }, mail: true });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface Violation {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe-core's WCAG 2.1 A/AA rules on the page as it is now. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResult> } })
      .axe;
    interface AxeResult {
      violations: { id: string; impact?: string; help: string; nodes: { target: unknown[] }[] }[];
    }
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? "",
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(" ")),
    }));
  }, WCAG_TAGS);
}

/** One line per violated rule and page, for a readable failure. */
export function describeViolations(label: string, violations: Violation[]): string[] {
  return violations.map(
    (v) =>
      `${label}: ${v.rule} (${v.impact}) ${v.help} — ${v.targets.slice(0, 5).join(", ")}${
        v.targets.length > 5 ? ` … (${v.targets.length})` : ""
      }`,
  );
}

export type Who = Role | "visitor";
export type Locale = "id" | "en";

export interface Seeded {
  /** One delegation per state; `confirmed` has the demo agenda and roster, `completed` an outcome. */
  delegation: Record<"requested" | "confirmed" | "completed" | "declined" | "cancelled", string>;
  participantId: string;
  venueId: string;
  hostId: string;
  /** A day of the demo visit's agenda, for the calendars. */
  agendaDate: string;
  templateId: string;
  commitmentId: string;
  closureId: string;
  /** The visitor's status page of the requested, declined and cancelled requests. */
  statusPaths: string[];
  itineraryPath: string;
  surveyPath: string;
  resetPath: string;
  publicVisitPath: string;
  mailPreview: string;
}

const PASSWORD = "axe-e2e-password-1";
const userEmail = (who: Role, locale: Locale) => `${who}-${locale}@axe.sambang.id`;

async function call(server: RunningApp, cookie: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { Cookie: cookie, Origin: server.baseUrl, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

async function apiSignIn(server: RunningApp, email: string, password: string): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: server.baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith("sambang_session=") && !c.startsWith("sambang_session=;"));
  if (!cookie) throw new Error("no session cookie");
  return cookie.split(";")[0] as string;
}

/** A Tuesday about `weeks` weeks ahead in the host zone. */
function tuesdayAhead(zone: string, weeks: number): string {
  let d = addDays(localDateOf(Date.now(), zone), weeks * 7);
  while (weekdayOf(d) !== 2) d = addDays(d, 1);
  return d;
}

/**
 * The demo database plus a staff user per role and language, a public request in each state, a share
 * link, a published visit, a survey link and a password-reset link.
 */
export async function seedEverything(server: RunningApp): Promise<Seeded> {
  const { db } = server;
  const zone = server.config.hostTimeZone;
  await runSeeders(db, "demo", new Date(), SEEDERS);
  for (const role of ["admin", "protocol", "humas"] as const) {
    for (const locale of ["id", "en"] as const) {
      await createUser(
        {
          passwords: server.passwords,
          now: new Date(),
          transaction: auditedTransaction(db, { id: null, label: "e2e" }, new Date()),
        },
        { email: userEmail(role, locale), password: PASSWORD, name: `Uji ${role} ${locale}`, role, locale },
      );
    }
  }
  const admin = await apiSignIn(server, server.admin.email, server.admin.password);

  const request = async (n: number) => {
    const start = tuesdayAhead(zone, 7 + n);
    const res = await fetch(`${server.baseUrl}/api/v1/requests`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: server.baseUrl },
      body: JSON.stringify({
        institution: `Pemerintah Kabupaten Contoh ${n}`,
        provinceCode: "21",
        regencyCode: "21.01",
        leaderName: "Budi Contoh",
        leaderTitle: "Bupati Karimun",
        purpose: "Mempelajari Mal Pelayanan Publik.",
        topics: ["mpp"],
        expectedSize: 12,
        preferredDates: { start, end: addDays(start, 1) },
        alternativeDates: [],
        contactName: "Rina Narahubung",
        contactEmail: `rina${n}@example.org`,
        contactPhone: "0812-3456-7890",
        letterNumber: "005/123/2026",
        letterDate: localDateOf(Date.now(), zone),
      }),
    });
    if (res.status !== 201) throw new Error(`request failed: ${res.status} ${await res.text()}`);
    const { code, statusUrl } = (await res.json()) as { code: string; statusUrl: string };
    const row = await db.orm.query.delegations.findFirst({ where: eq(delegations.code, code) });
    return {
      id: (row as { id: string }).id,
      statusPath: new URL(statusUrl).pathname + new URL(statusUrl).search,
    };
  };
  const requested = await request(1);
  const declined = await request(2);
  const cancelled = await request(3);
  const to = (id: string, body: unknown) =>
    call(server, admin, "POST", `/api/v1/delegations/${id}/transition`, body);
  await to(declined.id, { to: "declined", reason: "Jadwal penuh pada tanggal itu." });
  await to(cancelled.id, { to: "cancelled", reason: "Dibatalkan atas permintaan pemohon." });

  const kepri = await db.orm.query.delegations.findFirst({
    where: and(eq(delegations.status, "confirmed"), like(delegations.institution, "%Kepulauan Riau%")),
  });
  const completed = await db.orm.query.delegations.findFirst({ where: eq(delegations.status, "completed") });
  if (!kepri || !completed) throw new Error("the demo seed has no confirmed or completed visit");
  const share = (await call(server, admin, "POST", `/api/v1/delegations/${kepri.id}/share`)) as {
    url: string;
  };
  const published = (await call(server, admin, "POST", `/api/v1/delegations/${completed.id}/publication`, {
    title: "Kunjungan studi banding Mal Pelayanan Publik",
    summary: "Rombongan mempelajari pelayanan terpadu di Mal Pelayanan Publik Banyuwangi.",
    links: [{ label: "Siaran pers", url: "https://banyuwangikab.go.id/berita/contoh" }],
  })) as { publication: { url: string } };

  const surveyToken = await makeSurveyLink(db, completed.id, new Date(), {
    recipientEmail: "kontak@example.org",
    days: 14,
  });
  await requestPasswordReset({ db, now: new Date(), baseUrl: server.baseUrl }, userEmail("protocol", "id"));
  const resetMail = (await db.orm.select({ text: outboxMessages.text }).from(outboxMessages).all()).find(
    (m) => m.text.includes("/reset-password/"),
  );
  const resetPath = /\/reset-password\/[A-Za-z0-9_-]+/.exec(resetMail?.text ?? "")?.[0];
  if (!resetPath) throw new Error("no password-reset link in the outbox");

  // The demo visit's first booked item: its day, venue and host show the calendars with bookings on them.
  const agenda = (await call(server, admin, "GET", `/api/v1/delegations/${kepri.id}/agenda`)) as {
    items: { venueId: string | null; hostIds: string[]; local: { date: string } }[];
  };
  const booked = agenda.items.find((i) => i.venueId && i.hostIds.length > 0);
  if (!booked?.venueId) throw new Error("the demo visit has no booked item with a venue and a host");
  const q = db.orm.query;
  const participant = await q.participants.findFirst({ where: (p, { eq }) => eq(p.delegationId, kepri.id) });
  const template = await q.tourTemplates.findFirst();
  const commitment = await q.commitments.findFirst();
  const closure = await q.closures.findFirst();
  if (!participant || !template || !commitment || !closure) {
    throw new Error("the demo seed lacks a participant, template, commitment or closure");
  }
  await call(server, admin, "POST", `/api/v1/delegations/${kepri.id}/invitations/send`, {});
  if (!server.mail) throw new Error("start the app with startAxeApp(): the mail preview needs files");
  await runJobs({
    db,
    config: server.config,
    clock: server.clock,
    logger: server.logger,
    transport: server.mail.transport,
  });
  const previews = await (
    await fetch(`${server.baseUrl}/mail/preview`, { headers: { Cookie: admin } })
  ).text();
  const mailPreview = /href="\/mail\/preview\/([^"/]+)"/.exec(previews)?.[1];
  if (!mailPreview) throw new Error("no mail preview link found");

  return {
    delegation: {
      requested: requested.id,
      confirmed: kepri.id,
      completed: completed.id,
      declined: declined.id,
      cancelled: cancelled.id,
    },
    participantId: participant.id,
    venueId: booked.venueId,
    hostId: booked.hostIds[0] as string,
    agendaDate: booked.local.date,
    templateId: template.id,
    commitmentId: commitment.id,
    closureId: closure.id,
    statusPaths: [requested.statusPath, declined.statusPath, cancelled.statusPath],
    itineraryPath: new URL(share.url).pathname,
    surveyPath: `/f/${surveyToken}`,
    resetPath,
    publicVisitPath: new URL(published.publication.url).pathname,
    mailPreview,
  };
}

/**
 * A browser context for one person: a visitor (signed out) or a staff user of `role`, in `locale`, at a
 * viewport size; axe-core is in every page it opens.
 */
export async function contextFor(
  browser: Browser,
  server: RunningApp,
  who: Who,
  locale: Locale,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  // bypassCSP: the mail preview serves a mail's HTML under `sandbox`, where no script (axe-core included)
  // would run; the app's own CSP is tested elsewhere.
  const context = await browser.newContext({ viewport, bypassCSP: true });
  await context.addInitScript({ content: AXE_SOURCE });
  const cookies: { name: string; value: string; url: string }[] = [
    { name: "sambang_lang", value: locale, url: server.baseUrl },
  ];
  if (who !== "visitor") {
    const session = await apiSignIn(server, userEmail(who, locale), PASSWORD);
    const at = session.indexOf("=");
    cookies.push({ name: session.slice(0, at), value: session.slice(at + 1), url: server.baseUrl });
  }
  await context.addCookies(cookies);
  return context;
}

export interface PageCheck {
  url: string;
  who: Who;
  status?: number;
}

/**
 * Opens each page as its person (one context per person), checks its HTTP status and runs axe-core;
 * returns one line per violation (empty when every page passes) and how many pages were checked.
 */
export async function checkPages(
  browser: Browser,
  server: RunningApp,
  pages: PageCheck[],
  locale: Locale,
  viewport: { width: number; height: number },
): Promise<{ problems: string[]; checked: number }> {
  const problems: string[] = [];
  const byWho = new Map<Who, PageCheck[]>();
  for (const p of pages) byWho.set(p.who, [...(byWho.get(p.who) ?? []), p]);
  let checked = 0;
  for (const [who, list] of byWho) {
    const context = await contextFor(browser, server, who, locale, viewport);
    const page = await context.newPage();
    for (const p of list) {
      const label = `${p.url} as ${who} (${locale}, ${viewport.width}×${viewport.height})`;
      const started = Date.now();
      const res = await page.goto(`${server.baseUrl}${p.url}`);
      if (res?.status() !== (p.status ?? 200)) {
        problems.push(`${label}: answered ${res?.status()} instead of ${p.status ?? 200}`);
        continue;
      }
      problems.push(...describeViolations(label, await axeViolations(page)));
      checked += 1;
      if (process.env.AXE_TIMES) console.log(`[axe] ${label}: ${Date.now() - started} ms`);
    }
    await context.close();
  }
  return { problems, checked };
}
