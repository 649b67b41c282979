/**
 * Staff pages at phone (390×844) and desktop (1366×900) size in Chromium: the menu folds behind one
 * button on the phone and opens; the header keeps the language switch and sign-out each on one line, side
 * by side, in both languages; the inbox, the invitation sessions and recipients become stacked rows; no page is wider
 * than the screen (the day grid scrolls inside its own box, the recipients table does not scroll at all);
 * the day grid shows the bookings. Screenshots of the inbox, a delegation, its agenda, its invitations, the
 * audit log and the day grid go to SCREENSHOT_DIR (else the run's temp folder, removed after the run) for
 * a look.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addDays, localDateOf, weekdayOf } from "../../src/scheduling/index";
import { makeDelegation, makeVenue } from "../helpers/factories";
import { signIn, skipBrowserTests, useBrowserAndApp } from "./browser";

function nextTuesday(): string {
  let date = addDays(localDateOf(Date.now(), "Asia/Jakarta"), 7);
  while (weekdayOf(date) !== 2) date = addDays(date, 1);
  return date;
}

const SHOTS = process.env.SCREENSHOT_DIR ?? tmpdir();

/** How many lines the text of an element takes, and the vertical middle of its box. */
async function lineBox(page: Page, testId: string) {
  return page.getByTestId(testId).evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    const box = el.getBoundingClientRect();
    return { lines, middle: box.top + box.height / 2, right: box.right };
  });
}

const SIZES = [
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true },
  { name: "desktop", viewport: { width: 1366, height: 900 }, isMobile: false },
] as const;

describe.skipIf(skipBrowserTests)("staff pages on a phone and a desktop", () => {
  const running = useBrowserAndApp();

  it("fold the menu, stack the inbox, keep every page within the screen, and show the day grid", async () => {
    const { browser, server } = running;
    const base = server.baseUrl;
    const date = nextTuesday();
    const mpp = await makeVenue(server.db, { name: "Mal Pelayanan Publik Banyuwangi", capacity: 60 });
    const pendopo = await makeVenue(server.db, { name: "Pendopo Sabha Swagata Blambangan", capacity: 80 });
    const sleman = await makeDelegation(server.db, {
      institution: "Pemerintah Kabupaten Sleman",
      preferredDates: { start: date, end: date },
    });
    const malang = await makeDelegation(server.db, {
      institution: "Pemerintah Kota Malang",
      status: "requested",
      preferredDates: { start: date, end: date },
    });

    const setup = await browser.newContext();
    const admin = await setup.newPage();
    await signIn(admin, base, server.admin.email, server.admin.password);
    const book = async (venueId: string, delegationId: string, title: string, time: string) => {
      const end = `${String(Number(time.slice(0, 2)) + 1).padStart(2, "0")}${time.slice(2)}`;
      const res = await admin.request.post(`${base}/api/v1/delegations/${delegationId}/agenda`, {
        headers: { Origin: base },
        data: {
          venueId,
          title,
          kind: "tour",
          startsAt: `${date}T${time}:00+07:00`,
          endsAt: `${date}T${end}:00+07:00`,
        },
      });
      expect(res.status(), await res.text()).toBe(201);
    };
    await book(mpp.id, sleman.id, "Tur Mal Pelayanan Publik", "09:00");
    await book(pendopo.id, sleman.id, "Penyambutan di Pendopo", "11:00");
    await book(mpp.id, malang.id, "Tur MPP (usulan)", "13:30");
    await setup.close();

    const pages = [
      ["inbox", "/delegations"],
      ["delegation", `/delegations/${sleman.id}`],
      ["agenda", `/delegations/${sleman.id}/agenda`],
      ["invitations", `/delegations/${sleman.id}/invitations`],
      ["audit", "/admin/audit"],
      ["day-grid", `/calendar/day?date=${date}`],
    ] as const;

    for (const size of SIZES) {
      const context = await browser.newContext({
        viewport: size.viewport,
        deviceScaleFactor: 1,
        isMobile: size.isMobile,
        hasTouch: size.isMobile,
      });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(m.text());
      });
      await signIn(page, base, server.admin.email, server.admin.password);

      // The menu: behind one button on the phone, always there on the desktop; groups open on a tap.
      const toggle = page.getByTestId("nav-toggle");
      expect(await toggle.isVisible()).toBe(size.name === "phone");
      if (size.name === "phone") {
        expect(await page.getByRole("link", { name: "Beranda" }).isVisible()).toBe(false);
        await toggle.click();
      }
      expect(await page.getByRole("link", { name: "Beranda" }).isVisible()).toBe(true);
      await page.locator("summary", { hasText: "Administrasi" }).click();
      expect(await page.getByRole("link", { name: "Jejak audit" }).isVisible()).toBe(true);
      await page.screenshot({ path: join(SHOTS, `sambang-menu-${size.name}.png`) });

      for (const [name, path] of pages) {
        const res = await page.goto(`${base}${path}`);
        expect(res?.status(), path).toBe(200);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} is wider than the ${size.name} screen`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(SHOTS, `sambang-${name}-${size.name}.png`), fullPage: true });
      }

      // The inbox on a phone: one card per delegation, each value labelled, status and date in view.
      await page.goto(`${base}/delegations`);
      const header = page.locator('[data-testid="inbox"] thead');
      expect(await header.isVisible()).toBe(size.name === "desktop");
      const status = page.locator('[data-testid="inbox"] td[data-label="Status"]').first();
      const box = await status.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(size.viewport.width);

      // The header in both languages: the language switch and sign-out each on one line, side by side.
      for (const language of ["id", "en"]) {
        expect(await page.locator("html").getAttribute("lang")).toBe(language);
        const lang = await lineBox(page, "language-switch");
        const out = await lineBox(page, "sign-out");
        expect(lang.lines, `language switch (${language}, ${size.name})`).toBe(1);
        expect(out.lines, `sign-out (${language}, ${size.name})`).toBe(1);
        expect(Math.abs(lang.middle - out.middle), "language switch and sign-out side by side").toBeLessThan(
          8,
        );
        expect(out.right).toBeLessThanOrEqual(size.viewport.width);
        await page.getByTestId("language-switch").click();
        await page.waitForLoadState();
      }
      expect(await page.locator("html").getAttribute("lang")).toBe("id");

      // The invitation recipients: a card each on the phone, the table never scrolls sideways, and every
      // column (the form choice and the last message too) is in view on both sizes.
      await page.goto(`${base}/delegations/${sleman.id}/invitations`);
      const recipients = page.getByTestId("recipients");
      expect(await recipients.locator("thead").isVisible()).toBe(size.name === "desktop");
      const scroll = await recipients.evaluate(
        (t) => t.scrollWidth - (t.parentElement as HTMLElement).clientWidth,
      );
      expect(scroll, `the recipients table scrolls sideways on the ${size.name}`).toBeLessThanOrEqual(0);
      for (const label of ["Bentuk", "Pesan terakhir"]) {
        const cell = await recipients.locator(`td[data-label="${label}"]`).first().boundingBox();
        expect(cell && cell.x + cell.width, label).toBeLessThanOrEqual(size.viewport.width);
      }
      // The sessions: on the phone a card each, the date and time on at most two lines (in a narrow table
      // column it wrapped word by word, over four or five).
      const when = page.getByTestId("invitation-items").locator("td").first();
      const fontSize = await when.evaluate((td) => Number.parseFloat(getComputedStyle(td).fontSize));
      const whenBox = await when.boundingBox();
      // With its padding one line is ~1.6 font sizes tall, two ~2.8, five ~6.4.
      if (size.name === "phone") expect(whenBox?.height ?? 0).toBeLessThan(3 * fontSize);

      // The day grid: three blocks, the Malang one tentative.
      await page.goto(`${base}/calendar/day?date=${date}`);
      expect(await page.getByTestId("grid-block").count()).toBe(3);
      expect(await page.locator(".grid-block.tentative").textContent()).toContain(malang.code);
      expect(problems, problems.join("\n")).toEqual([]);
      await context.close();
    }
    expect(server.logger.errors).toEqual([]);
  });
});
