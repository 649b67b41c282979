/**
 * Every report figure against the fixture of known visits (test/reports/fixture.ts), through the API:
 * cancelled and declined visits excluded, the walk-in counted, the visit that runs from March into April
 * counted once in March, a shared session counted once, targets pro-rated to the period.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readCsv } from "../helpers/read-csv";
import { json, makeTestApp, type TestApp } from "../helpers/test-app";
import { seedReportFixture, TARGETS_2026, TODAY_INSTANT } from "./fixture";

let t: TestApp;
let staff: Record<string, string>;
let fx: Awaited<ReturnType<typeof seedReportFixture>>;

beforeAll(async () => {
  t = await makeTestApp();
  t.clock.set(TODAY_INSTANT);
  fx = await seedReportFixture(t.db);
  const admin = await t.as("admin");
  const put = await t.app.request("/api/v1/targets/2026", json(admin.headers, TARGETS_2026, "PUT"));
  expect(put.status).toBe(200);
  staff = (await t.as("viewer")).headers;
});

async function summary(query: string) {
  const res = await t.app.request(`/api/v1/reports/summary?${query}`, { headers: staff });
  expect(res.status).toBe(200);
  return res.json();
}

describe("report summary for 2026", () => {
  it("counts visits and visitors exactly, with progress against the yearly target", async () => {
    const r = await summary("preset=this_year");
    expect(r.range).toEqual({ from: "2026-01-01", to: "2026-12-31", countedUntil: "2026-06-15" });
    expect(r.visits).toEqual({ value: 3, upcoming: 1, target: 120, progressPct: 2.5 });
    expect(r.visitors).toEqual({ value: 20, target: 2400, progressPct: 0.8 });
  });

  it("puts each visit in the month it starts, with a twelfth of the target per month", async () => {
    const r = await summary("from=2026-01-01&to=2026-12-31");
    const months = Object.fromEntries(r.monthly.map((m: { month: string }) => [m.month, m]));
    expect(r.monthly).toHaveLength(12);
    expect(months["2026-01"]).toEqual({
      month: "2026-01",
      visits: 1,
      visitors: 3,
      targetVisits: 10,
      targetVisitors: 200,
    });
    expect(months["2026-03"]).toMatchObject({ visits: 1, visitors: 12 });
    expect(months["2026-04"]).toMatchObject({ visits: 0, visitors: 0 });
    expect(months["2026-06"]).toMatchObject({ visits: 1, visitors: 5 });
    expect(months["2026-07"]).toMatchObject({ visits: 0 });
    const monthly = await (
      await t.app.request("/api/v1/reports/monthly?from=2026-01-01&to=2026-12-31", { headers: staff })
    ).json();
    expect(monthly.months).toEqual(r.monthly);
  });

  it("groups by province and by topic, and ranks venues and hosts by sessions (a shared session once)", async () => {
    const r = await summary("preset=this_year");
    expect(r.byProvince).toEqual([
      { code: "35", name: expect.stringMatching(/JAWA TIMUR/i), visits: 2, visitors: 8 },
      { code: "51", name: expect.stringMatching(/BALI/i), visits: 1, visitors: 12 },
    ]);
    expect(r.byTopic.map((x: { id: string; visits: number }) => [x.id, x.visits])).toEqual([
      ["mpp", 2],
      ["pasar-pelayanan-publik", 2],
    ]);
    expect(r.venues).toEqual([
      { id: fx.v1.id, name: "Mal Pelayanan Publik", sessions: 2, hours: 2.5 },
      { id: fx.v2.id, name: "Pendopo Sabha Swagata", sessions: 1, hours: 1 },
    ]);
    expect(
      r.hosts.map((h: { name: string; sessions: number; hours: number }) => [h.name, h.sessions, h.hours]),
    ).toEqual([
      ["Budi Santoso", 2, 2.5],
      ["Sri Rahayu", 1, 1],
    ]);
  });

  it("measures lead time, commitments and the average rating", async () => {
    const r = await summary("preset=this_year");
    expect(r.leadTime).toEqual({ visits: 3, averageDays: 22, minDays: 15, maxDays: 31 });
    expect(r.commitments).toEqual({
      total: 5,
      onTime: 1,
      late: 1,
      open: 2,
      overdue: 1,
      dropped: 1,
      onTimePct: 33.3,
      target: 80,
      progressPct: 41.6,
    });
    expect(r.rating).toEqual({ links: 3, responses: 3, average: 4, target: 4.5, progressPct: 88.9 });
  });

  it("pro-rates count targets to a shorter period", async () => {
    const r = await summary("preset=this_month");
    expect(r.range.from).toBe("2026-06-01");
    expect(r.visits.value).toBe(1);
    expect(r.visits.target).toBe(9.9);
    const last = await summary("preset=last_year");
    expect(last.visits).toMatchObject({ value: 1, target: null, progressPct: null });
  });

  it("refuses a reversed period with a bilingual field error and no 5xx", async () => {
    const res = await t.app.request("/api/v1/reports/summary?from=2026-05-01&to=2026-01-01", {
      headers: staff,
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.fields.to[0]).toMatch(/tidak boleh sebelum/);
    const bad = await t.app.request("/api/v1/reports/summary?from=kemarin&to=2026-01-01", { headers: staff });
    expect(bad.status).toBe(400);
  });
});

/** The body as bytes decoded with its BOM kept (Response.text() drops it). */
async function csvText(res: Response) {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
}

describe("CSV exports", () => {
  it("lists the counted visits only, with a BOM, quoted cells and neutralised formulas", async () => {
    const res = await t.app.request("/reports/visits.csv?from=2026-01-01&to=2026-12-31", { headers: staff });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const text = await csvText(res);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = readCsv(text.slice(1));
    expect(rows).toHaveLength(4);
    expect(rows.slice(1).map((r) => r[0])).toEqual([fx.a.code, fx.b.code, fx.g.code]);
    expect(rows[1]?.[10]).toBe("3");
    expect(text.split("\r\n")[1]?.startsWith('"')).toBe(true);
  });

  it("exports participants, commitments and feedback of the counted visits", async () => {
    const csv = async (name: string) => {
      const res = await t.app.request(`/reports/${name}.csv?preset=this_year`, { headers: staff });
      return readCsv((await csvText(res)).slice(1));
    };
    expect(await csv("participants")).toHaveLength(1 + 4 + 5);
    expect(await csv("commitments")).toHaveLength(1 + 5);
    expect(await csv("feedback")).toHaveLength(1 + 3);
  });
});
