/**
 * Feedback from visitors, end to end: completing a visit (with "also the participants" ticked) queues one
 * survey mail per recipient in the delegation's language; a real SMTP server receives them; the link in
 * the mail opens the survey; bad input is refused beside its field with nothing saved; one response per
 * link, editable for 14 days then read-only; unknown, malformed and expired links get the same plain page;
 * the delegation page shows the average.
 */
import { count, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { feedbackLinks, feedbackResponses } from "../../db/schema/feedback";
import { outboxMessages } from "../../db/schema/outbox";
import { MISSES_PER_HOUR } from "../../src/feedback/guess-limit";
import { hashSurveyToken } from "../../src/feedback/tokens";
import { book, makeDelegation, makeOutcome, makeParticipant, makeVenue } from "../helpers/factories";
import { makeTestApp, ORIGIN, renewSessions, type TestApp } from "../helpers/test-app";
import { runMailJobs, smtpTransport } from "../mail/helpers";
import { type SmtpSink, startSmtpSink } from "../mail/smtp-sink";

const sinks: SmtpSink[] = [];
afterEach(async () => {
  await Promise.all(sinks.splice(0).map((s) => s.close()));
});

const DAY = 24 * 3600 * 1000;

async function completedVisit(language: "id" | "en", inviteParticipants: boolean) {
  const t = await makeTestApp({ env: { MAIL_FROM: "Protokol <protokol@banyuwangikab.go.id>" } });
  const venue = await makeVenue(t.db, { name: "Mal Pelayanan Publik" });
  const d = await makeDelegation(t.db, {
    language,
    institution: "Pemerintah Provinsi Kepulauan Riau",
    contactName: "Pak Kontak",
    contactEmail: "kontak@kepri.example.go.id",
    confirmedDates: { start: "2026-03-16", end: "2026-03-17" },
  });
  const item = await book(t.db, d.id, {
    title: "Kunjungan MPP",
    titleEn: "MPP visit",
    startsAt: "2026-03-16T02:00:00Z",
    endsAt: "2026-03-16T03:30:00Z",
    venueId: venue.id,
  });
  await makeParticipant(t.db, d.id, { name: "Ibu Peserta", email: "peserta@kepri.example.go.id" });
  await makeParticipant(t.db, d.id, { name: "Pak Tanpa Surel", email: null });
  // The contact person is also on the roster: one link, not two.
  await makeParticipant(t.db, d.id, { name: "Pak Kontak", email: "KONTAK@kepri.example.go.id" });
  await makeOutcome(t.db, d.id, t.clock());
  t.clock.set("2026-03-17T15:00:00+07:00");
  const humas = await t.as("humas");
  const form = new URLSearchParams({ version: String(d.version) });
  if (inviteParticipants) form.set("inviteParticipants", "yes");
  const res = await t.app.request(`/delegations/${d.id}/outcome/complete`, {
    method: "POST",
    headers: { ...humas.headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: form.toString(),
  });
  expect(res.status).toBe(303);
  return { t, d, item, humas };
}

async function deliver(t: TestApp) {
  const smtp = await startSmtpSink();
  sinks.push(smtp);
  await runMailJobs(t, smtpTransport(smtp.url));
  return smtp.received.filter((m) => m.parsed.headers.get("x-sambang-kind") === "feedback_request");
}

function linkIn(text: string): string {
  const m = /http:\/\/localhost:8787\/f\/([A-Za-z0-9_-]+)/.exec(text);
  if (!m?.[1]) throw new Error(`no survey link in ${text}`);
  return m[1];
}

const post = (t: TestApp, token: string, fields: Record<string, string>) =>
  t.app.request(`/f/${token}`, {
    method: "POST",
    headers: { ...ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });

async function responses(t: TestApp) {
  return (await t.db.orm.select({ n: count() }).from(feedbackResponses))[0]?.n;
}

describe("feedback from visitors", () => {
  it("mails each recipient a private link in the delegation's language; only hashes are stored", async () => {
    const { t, d } = await completedVisit("en", true);
    const mails = await deliver(t);
    expect(mails.map((m) => m.envelope.to.join(",")).sort()).toEqual([
      "kontak@kepri.example.go.id",
      "peserta@kepri.example.go.id",
    ]);
    for (const m of mails) {
      expect(m.parsed.subject).toMatch(/^Visit survey SB-2026-/);
      expect(m.parsed.text).toContain("Answer the survey:");
      expect(m.parsed.text).not.toMatch(/Survei|Terima kasih/);
    }
    const tokens = mails.map((m) => linkIn(m.parsed.text ?? ""));
    expect(new Set(tokens).size).toBe(2);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    const links = await t.db.orm.select().from(feedbackLinks).where(eq(feedbackLinks.delegationId, d.id));
    expect(links.map((l) => l.tokenHash).sort()).toEqual(tokens.map(hashSurveyToken).sort());
    const stored = JSON.stringify(await t.db.orm.select().from(outboxMessages));
    expect(links.some((l) => stored.includes(l.tokenHash))).toBe(false);
  });

  it("without the tick only the contact person is asked, in Bahasa Indonesia", async () => {
    const { t } = await completedVisit("id", false);
    const mails = await deliver(t);
    expect(mails.map((m) => m.envelope.to.join(","))).toEqual(["kontak@kepri.example.go.id"]);
    expect(mails[0]?.parsed.subject).toMatch(/^Survei kunjungan SB-2026-/);
    // Signed by the host's protocol office (host settings).
    expect(mails[0]?.parsed.text).toContain("Bagian Protokol dan Komunikasi Pimpinan");
  });

  it("answers once, edits within 14 days, then read-only; the delegation page shows the average", async () => {
    const { t, d, item, humas } = await completedVisit("id", false);
    const [mail] = await deliver(t);
    const token = linkIn(mail?.parsed.text ?? "");

    const page = await t.app.request(`/f/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    const html = await page.text();
    expect(html).toContain("Survei kunjungan");
    expect(html).toContain("Kunjungan MPP");
    // Works without JavaScript: no inline script (the shared layout may load its optional enhancement).
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);

    const saved = await post(t, token, {
      overall: "4",
      [`session.${item.id}`]: "5",
      mostUseful: "Alur antrean MPP",
      willReplicate: "Satu pintu perizinan",
      comments: "",
      respondentName: "Pak Kontak",
      respondentTitle: "Kabag Protokol",
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/f/${token}?saved=1`);
    const after = await (await t.app.request(`/f/${token}?saved=1`)).text();
    expect(after).toContain("Terima kasih, jawaban Anda tersimpan.");
    expect(after).toContain("Alur antrean MPP");

    t.clock.advance(13 * DAY);
    expect((await post(t, token, { overall: "5", mostUseful: "Diubah" })).status).toBe(303);
    const rows = await t.db.orm.select().from(feedbackResponses);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ overallRating: 5, version: 2, mostUseful: "Diubah", sessionRatings: {} });

    t.clock.advance(2 * DAY);
    const late = await post(t, token, { overall: "1" });
    expect(late.status).toBe(409);
    const lateHtml = await late.text();
    expect(lateHtml).toContain("tidak dapat diubah lagi");
    expect(lateHtml).not.toContain('data-testid="survey-form"');
    expect((await t.db.orm.select().from(feedbackResponses))[0]?.overallRating).toBe(5);
    const readOnly = await (await t.app.request(`/f/${token}`)).text();
    expect(readOnly).toContain('data-testid="survey-read-only"');

    await renewSessions(t);
    const detail = await (await t.app.request(`/delegations/${d.id}`, { headers: humas.headers })).text();
    expect(detail).toContain("Rata-rata 5 / 5 dari 1 jawaban (1 tautan survei terkirim).");
    expect(detail).toContain("Diubah");
  });

  it.each([
    ["no rating", {}, "overall", "Pilih penilaian 1 sampai 5."],
    ["a rating of 6", { overall: "6" }, "overall", "Pilih penilaian 1 sampai 5."],
    ["a rating that is not a number", { overall: "baik" }, "overall", "Pilih penilaian 1 sampai 5."],
    ["2001 characters", { overall: "4", comments: "x".repeat(2001) }, "comments", "Teks terlalu panjang"],
    ["a control character", { overall: "4", comments: "a\u0000b" }, "comments", ""],
  ])("refuses %s beside the field, keeps the input and saves nothing", async (_n, fields, field, text) => {
    const { t } = await completedVisit("id", false);
    const [mail] = await deliver(t);
    const token = linkIn(mail?.parsed.text ?? "");
    const res = await post(t, token, { mostUseful: "Tetap di sini", ...fields });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(`id="f-${field}-error"`);
    expect(html).toContain(text);
    expect(html).toContain("Tetap di sini");
    expect(await responses(t)).toBe(0);
  });

  it("a session rating out of range is refused beside that session", async () => {
    const { t, item } = await completedVisit("id", false);
    const [mail] = await deliver(t);
    const token = linkIn(mail?.parsed.text ?? "");
    const res = await post(t, token, { overall: "3", [`session.${item.id}`]: "0" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(`id="f-session_${item.id}-error"`);
    expect(await responses(t)).toBe(0);
  });

  it("unknown, malformed and expired links get the same plain page; nothing can be saved through them", async () => {
    const { t } = await completedVisit("id", false);
    const [mail] = await deliver(t);
    const token = linkIn(mail?.parsed.text ?? "");
    const unknown = await t.app.request(`/f/${"A".repeat(43)}`);
    const malformed = await t.app.request("/f/%3Cscript%3E");
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(404);
    const body = await unknown.text();
    expect(await malformed.text()).toBe(body);
    expect(body).toContain("Tautan survei tidak berlaku");

    t.clock.advance(31 * DAY);
    const expired = await t.app.request(`/f/${token}`);
    expect(expired.status).toBe(404);
    expect(await expired.text()).toBe(body);
    expect((await post(t, token, { overall: "5" })).status).toBe(404);
    expect(await responses(t)).toBe(0);
  });

  it("completing again after a reopen sends no second link", async () => {
    const { t, d } = await completedVisit("id", true);
    const protocol = await t.as("protocol");
    const current = await t.db.orm.query.delegations.findFirst({ where: (x, { eq }) => eq(x.id, d.id) });
    const reopen = await t.app.request(`/delegations/${d.id}/outcome/reopen`, {
      method: "POST",
      headers: { ...protocol.headers, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ reason: "Salah tandai", version: String(current?.version) }).toString(),
    });
    expect(reopen.status).toBe(303);
    const res = await t.app.request(`/api/v1/delegations/${d.id}/complete`, {
      method: "POST",
      headers: { ...protocol.headers, "Content-Type": "application/json" },
      body: JSON.stringify({ version: (current?.version ?? 0) + 1, inviteParticipants: true }),
    });
    expect(res.status).toBe(200);
    expect((await t.db.orm.select({ n: count() }).from(feedbackLinks))[0]?.n).toBe(2);
    const queued = await t.db.orm
      .select({ n: count() })
      .from(outboxMessages)
      .where(eq(outboxMessages.kind, "feedback_request"));
    expect(queued[0]?.n).toBe(2);
  });
});

describe("guessing survey links", () => {
  const guess = (t: TestApp, token: string, ip: string) =>
    t.app.request(`/f/${token}`, { headers: { "x-test-ip": ip } });

  it("20 misses from one address get the plain page, then every link from it answers 429 for the hour", async () => {
    const { t } = await completedVisit("id", false);
    const [mail] = await deliver(t);
    const token = linkIn(mail?.parsed.text ?? "");
    const plain = await (await guess(t, "B".repeat(43), "10.0.0.9")).text();
    for (let i = 1; i < MISSES_PER_HOUR; i++) {
      const miss = await guess(t, `${String(i).padStart(3, "0")}${"C".repeat(40)}`, "10.0.0.9");
      expect(miss.status).toBe(404);
      expect(await miss.text()).toBe(plain);
    }
    // Limit used up: the guesser is refused even with the real link (no hint which tokens exist).
    const refused = await guess(t, "D".repeat(43), "10.0.0.9");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect((await guess(t, token, "10.0.0.9")).status).toBe(429);
    const postRefused = await t.app.request(`/f/${token}`, {
      method: "POST",
      headers: { ...ORIGIN, "x-test-ip": "10.0.0.9", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ overall: "5" }).toString(),
    });
    expect(postRefused.status).toBe(429);
    expect(await responses(t)).toBe(0);
    // Another address is not affected, and answering a valid link counts nothing.
    for (let i = 0; i < MISSES_PER_HOUR + 2; i++)
      expect((await guess(t, token, "10.0.0.10")).status).toBe(200);
    // An hour later the guesser's address may try again.
    t.clock.advance(3600 * 1000);
    expect((await guess(t, token, "10.0.0.9")).status).toBe(200);
  });
});
