/**
 * The production bundle's lazy paths work. Every other test runs the app from TypeScript; this one starts
 * `dist/server.js` exactly as `npm start` does, on a fresh database with `SEED=demo` and `SMTP_URL` pointing
 * at a real SMTP server in the test, and over HTTP reaches each module the bundle loads on first use:
 * date-holidays (the starter seed's national holidays, read back from the closures API), the SPPD papers
 * and the share link's itinerary PDF (pdf-lib, the QR code drawn from qrcode's core), the QR SVG on the
 * visitor page, the press release .docx (docx), the delegation calendar (ical-generator, with its
 * VTIMEZONE), the password dictionary (zxcvbn: a weak password refused, a strong one accepted), and
 * nodemailer's SMTP transport (the itinerary mail with its PDF and ICS attachments, and a password-reset
 * mail whose link then sets a new password); without SMTP_URL, nodemailer's composer writing the mail to
 * MAIL_DIR. A CommonJS package that bundles wrongly fails here, on the path that first loads it, not in
 * front of a user.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import ICAL from "ical.js";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translate } from "../../src/i18n/dictionary";
import { qrSvg } from "../../src/itinerary/qr-svg";
import { freePort } from "../helpers/free-port";
import { pdfText } from "../helpers/pdf-text";
import {
  type ServerRun,
  START_TIMEOUT_MS,
  startServer,
  stopServer,
  stopStartedServers,
  waitForLivez,
} from "../helpers/server-process";
import { type ReceivedMail, type SmtpSink, startSmtpSink } from "../mail/smtp-sink";

/** Each request, mail and PDF parse below is quick; the limit is for a busy machine. */
const TEST_TIMEOUT_MS = 20_000;
const ADMIN = { email: "admin@example.go.id", password: "lantern-quietly-orbits-marmalade" };
const WEAK = "password1234";
const STRONG = "copper kettle whistles beside lighthouse";

let sink: SmtpSink;
let server: ServerRun;
let base = "";
let origin = "";
let cookie = "";
/** The demo delegation (confirmed, with its roster and the MPP visit booked). */
let demo: { id: string; code: string; institution: string };

async function signIn(password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: origin },
    body: JSON.stringify({ email: ADMIN.email, password }),
  });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie()[0]?.split(";")[0] as string;
}

function get(path: string): Promise<Response> {
  return fetch(`${base}${path}`, { headers: { Cookie: cookie } });
}

function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: origin, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

/**
 * A page form's POST (urlencoded, with the Origin header the server checks), redirects not followed; to the
 * demo server unless `at` names another.
 */
function postForm(path: string, fields: Record<string, string>, at = { base, origin }): Promise<Response> {
  return fetch(`${at.base}${path}`, {
    method: "POST",
    headers: { Origin: at.origin, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
}

async function json(res: Response): Promise<unknown> {
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

async function bytesOf(res: Response, contentType: string): Promise<Uint8Array> {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain(contentType);
  return new Uint8Array(await res.arrayBuffer());
}

const ascii = (bytes: Uint8Array, n: number) => Buffer.from(bytes.subarray(0, n)).toString("latin1");

/** Waits for the job loop to deliver a mail to `to` whose subject is `subject`. */
async function mailTo(to: string, subject: string): Promise<ReceivedMail> {
  const match = (m: ReceivedMail) => m.envelope.to.includes(to) && m.parsed.subject === subject;
  for (let i = 0; i < 150 && !sink.received.some(match); i++) await new Promise((r) => setTimeout(r, 100));
  const mail = sink.received.find(match);
  expect(
    mail,
    `no mail "${subject}" to ${to}; got ${sink.received.map((m) => m.parsed.subject)}`,
  ).toBeDefined();
  return mail as ReceivedMail;
}

/** The VTIMEZONE ids and the DTSTART zones of the VEVENTs of an ICS text, read by ical.js. */
/** The calendar carries the Asia/Jakarta VTIMEZONE only, and every event starts in it. */
function expectOnlyJakarta(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vtimezones = calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"));
  const eventZones = calendar
    .getAllSubcomponents("vevent")
    .map((e) => e.getFirstProperty("dtstart")?.getParameter("tzid"));
  expect(vtimezones).toEqual(["Asia/Jakarta"]);
  expect(eventZones.length).toBeGreaterThan(0);
  expect(new Set(eventZones)).toEqual(new Set(["Asia/Jakarta"]));
}

afterAll(stopStartedServers);

describe("the built server (dist/server.js) on its lazily loaded paths", () => {
  beforeAll(async () => {
    sink = await startSmtpSink();
    const dir = mkdtempSync(join(tmpdir(), "sambang-built-"));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    origin = `http://localhost:${port}`;
    server = startServer({
      DATABASE_URL: `file:${join(dir, "sambang.db")}`,
      PORT: String(port),
      SEED: "demo",
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SMTP_URL: sink.url,
      MAIL_DIR: join(dir, "mail"),
      JOB_INTERVAL_SECONDS: "1",
    });
    await waitForLivez(base, server);
    cookie = await signIn(ADMIN.password);
    const list = (await json(await get("/api/v1/delegations"))) as {
      delegations: { id: string; code: string; institution: string; leaderTitle: string; status: string }[];
    };
    const found = list.delegations.find((d) => d.leaderTitle === "Gubernur Kepulauan Riau");
    expect(found?.status).toBe("confirmed");
    demo = found as typeof demo;
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    if (server) {
      const code = await stopServer(server);
      // A lazy path that threw was logged as an error on stderr (prestart's build line aside).
      expect(server.output.stderr.replace(/^Built dist\/ in .*\n/m, "")).toBe("");
      expect(code).toBe(0);
    }
    await sink?.close();
  });

  it(
    "the starter seed filled in this year's national holidays from date-holidays",
    async () => {
      // Without ?year= the API answers for the host's current year, the first the seeder filled in.
      const { year, closures } = (await json(await get("/api/v1/closures"))) as {
        year: number;
        closures: { date: string; kind: string; name: string; source: string }[];
      };
      const seeded = closures.filter((c) => c.source === "date-holidays" && c.kind === "national_holiday");
      expect(seeded.map((c) => c.date)).toContain(`${year}-01-01`);
      expect(seeded.length).toBeGreaterThanOrEqual(10);
      // The lunar holidays come from date-holidays' astronomy code, the deepest part of that chunk.
      expect(seeded.some((c) => /idul fitri/i.test(c.name))).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "serves the SPPD papers (attendance list and visit letter) as PDFs with the roster in them",
    async () => {
      const papers = `/api/v1/delegations/${demo.id}/papers`;
      const attendance = await bytesOf(await get(`${papers}/attendance.pdf`), "application/pdf");
      expect(ascii(attendance, 5)).toBe("%PDF-");
      const list = await pdfText(attendance);
      expect(list).toContain(translate("id", "papers.attendanceHeading"));
      expect(list).toContain("H. Arif Contoh, S.E., M.M.");
      const letter = await bytesOf(await get(`${papers}/visit-letter.pdf`), "application/pdf");
      expect(ascii(letter, 5)).toBe("%PDF-");
      expect(await pdfText(letter)).toContain("Gubernur Kepulauan Riau");
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "a share link serves the visitor page with its QR SVG, the itinerary PDF and the calendar",
    async () => {
      const created = await post(`/api/v1/delegations/${demo.id}/share`, {});
      expect(created.status).toBe(201);
      const link = (await created.json()) as { url: string; pdfUrl: string; calendarUrl: string };
      const path = (url: string) => new URL(url).pathname;

      const page = await fetch(`${base}${path(link.url)}`);
      expect(page.status).toBe(200);
      // The bundled qrcode core draws the same matrix as the source does.
      expect(await page.text()).toContain(qrSvg(link.url, translate("id", "itinerary.qr")));

      const pdf = await bytesOf(await fetch(`${base}${path(link.pdfUrl)}`), "application/pdf");
      expect(ascii(pdf, 5)).toBe("%PDF-");
      expect(await pdfText(pdf)).toContain(demo.code);

      const ics = await fetch(`${base}${path(link.calendarUrl)}`);
      expect(ics.status).toBe(200);
      expectOnlyJakarta(await ics.text());
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "the staff calendar download carries the host's VTIMEZONE",
    async () => {
      const res = await get(`/api/v1/delegations/${demo.id}/calendar.ics`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/calendar");
      expectOnlyJakarta(await res.text());
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "serves the press release as a Word document naming the visiting institution",
    async () => {
      const res = await get(`/api/v1/delegations/${demo.id}/press-release.docx`);
      const docx = await bytesOf(res, "wordprocessingml.document");
      expect(ascii(docx, 2)).toBe("PK");
      const body = unzipSync(docx)["word/document.xml"];
      expect(body).toBeDefined();
      expect(Buffer.from(body as Uint8Array).toString("utf8")).toContain(demo.institution);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "refuses a guessable password for a new user and accepts a passphrase (the zxcvbn dictionary)",
    async () => {
      const user = { email: "budi.santoso@example.go.id", name: "Budi Santoso", role: "protocol" };
      const weak = await post("/api/v1/users", { ...user, password: WEAK });
      expect(weak.status).toBe(400);
      const refusal = (await weak.json()) as { error: { details: { fields: { password: string[] } } } };
      expect(refusal.error.details.fields.password).toEqual([translate("id", "users.passwordWeak")]);
      const strong = await post("/api/v1/users", { ...user, password: STRONG });
      expect(strong.status).toBe(201);
      expect(await strong.json()).toMatchObject({ user: { email: user.email, role: "protocol" } });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "delivers the itinerary mail over SMTP with its PDF and calendar attached",
    async () => {
      const queued = await post(`/api/v1/delegations/${demo.id}/invitations/send`, {});
      expect(queued.status).toBe(202);
      expect(await queued.json()).toMatchObject({ queued: 1 });
      const mail = await mailTo(
        "protokol.kepri@example.org",
        translate("id", "mail.itinerary.subject", { code: demo.code }),
      );
      const byType = (type: string) => mail.parsed.attachments.find((a) => a.contentType === type);
      const pdf = byType("application/pdf");
      expect(pdf?.filename).toBe(`itinerary-${demo.code}.pdf`);
      expect(ascii(pdf?.content ?? new Uint8Array(), 5)).toBe("%PDF-");
      const ics = byType("text/calendar");
      expect(ics?.filename).toBe(`itinerary-${demo.code}.ics`);
      expectOnlyJakarta(ics?.content.toString("utf8") ?? "");
    },
    TEST_TIMEOUT_MS,
  );

  // Last: completing the reset changes the admin's password.
  it(
    "mails a password-reset link over SMTP; the link refuses a weak password and sets a strong one",
    async () => {
      const asked = await postForm("/forgot-password", { email: ADMIN.email });
      expect(asked.status).toBe(303);
      const mail = await mailTo(ADMIN.email, translate("id", "auth.reset.mailSubject"));
      const link = /https?:\/\/\S+\/reset-password\/[\w-]+/.exec(mail.parsed.text ?? "")?.[0];
      expect(link).toBeDefined();
      const path = new URL(link as string).pathname;
      expect((await fetch(`${base}${path}`)).status).toBe(200);

      const weak = await postForm(path, { next: WEAK, confirm: WEAK });
      expect(weak.status).toBe(400);
      expect(await weak.text()).toContain(translate("id", "users.passwordWeak"));
      const strong = await postForm(path, { next: STRONG, confirm: STRONG });
      expect(strong.status).toBe(303);
      await signIn(STRONG);
    },
    TEST_TIMEOUT_MS,
  );
});

describe("the built server without SMTP_URL", () => {
  it(
    "writes a mail as an .eml file composed by nodemailer (the newcomer's default)",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "sambang-built-"));
      const mailDir = join(dir, "mail");
      const port = await freePort();
      const run = startServer({
        DATABASE_URL: `file:${join(dir, "sambang.db")}`,
        PORT: String(port),
        SEED: "none",
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        MAIL_DIR: mailDir,
        JOB_INTERVAL_SECONDS: "1",
      });
      const url = `http://127.0.0.1:${port}`;
      await waitForLivez(url, run);
      const asked = await postForm(
        "/forgot-password",
        { email: ADMIN.email },
        { base: url, origin: `http://localhost:${port}` },
      );
      expect(asked.status).toBe(303);
      const emls = () => (existsSync(mailDir) ? readdirSync(mailDir).filter((f) => f.endsWith(".eml")) : []);
      for (let i = 0; i < 150 && emls().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(emls()).toHaveLength(1);
      const mail = await simpleParser(readFileSync(join(mailDir, emls()[0] as string)));
      expect(mail.subject).toBe(translate("id", "auth.reset.mailSubject"));
      expect(mail.text).toMatch(/\/reset-password\/[\w-]+/);
      expect(await stopServer(run)).toBe(0);
      expect(run.output.stderr.replace(/^Built dist\/ in .*\n/m, "")).toBe("");
    },
    START_TIMEOUT_MS,
  );
});
