/**
 * End to end in Chromium: protocol staff search availability at the MPP for a 40-person tour, book a
 * slot from the results for a confirmed delegation, and see it in the venue's week view, linked to the
 * delegation. The venue and delegation are seeded through the database (their own UIs are tested
 * elsewhere); everything after sign-in goes through the pages.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPasswordHasher } from "../../src/auth/password";
import { nodeScrypt } from "../../src/auth/scrypt-node";
import { auditedTransaction } from "../../src/http/service-context";
import { addDays, localDateOf, weekdayOf } from "../../src/scheduling/index";
import { createUser } from "../../src/users/service";
import { makeDelegation, makeVenue } from "../helpers/factories";
import { signIn, skipBrowserTests, useBrowserAndApp } from "./browser";

/** A Tuesday at least a week ahead, so the slots are in the future whatever today is. */
function nextTuesday(): string {
  let date = addDays(localDateOf(Date.now(), "Asia/Jakarta"), 7);
  while (weekdayOf(date) !== 2) date = addDays(date, 1);
  return date;
}

describe.skipIf(skipBrowserTests)("availability search and booking in Chromium", () => {
  const running = useBrowserAndApp();

  it("protocol staff find a slot for 40 people at the MPP, book it and see it in the week view", async () => {
    const { browser, server } = running;
    const base = server.baseUrl;
    const db = server.db;
    const passwords = createPasswordHasher(nodeScrypt, { ln: 10, r: 8, p: 1 });
    const protocol = { email: "protokol@e2e.sambang.id", password: "protokol-e2e-password-1" };
    await createUser(
      {
        passwords,
        now: new Date(),
        transaction: auditedTransaction(db, { id: null, label: "e2e" }, new Date()),
      },
      { ...protocol, name: "Dewi Protokol", role: "protocol", locale: "id" },
    );
    const mpp = await makeVenue(db, {
      name: "Mal Pelayanan Publik Banyuwangi",
      capacity: 60,
      bufferMinutes: 15,
      weeklyHours: {
        "1": [
          { from: "08:00", to: "12:00" },
          { from: "13:00", to: "16:00" },
        ],
        "2": [
          { from: "08:00", to: "12:00" },
          { from: "13:00", to: "16:00" },
        ],
      },
    });
    const date = nextTuesday();
    // A visit confirmed for that day: a slot outside its dates would first ask to book anyway.
    const delegation = await makeDelegation(db, {
      expectedSize: 40,
      institution: "Pemerintah Kabupaten Sleman",
      status: "confirmed",
      preferredDates: { start: date, end: date },
      confirmedDates: { start: date, end: date },
    });

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });

    await signIn(page, base, protocol.email, protocol.password);

    await page.locator("summary", { hasText: "Jadwal" }).click();
    await page.getByRole("link", { name: "Cari jadwal" }).click();
    await page.waitForURL(`${base}/availability`);
    await page.locator("#f-venueId").selectOption(mpp.id);
    await page.getByLabel("Dari tanggal").fill(date);
    await page.getByLabel("Sampai tanggal").fill(date);
    await page.getByLabel("Durasi (menit)").fill("90");
    await page.getByLabel("Jumlah orang").fill("40");
    await page.getByLabel("Kelipatan waktu (menit)").fill("30");
    await page.getByRole("button", { name: "Cari" }).click();
    await page.waitForSelector('[data-testid="availability-results"]');

    // The 15-minute buffer must fall inside 08:00–12:00 or 13:00–16:00 too.
    const slots = page.locator("button.slot");
    expect(await slots.allTextContents()).toEqual([
      "08.30–10.00 WIB",
      "09.00–10.30 WIB",
      "09.30–11.00 WIB",
      "10.00–11.30 WIB",
      "13.30–15.00 WIB",
      "14.00–15.30 WIB",
    ]);
    await page.locator("#f-delegationId").selectOption(delegation.id);
    await page.getByLabel("Judul agenda").fill("Kunjungan ke MPP");
    await page.getByRole("button", { name: /^Pesan .* 09.00–10.30 WIB$/ }).click();
    await page.waitForSelector('[data-testid="booked"]');
    expect(await page.getByTestId("booked").textContent()).toContain("Kunjungan ke MPP");
    // The booked slot, and those its buffer now blocks, are no longer offered.
    expect(await page.locator("button.slot").allTextContents()).toEqual([
      "13.30–15.00 WIB",
      "14.00–15.30 WIB",
    ]);

    await page.getByRole("link", { name: "Lihat di kalender tempat" }).click();
    await page.waitForSelector('[data-testid="calendar"]');
    expect(new URL(page.url()).pathname).toBe(`/calendar/venues/${mpp.id}`);
    const item = page.locator(`[data-date="${date}"] [data-testid="calendar-item"]`);
    expect(await item.count()).toBe(1);
    const text = (await item.textContent()) ?? "";
    expect(text).toContain("09.00–10.30");
    expect(text).toContain("Kunjungan ke MPP");
    expect(text).toContain("40 orang");
    expect(await item.getByRole("link", { name: /Pemerintah Kabupaten Sleman/ }).getAttribute("href")).toBe(
      `/delegations/${delegation.id}`,
    );
    await page.screenshot({ path: join(tmpdir(), "sambang-e2e-venue-week.png"), fullPage: true });
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: join(tmpdir(), "sambang-e2e-venue-week-print.png"), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});
