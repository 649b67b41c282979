import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../src/audit/record";
import { seedTopics } from "../../src/delegations/topics";
import { auditedTransaction } from "../../src/http/service-context";
import { runJobs } from "../../src/jobs/run-jobs";
import { saveOutcome } from "../../src/outcomes/service";
import { addDays, localDateOf, weekdayOf } from "../../src/scheduling/zoned-time";
import { saveTarget } from "../../src/targets/service";
import { book, makeDelegation, makeParticipant, makeVenue } from "../helpers/factories";
import { smtpTransport } from "../mail/helpers";
import { type SmtpSink, startSmtpSink } from "../mail/smtp-sink";
import { launchBrowser, type RunningApp, signIn, skipBrowserTests, startApp } from "./browser";
import { addStaff, screenshotter } from "./staff";

const HUMAS = { email: "dewi@e2e.sambang.id", password: "humas-e2e-password-2", name: "Dewi Humas" };
const ZONE = "Asia/Jakarta";
const shots = process.env.RESULTS_SHOTS;
const shot = screenshotter(shots);

describe.skipIf(skipBrowserTests)("results of a visit: survey, press release, public log, report", () => {
  let server: RunningApp;
  let smtp: SmtpSink;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  const now = new Date();
  const today = localDateOf(now.getTime(), ZONE);
  // The visit began on the last working day before today and ends today.
  let first = addDays(today, -1);
  while (weekdayOf(first) >= 6) first = addDays(first, -1);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startApp({ env: { SMTP_URL: smtp.url }, mail: true });
    browser = await launchBrowser();
    await addStaff(server, { ...HUMAS, role: "humas" });
    await seedTopics(server.db, now);
    await saveTarget(
      { now, actor: SYSTEM_ACTOR, transaction: auditedTransaction(server.db, SYSTEM_ACTOR, now) },
      Number(today.slice(0, 4)),
      { visits: 24, visitors: 120, commitmentsOnTimePct: 80, averageRating: 4.5 },
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  it("the contact person rates the visit on a phone; humas write it up, publish it and see it counted", async () => {
    const venue = await makeVenue(server.db, { name: "Mal Pelayanan Publik Banyuwangi" });
    const d = await makeDelegation(server.db, {
      code: "SB-2026-0412",
      institution: "Pemerintah Kabupaten Karimun",
      provinceCode: "21",
      leaderName: "Darma Sampel",
      leaderTitle: "Bupati Karimun",
      purpose: "mempelajari Mal Pelayanan Publik",
      contactName: "Rina Narahubung",
      contactEmail: "rina@karimunkab.example.go.id",
      language: "id",
      confirmedDates: { start: first, end: today },
    });
    await makeParticipant(server.db, d.id, {
      name: "Darma Sampel",
      title: "Bupati Karimun",
      precedenceRank: 80,
    });
    await makeParticipant(server.db, d.id, {
      name: "Lestari Uji",
      title: "Kepala DPMPTSP",
      precedenceRank: 150,
    });
    await book(
      server.db,
      d.id,
      {
        title: "Kunjungan MPP",
        startsAt: `${first}T02:00:00Z`,
        endsAt: `${first}T03:30:00Z`,
        venueId: venue.id,
      },
      new Date(`${addDays(first, -7)}T02:00:00Z`),
    );
    await saveOutcome({ now, transaction: auditedTransaction(server.db, SYSTEM_ACTOR, now) }, d.id, {
      summary: "Rombongan Karimun mempelajari MPP dan akan membuka MPP Karimun tahun depan.",
      summaryEn: null,
      shown: "Loket terpadu dan antrean daring.",
      discussed: null,
      pressReleaseUrl: null,
      media: [],
      documentation: [],
      internalNotes: "RAHASIA-CATATAN-INTERNAL",
      version: 0,
    });
    const base = server.baseUrl;

    // Humas mark the visit completed (a confirm step); the survey mail goes out.
    const desk = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const humas = await desk.newPage();
    await signIn(humas, base, HUMAS.email, HUMAS.password);
    await humas.goto(`${base}/delegations/${d.id}`);
    await humas.getByTestId("complete-link").click();
    await humas
      .getByTestId("complete-form")
      .getByRole("button", { name: "Tandai kunjungan selesai" })
      .click();
    await humas.waitForURL(`${base}/delegations/${d.id}#outcome`);
    await runJobs({
      db: server.db,
      config: server.config,
      clock: () => new Date(),
      logger: server.logger,
      transport: smtpTransport(smtp.url),
    });
    const mail = smtp.received.find((m) => m.envelope.to.includes("rina@karimunkab.example.go.id"));
    expect(mail?.parsed.subject).toBe(
      "Survei kunjungan SB-2026-0412: bagaimana kunjungan Pemerintah Kabupaten Karimun?",
    );
    const link = /http:\/\/127\.0\.0\.1:\d+\/f\/[A-Za-z0-9_-]{43}/.exec(mail?.parsed.text ?? "")?.[0];
    expect(link).toBeDefined();

    // The contact person answers on a phone, without signing in.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const survey = await phone.newPage();
    await survey.goto(link as string);
    await expect(survey.locator("h1").textContent()).resolves.toBe("Survei kunjungan");
    await survey.getByRole("group", { name: "Penilaian keseluruhan" }).getByLabel("5 – sangat baik").check();
    await survey
      .getByRole("group", { name: /^Kunjungan MPP/ })
      .getByLabel("4 – baik")
      .check();
    await survey.getByLabel("Apa yang paling bermanfaat?").fill("Alur antrean MPP dan loket terpadu.");
    await survey.getByLabel("Nama Anda (opsional)").fill("Rina Narahubung");
    await shot(survey, "phone-survey");
    await survey.getByRole("button", { name: "Kirim jawaban" }).click();
    await expect(survey.getByTestId("survey-saved").textContent()).resolves.toContain("Terima kasih");
    await shot(survey, "phone-survey-saved");
    const width = await survey.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await phone.close();

    // Humas see the rating on the delegation page.
    await humas.goto(`${base}/delegations/${d.id}`);
    await expect(humas.getByTestId("feedback-average").textContent()).resolves.toContain(
      "Rata-rata 5 / 5 dari 1 jawaban",
    );

    // Draft and save the press release.
    await humas.goto(`${base}/delegations/${d.id}/press-release`);
    await expect(humas.getByLabel("Baris tempat").inputValue()).resolves.toBe("BANYUWANGI – ");
    await expect(humas.getByLabel("Teras berita").inputValue()).resolves.toContain(
      "Bupati Karimun Darma Sampel memimpin rombongan Pemerintah Kabupaten Karimun",
    );
    await humas.getByLabel("Judul").fill("Bupati Karimun Belajar Mal Pelayanan Publik di Banyuwangi");
    await humas.getByLabel("Nama narasumber kutipan 1").fill("Darma Sampel");
    await humas.getByLabel("Jabatan narasumber kutipan 1").fill("Bupati Karimun");
    await humas.getByLabel("Isi kutipan 1").fill("Kami akan membuka MPP Karimun tahun depan.");
    await humas.getByRole("button", { name: "Simpan versi baru" }).click();
    await humas.waitForURL(`${base}/delegations/${d.id}/press-release`);
    await expect(humas.locator("main").textContent()).resolves.toContain("Versi 1, disimpan");
    await expect(humas.getByLabel("Judul").inputValue()).resolves.toBe(
      "Bupati Karimun Belajar Mal Pelayanan Publik di Banyuwangi",
    );
    await shot(humas, "wide-press-release");

    // Publish the visit (a confirm step) and open the public page.
    await humas.goto(`${base}/delegations/${d.id}/publication`);
    await humas.getByLabel("Judul").fill("Kunjungan Bupati Karimun");
    await humas
      .getByLabel("Ringkasan untuk publik")
      .fill("Bupati Karimun dan rombongan mempelajari Mal Pelayanan Publik Banyuwangi.");
    await humas.getByLabel("Nama tautan berita 1").fill("Berita Humas");
    await humas.getByLabel("Alamat tautan berita 1").fill("https://banyuwangikab.go.id/berita/karimun");
    await humas.getByRole("button", { name: "Terbitkan di halaman publik" }).click();
    await humas
      .getByTestId("publish-confirm")
      .getByRole("button", { name: "Terbitkan di halaman publik" })
      .click();
    await humas.waitForURL(`${base}/delegations/${d.id}#publication`);
    await shot(humas, "wide-delegation-results");
    const publicUrl = await humas.getByTestId("public-link").getAttribute("href");
    expect(publicUrl).toContain("/kunjungan/sb-2026-0412");

    const visitor = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const pub = await visitor.newPage();
    await pub.goto(publicUrl?.startsWith("http") ? publicUrl : `${base}${publicUrl}`);
    await expect(pub.locator("h1").textContent()).resolves.toBe("Kunjungan Bupati Karimun");
    await expect(pub.getByTestId("public-visit").textContent()).resolves.toContain("Kepulauan Riau");
    const publicHtml = await pub.content();
    for (const secret of ["rina@karimunkab", "RAHASIA-CATATAN-INTERNAL", "Alur antrean MPP", "Lestari Uji"])
      expect(publicHtml).not.toContain(secret);
    await shot(pub, "phone-public-visit");
    await pub.goto(`${base}/kunjungan`);
    await expect(pub.getByTestId("public-visits").textContent()).resolves.toContain(
      "Kunjungan Bupati Karimun",
    );
    await visitor.close();

    // The report counts the visit against this year's target.
    await humas.goto(`${base}/reports`);
    const visits = humas.getByTestId("figure-visits");
    await expect(visits.locator(".figure-value").textContent()).resolves.toBe("1");
    await expect(visits.textContent()).resolves.toContain("dari target 24");
    await expect(humas.getByTestId("chart-hosts-empty").textContent()).resolves.toBe(
      "Belum ada data pada periode ini.",
    );
    await expect(humas.getByTestId("figure-rating").textContent()).resolves.toContain("5 / 5dari target 4,5");
    await shot(humas, "wide-report");
    await desk.close();
  }, 180_000);
});
