/**
 * End to end in Chromium: protocol staff cancel a confirmed visit from its page. The confirmation step
 * comes first (going back changes nothing); after confirming, the visit is cancelled and the venue's
 * calendar shows the slot free. The venue, visit and booking are seeded through the services.
 */
import { describe, expect, it } from "vitest";
import { createPasswordHasher } from "../../src/auth/password";
import { nodeScrypt } from "../../src/auth/scrypt-node";
import { bookItem } from "../../src/bookings/service";
import { auditedTransaction } from "../../src/http/service-context";
import { addDays, localDateOf, localToInstant, weekdayOf } from "../../src/scheduling/index";
import { createUser } from "../../src/users/service";
import { makeDelegation, makeVenue } from "../helpers/factories";
import { signIn, skipBrowserTests, useBrowserAndApp } from "./browser";

/** A Wednesday at least a week ahead. */
function nextWednesday(): string {
  let date = addDays(localDateOf(Date.now(), "Asia/Jakarta"), 7);
  while (weekdayOf(date) !== 3) date = addDays(date, 1);
  return date;
}

describe.skipIf(skipBrowserTests)("cancelling a visit in Chromium", () => {
  const running = useBrowserAndApp();

  it("protocol staff cancel a confirmed visit after confirming, and the venue calendar shows the slot free", async () => {
    const { browser, server } = running;
    const base = server.baseUrl;
    const db = server.db;
    const passwords = createPasswordHasher(nodeScrypt, { ln: 10, r: 8, p: 1 });
    const protocol = { email: "protokol-batal@e2e.sambang.id", password: "protokol-e2e-password-2" };
    const now = new Date();
    await createUser(
      { passwords, now, transaction: auditedTransaction(db, { id: null, label: "e2e" }, now) },
      { ...protocol, name: "Dewi Protokol", role: "protocol", locale: "id" },
    );
    const pendopo = await makeVenue(db, { name: "Pendopo Sabha Swagata" });
    const date = nextWednesday();
    const delegation = await makeDelegation(db, {
      institution: "Pemerintah Kabupaten Gianyar",
      status: "confirmed",
      confirmedDates: { start: date, end: date },
    });
    await bookItem(
      {
        actor: { id: null, label: "e2e" },
        now,
        config: { hostTimeZone: "Asia/Jakarta" },
        transaction: auditedTransaction(db, { id: null, label: "e2e" }, now),
      },
      delegation.id,
      {
        kind: "reception",
        title: "Penerimaan di Pendopo",
        startsAt: new Date(localToInstant({ date, time: "09:00", timeZone: "Asia/Jakarta" })),
        endsAt: new Date(localToInstant({ date, time: "10:00", timeZone: "Asia/Jakarta" })),
        venueId: pendopo.id,
      } as never,
    );

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    await signIn(page, base, protocol.email, protocol.password);
    const calendar = `${base}/calendar/venues/${pendopo.id}?day=${date}`;
    const items = page.locator(`[data-date="${date}"] [data-testid="calendar-item"]`);
    await page.goto(calendar);
    expect(await items.count()).toBe(1);

    await page.goto(`${base}/delegations/${delegation.id}`);
    await page.getByLabel("Alasan (dikirim ke pemohon)").fill("Anggaran perjalanan ditunda");
    await page.getByRole("button", { name: "Batalkan", exact: true }).click();
    await page.waitForSelector('[data-testid="confirm-step"]');
    const step = (await page.getByTestId("confirm-step").textContent()) ?? "";
    expect(step).toContain(delegation.code);
    expect(step).toContain("Anggaran perjalanan ditunda");
    // Going back changes nothing.
    await page.getByTestId("confirm-back").click();
    await page.waitForURL(`${base}/delegations/${delegation.id}`);
    expect(await page.locator(".badge").first().textContent()).toContain("Dikonfirmasi");
    await page.goto(calendar);
    expect(await items.count()).toBe(1);

    await page.goto(`${base}/delegations/${delegation.id}`);
    await page.getByLabel("Alasan (dikirim ke pemohon)").fill("Anggaran perjalanan ditunda");
    await page.getByRole("button", { name: "Batalkan", exact: true }).click();
    await page.waitForSelector('[data-testid="confirm-step"]');
    await page.getByTestId("confirm-go").click();
    await page.waitForLoadState();
    expect(await page.locator("body").textContent()).toContain("Dibatalkan");

    await page.goto(calendar);
    await page.waitForSelector('[data-testid="calendar"]');
    expect(await items.count()).toBe(0);
    await page.goto(`${base}/delegations/${delegation.id}/agenda`);
    expect(await page.getByTestId("agenda-read-only").count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
