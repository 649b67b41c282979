/**
 * Staff side: the inbox (filters, counts, sort), the detail page (everything submitted, duplicate warning,
 * notes, timeline), staff-created delegations, and optimistic concurrency (stale PATCH → 409; the page
 * shows the other person's values).
 */
import { describe, expect, it } from "vitest";
import { delegationsApp, json, makeRequest, validRequest } from "./helpers";

type List = { delegations: { code: string; status: string }[]; counts: Record<string, number> };

describe("inbox", () => {
  it("filters by status, date range, province, topic and text, counts per status, sorts", async () => {
    const t = await delegationsApp();
    const staff = await t.as("protocol");
    const a = await makeRequest(t, {
      institution: "Pemkab Karimun",
      provinceCode: "21",
      regencyCode: "21.02",
      topics: ["mpp"],
    });
    const b = await makeRequest(t, {
      institution: "Pemkot Surabaya",
      provinceCode: "35",
      regencyCode: "35.78",
      topics: ["smart-kampoeng"],
      preferredDates: { start: "2026-04-20" },
      alternativeDates: [],
    });
    await t.app.request(
      `/api/v1/delegations/${a.id}/transition`,
      json("POST", { to: "confirmed", dates: { start: "2026-03-16" } }, staff.headers),
    );
    const get = async (q: string) =>
      (await (await t.app.request(`/api/v1/delegations?${q}`, { headers: staff.headers })).json()) as List;
    expect((await get("")).counts).toEqual({
      requested: 1,
      confirmed: 1,
      completed: 0,
      declined: 0,
      cancelled: 0,
    });
    expect((await get("status=confirmed")).delegations.map((d) => d.code)).toEqual([a.code]);
    expect((await get("province=35")).delegations.map((d) => d.code)).toEqual([b.code]);
    expect((await get("topic=mpp")).delegations.map((d) => d.code)).toEqual([a.code]);
    expect((await get("q=surabaya")).delegations.map((d) => d.code)).toEqual([b.code]);
    expect((await get("from=2026-04-01&to=2026-04-30")).delegations.map((d) => d.code)).toEqual([b.code]);
    expect((await get("sort=oldest")).delegations.map((d) => d.code)).toEqual([a.code, b.code]);
    expect((await get("sort=date")).delegations.map((d) => d.code)).toEqual([a.code, b.code]);

    const viewer = await t.as("viewer");
    const page = await t.app.request("/delegations?status=requested", { headers: viewer.headers });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(b.code);
    expect(html).not.toContain(`>${a.code}<`);
    expect(html).toContain('data-testid="count-confirmed"');
    expect(html).not.toContain("/delegations/new"); // viewers cannot record
  });

  it("warns about a duplicate, shows everything submitted, notes with author, and the timeline", async () => {
    const t = await delegationsApp();
    const staff = await t.as("protocol");
    const a = await makeRequest(t, { institution: "Pemkab Lingga" });
    const b = await makeRequest(t, {
      institution: " pemkab lingga ",
      preferredDates: { start: "2026-03-17" },
      alternativeDates: [],
    });
    const other = await makeRequest(t, {
      institution: "Pemkab Lingga",
      preferredDates: { start: "2026-05-04" },
      alternativeDates: [],
    });
    const detail = (await (
      await t.app.request(`/api/v1/delegations/${a.id}`, { headers: staff.headers })
    ).json()) as {
      duplicates: { code: string }[];
    };
    expect(detail.duplicates.map((d) => d.code)).toEqual([b.code]);

    const note = await t.app.request(`/delegations/${a.id}/notes`, {
      method: "POST",
      headers: { ...staff.headers, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ body: "Sudah ditelepon, menunggu surat." }),
    });
    expect(note.status).toBe(303);
    const html = await (await t.app.request(`/delegations/${a.id}`, { headers: staff.headers })).text();
    expect(html).toContain('data-testid="duplicate-warning"');
    expect(html).toContain(b.code);
    expect(html).not.toContain(other.code);
    for (const text of [
      "Pemkab Lingga",
      "Budi Contoh",
      "Bupati Karimun",
      "Mempelajari Mal Pelayanan Publik.",
      "Mal Pelayanan Publik (MPP)",
      "Senin, 16 Maret 2026 – Selasa, 17 Maret 2026",
      "rina@example.org",
      "+6281234567890",
      "005/123/2026",
      "Kabupaten Bintan, Kepulauan Riau",
    ]) {
      expect(html, text).toContain(text);
    }
    expect(html).toContain("Sudah ditelepon, menunggu surat.");
    expect(html).toContain(staff.user.email);
    // The timeline in words: who by name, the translated action, the receipt mail with its honest state.
    expect(html).toContain("Pengunjung situs (publik): Permohonan kunjungan dibuat");
    expect(html).toContain(`${staff.user.name}: Catatan internal ditambahkan`);
    expect(html).toMatch(
      /Tanda terima permohonan · Rina Narahubung: “<span lang="id">[^<]+<\/span>” <span class="badge"[^>]*>Menunggu dikirim/,
    );
    expect(html).not.toMatch(/delegation\.(create|note)/);
    // The status page never shows internal notes.
    expect(await (await t.app.request(a.statusPath)).text()).not.toContain("Sudah ditelepon");
  });

  it("lets protocol staff record a delegation directly, without the lead time", async () => {
    const t = await delegationsApp();
    const staff = await t.as("protocol");
    const res = await t.app.request(
      "/api/v1/delegations",
      json(
        "POST",
        validRequest({ preferredDates: { start: "2026-03-03" }, alternativeDates: [] }),
        staff.headers,
      ),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      delegation: { code: string; source: string; status: string };
      statusUrl: string;
    };
    expect(body.delegation).toMatchObject({ code: "SB-2026-0001", source: "staff", status: "requested" });
    expect(body.statusUrl).toContain("/kunjungan/status/SB-2026-0001?token=");
    const humas = await t.as("humas");
    expect(
      (await t.app.request("/api/v1/delegations", json("POST", validRequest(), humas.headers))).status,
    ).toBe(403);
    const past = await t.app.request(
      "/api/v1/delegations",
      json("POST", validRequest({ preferredDates: { start: "2026-03-02" } }), staff.headers),
    );
    expect(past.status).toBe(400);
  });
});

describe("optimistic concurrency", () => {
  it("refuses a stale PATCH with 409 stale and the current record", async () => {
    const t = await delegationsApp();
    const staff = await t.as("protocol");
    const r = await makeRequest(t);
    const patch = (body: unknown) =>
      t.app.request(`/api/v1/delegations/${r.id}`, json("PATCH", body, staff.headers));
    const first = await patch({ version: 1, expectedSize: 20 });
    expect(first.status).toBe(200);
    expect(
      ((await first.json()) as { delegation: { version: number; expectedSize: number } }).delegation,
    ).toMatchObject({ version: 2, expectedSize: 20 });
    const second = await patch({ version: 1, expectedSize: 30 });
    expect(second.status).toBe(409);
    const err = (await second.json()) as {
      error: { code: string; details: { currentVersion: number; current: { expectedSize: number } } };
    };
    expect(err.error.code).toBe("stale");
    expect(err.error.details).toMatchObject({ currentVersion: 2, current: { expectedSize: 20 } });
    expect((await patch({ expectedSize: 30 })).status).toBe(400); // version is required
  });

  it("shows the other person's values on the page instead of overwriting them", async () => {
    const t = await delegationsApp();
    const rina = await t.as("protocol");
    const budi = await t.as("protocol");
    const r = await makeRequest(t);
    const editPage = await (
      await t.app.request(`/delegations/${r.id}/edit`, { headers: rina.headers })
    ).text();
    expect(editPage).toContain('name="version" value="1"');
    // Budi saves first.
    await t.app.request(
      `/api/v1/delegations/${r.id}`,
      json("PATCH", { version: 1, institution: "Nama Budi" }, budi.headers),
    );
    const form = new FormData();
    for (const [k, v] of Object.entries({
      version: "1",
      institution: "Nama Rina",
      provinceCode: "21",
      regencyCode: "21.01",
      leaderName: "Budi Contoh",
      leaderTitle: "Bupati Karimun",
      purpose: "x",
      topics: "mpp",
      expectedSize: "12",
      preferredStart: "2026-03-16",
      contactName: "Rina",
      contactEmail: "rina@example.org",
      contactPhone: "081234567890",
      language: "id",
    }))
      form.set(k, v);
    const res = await t.app.request(`/delegations/${r.id}/edit`, {
      method: "POST",
      headers: rina.headers,
      body: form,
    });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('data-testid="stale"');
    expect(html).toContain("Nama Rina");
    expect(html).toContain("Nama Budi");
    expect(html).toContain(`Sementara Anda mengedit, ${budi.user.name} menyimpan`);
    // The status in words, never the stored code.
    expect(html).toContain("<td>Diajukan</td>");
    const current = (await (
      await t.app.request(`/api/v1/delegations/${r.id}`, { headers: rina.headers })
    ).json()) as { delegation: { institution: string } };
    expect(current.delegation.institution).toBe("Nama Budi");
  });
});
