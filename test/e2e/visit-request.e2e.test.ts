/**
 * End to end in Chromium: on a 390×844 phone screen a visitor submits a visit request (no sign-in) and
 * opens its status page, switching it to English and back; protocol staff sign in on a desktop screen, find the request in the inbox and
 * confirm it; the visitor's status page then shows "Dikonfirmasi".
 */
import { describe, expect, it } from "vitest";
import { type RunningApp, signIn, skipBrowserTests, useBrowserAndApp } from "./browser";

/** Signs the admin in over HTTP and creates a topic and a protocol user, as an admin would. */
async function prepare(server: RunningApp) {
  const base = server.baseUrl;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: base },
    body: JSON.stringify(server.admin),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const headers = { Cookie: cookie, Origin: base };
  const topic = await fetch(`${base}/admin/topics`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      id: "mpp",
      nameId: "Mal Pelayanan Publik (MPP)",
      nameEn: "Public Service Mall (MPP)",
    }),
  });
  expect(topic.status).toBe(303);
  const protocol = { email: "protokol@e2e.sambang.id", password: "protokol-e2e-password" };
  const user = await fetch(`${base}/api/v1/users`, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/json" },
    body: JSON.stringify({ ...protocol, name: "Rina Protokol", role: "protocol" }),
  });
  expect(user.status).toBe(201);
  return protocol;
}

/** A weekday about six weeks ahead, safely past the lead time and any holiday cluster. */
function visitDate(): string {
  const d = new Date(Date.now() + 42 * 86_400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe.skipIf(skipBrowserTests)("visit request in Chromium", () => {
  const running = useBrowserAndApp();

  it("a visitor requests on a phone, protocol staff confirm, the status page shows it", async () => {
    const { browser, server } = running;
    const base = server.baseUrl;
    const protocol = await prepare(server);
    const date = visitDate();

    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await phone.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    await page.goto(`${base}/kunjungan/ajukan`);
    expect(await page.locator("html").getAttribute("lang")).toBe("id");
    // Nothing overflows sideways on the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByLabel("Nama instansi").fill("Pemerintah Kabupaten Karimun");
    await page.getByLabel("Provinsi").selectOption("21");
    // The script narrows regencies to the province.
    expect(
      await page.locator('optgroup[data-province="35"]').evaluate((g) => (g as HTMLOptGroupElement).disabled),
    ).toBe(true);
    await page.getByLabel("Kabupaten/kota").selectOption("21.02");
    await page.getByLabel("Nama pimpinan rombongan").fill("Darma Sampel");
    await page.getByLabel("Jabatan pimpinan rombongan").fill("Bupati Karimun");
    await page.getByLabel("Maksud dan tujuan kunjungan").fill("Mempelajari MPP Banyuwangi.");
    await page.getByLabel("Mal Pelayanan Publik (MPP)").check();
    await page.getByLabel("Perkiraan jumlah peserta").fill("15");
    await page.getByLabel("Tanggal pilihan utama").fill(date);
    await page.getByLabel("Nama narahubung").fill("Rina Narahubung");
    await page.getByLabel("E-mail narahubung").fill("rina@example.org");
    await page.getByLabel("Telepon / WhatsApp").fill("0812 3456 7890");
    await page.getByRole("button", { name: "Kirim permohonan" }).click();
    await page.getByTestId("tracking-code").waitFor();
    const code = (await page.getByTestId("tracking-code").textContent())?.trim() ?? "";
    expect(code).toMatch(/^SB-\d{4}-0001$/);
    const statusUrl = (await page.getByTestId("status-link").getAttribute("href")) ?? "";
    await page.goto(statusUrl);
    expect(await page.getByTestId("status").getAttribute("data-status")).toBe("requested");

    // The visiting official reads the status page in English and back, on the phone: the same page of the
    // same delegation each time (its private link kept, never "not found").
    for (const [lang, title] of [
      ["en", `Status of request ${code}`],
      ["id", `Status permohonan ${code}`],
    ] as const) {
      const [landed] = await Promise.all([
        page.waitForResponse((r) => r.url() === statusUrl && r.request().method() === "GET"),
        page.getByTestId("language-switch").click(),
      ]);
      expect(landed.status()).toBe(200);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      expect(page.url()).toBe(statusUrl);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain(title);
      expect(await page.getByTestId("status").getAttribute("data-status")).toBe("requested");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }

    // Protocol staff, on a desktop screen.
    const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const staff = await desk.newPage();
    await signIn(staff, base, protocol.email, protocol.password);
    await staff.locator("summary", { hasText: "Kunjungan" }).click();
    await staff.getByRole("link", { name: "Delegasi" }).first().click();
    await staff.waitForURL(`${base}/delegations`);
    await staff.getByRole("link", { name: code }).click();
    await staff.getByTestId("confirm").click();
    await staff.getByText("Status diubah: Dikonfirmasi.").waitFor();

    await page.reload();
    expect(await page.getByTestId("status").getAttribute("data-status")).toBe("confirmed");
    expect((await page.getByTestId("status").textContent())?.trim()).toBe("Dikonfirmasi");
    expect(await page.getByTestId("confirmed-dates").textContent()).toBeTruthy();
    expect(problems).toEqual([]);
    expect(server.logger.errors).toEqual([]);
    await phone.close();
    await desk.close();
  });
});
