/**
 * The staff home page: counts per status linking into the inbox, confirmed visits still to come (not past
 * ones, not unconfirmed ones), and today's agenda in the venue's zone.
 */
import { describe, expect, it } from "vitest";
import { makeDelegation, makeVenue } from "../helpers/factories";
import { json, makeTestApp } from "../helpers/test-app";

describe("staff home page", () => {
  it("shows counts, upcoming confirmed visits and today's agenda", async () => {
    const t = await makeTestApp();
    t.clock.set("2026-03-10T08:00:00+07:00");
    const { headers } = await t.as("protocol");
    const venue = await makeVenue(t.db, { name: "Pendopo Sabha Swagata" });
    const today = await makeDelegation(t.db, {
      status: "confirmed",
      institution: "Pemerintah Provinsi Bali",
      confirmedDates: { start: "2026-03-10", end: "2026-03-10" },
    });
    await makeDelegation(t.db, {
      status: "confirmed",
      institution: "Kabupaten Lampau",
      confirmedDates: { start: "2026-03-02", end: "2026-03-03" },
    });
    await makeDelegation(t.db, {
      status: "confirmed",
      institution: "Kota Mendatang",
      confirmedDates: { start: "2026-04-01", end: "2026-04-02" },
    });
    await makeDelegation(t.db, { status: "requested", institution: "Kabupaten Menunggu" });
    const booked = await t.app.request(
      `/api/v1/delegations/${today.id}/agenda`,
      json(headers, {
        title: "Penyambutan",
        kind: "reception",
        venueId: venue.id,
        startsAt: "2026-03-10T09:00:00+07:00",
        endsAt: "2026-03-10T10:00:00+07:00",
      }),
    );
    expect(booked.status).toBe(201);

    const html = await (await t.app.request("/", { headers })).text();
    expect(html).toMatch(/data-testid="count-confirmed"[^>]*><strong>3<\/strong>/);
    expect(html).toMatch(/data-testid="count-requested"[^>]*><strong>1<\/strong>/);
    expect(html).toContain('href="/delegations?status=confirmed"');
    expect(html).toContain("Agenda hari ini, Selasa, 10 Maret 2026");
    expect(html).toContain("09.00–10.00 WIB");
    expect(html).toContain("Penyambutan");
    expect(html).toContain("Pemerintah Provinsi Bali");
    expect(html).toContain("Kota Mendatang");
    // A past visit is not "upcoming" (it is listed only among the visits to write up, before the agenda).
    const upcoming = html.slice(html.indexOf("Kunjungan terkonfirmasi mendatang"));
    expect(upcoming).not.toContain("Kabupaten Lampau");
    expect(html.indexOf("Pemerintah Provinsi Bali")).toBeLessThan(html.lastIndexOf("Kota Mendatang"));
  });

  it("says so when there is nothing today and nothing to come", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("viewer");
    const html = await (await t.app.request("/", { headers })).text();
    expect(html).toContain("Tidak ada agenda hari ini.");
    expect(html).toContain("Belum ada kunjungan terkonfirmasi yang akan datang.");
  });
});
