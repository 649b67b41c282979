import { describe, expect, it } from "vitest";
import { laneOut } from "../../src/staff-calendar/day-grid";
import { makeDelegation, makeVenue } from "../helpers/factories";
import { makeTestApp } from "../helpers/test-app";

const book = async (
  t: Awaited<ReturnType<typeof makeTestApp>>,
  headers: Record<string, string>,
  f: { venueId: string; delegationId: string; title: string; startsAt: string },
) => {
  const body = new URLSearchParams({
    venueId: f.venueId,
    from: "2026-03-10",
    to: "2026-03-10",
    durationMinutes: "90",
    groupSize: "20",
    gridMinutes: "15",
    delegationId: f.delegationId,
    title: f.title,
    kind: "tour",
    startsAt: f.startsAt,
  });
  const res = await t.app.request("/availability/book", {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  expect(res.status).toBe(303);
};

describe("day grid of all venues", () => {
  it("shows every venue with its bookings as blocks, marks tentative visits, and steps between days", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const mpp = await makeVenue(t.db, { name: "MPP Banyuwangi", capacity: 60 });
    const pendopo = await makeVenue(t.db, { name: "Pendopo Sabha Swagata", capacity: 60 });
    await makeVenue(t.db, { name: "Ruang Rapat Tertutup", capacity: 10, active: false });
    const sure = await makeDelegation(t.db, { institution: "Pemkab Sleman" });
    const maybe = await makeDelegation(t.db, { institution: "Pemkot Malang", status: "requested" });
    await book(t, headers, {
      venueId: mpp.id,
      delegationId: sure.id,
      title: "Tur MPP",
      startsAt: "2026-03-10T02:00:00.000Z",
    });
    await book(t, headers, {
      venueId: pendopo.id,
      delegationId: maybe.id,
      title: "Penyambutan",
      startsAt: "2026-03-10T06:45:00.000Z",
    });

    const res = await t.app.request("/calendar/day?date=2026-03-10", { headers });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Selasa, 10 Maret 2026");
    expect(html).toContain("MPP Banyuwangi");
    expect(html).toContain("Pendopo Sabha Swagata");
    expect(html).not.toContain("Ruang Rapat Tertutup");
    // A block per booking: code, title, local times with the zone; 90 minutes span six 15-minute slots.
    expect(html).toMatch(
      new RegExp(`colspan="6" class="grid-block"[^>]*>.*?${sure.code}.*?Tur MPP.*?09\\.00–10\\.30 WIB`, "s"),
    );
    expect(html).toMatch(
      new RegExp(
        `colspan="6" class="grid-block tentative"[^>]*>.*?${maybe.code}.*?sementara.*?Penyambutan.*?13\\.45–15\\.15 WIB`,
        "s",
      ),
    );
    expect(html).toContain('href="/calendar/day?date=2026-03-09"');
    expect(html).toContain('href="/calendar/day?date=2026-03-11"');

    const next = await (await t.app.request("/calendar/day?date=2026-03-11", { headers })).text();
    expect(next).not.toContain(sure.code);
    expect(next).toContain("Tidak ada acara pada tanggal ini.");
  });

  it("answers a bad date with today and a notice, never an error", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("viewer");
    const res = await t.app.request("/calendar/day?date=2026-13-45", { headers });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Tanggal tidak valid");
  });

  it("puts overlapping bookings on separate lanes and keeps others on one", () => {
    const b = (from: number, to: number) => ({ from, to, codes: [], tentative: false, item: {} as never });
    expect(laneOut([b(0, 4), b(4, 8), b(2, 6)]).map((l) => l.map((x) => x.from))).toEqual([[0, 4], [2]]);
    expect(laneOut([])).toEqual([[]]);
  });
});
