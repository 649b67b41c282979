/**
 * Press releases: the generated draft names the leader, the officials with them and their regions, the
 * venues and hosts; humas save versions (a stale version is 409, bad input refused beside its field); the
 * .docx opens (unzipped, word/document.xml holds the text) and the plain text matches the saved version.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { delegations } from "../../db/schema/delegations";
import { book, makeDelegation, makeHost, makeParticipant, makeVenue } from "../helpers/factories";
import { json, makeTestApp, type TestApp } from "../helpers/test-app";
import { documentXml } from "./docx";

async function kepri(t: TestApp) {
  const venue = await makeVenue(t.db, { name: "Mal Pelayanan Publik Banyuwangi" });
  const host = await makeHost(t.db, { name: "Ipuk Fiestiandani", title: "Bupati Banyuwangi" });
  const d = await makeDelegation(t.db, {
    institution: "Pemerintah Provinsi Kepulauan Riau",
    provinceCode: "21",
    leaderName: "Ansar Ahmad",
    leaderTitle: "Gubernur Kepulauan Riau",
    purpose: "mempelajari Mal Pelayanan Publik",
    confirmedDates: { start: "2026-03-16", end: "2026-03-17" },
  });
  await makeParticipant(t.db, d.id, {
    name: "Ansar Ahmad",
    title: "Gubernur Kepulauan Riau",
    precedenceRank: 1,
  });
  await makeParticipant(t.db, d.id, { name: "Roby Kurniawan", title: "Bupati Bintan", precedenceRank: 2 });
  await makeParticipant(t.db, d.id, { name: "Amsakar Achmad", title: "Wali Kota Batam", precedenceRank: 3 });
  await book(t.db, d.id, {
    title: "Kunjungan MPP",
    startsAt: "2026-03-16T02:00:00Z",
    endsAt: "2026-03-16T03:30:00Z",
    venueId: venue.id,
    hostIds: [host.id],
  });
  await t.db.writeTransaction((tx) =>
    tx.update(delegations).set({ status: "completed" }).where(eq(delegations.id, d.id)),
  );
  return d;
}

describe("press releases", () => {
  it("drafts from the visit, saves versions, and downloads a .docx that opens", async () => {
    const t = await makeTestApp();
    const humas = await t.as("humas");
    const d = await kepri(t);
    const url = `/api/v1/delegations/${d.id}/press-release`;
    const draft = (await (await t.app.request(url, { headers: humas.headers })).json()) as Record<
      string,
      unknown
    >;
    expect(draft.version).toBe(0);
    expect(draft.dateline).toBe("BANYUWANGI – ");
    for (const s of [
      "Gubernur Kepulauan Riau Ansar Ahmad",
      "Roby Kurniawan (Bupati Bintan)",
      "Amsakar Achmad (Wali Kota Batam)",
      "Kepulauan Riau",
      "Senin, 16 Maret 2026 – Selasa, 17 Maret 2026",
    ])
      expect(String(draft.lead)).toContain(s);
    expect(String(draft.body)).toContain("Mal Pelayanan Publik Banyuwangi");
    expect(String(draft.body)).toContain("Ipuk Fiestiandani, Bupati Banyuwangi");

    const { savedAt: _s, authorLabel: _a, ...input } = draft;
    const quotes = [
      { speaker: "Ansar Ahmad", title: "Gubernur Kepulauan Riau", text: "Kami akan meniru MPP ini." },
    ];
    const saved = await t.app.request(url, json(humas.headers, { ...input, quotes }, "PUT"));
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { version: number }).version).toBe(1);
    expect((await t.app.request(url, json(humas.headers, { ...input, quotes }, "PUT"))).status).toBe(409);

    const docx = await t.app.request(`${url}.docx`, { headers: humas.headers });
    expect(docx.status).toBe(200);
    const xml = documentXml(await docx.arrayBuffer());
    for (const s of [
      "Ansar Ahmad",
      "Roby Kurniawan",
      "Bupati Bintan",
      "Wali Kota Batam",
      "Kepulauan Riau",
      "Kami akan meniru MPP ini.",
    ])
      expect(xml).toContain(s);

    const text = await (
      await t.app.request(`/delegations/${d.id}/press-release/download.txt`, { headers: humas.headers })
    ).text();
    expect(text.startsWith(String(draft.headline))).toBe(true);
    expect(text).toContain("BANYUWANGI – Gubernur Kepulauan Riau Ansar Ahmad");
  });

  it("the form refuses a missing headline beside the field and saves nothing", async () => {
    const t = await makeTestApp();
    const humas = await t.as("humas");
    const d = await kepri(t);
    const res = await t.app.request(`/delegations/${d.id}/press-release`, {
      method: "POST",
      headers: { ...humas.headers, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        version: "0",
        headline: "",
        lead: "Teras berita yang cukup panjang.",
      }).toString(),
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('id="f-headline-error"');
    expect(html).toContain("Teras berita yang cukup panjang.");
    const read = await t.app.request(`/api/v1/delegations/${d.id}/press-release`, { headers: humas.headers });
    expect(((await read.json()) as { version: number }).version).toBe(0);
  });
});
