/**
 * SEED=demo, results part: two years of past visits so that the reports, the public log and the board
 * look real on a first start — visits in most months, many provinces and topics, answered surveys,
 * commitments on time, late, open and dropped, published visits and saved press releases, and the
 * targets of this year and last.
 */
import { count } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { pressReleases } from "../../db/schema/publicity";
import { runSeeders } from "../../db/seed";
import { SEEDERS } from "../../src/features";
import { translate } from "../../src/i18n/dictionary";
import { addDays, localDateOf } from "../../src/scheduling/zoned-time";
import { makeTestApp, type TestApp } from "../helpers/test-app";
import { documentXml } from "../press/docx";

interface Summary {
  visits: { value: number; target: number | null };
  visitors: { value: number };
  commitments: { onTime: number; late: number; open: number; overdue: number; dropped: number };
  rating: { responses: number; average: number | null };
  monthly: { month: string; visits: number }[];
  byProvince: { code: string | null }[];
  byTopic: { id: string; visits: number }[];
  venues: { sessions: number }[];
  hosts: { sessions: number }[];
}

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
  expect(await runSeeders(t.db, "demo", t.clock(), SEEDERS)).toContain("reports:demo-two-years");
}, 120_000);

it("seeds two years of written-up, rated, published visits with targets, once", async () => {
  expect(await runSeeders(t.db, "demo", t.clock(), SEEDERS)).toEqual([]);
  const viewer = await t.as("viewer");
  const today = localDateOf(t.clock().getTime(), "Asia/Jakarta");
  const from = `${Number(today.slice(0, 4)) - 2}-${today.slice(5, 7)}-01`;
  const get = async <T>(path: string) => {
    const res = await t.app.request(path, { headers: viewer.headers });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  // Two years of reports: most months have visits, from many provinces and on many topics.
  const all = await get<Summary>(`/api/v1/reports/summary?from=${from}&to=${today}`);
  expect(all.visits.value).toBeGreaterThanOrEqual(30);
  expect(all.monthly.filter((m) => m.visits > 0).length).toBeGreaterThanOrEqual(20);
  expect(all.byProvince.filter((p) => p.code).length).toBeGreaterThanOrEqual(12);
  expect(all.byTopic.filter((x) => x.visits > 0).length).toBeGreaterThanOrEqual(6);
  expect(all.venues[0]?.sessions).toBeGreaterThan(10);
  expect(all.hosts[0]?.sessions).toBeGreaterThan(10);
  expect(all.visitors.value).toBeGreaterThan(all.visits.value * 3);
  for (const k of ["onTime", "late", "open", "overdue", "dropped"] as const)
    expect(all.commitments[k], k).toBeGreaterThan(0);
  expect(all.rating.responses).toBeGreaterThanOrEqual(20);
  expect(all.rating.average).toBeGreaterThanOrEqual(3.5);
  expect(all.rating.average).toBeLessThanOrEqual(5);

  // This year and last have targets, and the report shows them.
  for (const year of [Number(today.slice(0, 4)) - 1, Number(today.slice(0, 4))]) {
    const { target } = await get<{ target: { visits: number | null } }>(`/api/v1/targets/${year}`);
    expect(target.visits, String(year)).toBeGreaterThan(0);
  }
  const lastYear = Number(today.slice(0, 4)) - 1;
  const last = await get<Summary>(`/api/v1/reports/summary?from=${lastYear}-01-01&to=${lastYear}-12-31`);
  expect(last.visits.value).toBeGreaterThanOrEqual(10);
  expect(last.visits.target).toBe(30);
  const page = await t.app.request("/reports?preset=last_year", { headers: viewer.headers });
  expect(page.status).toBe(200);

  // The public log lists about half of them, newest first; each page opens.
  const log = await get<{ visits: { slug: string; visitStart: string }[] }>("/api/v1/public/visits");
  expect(log.visits.length).toBeGreaterThanOrEqual(15);
  expect(log.visits.map((v) => v.visitStart)).toEqual(
    log.visits
      .map((v) => v.visitStart)
      .sort()
      .reverse(),
  );
  expect(log.visits.every((v) => v.visitStart < addDays(today, -6))).toBe(true);
  const html = await (await t.app.request("/kunjungan")).text();
  expect(html).toContain(`/kunjungan/${log.visits[0]?.slug}`);
  expect((await t.app.request(`/kunjungan/${log.visits[0]?.slug}`)).status).toBe(200);

  // Saved press releases, and a delegation page showing its survey average.
  const saved = await t.db.orm.select({ n: count() }).from(pressReleases);
  expect(saved[0]?.n).toBeGreaterThanOrEqual(10);
  const completed = await get<{ delegations: { id: string }[] }>("/api/v1/delegations?status=completed");
  let rated = 0;
  for (const d of completed.delegations.slice(0, 5)) {
    const detail = await (await t.app.request(`/delegations/${d.id}`, { headers: viewer.headers })).text();
    if (detail.includes('data-testid="feedback-average"')) rated++;
  }
  expect(rated).toBeGreaterThan(0);
}, 120_000);

it("the demo Kepulauan Riau visit's press release (.docx) names the governor and the regents with their regions", async () => {
  const humas = await t.as("humas");
  const list = (await (await t.app.request("/api/v1/delegations", { headers: humas.headers })).json()) as {
    delegations: { id: string; institution: string }[];
  };
  const kepri = list.delegations.find((d) => d.institution === "Pemerintah Provinsi Kepulauan Riau");
  const res = await t.app.request(`/api/v1/delegations/${kepri?.id}/press-release.docx`, {
    headers: humas.headers,
  });
  expect(res.status).toBe(200);
  const xml = documentXml(await res.arrayBuffer());
  for (const s of [
    "H. Arif Contoh, S.E., M.M.",
    "Gubernur Kepulauan Riau",
    "Darma Sampel, S.Sos. (Bupati Karimun)",
    "Hendra Percontohan, S.T. (Bupati Lingga)",
    "Dr. Rudi Simulasi, M.Si. (Pj. Bupati Bintan)",
    "Pemerintah Provinsi Kepulauan Riau (Kepulauan Riau)",
  ])
    expect(xml).toContain(s);
  // The fixed sentences are the catalogue's, in Bahasa Indonesia.
  expect(xml).toContain(
    `${translate("id", "press.draft.closing", { host: "Pemerintah Kabupaten Banyuwangi" })}`,
  );
});
