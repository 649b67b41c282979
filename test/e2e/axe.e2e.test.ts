/**
 * Accessibility in Chromium with axe-core (WCAG 2.0/2.1 A and AA rules), over the demo database with a
 * delegation in every state: every page route the app registers has a sample URL (axe-pages.ts); every
 * staff page template passes once, as the admin, protocol or humas staff who use it, and the visitors',
 * sign-in and error pages, at 1366×900 in Indonesian; the visitors' pages, the staff pages used most on a
 * phone and those with wide tables pass at 390×844 in English; and the request form, the agenda item form
 * and the sign-in form pass with their field errors shown. One file, one seeded app: Vitest runs one
 * worker on two cores, so a second file would only seed twice.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestApp } from "../helpers/test-app";
import {
  axeViolations,
  checkPages,
  contextFor,
  describeViolations,
  type Seeded,
  seedEverything,
  startAxeApp,
} from "./axe";
import { ERROR_PAGES, pageRoutes, phonePages, samples } from "./axe-pages";
import { launchBrowser, type RunningApp, skipBrowserTests } from "./browser";

const DESK = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

describe.skipIf(skipBrowserTests)(
  "every page passes axe-core's WCAG 2.1 A/AA rules (visitors, phone, forms)",
  () => {
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

    it("axe-core runs in the page and reports what it finds", async () => {
      const context = await contextFor(browser, server, "visitor", "id", DESK);
      const page = await context.newPage();
      await page.setContent('<html><body><img src="/assets/favicon.svg"><a href="/"></a></body></html>');
      const rules = (await axeViolations(page)).map((v) => v.rule).sort();
      expect(rules).toEqual(["document-title", "html-has-lang", "image-alt", "link-name"]);
      await context.close();
    });

    it("every page route the app registers has a sample URL, and every sample a route", async () => {
      const routes = pageRoutes((await makeTestApp()).app);
      const listed = Object.keys(samples(seeded));
      expect(
        routes.filter((r) => !listed.includes(r)),
        "pages without a sample URL in axe-pages.ts",
      ).toEqual([]);
      expect(
        listed.filter((r) => !routes.includes(r)),
        "samples of routes that no longer exist",
      ).toEqual([]);
    });

    it("staff pages at 1366×900 in Indonesian", async () => {
      const pages = Object.values(samples(seeded))
        .flat()
        .filter((p) => p.who !== "visitor");
      const { problems, checked } = await checkPages(browser, server, pages, "id", DESK);
      expect(problems).toEqual([]);
      expect(checked).toBe(pages.length);
    }, 600_000);

    it("visitors' pages, sign-in pages and error pages at 1366×900 in Indonesian", async () => {
      const pages = [
        ...Object.values(samples(seeded))
          .flat()
          .filter((p) => p.who === "visitor"),
        ...ERROR_PAGES,
      ];
      const { problems, checked } = await checkPages(browser, server, pages, "id", DESK);
      expect(problems).toEqual([]);
      expect(checked).toBe(pages.length);
    }, 300_000);

    it("visitors' pages, the inbox, delegation page, agenda and wide tables at 390×844 in English", async () => {
      const pages = phonePages(seeded);
      const { problems, checked } = await checkPages(browser, server, pages, "en", PHONE);
      expect(problems).toEqual([]);
      expect(checked).toBe(pages.length);
    }, 300_000);

    it("the one static script shows the print buttons of the itinerary, the rundown and the day grid", async () => {
      const visitor = await contextFor(browser, server, "visitor", "id", DESK);
      const page = await visitor.newPage();
      await page.goto(`${server.baseUrl}${seeded.itineraryPath}`);
      await expect.poll(() => page.getByTestId("itinerary-print").isVisible()).toBe(true);
      await visitor.close();
      const staff = await contextFor(browser, server, "protocol", "id", DESK);
      const rundown = await staff.newPage();
      await rundown.goto(`${server.baseUrl}/delegations/${seeded.delegation.confirmed}/rundown`);
      await expect.poll(() => rundown.getByTestId("rundown-print").isVisible()).toBe(true);
      await rundown.goto(`${server.baseUrl}/calendar/day`);
      await expect.poll(() => rundown.getByTestId("day-grid-print").isVisible()).toBe(true);
      await staff.close();
    }, 120_000);

    it("the request form, the agenda item form and the sign-in form with their field errors", async () => {
      const problems: string[] = [];
      const base = server.baseUrl;

      const visitor = await contextFor(browser, server, "visitor", "id", DESK);
      const form = await visitor.newPage();
      await form.goto(`${base}/kunjungan/ajukan`);
      await form.locator("form[action='/kunjungan/ajukan'] button[type=submit]").click();
      await form.waitForLoadState();
      await expect(form.locator("[aria-invalid=true]").count()).resolves.toBeGreaterThan(3);
      problems.push(...describeViolations("request form with errors", await axeViolations(form)));

      await form.goto(`${base}/login`);
      await form.locator("input[name=email]").fill("tidak-ada@axe.sambang.id");
      await form.locator("input[name=password]").fill("kata-sandi-yang-salah");
      await form.locator("form[action='/login'] button[type=submit]").click();
      await form.waitForLoadState();
      await expect(form.locator("[role=alert]").count()).resolves.toBeGreaterThan(0);
      problems.push(...describeViolations("sign-in with an error", await axeViolations(form)));
      await visitor.close();

      const staff = await contextFor(browser, server, "protocol", "id", DESK);
      const agenda = await staff.newPage();
      await agenda.goto(`${base}/delegations/${seeded.delegation.confirmed}/agenda`);
      const add = agenda.locator("form[data-testid=add-item]");
      await add.evaluate((f) => {
        (f as HTMLFormElement).noValidate = true;
      });
      await add.locator("input[name=title]").fill("Sesi uji");
      await add.locator("button[type=submit]").last().click();
      await agenda.waitForLoadState();
      // The agenda item form shows each error beside its field.
      await expect(agenda.locator("[aria-invalid=true]").count()).resolves.toBeGreaterThan(0);
      problems.push(...describeViolations("agenda item form with errors", await axeViolations(agenda)));
      await staff.close();

      expect(problems).toEqual([]);
    }, 300_000);
  },
);
