/**
 * Single-line fields (institution, names, titles, letter numbers, venue names, participant names…) refuse
 * CR, LF, tabs and other control characters with a message in the request's language, beside the field
 * on the form, and nothing is stored; a break at either end is trimmed away; multi-line fields (purpose)
 * keep their line breaks.
 */
import { describe, expect, it } from "vitest";
import { isSingleLine } from "../../src/http/single-line";
import { delegationsApp, makeRequest, submitRequest, validRequest } from "../delegations/helpers";
import { json, ORIGIN } from "../helpers/test-app";

type Err = { error: { code: string; details?: { fields?: Record<string, string[]> } } };
const ID = "Harus satu baris: tanpa ganti baris, tab, atau karakter kontrol.";
const EN = "Must be a single line: no line breaks, tabs or control characters.";

const countDelegations = async (t: Awaited<ReturnType<typeof delegationsApp>>) =>
  Number((await t.db.client.execute("SELECT count(*) AS n FROM delegations")).rows[0]?.n);

describe("single-line fields", () => {
  it("tells one line from text with breaks or controls", () => {
    for (const ok of ["Pemerintah Kabupaten Lingga", "005/123/2026", "Ni Luh Kontak", "", "Dinas Café – ①"])
      expect(isSingleLine(ok), ok).toBe(true);
    for (const bad of [
      "a\nb",
      "a\r\nb",
      "a\rb",
      "a\tb",
      "a\u0000b",
      "a\u0085b",
      "a\u2028b",
      "a\u2029b",
      "a\u001bb",
    ])
      expect(isSingleLine(bad), JSON.stringify(bad)).toBe(false);
  });

  it("the request API refuses CR/LF in the institution, names, title and letter number, and stores nothing", async () => {
    const t = await delegationsApp();
    const res = await submitRequest(
      t,
      validRequest({
        institution: "Pemerintah Kabupaten Contoh\r\nBcc: x@example.org",
        leaderName: "Budi\nContoh",
        leaderTitle: "Bupati\tKarimun",
        contactName: "Rina\rNarahubung",
        letterNumber: "005/123\n/2026",
      }),
      { "Accept-Language": "id" },
    );
    expect(res.status).toBe(400);
    const fields = ((await res.json()) as Err).error.details?.fields ?? {};
    for (const field of ["institution", "leaderName", "leaderTitle", "contactName", "letterNumber"])
      expect(fields[field], field).toEqual([ID]);
    expect(await countDelegations(t)).toBe(0);
  });

  it("trims a break at either end and keeps line breaks in the purpose", async () => {
    const t = await delegationsApp();
    const r = await makeRequest(t, {
      institution: "\r\nPemerintah Kabupaten Contoh\n",
      purpose: "Mempelajari MPP.\nDan Smart Kampoeng.",
    });
    const row = (
      await t.db.client.execute({
        sql: "SELECT institution, purpose FROM delegations WHERE id = ?",
        args: [r.id],
      })
    ).rows[0];
    expect(row?.institution).toBe("Pemerintah Kabupaten Contoh");
    expect(row?.purpose).toBe("Mempelajari MPP.\nDan Smart Kampoeng.");
  });

  for (const [locale, message] of [
    ["id", ID],
    ["en", EN],
  ] as const) {
    it(`the public form shows the message beside the field and keeps the input (${locale})`, async () => {
      const t = await delegationsApp();
      const body = new FormData();
      const fields: Record<string, string> = {
        institution: "Pemerintah Kabupaten Lingga\r\nX-Injected: 1",
        provinceCode: "21",
        regencyCode: "21.04",
        leaderName: "Hendra Contoh",
        leaderTitle: "Bupati Lingga",
        purpose: "Belajar MPP",
        topics: "mpp",
        expectedSize: "15",
        preferredStart: "2026-03-16",
        contactName: "Rina",
        contactEmail: "rina@example.org",
        contactPhone: "081234567890",
        website: "",
      };
      for (const [k, v] of Object.entries(fields)) body.append(k, v);
      const res = await t.app.request(`/kunjungan/ajukan?lang=${locale}`, {
        method: "POST",
        headers: ORIGIN,
        body,
      });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(/id="f-institution-error">([^<]*)</.exec(html)?.[1]).toBe(message);
      expect(html).toContain("Hendra Contoh");
      expect(await countDelegations(t)).toBe(0);
    });
  }

  it("participants, venues and hosts refuse line breaks in names and titles", async () => {
    const t = await delegationsApp();
    const { headers } = await t.as("admin");
    const { id } = await makeRequest(t);
    const participant = await t.app.request(
      `/api/v1/delegations/${id}/participants?lang=en`,
      json(headers, { name: "Ali\nBaba", title: "Kepala Dinas" }),
    );
    expect(participant.status).toBe(400);
    expect(((await participant.json()) as Err).error.details?.fields?.name).toEqual([EN]);

    const venue = await t.app.request(
      "/api/v1/venues?lang=en",
      json(headers, { name: "Balai\r\nKota", address: "Jl. Uji 1", capacity: 80, weeklyHours: {} }),
    );
    expect(venue.status).toBe(400);
    expect(((await venue.json()) as Err).error.details?.fields?.name).toEqual([EN]);

    const host = await t.app.request(
      "/api/v1/hosts?lang=en",
      json(headers, { name: "Budi", title: "Kepala\nDinas", timeZone: "Asia/Jakarta" }),
    );
    expect(host.status).toBe(400);
    expect(((await host.json()) as Err).error.details?.fields?.title).toEqual([EN]);
    const rows = await t.db.client.execute(
      "SELECT (SELECT count(*) FROM venues) + (SELECT count(*) FROM hosts) AS n",
    );
    expect(Number(rows.rows[0]?.n)).toBe(0);
  });
});
