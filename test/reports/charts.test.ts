/**
 * The report page's charts: each SVG is well-formed XML, and its bars carry exactly the numbers of the
 * data table beside it. Also the admin targets form (303 after saving) and bad input on the page.
 */
import { XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { barChart, columnChart } from "../../src/reports/svg-charts";
import { makeTestApp, ORIGIN, type TestApp } from "../helpers/test-app";
import { seedReportFixture, TODAY_INSTANT } from "./fixture";

let t: TestApp;
let admin: Awaited<ReturnType<TestApp["as"]>>;

beforeAll(async () => {
  t = await makeTestApp();
  t.clock.set(TODAY_INSTANT);
  await seedReportFixture(t.db);
  admin = await t.as("admin");
  const res = await t.app.request("/admin/targets/2026", {
    method: "POST",
    headers: { ...admin.headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: "visits=120&visitors=2400&commitmentsOnTimePct=80&averageRating=4%2C5",
  });
  expect(res.status).toBe(303);
});

/** The text content of each cell of a table row, tags stripped. */
const cells = (row: string) =>
  [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) =>
    (m[1] ?? "").replace(/<[^>]+>/g, "").trim(),
  );

describe("report charts", () => {
  it("draws well-formed SVGs whose bars match the tables beside them", async () => {
    const res = await t.app.request("/reports?preset=this_year", { headers: admin.headers });
    expect(res.status).toBe(200);
    const html = await res.text();
    const svgs = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(svgs).toHaveLength(7);
    for (const svg of svgs) {
      expect(XMLValidator.validate(svg)).toBe(true);
      const id = /aria-describedby="([^"]+)"/.exec(svg)?.[1] as string;
      const table = new RegExp(`<table id="${id}"[\\s\\S]*?</table>`).exec(html)?.[0] as string;
      expect(table, id).toBeTruthy();
      const rows = [...(table.split("<tbody>")[1] ?? "").matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
        cells(m[1] ?? ""),
      );
      const bars = [...svg.matchAll(/data-label="([^"]*)" data-value="([^"]*)"/g)].map((m) => [m[1], m[2]]);
      expect(bars.map(([, v]) => v)).toEqual(rows.map((r) => (r[1] ?? "").replace(/\./g, "")));
      expect(bars.length).toBe(rows.length);
    }
    const monthly = svgs[0] as string;
    expect(/data-target="([^"]+)"/.exec(monthly)?.[1]).toBe(Array(12).fill("10").join(" "));
    expect(html).toContain("dari target 120 (2,5 %)");
  });

  it("escapes labels, so a name with markup stays text", () => {
    const svg = barChart({
      id: "x",
      title: "<b>&",
      tableId: "t",
      labels: ['A & B "<script>'],
      values: [3],
      locale: "en",
    });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain("<script>");
    const col = columnChart({ id: "y", title: "T", tableId: "t", labels: [], values: [], locale: "id" });
    expect(XMLValidator.validate(col)).toBe(true);
  });

  it("answers a reversed period with the form and a message, not a 5xx", async () => {
    const res = await t.app.request("/reports?from=2026-05-01&to=2026-01-01", { headers: admin.headers });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Tanggal akhir tidak boleh sebelum tanggal awal.");
  });

  it("keeps the targets form's input and refuses a rating above 5", async () => {
    const res = await t.app.request("/admin/targets/2027", {
      method: "POST",
      headers: { ...admin.headers, "Content-Type": "application/x-www-form-urlencoded", ...ORIGIN },
      body: "visits=10&visitors=&commitmentsOnTimePct=&averageRating=7",
    });
    expect(res.status).toBe(400);
    const api = await (await t.app.request("/api/v1/targets/2027", { headers: admin.headers })).json();
    expect(api.target).toMatchObject({ year: 2027, visits: null, version: 0 });
    const saved = await (await t.app.request("/api/v1/targets/2026", { headers: admin.headers })).json();
    expect(saved.target).toMatchObject({
      visits: 120,
      visitors: 2400,
      commitmentsOnTimePct: 80,
      averageRating: 4.5,
    });
  });
});
