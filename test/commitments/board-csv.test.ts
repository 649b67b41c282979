/**
 * The board's CSV export read back as a spreadsheet imports it: a UTF-8 BOM, every field quoted (commas,
 * quotes and line breaks kept in their cell), cells starting with =, +, -, @, a tab or CR neutralised, the
 * status and party in words, and the board's filters applied.
 */
import { expect, it } from "vitest";
import { makeDelegation } from "../helpers/factories";
import { readCsv } from "../helpers/read-csv";
import { json, makeTestApp } from "../helpers/test-app";

it("exports the board as a spreadsheet reads it, formulas neutralised, filters applied", async () => {
  const t = await makeTestApp();
  const humas = await t.as("humas");
  const d = await makeDelegation(t.db, { provinceCode: "21", institution: 'Pemkab "Karimun", Kepri' });
  const whats = [
    '=HYPERLINK("http://x","klik")',
    "+62 812",
    "-1+2",
    "@SUM(A1)",
    "\tTab di depan",
    "Baris 1\nBaris 2, dengan koma",
  ];
  for (const [i, what] of whats.entries()) {
    const res = await t.app.request(
      "/api/v1/commitments",
      json(humas.headers, {
        delegationId: d.id,
        party: i === 0 ? "visitor" : "host",
        ownerUserId: humas.user.id,
        what,
        targetDate: `2026-04-0${i + 1}`,
      }),
    );
    expect(res.status).toBe(201);
  }
  const res = await t.app.request("/commitments.csv", { headers: humas.headers });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/csv");
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes.slice(3));
  const [head, ...rows] = readCsv(text);
  expect(head?.slice(0, 5)).toEqual(["Delegasi", "Instansi", "Provinsi asal", "Pihak", "Komitmen"]);
  expect(rows).toHaveLength(whats.length);
  const what = rows.map((r) => r[4]);
  expect(what).toEqual([
    `'=HYPERLINK("http://x","klik")`,
    "'+62 812",
    "'-1+2",
    "'@SUM(A1)",
    "Tab di depan", // input is trimmed: the tab never reaches the cell
    "Baris 1\nBaris 2, dengan koma",
  ]);
  expect(rows[0]?.slice(1, 4)).toEqual(['Pemkab "Karimun", Kepri', "Kepulauan Riau", "Pengunjung"]);
  expect(rows.every((r) => r[8] === "Terbuka")).toBe(true);

  // The board's filters apply to the export.
  const visitor = readCsv(
    new TextDecoder().decode(
      new Uint8Array(
        await (
          await t.app.request("/commitments.csv?party=visitor", { headers: humas.headers })
        ).arrayBuffer(),
      ).slice(3),
    ),
  );
  expect(visitor).toHaveLength(2);
});
