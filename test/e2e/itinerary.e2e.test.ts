/**
 * End to end in Chromium: protocol staff issue the itinerary link; a visiting official from Bali opens it on
 * a 390×844 phone, sees WIB times with the WITA home time, switches to English and downloads the .ics;
 * staff then move an item in the agenda builder and the official's page shows the change note.
 * Screenshots (phone and print media) go to the OS temp folder for a look.
 */
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import {
  BADUNG_DELEGATION,
  BUDI_HOST,
  book,
  MPP_VENUE,
  makeDelegation,
  makeHost,
  makeVenue,
} from "../helpers/factories";
import { signIn, skipBrowserTests, useBrowserAndApp } from "./browser";

describe.skipIf(skipBrowserTests)("itinerary in Chromium", () => {
  const running = useBrowserAndApp();

  it("a visiting official reads the itinerary on a phone; staff move an item and the page shows the change", async () => {
    const { browser, server } = running;
    const base = server.baseUrl;
    const delegation = await makeDelegation(server.db, {
      ...BADUNG_DELEGATION,
      provinceCode: "51",
      institution: "Pemerintah Kabupaten Badung",
      leaderName: "I Made Contoh",
    });
    const venue = await makeVenue(server.db, MPP_VENUE);
    const host = await makeHost(server.db, BUDI_HOST);
    const mpp = await book(server.db, delegation.id, {
      title: "Kunjungan MPP",
      titleEn: "MPP tour",
      startsAt: "2026-03-10T09:00:00+07:00",
      endsAt: "2026-03-10T10:30:00+07:00",
      venueId: venue.id,
      hostIds: [host.id],
      dressCode: "PDH",
      personInCharge: "Sari (0812-9999-0000)",
      notes: "Peserta diharapkan hadir 15 menit sebelumnya.",
    });
    await book(server.db, delegation.id, {
      title: "Makan siang",
      titleEn: "Lunch",
      kind: "meal",
      startsAt: "2026-03-10T12:00:00+07:00",
      endsAt: "2026-03-10T13:00:00+07:00",
      dressCode: "Batik",
    });
    await book(server.db, delegation.id, {
      title: "Perjalanan ke Bandara Banyuwangi",
      titleEn: "Travel to Banyuwangi airport",
      kind: "travel",
      startsAt: "2026-03-11T14:00:00+07:00",
      endsAt: "2026-03-11T15:00:00+07:00",
    });

    // Protocol staff (the admin here) issue the link from the agenda builder.
    const staff = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const staffPage = await staff.newPage();
    await signIn(staffPage, base, server.admin.email, server.admin.password);
    await staffPage.goto(`${base}/delegations/${delegation.id}/agenda`);
    await staffPage.getByTestId("share-issue").click();
    await staffPage.waitForURL(/#share-links$/, { timeout: 8000 });
    const link = (await staffPage.getByTestId("share-url").inputValue()).trim();
    expect(link).toMatch(new RegExp(`^${base}/i/[A-Za-z0-9_-]{43}$`));
    // The copy button (shown by /assets/app.js) puts the link on the clipboard.
    await staff.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
    await staffPage.getByRole("button", { name: "Salin" }).click({ timeout: 5000 });
    await expect
      .poll(() => staffPage.evaluate(() => navigator.clipboard.readText()), { timeout: 5000 })
      .toBe(link);
    expect(await staffPage.getByTestId("share-whatsapp").getAttribute("href")).toMatch(
      /^https:\/\/wa\.me\/\?text=Yth\./,
    );

    // The visiting official on a phone.
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      acceptDownloads: true,
    });
    const page = await phone.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      // Chromium asks for /favicon.ico by itself; the app has none.
      if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico")) problems.push(m.text());
    });
    await page.goto(link);
    await expect.poll(() => page.getByTestId("item-time").first().textContent()).toBe("09.00–10.30 WIB");
    expect(await page.getByTestId("home-time").first().textContent()).toBe("(10.00–11.30 WITA)");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(tmpdir(), "sambang-itinerary-phone-id.png"), fullPage: true });

    await page.getByTestId("itinerary-lang").click();
    await page.waitForURL(/\?lang=en$/);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.getByTestId("item-time").first().textContent()).toBe("09:00–10:30 WIB");
    expect(await page.getByTestId("home-time").first().textContent()).toBe("(10:00–11:30 WITA)");
    await expect.poll(() => page.getByRole("heading", { name: "MPP tour" }).count()).toBe(1);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("itinerary-ics").click(),
    ]);
    const ics = readFileSync((await download.path()) as string, "utf8");
    const events = new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents("vevent")
      .map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toContain(`${mpp.id}@sambang`);
    expect(
      events
        .find((e) => e.uid === `${mpp.id}@sambang`)
        ?.startDate.toJSDate()
        .toISOString(),
    ).toBe("2026-03-10T02:00:00.000Z");

    // Staff move the MPP tour to 10:00 in the agenda builder.
    await staffPage.goto(`${base}/delegations/${delegation.id}/agenda`);
    const item = staffPage.getByTestId("agenda-item").filter({ hasText: "Kunjungan MPP" });
    await item.locator("summary").click();
    await item.getByTestId("item-start").fill("10:00");
    await item.getByTestId("item-end").fill("11:30");
    await item.getByRole("button", { name: "Simpan acara" }).click();
    await staffPage.waitForURL(/done=saved/);

    await page.reload();
    await expect
      .poll(() => page.getByTestId("itinerary-changes").textContent())
      .toContain("MPP tour moved 09:00 → 10:00 WIB");
    expect(await page.getByTestId("item-time").first().textContent()).toBe("10:00–11:30 WIB");
    await page.screenshot({ path: join(tmpdir(), "sambang-itinerary-phone-en.png"), fullPage: true });
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: join(tmpdir(), "sambang-itinerary-print.png"), fullPage: true });
    expect(problems).toEqual([]);
    expect(server.logger.errors).toEqual([]);
    await phone.close();
    await staff.close();
  });
});
