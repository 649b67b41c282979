/**
 * Accessibility in Chromium with axe-core (WCAG 2.0/2.1 A and AA rules): every staff page template once,
 * as the admin, protocol or humas staff who use it, at 1366×900 in Indonesian, over the demo database
 * with a delegation in every state. The sample URLs are in axe-pages.ts; the visitors' pages, phone sizes
 * and form errors are in axe.e2e.test.ts.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPages, type Seeded, seedEverything, startAxeApp } from "./axe";
import { samples } from "./axe-pages";
import { launchBrowser, type RunningApp, skipBrowserTests } from "./browser";

describe.skipIf(skipBrowserTests)("every staff page passes axe-core's WCAG 2.1 A/AA rules", () => {
  let server: RunningApp;
  let browser: Browser;
  let seeded: Seeded;

  beforeAll(async () => {
    server = await startAxeApp();
    browser = await launchBrowser();
    seeded = await seedEverything(server);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("staff pages at 1366×900 in Indonesian", async () => {
    const pages = Object.values(samples(seeded))
      .flat()
      .filter((p) => p.who !== "visitor");
    const { problems, checked } = await checkPages(browser, server, pages, "id", {
      width: 1366,
      height: 900,
    });
    console.log(`[axe] ${checked} staff pages checked`);
    expect(problems).toEqual([]);
    expect(checked).toBe(pages.length);
  }, 600_000);
});
