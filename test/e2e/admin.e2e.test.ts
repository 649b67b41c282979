/**
 * End to end in Chromium: the admin signs in, creates a protocol user, switches the language to English
 * and back, and signs out; the new protocol user then signs in and sees no admin menu. Also on a
 * 390×844 phone screen. Screenshots go to the OS temp folder for a look.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { signIn, skipBrowserTests, useBrowserAndApp } from "./browser";

describe.skipIf(skipBrowserTests)("admin in Chromium", () => {
  const running = useBrowserAndApp();

  it("signs in, creates a protocol user, switches to English and back, signs out", async () => {
    const { browser, server } = running;
    const base = server.baseUrl;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("response", (r) => {
      if (r.status() >= 400 && r.request().resourceType() !== "document")
        consoleErrors.push(`${r.status()} ${r.url()}`);
    });

    // Signed out, any staff page leads to the sign-in page.
    await page.goto(`${base}/admin/users`);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await page.locator("html").getAttribute("lang")).toBe("id");

    await signIn(page, base, server.admin.email, server.admin.password);
    await expect(page.getByRole("heading", { level: 1 })).toBeDefined();
    // The admin links sit in the "Administrasi" group of the menu.
    await page.locator("summary", { hasText: "Administrasi" }).click();
    await page.getByRole("link", { name: "Pengguna" }).click();
    await page.waitForURL(`${base}/admin/users`);

    // Create a protocol user; leave the password empty so one is generated and shown once.
    await page.getByLabel("Nama", { exact: true }).fill("Rina Protokol");
    await page.getByLabel("E-mail").fill("rina@e2e.sambang.id");
    await page.locator("#f-role").selectOption("protocol");
    await page.getByRole("button", { name: "Buat" }).click();
    await page.waitForLoadState("load");
    const secret = (await page.getByTestId("secret").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^[A-Za-z2-9]{7}-[A-Za-z2-9]{7}-[A-Za-z2-9]{7}$/);
    const row = page.locator('tr[data-email="rina@e2e.sambang.id"]');
    expect(await row.count()).toBe(1);
    expect(await row.locator("select").inputValue()).toBe("protocol");
    await page.screenshot({ path: join(tmpdir(), "sambang-e2e-users-desktop.png"), fullPage: true });

    // English, and back.
    await page.getByTestId("language-switch").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    expect(new URL(page.url()).pathname).toBe("/admin/users");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Users");
    expect(await page.getByTestId("sign-out").textContent()).toBe("Sign out");
    await page.goto(`${base}/`);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByTestId("language-switch").click();
    await page.waitForFunction(() => document.documentElement.lang === "id");
    expect(await page.getByTestId("sign-out").textContent()).toBe("Keluar");

    // Sign out: back to the sign-in page, and staff pages are closed again.
    await page.getByTestId("sign-out").click();
    await page.waitForURL(/\/login/);
    expect(await page.locator("[role=status]").textContent()).toContain("Anda telah keluar.");
    await page.goto(`${base}/admin/users`);
    expect(new URL(page.url()).pathname).toBe("/login");

    // The new protocol user signs in with the shown password and sees no admin menu.
    await signIn(page, base, "rina@e2e.sambang.id", secret);
    expect(await page.getByRole("link", { name: "Pengguna", includeHidden: true }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Kotak keluar", includeHidden: true }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "Beranda" }).count()).toBe(1);

    expect(consoleErrors, consoleErrors.join("\n")).toEqual([]);
    expect(server.logger.errors).toEqual([]);
    await context.close();
  });

  it("is usable on a 390×844 phone screen", async () => {
    const { browser, server } = running;
    const base = server.baseUrl;
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.screenshot({ path: join(tmpdir(), "sambang-e2e-login-phone.png"), fullPage: true });
    await signIn(page, base, server.admin.email, server.admin.password);
    await page.goto(`${base}/admin/users`);
    // Nothing but scrollable tables may be wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(tmpdir(), "sambang-e2e-users-phone.png"), fullPage: true });
    await page.goto(`${base}/admin/audit`);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(tmpdir(), "sambang-e2e-audit-phone.png"), fullPage: true });
    await context.close();
  });
});
