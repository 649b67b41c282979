/**
 * The public intake API: tracking codes, the status link (hashed token, 404 on a wrong one), the lead-time
 * rule across a weekend and a holiday with the test clock, date rules, honeypot, rate limit, letter files.
 */
import { describe, expect, it } from "vitest";
import { ORIGIN } from "../helpers/test-app";
import { delegationsApp, json, makeRequest, submitRequest, validRequest } from "./helpers";

type Err = { error: { code: string; message: string; details?: { fields?: Record<string, string[]> } } };

describe("POST /api/v1/requests", () => {
  it("numbers requests SB-YYYY-NNNN per year and returns a private status link", async () => {
    const t = await delegationsApp();
    const first = await makeRequest(t);
    const second = await makeRequest(t);
    expect(first.code).toBe("SB-2026-0001");
    expect(second.code).toBe("SB-2026-0002");
    expect(first.statusUrl).toMatch(
      /^http:\/\/localhost:8787\/kunjungan\/status\/SB-2026-0001\?token=[\w-]{43}$/,
    );
    t.clock.set("2027-01-04T09:00:00+07:00");
    const next = await makeRequest(t, {
      preferredDates: { start: "2027-02-01" },
      alternativeDates: [],
      letterDate: "2027-01-02",
    });
    expect(next.code).toBe("SB-2027-0001");
  });

  it("stores only a hash of the token; the status API answers with it and 404s otherwise", async () => {
    const t = await delegationsApp();
    const r = await makeRequest(t);
    const token = new URL(r.statusUrl).searchParams.get("token") as string;
    const stored = await t.db.client.execute("SELECT status_token_hash FROM delegations");
    expect(stored.rows[0]?.status_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.rows[0]?.status_token_hash).not.toContain(token);

    const ok = await t.app.request(`/api/v1/requests/${r.code}?token=${token}`);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { status: string; history: unknown[] };
    expect(body.status).toBe("requested");
    expect(body.history).toHaveLength(1);

    for (const path of [
      `/api/v1/requests/${r.code}?token=${token.slice(0, -1)}x`,
      `/api/v1/requests/${r.code}`,
      `/api/v1/requests/SB-2026-0099?token=${token}`,
      `/kunjungan/status/${r.code}?token=wrong`,
      `/kunjungan/status/${r.code}`,
    ]) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(404);
    }
  });

  it("refuses a Friday request for the next Wednesday when Monday is a closure, naming the earliest date", async () => {
    const t = await delegationsApp();
    // Friday 6 March 2026, afternoon WIB.
    t.clock.set("2026-03-06T15:30:00+07:00");
    const admin = await t.as("admin");
    const closure = await t.app.request(
      "/api/v1/closures",
      json("POST", { date: "2026-03-09", kind: "local_holiday", name: "Libur uji" }, admin.headers),
    );
    expect(closure.status).toBe(201);

    const wednesday = validRequest({ preferredDates: { start: "2026-03-11" }, alternativeDates: [] });
    const refused = await submitRequest(t, wednesday);
    expect(refused.status).toBe(400);
    const err = (await refused.json()) as Err;
    expect(err.error.details?.fields?.["preferredDates.start"]).toEqual([
      "Terlalu dekat: ajukan paling cepat Kamis, 12 Maret 2026 (3 hari kerja dari hari ini).",
    ]);

    const en = await t.app.request("/api/v1/requests?lang=en", json("POST", wednesday));
    expect(en.status).toBe(400);
    expect(((await en.json()) as Err).error.details?.fields?.["preferredDates.start"]).toEqual([
      "Too soon: the earliest date you can ask for is Thursday, 12 March 2026 (3 working days from today).",
    ]);

    const thursday = await submitRequest(
      t,
      validRequest({ preferredDates: { start: "2026-03-12" }, alternativeDates: [] }),
    );
    expect(thursday.status).toBe(201);

    // Without the closure, Wednesday is the third working day and allowed.
    const list = (await (
      await t.app.request("/api/v1/closures?year=2026", { headers: admin.headers })
    ).json()) as {
      closures: { id: string }[];
    };
    await t.app.request(`/api/v1/closures/${list.closures[0]?.id}`, {
      method: "DELETE",
      headers: admin.headers,
    });
    expect((await submitRequest(t, wednesday)).status).toBe(201);
  });

  it("honours REQUEST_MIN_WORKING_DAYS", async () => {
    const t = await delegationsApp({ REQUEST_MIN_WORKING_DAYS: "10" });
    const res = await submitRequest(
      t,
      validRequest({ preferredDates: { start: "2026-03-13" }, alternativeDates: [] }),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as Err).error.details?.fields?.["preferredDates.start"]?.[0]).toContain(
      "Senin, 16 Maret 2026",
    );
  });

  it("requires dates in the future and in order", async () => {
    const t = await delegationsApp();
    const res = await submitRequest(
      t,
      validRequest({
        preferredDates: { start: "2026-03-20", end: "2026-03-19" },
        alternativeDates: [{ start: "2026-02-27" }, { start: "2026-04-01", end: "2026-04-30" }],
      }),
    );
    expect(res.status).toBe(400);
    const fields = ((await res.json()) as Err).error.details?.fields ?? {};
    expect(fields["preferredDates.end"]).toEqual(["Tanggal akhir tidak boleh sebelum tanggal mulai."]);
    expect(fields["alternativeDates.1.end"]).toEqual(["Kunjungan paling lama 14 hari."]);
    const past = await submitRequest(t, validRequest({ alternativeDates: [{ start: "2026-02-27" }] }));
    expect(((await past.json()) as Err).error.details?.fields?.["alternativeDates.0.start"]).toEqual([
      "Tanggal harus di masa mendatang.",
    ]);
  });

  it("refuses a filled honeypot without storing anything", async () => {
    const t = await delegationsApp();
    const res = await submitRequest(t, validRequest({ website: "http://spam.example" }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as Err).error.message).toBe("Permohonan tidak dapat diproses.");
    const count = await t.db.client.execute("SELECT count(*) AS n FROM delegations");
    expect(Number(count.rows[0]?.n)).toBe(0);
  });

  it("rate-limits per client address with 429 and Retry-After", async () => {
    const t = await delegationsApp({ REQUEST_RATE_LIMIT_PER_HOUR: "2" });
    const ip = { "x-test-ip": "192.0.2.7" };
    expect((await submitRequest(t, validRequest(), ip)).status).toBe(201);
    expect((await submitRequest(t, { nonsense: true }, ip)).status).toBe(400);
    const limited = await submitRequest(t, validRequest(), ip);
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as Err).error.code).toBe("rate_limited");
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    // The public form shares the limit; another address is not affected; the window passes.
    const form = await t.app.request("/kunjungan/ajukan", {
      method: "POST",
      headers: { ...ip, ...ORIGIN },
      body: new FormData(),
    });
    expect(form.status).toBe(429);
    expect((await submitRequest(t, validRequest(), { "x-test-ip": "192.0.2.8" })).status).toBe(201);
    t.clock.advance(3_600_000);
    expect((await submitRequest(t, validRequest(), ip)).status).toBe(201);
  });
});

describe("letter files", () => {
  const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

  it("accepts a PDF or PNG by content and lets only staff download it", async () => {
    const t = await delegationsApp();
    const r = await makeRequest(t, {
      letterFile: { fileName: "surat permohonan.pdf", dataBase64: b64(pdf) },
    });
    const viewer = await t.as("viewer");
    const download = await t.app.request(`/delegations/${r.id}/letter`, { headers: viewer.headers });
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Type")).toBe("application/pdf");
    expect(download.headers.get("Content-Disposition")).toContain('filename="surat permohonan.pdf"');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
    expect((await t.app.request(`/delegations/${r.id}/letter`)).status).toBe(303);

    // A PNG named .pdf is stored as what it is.
    const r2 = await makeRequest(t, { letterFile: { fileName: "scan.pdf", dataBase64: b64(png) } });
    const d2 = await t.app.request(`/delegations/${r2.id}/letter`, { headers: viewer.headers });
    expect(d2.headers.get("Content-Type")).toBe("image/png");
    expect(d2.headers.get("Content-Disposition")).toContain('filename="scan.png"');
  });

  it("refuses HTML renamed to .pdf, and a file over 5 MB, through the API and the form", async () => {
    const t = await delegationsApp();
    const res = await submitRequest(
      t,
      validRequest({ letterFile: { fileName: "surat.pdf", dataBase64: b64(html) } }),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as Err).error.details?.fields?.letterFile).toEqual([
      "Berkas surat harus PDF, JPEG atau PNG.",
    ]);

    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(pdf.slice(0, 5));
    const form = new FormData();
    for (const [k, v] of Object.entries({
      institution: "X",
      provinceCode: "35",
      preferredStart: "2026-03-16",
    }))
      form.set(k, v);
    form.set("letterFile", new File([big], "besar.pdf", { type: "application/pdf" }));
    const page = await t.app.request("/kunjungan/ajukan?lang=en", {
      method: "POST",
      headers: ORIGIN,
      body: form,
    });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("The letter file is too large (max. 5 MB).");
    const count = await t.db.client.execute("SELECT count(*) AS n FROM letter_files");
    expect(Number(count.rows[0]?.n)).toBe(0);
  });
});
