/**
 * The working calendar: admins add/edit/delete closed dates and import a year's official list from CSV
 * (all rows or none); other staff read; the starter seed loads this and next year's national holidays
 * unreviewed; the closures feed the lead-time rule.
 */
import { describe, expect, it } from "vitest";
import { seedNationalHolidays } from "../../src/closures/seed";
import { makeTestApp, ORIGIN } from "../helpers/test-app";

const jsonReq = (method: string, body: unknown, headers: Record<string, string>) => ({
  method,
  headers: { ...headers, "Content-Type": "application/json" },
  body: JSON.stringify(body),
});
type Closure = { id: string; date: string; kind: string; name: string; source: string; reviewed: boolean };

describe("closures API", () => {
  it("creates, refuses a duplicate, edits, marks reviewed and deletes; only admins write", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const protocol = await t.as("protocol");
    const created = await t.app.request(
      "/api/v1/closures",
      jsonReq(
        "POST",
        { date: "2026-03-23", kind: "cuti_bersama", name: "Cuti bersama Idul Fitri" },
        admin.headers,
      ),
    );
    expect(created.status).toBe(201);
    const { closure } = (await created.json()) as { closure: Closure };
    expect(closure).toMatchObject({ source: "admin", reviewed: true });
    const dup = await t.app.request(
      "/api/v1/closures",
      jsonReq("POST", { date: "2026-03-23", kind: "cuti_bersama", name: "x" }, admin.headers),
    );
    expect(dup.status).toBe(409);
    const bad = await t.app.request(
      "/api/v1/closures",
      jsonReq("POST", { date: "2026-02-30", kind: "holiday", name: "" }, admin.headers),
    );
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { error: { details: { fields: Record<string, string[]> } } }).error
      .details.fields;
    expect(fields.date).toEqual(["Tanggal tidak valid (format YYYY-MM-DD)."]);
    expect(fields.kind).toEqual(["Pilih jenis libur."]);
    expect(fields.name).toEqual(["Wajib diisi."]);

    expect(
      (
        await t.app.request(
          "/api/v1/closures",
          jsonReq("POST", { date: "2026-03-24", kind: "cuti_bersama", name: "x" }, protocol.headers),
        )
      ).status,
    ).toBe(403);
    expect(
      (await t.app.request(`/api/v1/closures/${closure.id}`, { method: "DELETE", headers: protocol.headers }))
        .status,
    ).toBe(403);

    const patched = await t.app.request(
      `/api/v1/closures/${closure.id}`,
      jsonReq("PATCH", { name: "Cuti Bersama Idul Fitri 1447 H" }, admin.headers),
    );
    expect(((await patched.json()) as { closure: Closure }).closure.name).toBe(
      "Cuti Bersama Idul Fitri 1447 H",
    );
    const list = (await (
      await t.app.request("/api/v1/closures?year=2026", { headers: protocol.headers })
    ).json()) as { closures: Closure[] };
    expect(list.closures.map((c) => c.date)).toEqual(["2026-03-23"]);
    expect(
      (await t.app.request(`/api/v1/closures/${closure.id}`, { method: "DELETE", headers: admin.headers }))
        .status,
    ).toBe(204);
    expect((await t.app.request("/api/v1/closures")).status).toBe(401);
  });

  it("imports a year's list (semicolons, BOM, dd/mm/yyyy) all-or-nothing, updating existing dates", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    await seedNationalHolidays(t.db, [2026], t.clock());
    const csv = (body: string) =>
      t.app.request("/api/v1/closures/import?year=2026", {
        method: "POST",
        headers: { ...admin.headers, "Content-Type": "text/csv" },
        body,
      });
    const bad = await csv(
      "tanggal;nama;jenis\n2026-03-23;Cuti bersama;cuti_bersama\n2027-01-01;Salah tahun;national_holiday\n31/02/2026;X;cuti_bersama\n2026-05-15;;liburan\n",
    );
    expect(bad.status).toBe(400);
    const rows = ((await bad.json()) as { error: { details: { rows: { row: number; field: string }[] } } })
      .error.details.rows;
    expect(rows.map((r) => `${r.row}:${r.field}`)).toEqual(["3:date", "4:date", "5:name", "5:kind"]);
    const before = (await t.db.client.execute("SELECT count(*) AS n FROM closures")).rows[0]?.n;

    const good = await csv(
      "\uFEFFdate;name;kind\r\n16/02/2026;Cuti Bersama Tahun Baru Imlek;cuti bersama\r\n2026-03-20;Cuti Bersama Idul Fitri;cuti_bersama\r\n2026-03-21;Idul Fitri 1447 H;national_holiday\r\n",
    );
    expect(good.status).toBe(201);
    expect(await good.json()).toMatchObject({ created: 2, updated: 1 });
    const after = (await t.db.client.execute("SELECT count(*) AS n FROM closures")).rows[0]?.n;
    expect(Number(after) - Number(before)).toBe(2);
    const idulFitri = await t.db.client.execute(
      "SELECT name, reviewed FROM closures WHERE date = '2026-03-21'",
    );
    expect(idulFitri.rows[0]).toMatchObject({ name: "Idul Fitri 1447 H", reviewed: 1 });
  });

  it("seeds national holidays unreviewed (one row per date) and shows them on the admin page", async () => {
    const t = await makeTestApp();
    await seedNationalHolidays(t.db, [2026, 2027], t.clock());
    await seedNationalHolidays(t.db, [2026, 2027], t.clock()); // idempotent
    const rows = await t.db.client.execute(
      "SELECT date, name, reviewed FROM closures WHERE source = 'date-holidays' ORDER BY date",
    );
    const dates = rows.rows.map((r) => r.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates).toContain("2026-01-16");
    expect(rows.rows.find((r) => r.date === "2026-01-16")?.name).toBe("Isra Mikraj Nabi Muhammad SAW");
    expect(rows.rows.find((r) => r.date === "2027-12-25")?.name).toContain("/");
    expect(rows.rows.every((r) => r.reviewed === 0)).toBe(true);

    const admin = await t.as("admin");
    const page = await (await t.app.request("/admin/closures?year=2026", { headers: admin.headers })).text();
    expect(page).toContain("Jumat, 16 Januari 2026");
    expect(page).toContain("Belum diperiksa");
    const id = (await t.db.client.execute("SELECT id FROM closures WHERE date = '2026-01-16'")).rows[0]
      ?.id as string;
    const reviewed = await t.app.request(`/admin/closures/${id}/review`, {
      method: "POST",
      headers: admin.headers,
    });
    expect(reviewed.status).toBe(303);
    expect(
      (await t.db.client.execute(`SELECT reviewed FROM closures WHERE id = '${id}'`)).rows[0]?.reviewed,
    ).toBe(1);
  });

  it("marks a whole year reviewed after a confirm step, leaving other years alone", async () => {
    const t = await makeTestApp();
    await seedNationalHolidays(t.db, [2026, 2027], t.clock());
    const admin = await t.as("admin");
    const unreviewed = async (year: number) =>
      Number(
        (
          await t.db.client.execute(
            `SELECT count(*) AS n FROM closures WHERE reviewed = 0 AND date LIKE '${year}-%'`,
          )
        ).rows[0]?.n,
      );
    const before2026 = await unreviewed(2026);
    expect(before2026).toBeGreaterThan(10);
    const page = await (await t.app.request("/admin/closures?year=2026", { headers: admin.headers })).text();
    expect(page).toContain("Tandai semua sudah diperiksa");
    const ask = await t.app.request("/admin/closures/review?year=2026", {
      method: "POST",
      headers: admin.headers,
      body: new URLSearchParams({}),
    });
    expect(ask.status).toBe(200);
    expect(await ask.text()).toContain("Tandai semua tanggal libur tahun 2026 sudah diperiksa?");
    expect(await unreviewed(2026)).toBe(before2026);
    const done = await t.app.request("/admin/closures/review?year=2026", {
      method: "POST",
      headers: admin.headers,
      body: new URLSearchParams({ confirmed: "yes" }),
    });
    expect(done.status).toBe(303);
    const location = done.headers.get("Location") ?? "";
    expect(location).toBe(`/admin/closures?year=2026&done=reviewed&n=${before2026}`);
    expect(await unreviewed(2026)).toBe(0);
    expect(await unreviewed(2027)).toBeGreaterThan(10);
    const after = await (await t.app.request(location, { headers: admin.headers })).text();
    expect(after).toContain(`${before2026} tanggal libur ditandai sudah diperiksa.`);
    expect(after).not.toContain("Tandai semua sudah diperiksa");
    const api = await t.app.request("/api/v1/closures/review?year=2027", {
      method: "POST",
      headers: admin.headers,
    });
    expect(api.status).toBe(200);
    expect(await api.json()).toMatchObject({ year: 2027, reviewed: expect.any(Number) });
    expect(await unreviewed(2027)).toBe(0);
  });

  it("adds a range (cuti bersama 24–26 Dec) as one entry, one closed day each, all or none", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const post = (body: Record<string, string>) =>
      t.app.request("/admin/closures", {
        method: "POST",
        headers: admin.headers,
        body: new URLSearchParams(body),
      });
    const range = {
      date: "2026-12-24",
      endDate: "2026-12-26",
      kind: "cuti_bersama",
      name: "Cuti Bersama Natal",
    };
    const added = await post(range);
    expect(added.status).toBe(303);
    expect(added.headers.get("Location")).toBe("/admin/closures?year=2026&done=created&n=3");
    const dates = await t.db.client.execute("SELECT date, name FROM closures ORDER BY date");
    expect(dates.rows.map((r) => r.date)).toEqual(["2026-12-24", "2026-12-25", "2026-12-26"]);
    const page = await (
      await t.app.request("/admin/closures?year=2026&done=created&n=3", { headers: admin.headers })
    ).text();
    expect(page).toContain("3 tanggal libur ditambahkan.");
    expect(page).toContain("Sabtu, 26 Desember 2026");

    // Overlapping an existing day of the same kind refuses the whole range; the input is kept.
    const overlap = await post({ ...range, date: "2026-12-26", endDate: "2026-12-28" });
    expect(overlap.status).toBe(409);
    const overlapPage = await overlap.text();
    expect(overlapPage).toContain("Tanggal dengan jenis ini sudah ada.");
    expect(overlapPage).toContain('value="2026-12-28"');
    expect((await t.db.client.execute("SELECT count(*) AS n FROM closures")).rows[0]?.n).toBe(3);

    const backwards = await post({ ...range, date: "2026-12-30", endDate: "2026-12-29" });
    expect(backwards.status).toBe(400);
    const backwardsPage = await backwards.text();
    expect(backwardsPage).toContain("Tanggal akhir tidak boleh sebelum tanggal awal.");
    expect(backwardsPage).toContain('value="Cuti Bersama Natal"');
    const tooLong = await post({ ...range, date: "2026-01-01", endDate: "2026-03-01" });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain("Rentang paling lama 31 hari.");

    // The API takes the same range.
    const api = await t.app.request(
      "/api/v1/closures",
      jsonReq(
        "POST",
        { date: "2027-01-01", endDate: "2027-01-02", kind: "local_holiday", name: "Libur" },
        admin.headers,
      ),
    );
    expect(api.status).toBe(201);
    const body = (await api.json()) as { closure: Closure; closures: Closure[] };
    expect(body.closures.map((c) => c.date)).toEqual(["2027-01-01", "2027-01-02"]);
    expect(body.closure.date).toBe("2027-01-01");
  });

  it("imports kinds written in Indonesian or English, in any case, and the codes", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const res = await t.app.request("/api/v1/closures/import?year=2026", {
      method: "POST",
      headers: { ...admin.headers, "Content-Type": "text/csv" },
      body: "tanggal;nama;jenis\n2026-01-01;Tahun Baru;LIBUR NASIONAL\n2026-12-24;Cuti Natal;Cuti Bersama\n2026-12-18;Hari Jadi Kabupaten;libur daerah\n2026-08-17;Kemerdekaan;national_holiday\n2026-12-31;Akhir tahun;Local holiday\n",
    });
    expect(res.status).toBe(201);
    const kinds = await t.db.client.execute("SELECT date, kind FROM closures ORDER BY date");
    expect(kinds.rows.map((r) => `${r.date}:${r.kind}`)).toEqual([
      "2026-01-01:national_holiday",
      "2026-08-17:national_holiday",
      "2026-12-18:local_holiday",
      "2026-12-24:cuti_bersama",
      "2026-12-31:local_holiday",
    ]);
    const bad = await t.app.request("/api/v1/closures/import?year=2026", {
      method: "POST",
      headers: { ...admin.headers, "Content-Type": "text/csv" },
      body: "2026-05-01;Hari Buruh;libur\n",
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain(
      "Jenis di baris 1 harus Libur nasional, Cuti bersama atau Libur daerah.",
    );
  });

  it("adds and uploads through the admin page", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const post = (path: string, body: FormData | URLSearchParams) =>
      t.app.request(path, { method: "POST", headers: admin.headers, body });
    const add = await post(
      "/admin/closures",
      new URLSearchParams({ date: "2026-12-24", kind: "cuti_bersama", name: "Cuti Bersama Natal" }),
    );
    expect(add.status).toBe(303);
    const shown = await t.app.request(add.headers.get("Location") ?? "", { headers: admin.headers });
    const shownText = await shown.text();
    expect(shownText).toContain("Kamis, 24 Desember 2026");
    expect(shownText).toContain("1 tanggal libur ditambahkan.");
    const row = await t.db.client.execute("SELECT id FROM closures WHERE date = '2026-12-24'");
    const id = row.rows[0]?.id as string;
    const askDelete = await post(`/admin/closures/${id}/delete`, new URLSearchParams({}));
    expect(askDelete.status).toBe(200);
    expect(await askDelete.text()).toContain("Hapus Cuti Bersama Natal (Kamis, 24 Desember 2026)");
    const deleted = await post(`/admin/closures/${id}/delete`, new URLSearchParams({ confirmed: "yes" }));
    expect(deleted.status).toBe(303);
    expect((await t.db.client.execute("SELECT count(*) AS n FROM closures")).rows[0]?.n).toBe(0);
    const form = new FormData();
    form.set("file", new File(["2026-13-01;Rusak;cuti_bersama\n"], "skb.csv", { type: "text/csv" }));
    const upload = await post("/admin/closures/import?year=2026", form);
    expect(upload.status).toBe(400);
    const uploadPage = await upload.text();
    expect(uploadPage).toContain("Baris 1: Tanggal di baris 1 tidak valid");
    expect(uploadPage).toContain("Perbaiki berkasnya, lalu pilih dan unggah lagi.");
    const viewer = await t.as("viewer");
    expect((await t.app.request("/admin/closures", { headers: viewer.headers })).status).toBe(200);
    expect(
      (
        await t.app.request("/admin/closures", {
          method: "POST",
          headers: viewer.headers,
          body: new URLSearchParams({}),
        })
      ).status,
    ).toBe(403);
    expect(ORIGIN.Origin).toBeDefined();
  });
});
