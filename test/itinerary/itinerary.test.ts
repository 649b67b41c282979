/**
 * The visitor's itinerary link end to end through the real app: share link, page with WIB and the Bali
 * delegation's WITA home time, language switch, ETag/304, change notes after a move through the booking
 * service, identical 404s for unknown and revoked tokens, a cancelled visit, the PDF and the QR code.
 */
import ICAL from "ical.js";
import { beforeEach, describe, expect, it } from "vitest";
import { randomSecret } from "../../src/auth/encoding";
import { TARGET_TTL_MS } from "../../src/itinerary/visitor-pages";
import {
  BADUNG_DELEGATION,
  BUDI_HOST,
  book,
  MPP_VENUE,
  makeDelegation,
  makeHost,
  makeVenue,
  move,
} from "../helpers/factories";
import { makeTestApp, ORIGIN, type TestApp } from "../helpers/test-app";

let t: TestApp;
let headers: Record<string, string>;
let delegationId: string;
let itemId: string;

async function share(id = delegationId): Promise<{ url: string; path: string }> {
  const res = await t.app.request(`/api/v1/delegations/${id}/share`, { method: "POST", headers });
  expect(res.status).toBe(201);
  const { url } = (await res.json()) as { url: string };
  return { url, path: new URL(url).pathname };
}

beforeEach(async () => {
  t = await makeTestApp();
  headers = (await t.as("protocol")).headers;
  const delegation = await makeDelegation(t.db, {
    ...BADUNG_DELEGATION,
    provinceCode: "51",
    institution: "Pemkab Badung",
  });
  delegationId = delegation.id;
  const venue = await makeVenue(t.db, MPP_VENUE);
  const host = await makeHost(t.db, BUDI_HOST);
  const item = await book(t.db, delegationId, {
    title: "Kunjungan MPP",
    titleEn: "MPP tour",
    startsAt: "2026-03-10T09:00:00+07:00",
    endsAt: "2026-03-10T10:30:00+07:00",
    venueId: venue.id,
    hostIds: [host.id],
    dressCode: "PDH",
    personInCharge: "Sari (0812-9999-0000)",
  });
  itemId = item.id;
  await book(t.db, delegationId, {
    title: "Perjalanan ke Kampung Osing",
    kind: "travel",
    startsAt: "2026-03-11T08:00:00+07:00",
    endsAt: "2026-03-11T09:00:00+07:00",
  });
});

describe("GET /i/{token}", () => {
  it("shows the agenda by day with WIB times and the WITA home time of a delegation from Bali", async () => {
    const { path } = await share();
    const res = await t.app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("private, no-cache");
    const html = await res.text();
    expect(html).toContain("09.00–10.30 WIB");
    expect(html).toContain("(10.00–11.30 WITA)");
    expect(html).toContain("Selasa, 10 Maret 2026");
    expect(html).toContain("Rabu, 11 Maret 2026");
    expect(html).toContain("Jl. Jenderal Sudirman No. 1, Banyuwangi");
    expect(html).toContain('href="https://maps.example/mpp"');
    expect(html).toContain("PDH");
    expect(html).toContain('href="https://wa.me/6281311112222"');
    expect(html).toContain('href="https://wa.me/6281299990000"');
    expect(html).toMatch(/<svg[^>]*viewBox="0 0 \d+ \d+"/);

    const en = await (await t.app.request(`${path}?lang=en`)).text();
    expect(en).toContain('lang="en"');
    expect(en).toContain("MPP tour");
    expect(en).toContain("09:00–10:30 WIB");
    expect(en).toContain("(10:00–11:30 WITA)");
    expect(en).toContain("Tuesday, 10 March 2026");
  });

  it("shows no home time when the delegation is in the venue's zone", async () => {
    const java = await makeDelegation(t.db, { ...BADUNG_DELEGATION, provinceCode: "35" });
    await book(t.db, java.id, {
      title: "Paparan",
      startsAt: "2026-03-12T09:00:00+07:00",
      endsAt: "2026-03-12T10:00:00+07:00",
    });
    const { path } = await share(java.id);
    const html = await (await t.app.request(path)).text();
    expect(html).toContain("09.00–10.00 WIB");
    expect(html).not.toContain("WITA");
  });

  it("answers 304 to a matching If-None-Match and a new ETag after a change, with the change note", async () => {
    const { path } = await share();
    const first = await t.app.request(path);
    const etag = first.headers.get("ETag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await t.app.request(path, { headers: { "If-None-Match": etag as string } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");

    await move(t.db, itemId, 1, {
      startsAt: "2026-03-10T10:00:00+07:00",
      endsAt: "2026-03-10T11:30:00+07:00",
    });
    const changed = await t.app.request(path, { headers: { "If-None-Match": etag as string } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).not.toBe(etag);
    const html = await changed.text();
    expect(html).toContain("Kunjungan MPP dipindah 09.00 → 10.00 WIB");
    const en = await (await t.app.request(`${path}?lang=en`)).text();
    expect(en).toContain("MPP tour moved 09:00 → 10:00 WIB");
  });

  it("a note-only edit refreshes the page (new ETag) without a change note", async () => {
    const { path } = await share();
    const etag = (await t.app.request(path)).headers.get("ETag") as string;
    await move(t.db, itemId, 1, { dressCode: "Batik" });
    const res = await t.app.request(path, { headers: { "If-None-Match": etag } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Batik");
    expect(html).not.toContain('data-testid="itinerary-changes"');
  });

  it("a venue address edit refreshes the page", async () => {
    const { path } = await share();
    const etag = (await t.app.request(path)).headers.get("ETag") as string;
    await t.db.write(() =>
      t.db.client.execute({
        sql: "UPDATE venues SET address = 'Jl. Baru 9, Banyuwangi', updated_at = ?, version = version + 1",
        args: [Date.parse("2026-03-03T00:00:00Z")],
      }),
    );
    const res = await t.app.request(path, { headers: { "If-None-Match": etag } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Jl. Baru 9, Banyuwangi");
  });

  it("an edit by another process (not through this process's writer) shows within TARGET_TTL_MS", async () => {
    const { path } = await share();
    const etag = (await t.app.request(path)).headers.get("ETag") as string;
    // A raw statement on the client stands for another process: this process's write counter does not move.
    await t.db.client.execute({
      sql: "UPDATE agenda_items SET dress_code = 'Batik', version = version + 1, updated_at = updated_at + 1 WHERE id = ?",
      args: [itemId],
    });
    expect((await t.app.request(path, { headers: { "If-None-Match": etag } })).status).toBe(304);
    t.clock.advance(TARGET_TTL_MS);
    const res = await t.app.request(path, { headers: { "If-None-Match": etag } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Batik");
  });

  it("answers unknown and revoked tokens with identical 404s", async () => {
    const { path } = await share();
    expect((await t.app.request(path)).status).toBe(200);
    const del = await t.app.request(`/api/v1/delegations/${delegationId}/share`, {
      method: "DELETE",
      headers,
    });
    expect(del.status).toBe(204);
    const revoked = await t.app.request(path);
    const unknown = await t.app.request(`/i/${randomSecret(32)}`);
    expect(revoked.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await revoked.text()).toBe(await unknown.text());
    const headerNames = (r: Response) => [...r.headers.keys()].sort();
    expect(headerNames(revoked)).toEqual(headerNames(unknown));
    expect((await t.app.request(`${path}/calendar.ics`)).status).toBe(404);
    expect((await t.app.request(`${path}/itinerary.pdf`)).status).toBe(404);
    expect((await t.app.request("/i/short")).status).toBe(404);
  });

  it("re-issuing a link revokes the old one", async () => {
    const first = await share();
    const second = await share();
    expect(first.path).not.toBe(second.path);
    expect((await t.app.request(first.path)).status).toBe(404);
    expect((await t.app.request(second.path)).status).toBe(200);
  });

  it("a cancelled visit says so and shows no agenda", async () => {
    const { path } = await share();
    await t.db.write(() =>
      t.db.client.execute({
        sql: "UPDATE delegations SET status = 'cancelled', version = version + 1 WHERE id = ?",
        args: [delegationId],
      }),
    );
    const html = await (await t.app.request(path)).text();
    expect(html).toContain("Kunjungan dibatalkan");
    expect(html).not.toContain("Kunjungan MPP");
    expect(html).not.toContain('data-testid="itinerary-item"');
    const ics = await (await t.app.request(`${path}/calendar.ics`)).text();
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent");
    expect(events.map((e) => e.getFirstPropertyValue("status"))).toEqual(["CANCELLED", "CANCELLED"]);
    expect(events[0]?.getFirstPropertyValue("sequence")).toBe(1);
  });

  it("serves the itinerary as a PDF with an ETag", async () => {
    const { path } = await share();
    const res = await t.app.request(`${path}/itinerary.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(1500);
    const etag = res.headers.get("ETag") as string;
    expect(
      (await t.app.request(`${path}/itinerary.pdf`, { headers: { "If-None-Match": etag } })).status,
    ).toBe(304);
  });

  it("the PDF survives text its standard font cannot encode", async () => {
    await move(t.db, itemId, 1, { title: "Kunjungan → 漢字 😀 Ünïcödé", notes: "a\r\nb\tc" });
    const { path } = await share();
    const res = await t.app.request(`${path}/itinerary.pdf`);
    expect(res.status).toBe(200);
    expect(new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
  });

  it("the share API needs protocol staff", async () => {
    const viewer = await t.as("viewer");
    const res = await t.app.request(`/api/v1/delegations/${delegationId}/share`, {
      method: "POST",
      headers: viewer.headers,
    });
    expect(res.status).toBe(403);
    const anon = await t.app.request(`/api/v1/delegations/${delegationId}/share`, {
      method: "POST",
      headers: ORIGIN,
    });
    expect(anon.status).toBe(401);
    const missing = await t.app.request("/api/v1/delegations/nope/share", { method: "POST", headers });
    expect(missing.status).toBe(404);
  });
});
