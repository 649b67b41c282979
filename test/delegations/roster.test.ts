/**
 * The roster: precedence order with suggested and overridden ranks, CSV import (good, BOM, semicolon, bad
 * rows → nothing imported, oversized), CSV export, and a stale participant edit.
 */
import { describe, expect, it } from "vitest";
import { followRedirect, type TestApp } from "../helpers/test-app";
import { delegationsApp, json, makeRequest } from "./helpers";

async function importCsv(t: TestApp, headers: Record<string, string>, id: string, csv: string) {
  return t.app.request(`/api/v1/delegations/${id}/participants/import`, {
    method: "POST",
    headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" },
    body: csv,
  });
}

async function roster(t: TestApp, headers: Record<string, string>, id: string) {
  const res = await t.app.request(`/api/v1/delegations/${id}/participants`, { headers });
  return (
    (await res.json()) as {
      participants: {
        name: string;
        precedenceRank: number;
        rankOverridden: boolean;
        version: number;
        id: string;
      }[];
    }
  ).participants;
}

const GOOD = [
  "nama,jabatan,instansi,email,telepon,kebutuhan,urutan",
  "Andi Staf,Ajudan Gubernur,Pemprov Kepri,,,,",
  "Darma Sampel,Bupati Karimun,Pemkab Karimun,darma@example.org,0812 1111 2222,,",
  "Arif Contoh,Gubernur Kepulauan Riau,Pemprov Kepri,,,Vegetarian,",
  "Yusuf Peraga,Wakil Bupati Natuna,Pemkab Natuna,,,,",
].join("\r\n");

describe("roster", () => {
  it("imports a good CSV and lists it in precedence order; export round-trips", async () => {
    const t = await delegationsApp();
    const staff = await t.as("protocol");
    const r = await makeRequest(t);
    const res = await importCsv(t, staff.headers, r.id, GOOD);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ imported: 4 });
    const list = await roster(t, staff.headers, r.id);
    expect(list.map((p) => p.name)).toEqual(["Arif Contoh", "Darma Sampel", "Yusuf Peraga", "Andi Staf"]);

    const csv = await t.app.request(`/api/v1/delegations/${r.id}/participants?format=csv&sep=;`, {
      headers: staff.headers,
    });
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, so Excel reads UTF-8
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.slice(3));
    expect(text.startsWith("nama;jabatan;instansi;email;telepon;kebutuhan;urutan\r\n")).toBe(true);
    expect(text).toContain(
      "Darma Sampel;Bupati Karimun;Pemkab Karimun;darma@example.org;'+6281211112222;;80",
    );
    const page = await t.app.request(`/delegations/${r.id}/participants.csv`, { headers: staff.headers });
    expect(page.status).toBe(200);
  });

  it("accepts a BOM and semicolons (Excel, Indonesian locale)", async () => {
    const t = await delegationsApp();
    const staff = await t.as("protocol");
    const r = await makeRequest(t);
    const csv = `\uFEFFNama;Jabatan;Instansi\r\nSari Teladan;Wakil Ketua DPRD Provinsi Kepulauan Riau;DPRD Kepri\r\nRudi Simulasi;Pj. Bupati Bintan;Pemkab Bintan\r\n`;
    expect((await importCsv(t, staff.headers, r.id, csv)).status).toBe(201);
    const list = await roster(t, staff.headers, r.id);
    expect(list.map((p) => [p.name, p.precedenceRank])).toEqual([
      ["Sari Teladan", 50],
      ["Rudi Simulasi", 80],
    ]);
  });

  it("imports nothing when any row is bad and lists every bad row by number and field", async () => {
    const t = await delegationsApp();
    const staff = await t.as("protocol");
    const r = await makeRequest(t);
    const csv = [
      "nama,jabatan,email,telepon,urutan",
      "Ok Orang,Camat,,,",
      ",Bupati Lingga,,,",
      "Salah Email,Kepala Dinas,bukan-email,12,abc",
    ].join("\n");
    const res = await importCsv(t, staff.headers, r.id, csv);
    expect(res.status).toBe(400);
    const err = (await res.json()) as {
      error: { code: string; details: { rows: { row: number; field: string }[] } };
    };
    expect(err.error.code).toBe("validation_failed");
    expect(err.error.details.rows.map((e) => `${e.row}:${e.field}`)).toEqual([
      "3:name",
      "4:email",
      "4:phone",
      "4:rank",
    ]);
    expect(await roster(t, staff.headers, r.id)).toEqual([]);

    // The page shows a preview with the same rows and imports nothing.
    const form = new FormData();
    form.set("file", new File([csv], "peserta.csv", { type: "text/csv" }));
    const page = await t.app.request(`/delegations/${r.id}/participants/import`, {
      method: "POST",
      headers: staff.headers,
      body: form,
    });
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain("Ada 4 kesalahan; tidak ada yang diimpor.");
    expect(html).toContain("Baris 3, Kolom name: Kolom nama wajib diisi.");
  });

  it("previews a good file on the page, then imports it on confirmation", async () => {
    const t = await delegationsApp();
    const staff = await t.as("protocol");
    const r = await makeRequest(t);
    const form = new FormData();
    form.set("file", new File([GOOD], "peserta.csv", { type: "text/csv" }));
    const preview = await t.app.request(`/delegations/${r.id}/participants/import`, {
      method: "POST",
      headers: staff.headers,
      body: form,
    });
    expect(await preview.text()).toContain("4 baris siap diimpor.");
    expect(await roster(t, staff.headers, r.id)).toEqual([]);
    const confirm = await t.app.request(`/delegations/${r.id}/participants/import/confirm`, {
      method: "POST",
      headers: { ...staff.headers, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csv: GOOD }),
    });
    expect(confirm.headers.get("Location")).toBe(`/delegations/${r.id}/participants`);
    expect(await (await followRedirect(t, confirm, staff.headers)).text()).toContain("4 peserta diimpor.");
    expect(await roster(t, staff.headers, r.id)).toHaveLength(4);
  });

  it("refuses an oversized file (413) and too many rows (400), importing nothing", async () => {
    const t = await delegationsApp();
    const staff = await t.as("protocol");
    const r = await makeRequest(t);
    const huge = `nama,jabatan\n${"Orang Banyak,Staf\n".repeat(70_000)}`;
    const big = await importCsv(t, staff.headers, r.id, huge);
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
    const many = await importCsv(
      t,
      staff.headers,
      r.id,
      `nama,jabatan\n${"Orang Banyak,Staf\n".repeat(501)}`,
    );
    expect(many.status).toBe(400);
    expect(await roster(t, staff.headers, r.id)).toEqual([]);
  });

  it("suggests a rank from the title, keeps an override, and refuses a stale edit", async () => {
    const t = await delegationsApp();
    const staff = await t.as("protocol");
    const r = await makeRequest(t);
    const add = (body: unknown) =>
      t.app.request(`/api/v1/delegations/${r.id}/participants`, json("POST", body, staff.headers));
    expect((await add({ name: "B", title: "Bupati Lingga" })).status).toBe(201);
    expect((await add({ name: "K", title: "Kepala Dinas Pariwisata", rank: 5 })).status).toBe(201);
    let list = await roster(t, staff.headers, r.id);
    expect(list.map((p) => [p.name, p.precedenceRank, p.rankOverridden])).toEqual([
      ["K", 5, true],
      ["B", 80, false],
    ]);
    const b = list[1] as (typeof list)[number];
    const patch = (body: unknown) =>
      t.app.request(`/api/v1/delegations/${r.id}/participants/${b.id}`, json("PATCH", body, staff.headers));
    expect((await patch({ version: 1, title: "Wakil Bupati Lingga" })).status).toBe(200);
    const stale = await patch({ version: 1, name: "Lama" });
    expect(stale.status).toBe(409);
    expect(
      ((await stale.json()) as { error: { code: string; details: { currentVersion: number } } }).error,
    ).toMatchObject({
      code: "stale",
      details: { currentVersion: 2 },
    });
    list = await roster(t, staff.headers, r.id);
    expect(list.find((p) => p.id === b.id)).toMatchObject({ name: "B", precedenceRank: 90 });
    const viewer = await t.as("viewer");
    expect(
      (
        await t.app.request(
          `/api/v1/delegations/${r.id}/participants`,
          json("POST", { name: "X", title: "Y" }, viewer.headers),
        )
      ).status,
    ).toBe(403);
  });
});
