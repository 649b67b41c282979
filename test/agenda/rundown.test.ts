/**
 * The printed rundown: the host's letterhead from the host settings (logo included once saved), each time
 * with its venue's zone (and the visitors' home time when it differs), a print button for the staff script, and when and by whom it was printed.
 */

import { describe, expect, it } from "vitest";
import {
  BADUNG_DELEGATION,
  book,
  MPP_VENUE,
  makeDelegation,
  makeVenue,
  saveTestHostSettings,
} from "../helpers/factories";
import { makeTestApp } from "../helpers/test-app";

/** The letterhead's HTML. */
const letterheadOf = (html: string) => {
  const start = html.indexOf('data-testid="letterhead"');
  expect(start).toBeGreaterThan(0);
  return html.slice(start, html.indexOf("</header>", start));
};

/** The smallest PNG header the logo check accepts (the page only embeds it). */
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);

describe("rundown", () => {
  it("has the host letterhead, times with their zones, a print button and a printed-at line", async () => {
    const t = await makeTestApp();
    const { headers, user } = await t.as("viewer");
    const d = await makeDelegation(t.db, BADUNG_DELEGATION);
    const wib = await makeVenue(t.db, MPP_VENUE);
    const wita = await makeVenue(t.db, {
      ...MPP_VENUE,
      name: "Pelabuhan Gilimanuk",
      timeZone: "Asia/Makassar",
    });
    await book(t.db, d.id, {
      title: "Penyambutan",
      startsAt: "2026-03-10T08:00:00+07:00",
      endsAt: "2026-03-10T09:00:00+07:00",
      venueId: wib.id,
    });
    await book(t.db, d.id, {
      title: "Penyeberangan",
      startsAt: "2026-03-10T14:00:00+07:00",
      endsAt: "2026-03-10T15:00:00+07:00",
      venueId: wita.id,
    });
    const path = `/delegations/${d.id}/rundown`;

    const before = await (await t.app.request(path, { headers })).text();
    const letterhead = letterheadOf(before);
    expect(letterhead).toContain("PEMERINTAH KABUPATEN BANYUWANGI");
    expect(letterhead).not.toContain("<img");
    // Badung (Bali) reads WITA: its home time stands beside a WIB venue's time, not beside a WITA one.
    expect(before).toContain(
      '08.00–09.00 WIB<span class="muted" data-testid="home-time"> (09.00–10.00 WITA)</span>',
    );
    expect(before).toContain("15.00–16.00 WITA</td>");
    expect(before).toContain('data-print="true" hidden="" data-testid="rundown-print">Cetak</button>');
    expect(before).toContain(`Dicetak pada Senin, 2 Maret 2026, 09.00 WIB oleh ${user.name}`);

    await saveTestHostSettings(
      t.db,
      t.clock(),
      {
        governmentName: "Pemerintah Kota Contoh",
        officeName: "Bagian Protokol dan Komunikasi Pimpinan",
        address: "Jl. Merdeka No. 1, Contoh",
        city: "Contoh",
        phone: "(0333) 123456",
        email: "protokol@contoh.go.id",
        signatoryName: "Nama Pejabat",
        signatoryTitle: "Kepala Bagian",
        letterNumberFormat: "{seq}/P/{year}",
      },
      PNG,
    );
    t.clock.set("2026-03-02T16:45:00+07:00");
    const after = await (await t.app.request(`${path}?lang=en`, { headers })).text();
    const head = letterheadOf(after);
    expect(head).toContain("PEMERINTAH KOTA CONTOH");
    expect(head).toContain("Bagian Protokol dan Komunikasi Pimpinan");
    expect(head).toContain("(0333) 123456 · protokol@contoh.go.id");
    expect(head).toContain(`src="data:image/png;base64,${btoa(String.fromCharCode(...PNG))}"`);
    expect(after).toContain("Printed at Monday, 2 March 2026, 16:45 WIB");
    expect(after).toContain("15:00–16:00 WITA");
  });
});
