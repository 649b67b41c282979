/**
 * The public form at /kunjungan/ajukan: every field's validation message, in Bahasa Indonesia and in
 * English, shown next to its field; a good submission shows the code and the status link, and the status
 * page speaks the request's language.
 */
import { describe, expect, it } from "vitest";
import { ORIGIN } from "../helpers/test-app";
import { delegationsApp } from "./helpers";

function form(fields: Record<string, string | string[]>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  return f;
}

const good = {
  institution: "Pemerintah Kabupaten Lingga",
  provinceCode: "21",
  regencyCode: "21.04",
  leaderName: "Hendra Contoh",
  leaderTitle: "Bupati Lingga",
  purpose: "Belajar MPP",
  topics: ["mpp", "smart-kampoeng"],
  expectedSize: "15",
  preferredStart: "2026-03-16",
  preferredEnd: "",
  contactName: "Rina",
  contactEmail: "rina@example.org",
  contactPhone: "081234567890",
  letterNumber: "",
  letterDate: "",
  website: "",
};

/** Expected error text per form field, for a submission where every field is wrong. */
const bad = {
  institution: "",
  provinceCode: "99",
  regencyCode: "35.10",
  leaderName: "",
  leaderTitle: "",
  purpose: "",
  expectedSize: "0",
  preferredStart: "2026-03-03",
  preferredEnd: "",
  alt1Start: "2026-03-20",
  alt1End: "2026-03-18",
  alt2Start: "2026-02-30",
  contactName: "",
  contactEmail: "rina@",
  contactPhone: "12345",
  letterDate: "2026-03-10",
  website: "",
};

const MESSAGES = {
  id: {
    institution: "Wajib diisi.",
    provinceCode: "Pilih provinsi asal.",
    leaderName: "Wajib diisi.",
    leaderTitle: "Wajib diisi.",
    purpose: "Wajib diisi.",
    topics: "Pilih minimal satu topik.",
    expectedSize: "Isi jumlah peserta 1–500.",
    preferredStart: "Terlalu dekat: ajukan paling cepat Kamis, 5 Maret 2026 (3 hari kerja dari hari ini).",
    alt1End: "Tanggal akhir tidak boleh sebelum tanggal mulai.",
    alt2Start: "Isi tanggal yang valid.",
    contactName: "Wajib diisi.",
    contactEmail: "Isi alamat e-mail yang valid.",
    contactPhone: "Isi nomor telepon Indonesia yang valid (diawali 0 atau +62).",
    letterDate: "Tanggal surat tidak boleh di masa mendatang.",
    letterFile: "Berkas surat harus PDF, JPEG atau PNG.",
  },
  en: {
    institution: "Required.",
    provinceCode: "Choose your province.",
    leaderName: "Required.",
    leaderTitle: "Required.",
    purpose: "Required.",
    topics: "Choose at least one topic.",
    expectedSize: "Enter a number of participants from 1 to 500.",
    preferredStart:
      "Too soon: the earliest date you can ask for is Thursday, 5 March 2026 (3 working days from today).",
    alt1End: "The end date cannot be before the start date.",
    alt2Start: "Enter a valid date.",
    contactName: "Required.",
    contactEmail: "Enter a valid e-mail address.",
    contactPhone: "Enter a valid Indonesian phone number (starting with 0 or +62).",
    letterDate: "The letter date cannot be in the future.",
    letterFile: "The letter file must be a PDF, JPEG or PNG.",
  },
} as const;

/** The error text rendered for one field (`<span class="error" id="f-NAME-error">`). */
function errorOf(html: string, field: string): string | undefined {
  const m = new RegExp(`id="f-${field}-error">([^<]*)<`).exec(html);
  return m?.[1]?.replaceAll("&#39;", "'");
}

describe("the public request form", () => {
  it("renders every field without sign-in, phone-ready, with the earliest date", async () => {
    const t = await delegationsApp();
    const res = await t.app.request("/kunjungan/ajukan");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('name="viewport" content="width=device-width, initial-scale=1"');
    for (const name of Object.keys(good)) expect(html, name).toContain(`name="${name}"`);
    for (const name of ["alt1Start", "alt1End", "alt2Start", "alt2End", "letterFile", "notes"])
      expect(html).toContain(`name="${name}"`);
    expect(html).toContain('<optgroup label="Kepulauan Riau" data-province="21">');
    expect(html).toContain("Kabupaten Banyuwangi");
    expect(html).toContain("Mal Pelayanan Publik (MPP)");
    expect(html).toContain("Paling cepat Kamis, 5 Maret 2026");
    expect(html).toContain('<script src="/assets/request-form.js" defer=""></script>');
    const js = await t.app.request("/assets/request-form.js");
    expect(js.headers.get("Content-Type")).toContain("javascript");
  });

  for (const locale of ["id", "en"] as const) {
    it(`shows each field's message next to it (${locale})`, async () => {
      const t = await delegationsApp();
      const body = form(bad);
      body.set("letterFile", new File(["MZ not a pdf"], "surat.pdf", { type: "application/pdf" }));
      const res = await t.app.request(`/kunjungan/ajukan?lang=${locale}`, {
        method: "POST",
        headers: ORIGIN,
        body,
      });
      expect(res.status).toBe(400);
      const html = await res.text();
      for (const [field, message] of Object.entries(MESSAGES[locale]))
        expect(errorOf(html, field), field).toBe(message);
      // What was typed is kept.
      expect(html).toContain('value="rina@"');
      const count = await t.db.client.execute("SELECT count(*) AS n FROM delegations");
      expect(Number(count.rows[0]?.n)).toBe(0);
    });
  }

  it("checks the regency belongs to the province, and unknown topics", async () => {
    const t = await delegationsApp();
    const res = await t.app.request("/kunjungan/ajukan?lang=en", {
      method: "POST",
      headers: ORIGIN,
      body: form({ ...good, regencyCode: "35.10", topics: ["mpp", "nope"] }),
    });
    const html = await res.text();
    expect(errorOf(html, "regencyCode")).toBe("This regency/city is not in the chosen province.");
    expect(errorOf(html, "topics")).toBe("Unknown topic: nope.");
  });

  it("submits, shows the code and link, and the status page speaks the request's language", async () => {
    const t = await delegationsApp();
    const res = await t.app.request("/kunjungan/ajukan?lang=en", {
      method: "POST",
      headers: ORIGIN,
      body: form(good),
    });
    // Post/Redirect/Get: the status page itself, with the "received, keep this link" card.
    expect(res.status).toBe(303);
    const location = res.headers.get("Location") as string;
    expect(location).toMatch(/^\/kunjungan\/status\/SB-2026-0001\?token=[A-Za-z0-9_-]{43}&sent=1$/);
    const html = await (await t.app.request(location)).text();
    expect(html).toContain('data-testid="tracking-code"');
    const link = /href="(http:\/\/localhost:8787\/kunjungan\/status\/[^"]+)"/
      .exec(html)?.[1]
      ?.replaceAll("&amp;", "&");
    expect(link).toBe(`http://localhost:8787${location.replace("&sent=1", "")}`);
    const status = await t.app.request((link as string).replace("http://localhost:8787", ""));
    const page = await status.text();
    expect(page).not.toContain('data-testid="tracking-code"');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('data-status="requested"');
    expect(page).toContain("Monday, 16 March 2026");
    const row = await t.db.client.execute("SELECT language, contact_phone, topics FROM delegations");
    expect(row.rows[0]).toMatchObject({
      language: "en",
      contact_phone: "+6281234567890",
      topics: '["mpp","smart-kampoeng"]',
    });
  });
});
