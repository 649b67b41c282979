/**
 * End to end in Chromium, as humas staff on a phone (390×844) at the reception desk and afterwards: check
 * in the roster (search, taps, one walk-in), log the outcome, add two commitments — one already past due —,
 * see the board show it overdue, download the attendance PDF (read back with pdf.js: names in precedence
 * order); then the job runs and the owner's reminder arrives in a real SMTP server. The same pages are
 * looked at on a 1366×900 screen. Screenshots (pages, and the attendance list and visit letter rendered
 * with pdf.js) go to $HUMAS_SHOTS when set.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runJobs } from "../../src/jobs/run-jobs";
import { addDays, localDateOf, localToInstant } from "../../src/scheduling/zoned-time";
import { makeDelegation, makeParticipant } from "../helpers/factories";
import { pdfText } from "../helpers/pdf-text";
import { smtpTransport } from "../mail/helpers";
import { type SmtpSink, startSmtpSink } from "../mail/smtp-sink";
import { launchBrowser, type RunningApp, signIn, skipBrowserTests, startApp } from "./browser";
import { screenshotPdf } from "./pdf-shot";
import { addStaff, screenshotter } from "./staff";

const HUMAS = { email: "ayu@e2e.sambang.id", password: "humas-e2e-password-1", name: "Ayu Humas" };
const ZONE = "Asia/Jakarta";
const shots = process.env.HUMAS_SHOTS;
const shot = screenshotter(shots);

describe.skipIf(skipBrowserTests)("humas at the reception desk and after the visit", () => {
  let server: RunningApp;
  let smtp: SmtpSink;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  const today = localDateOf(Date.now(), ZONE);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startApp({ env: { SMTP_URL: smtp.url }, mail: true });
    browser = await launchBrowser();
    await addStaff(server, { ...HUMAS, role: "humas" });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  it("checks in, writes up, commits, sees it overdue, downloads the papers; the owner is reminded", async () => {
    const d = await makeDelegation(server.db, {
      code: "SB-2026-0077",
      institution: "Pemerintah Provinsi Kepulauan Riau",
      provinceCode: "21",
      purpose: "Studi banding Mal Pelayanan Publik.",
      confirmedDates: { start: addDays(today, -1), end: today },
    });
    // Out of precedence order on purpose.
    await makeParticipant(server.db, d.id, {
      name: "Andi Staf",
      title: "Ajudan Gubernur",
      precedenceRank: 1000,
    });
    await makeParticipant(server.db, d.id, {
      name: "Darma Sampel",
      title: "Bupati Karimun",
      precedenceRank: 80,
    });
    await makeParticipant(server.db, d.id, {
      name: "H. Arif Contoh",
      title: "Gubernur Kepulauan Riau",
      precedenceRank: 10,
    });
    await makeParticipant(server.db, d.id, {
      name: "Yusuf Peraga",
      title: "Wakil Bupati Natuna",
      precedenceRank: 90,
    });
    const base = server.baseUrl;

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
    const page = await phone.newPage();
    await signIn(page, base, HUMAS.email, HUMAS.password);
    await expect(page.getByTestId("to-write-up").textContent()).resolves.toContain("SB-2026-0077");
    await shot(page, "phone-home");

    // Check-in: tap two names, find a third by searching, leave one unmarked… then a walk-in.
    await page.goto(`${base}/delegations/${d.id}`);
    await page.getByTestId("check-in-link").click();
    await page.getByRole("button", { name: "Tandai hadir: H. Arif Contoh" }).click();
    await expect(page.getByTestId("notice").textContent()).resolves.toBe("H. Arif Contoh: Hadir.");
    await page.getByRole("button", { name: "Tandai hadir: Darma Sampel" }).click();
    await page.getByLabel("Cari nama, jabatan atau instansi").fill("natuna");
    await page.getByRole("button", { name: "Cari", exact: true }).click();
    await expect(page.getByTestId("checkin-row").count()).resolves.toBe(1);
    await page.getByRole("button", { name: "Tandai hadir: Yusuf Peraga" }).click();
    await page.getByText("Tambah tamu tambahan (tidak ada di daftar)").first().click();
    const walkIn = page.getByTestId("walk-in-form");
    await walkIn.getByLabel("Nama").fill("Rudi Simulasi");
    await walkIn.getByLabel("Jabatan").fill("Pj. Bupati Bintan");
    await walkIn.getByLabel("Instansi").fill("Pemerintah Kabupaten Bintan");
    await walkIn.getByRole("button").click();
    await expect(page.getByTestId("notice").textContent()).resolves.toContain(
      "Rudi Simulasi ditambahkan sebagai tamu tambahan",
    );
    await page.goto(`${base}/delegations/${d.id}/attendance`);
    await expect(page.getByTestId("attendance-count").textContent()).resolves.toBe("4 hadir dari 5 orang");
    const order = await page.getByTestId("checkin-row").locator("strong").allTextContents();
    expect(order).toEqual(["H. Arif Contoh", "Darma Sampel", "Rudi Simulasi", "Yusuf Peraga", "Andi Staf"]);
    await shot(page, "phone-check-in");

    // The outcome.
    await page.goto(`${base}/delegations/${d.id}`);
    await page.getByTestId("edit-outcome").click();
    await expect(page.getByTestId("outcome-attendance").textContent()).resolves.toBe(
      "Kehadiran: 4 dari 5 peserta terdaftar hadir",
    );
    await page
      .getByLabel("Ringkasan (Bahasa Indonesia)")
      .fill("Rombongan Kepri mempelajari MPP dan berkomitmen membuka MPP di Tanjungpinang.");
    await page.getByLabel("Tautan siaran pers").fill("https://banyuwangikab.go.id/berita/kunjungan-kepri");
    await page.locator('[id="f-m0-media.0.outlet"]').fill("Radar Banyuwangi");
    await page.locator('[id="f-m0-media.0.title"]').fill("Gubernur Kepri belajar MPP Banyuwangi");
    await page.locator('[id="f-m0-media.0.url"]').fill("https://radarbanyuwangi.example/kepri-mpp");
    await page.locator('[id="f-m0-media.0.date"]').fill(today);
    await shot(page, "phone-outcome-form");
    await page.getByRole("button", { name: "Simpan" }).click();
    await page.waitForURL(`${base}/delegations/${d.id}#outcome`);
    await expect(page.getByTestId("outcome-summary").textContent()).resolves.toContain(
      "membuka MPP di Tanjungpinang",
    );

    // Two commitments: one already past due (an outside owner), one ahead (humas herself).
    const addCommitment = async (fill: () => Promise<void>) => {
      await page.goto(`${base}/delegations/${d.id}`);
      await page.getByTestId("add-commitment").click();
      await fill();
      await page.getByRole("button", { name: "Tambah komitmen" }).click();
      await page.waitForURL(/\/commitments\/[^/?]+\?notice=added$/);
    };
    await addCommitment(async () => {
      await page.getByLabel("Komitmen", { exact: true }).fill("Membuka MPP Tanjungpinang");
      await page.getByLabel("Pihak").selectOption("visitor");
      await page.getByLabel("Atau orang luar: nama").fill("Rina Narahubung");
      await page.getByLabel("E-mail orang luar").fill("rina@kepriprov.go.id");
      await page.getByLabel("Tanggal target").fill(addDays(today, -3));
    });
    await expect(page.getByTestId("overdue").first().textContent()).resolves.toContain("Terlambat");
    await addCommitment(async () => {
      await page.getByLabel("Komitmen", { exact: true }).fill("Mengirim SOP MPP ke Kepri");
      await page.getByLabel("Pihak").selectOption("host");
      await page.getByLabel("Staf (akun Sambang)").selectOption({ label: HUMAS.name });
      await page.getByLabel("Tanggal target").fill(addDays(today, 20));
    });

    // The board shows one overdue.
    await page.goto(`${base}/commitments`);
    await expect(page.getByTestId("count-overdue").textContent()).resolves.toMatch(/^1\s*Terlambat/);
    await expect(page.getByTestId("commitment-row").count()).resolves.toBe(2);
    await expect(page.getByTestId("commitment-row").first().textContent()).resolves.toContain(
      "Membuka MPP Tanjungpinang",
    );
    await expect(page.getByTestId("commitment-row").first().getByTestId("overdue").count()).resolves.toBe(1);
    await shot(page, "phone-board");
    await page.getByTestId("mine").click();
    await expect(page.getByTestId("commitment-row").allTextContents()).resolves.toEqual([
      expect.stringContaining("Mengirim SOP MPP ke Kepri"),
    ]);

    // The attendance PDF from the delegation page.
    await page.goto(`${base}/delegations/${d.id}#papers`);
    await shot(page, "phone-delegation");
    // Nothing (a long press-release link) pushes the page wider than the phone.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("attendance-pdf").click(),
    ]);
    expect(download.suggestedFilename()).toBe("SB-2026-0077-daftar-hadir.pdf");
    const text = await pdfText(new Uint8Array(readFileSync((await download.path()) as string)));
    expect(text).toContain("DAFTAR HADIR");
    expect(text).not.toContain("Andi Staf"); // not marked present
    const at = ["H. Arif Contoh", "Darma Sampel", "Rudi Simulasi", "Yusuf Peraga"].map((n) =>
      text.indexOf(n),
    );
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // The visit letter, fetched as the signed-in humas user.
    const letter = await page.request.get(
      `${base}${await page.getByTestId("visit-letter-pdf").getAttribute("href")}`,
    );
    expect(letter.status()).toBe(200);
    expect(await pdfText(new Uint8Array(await letter.body()))).toContain("H. Arif Contoh");
    if (shots) {
      await screenshotPdf(
        browser,
        new Uint8Array(readFileSync((await download.path()) as string)),
        join(shots, "pdf-attendance.png"),
      );
      await screenshotPdf(browser, new Uint8Array(await letter.body()), join(shots, "pdf-visit-letter.png"));
    }
    await phone.close();

    // A wide screen: the board and the delegation page.
    const desk = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const wide = await desk.newPage();
    await signIn(wide, base, HUMAS.email, HUMAS.password);
    await shot(wide, "wide-home");
    await wide.goto(`${base}/commitments`);
    await shot(wide, "wide-board");
    await wide.goto(`${base}/delegations/${d.id}`);
    await shot(wide, "wide-delegation");
    await desk.close();

    // The job runs (at 10.00 WIB today): the past-due commitment's owner gets the reminder by SMTP.
    const at10 = new Date(localToInstant({ date: today, time: "10:00", timeZone: ZONE }));
    await runJobs({
      db: server.db,
      config: server.config,
      clock: () => at10,
      logger: server.logger,
      transport: smtpTransport(smtp.url),
    });
    const reminders = smtp.received.filter((m) => m.parsed.subject?.startsWith("Pengingat komitmen"));
    expect(reminders.map((m) => [m.envelope.to.join(","), m.parsed.subject])).toEqual([
      ["rina@kepriprov.go.id", "Pengingat komitmen: Membuka MPP Tanjungpinang"],
    ]);
    expect(reminders[0]?.parsed.text).toContain("sudah lewat tanggal target");
  }, 120_000);
});
