/**
 * Itinerary links as protocol staff manage them and visitors use them, through the real app: the agenda
 * page lists every live link (who, when, last opened) with the link as selectable text, a copy button, a
 * WhatsApp share in the delegation's language and a QR; re-issuing first says which links it revokes;
 * revoking one or all is confirmed and answers 303; "last opened" is written at most every ten minutes;
 * mail reuses the live link; the visitor's status page links the itinerary; the host's protocol contact
 * shows on the itinerary page, its PDF, the withdrawn page and the status page.
 */

import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { delegations } from "../../db/schema/delegations";
import { shareLinks } from "../../db/schema/sharing";
import {
  currentOrNewShareLink,
  deriveShareToken,
  insertShareLink,
  newShareToken,
  OPENED_EVERY_MS,
} from "../../src/agenda/share-links";
import { randomSecret, sha256Hex } from "../../src/auth/encoding";
import { statusUrlOf } from "../../src/delegations/intake";
import { auditedTransaction } from "../../src/http/service-context";
import {
  BADUNG_DELEGATION,
  book,
  MPP_VENUE,
  makeDelegation,
  makeVenue,
  saveTestHostSettings,
} from "../helpers/factories";
import { pdfText } from "../helpers/pdf-text";
import { makeTestApp, TEST_LINK_SECRET, type TestApp } from "../helpers/test-app";

let t: TestApp;
let headers: Record<string, string>;
let delegationId: string;

const form = (path: string, fields: Record<string, string> = {}) =>
  t.app.request(path, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });

const liveLinks = () =>
  t.db.orm.select().from(shareLinks).where(eq(shareLinks.delegationId, delegationId)).all();

async function issueViaApi(): Promise<{ id: string; url: string; path: string }> {
  const res = await t.app.request(`/api/v1/delegations/${delegationId}/share`, { method: "POST", headers });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { id: string; url: string };
  return { ...body, path: new URL(body.url).pathname };
}

const agendaHtml = async () => {
  const res = await t.app.request(`/delegations/${delegationId}/agenda`, { headers });
  expect(res.status).toBe(200);
  return res.text();
};

beforeEach(async () => {
  t = await makeTestApp();
  headers = (await t.as("protocol")).headers;
  const d = await makeDelegation(t.db, {
    ...BADUNG_DELEGATION,
    provinceCode: "51",
    institution: "Pemkab Badung",
  });
  delegationId = d.id;
  const venue = await makeVenue(t.db, MPP_VENUE);
  await book(t.db, delegationId, {
    title: "Kunjungan MPP",
    startsAt: "2026-03-10T09:00:00+07:00",
    endsAt: "2026-03-10T10:30:00+07:00",
    venueId: venue.id,
  });
});

describe("the agenda page's itinerary links", () => {
  it("issuing without a live link answers 303; the page lists it with copy, WhatsApp, QR and who made it", async () => {
    const res = await form(`/delegations/${delegationId}/share`);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/delegations/${delegationId}/agenda#share-links`);
    const [link] = await liveLinks();
    const token = await deriveShareToken(TEST_LINK_SECRET, link?.id ?? "");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link?.tokenHash).toBe(await sha256Hex(token));
    const url = `${t.deps.config.baseUrl}/i/${token}`;
    // After the 303 the page is loaded again: the link is listed again, recomputed from its id.
    const html = await agendaHtml();
    // The link as selectable text (a read-only input), without needing the script.
    expect(html).toMatch(new RegExp(`<input[^>]*readonly[^>]*value="${url}"`));
    expect(html).toContain(`data-copy="share-url-${link?.id}"`);
    expect(html).toContain("Belum pernah dibuka");
    expect(html).toMatch(/Dibuat [^<]* oleh /);
    // WhatsApp share with an Indonesian message naming the delegation and the link.
    const message = encodeURIComponent("Yth. rombongan Pemkab Badung, jadwal kunjungan ");
    expect(html).toContain(`https://wa.me/?text=${message}`);
    expect(html).toContain(encodeURIComponent(url));
    expect(html).toMatch(/<figure data-testid="share-qr"><svg[^>]*role="img"/);
    expect((await t.app.request(`/i/${token}`)).status).toBe(200);
  });

  it("keeps no column from which the link can be opened", async () => {
    const issued = await issueViaApi();
    const token = issued.path.slice("/i/".length);
    expect((await t.app.request(issued.path)).status).toBe(200);
    const result = await t.db.client.execute({
      sql: "SELECT * FROM share_links WHERE id = ?",
      args: [issued.id],
    });
    expect(result.rows).toHaveLength(1);
    expect(result.columns).not.toContain("token");
    const values = result.columns.map((column) => String(result.rows[0]?.[column] ?? ""));
    expect(values.length).toBeGreaterThanOrEqual(8);
    for (const value of values) {
      expect(value).not.toBe(token);
      expect(value).not.toContain(token);
      // Not even a fragment that leaves little to guess.
      expect(value).not.toContain(token.slice(0, 16));
    }
  });

  it("a link with a random token (issued before tokens were derived) still opens, listed without its address", async () => {
    const token = randomSecret(32);
    const tokenHash = await sha256Hex(token);
    const actor = { id: null, label: "test" };
    const transaction = auditedTransaction(t.db, actor, t.clock());
    await transaction((tx, audit) =>
      insertShareLink(tx, {
        delegationId,
        tokenHash,
        actor,
        audit,
        now: t.clock(),
        hostTimeZone: t.deps.config.hostTimeZone,
        revokeOthers: false,
        via: "mail",
      }),
    );
    expect((await t.app.request(`/i/${token}`)).status).toBe(200);
    const html = await agendaHtml();
    expect(html).not.toContain(`/i/${token}`);
    expect(html).toContain("Alamat tautan lama ini tidak tersimpan.");
  });

  it("derives a link from the secret: another secret gives another URL, and the old one no longer opens", async () => {
    const before = await issueViaApi();
    expect(await agendaHtml()).toContain(before.url);
    const other = await makeTestApp({
      db: t.db,
      env: { LINK_SECRET: "another-link-secret-0123456789abcdef" },
    });
    const otherToken = await deriveShareToken("another-link-secret-0123456789abcdef", before.id);
    expect(`/i/${otherToken}`).not.toBe(before.path);
    const old = await other.app.request(before.path);
    const unknown = await other.app.request(`/i/${otherToken}`);
    expect(old.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await old.text()).toBe(await unknown.text());
    // Staff under the new secret see the link without an address, and a new one works.
    const page = await other.app.request(`/delegations/${delegationId}/agenda`, { headers });
    const html = await page.text();
    expect(html).not.toContain(before.url);
    expect(html).toContain("Alamat tautan lama ini tidak tersimpan.");
    const res = await other.app.request(`/api/v1/delegations/${delegationId}/share`, {
      method: "POST",
      headers,
    });
    expect(res.status).toBe(201);
    const issued = (await res.json()) as { url: string };
    expect((await other.app.request(new URL(issued.url).pathname)).status).toBe(200);
  });

  it("an English-speaking delegation gets the WhatsApp message in English", async () => {
    await t.db.writeTransaction((tx) =>
      tx.update(delegations).set({ language: "en" }).where(eq(delegations.id, delegationId)),
    );
    await issueViaApi();
    expect(await agendaHtml()).toContain(
      `https://wa.me/?text=${encodeURIComponent("Dear Pemkab Badung delegation")}`,
    );
  });

  it("re-issuing says which links it revokes, and only then revokes them", async () => {
    const first = await issueViaApi();
    const step = await form(`/delegations/${delegationId}/share`);
    expect(step.status).toBe(200);
    const html = await step.text();
    expect(html).toContain('data-testid="confirm-step"');
    expect(html).toContain(first.url);
    expect((await liveLinks()).filter((l) => !l.revokedAt)).toHaveLength(1);
    const done = await form(`/delegations/${delegationId}/share`, { confirmed: "yes" });
    expect(done.status).toBe(303);
    const rows = await liveLinks();
    expect(rows.filter((l) => !l.revokedAt)).toHaveLength(1);
    expect(rows.find((l) => l.id === first.id)?.revokedAt).not.toBeNull();
    expect((await t.app.request(first.path)).status).toBe(404);
  });

  it("revokes one link after confirming, leaving the others live; revoke all ends the rest", async () => {
    const a = await issueViaApi();
    // A second live link, as an invitation mail makes one when none is live with a known address.
    const fresh = await newShareToken(TEST_LINK_SECRET);
    const actor = { id: null, label: "test" };
    const transaction = auditedTransaction(t.db, actor, t.clock());
    const b = await transaction((tx, audit) =>
      currentOrNewShareLink(tx, {
        delegationId,
        fresh,
        secret: TEST_LINK_SECRET,
        actor,
        audit,
        now: t.clock(),
        hostTimeZone: t.deps.config.hostTimeZone,
        baseUrl: t.deps.config.baseUrl,
      }),
    );
    expect(b.reused).toBe(true);
    expect(b.id).toBe(a.id);
    const list = await t.app.request(`/api/v1/delegations/${delegationId}/share`, { headers });
    expect(((await list.json()) as { links: unknown[] }).links).toHaveLength(1);

    const c = await issueViaApi();
    const path = `/delegations/${delegationId}/share/${c.id}/revoke`;
    const step = await form(path);
    expect(step.status).toBe(200);
    expect(await step.text()).toContain(c.url);
    expect((await t.app.request(c.path)).status).toBe(200);
    const done = await form(path, { confirmed: "yes" });
    expect(done.status).toBe(303);
    expect((await t.app.request(c.path)).status).toBe(404);
    expect((await form(path, { confirmed: "yes" })).status).toBe(404);

    const d = await issueViaApi();
    const revokeOne = await t.app.request(`/api/v1/delegations/${delegationId}/share/${d.id}`, {
      method: "DELETE",
      headers,
    });
    expect(revokeOne.status).toBe(204);
    const e = await issueViaApi();
    const all = await form(`/delegations/${delegationId}/share/revoke`, { confirmed: "yes" });
    expect(all.status).toBe(303);
    expect((await t.app.request(e.path)).status).toBe(404);
    expect(await agendaHtml()).toContain("Belum ada tautan aktif.");
  });

  it("mail issues a link only when none is live, and then reuses it", async () => {
    const ctx = {
      delegationId,
      actor: { id: null, label: "test" },
      now: t.clock(),
      hostTimeZone: t.deps.config.hostTimeZone,
      baseUrl: t.deps.config.baseUrl,
      secret: TEST_LINK_SECRET,
    };
    const [one, two] = [await newShareToken(TEST_LINK_SECRET), await newShareToken(TEST_LINK_SECRET)];
    const transaction = auditedTransaction(t.db, ctx.actor, ctx.now);
    const first = await transaction((tx, audit) => currentOrNewShareLink(tx, { ...ctx, audit, fresh: one }));
    expect(first.reused).toBe(false);
    expect(first.token).toBe(one.token);
    const second = await transaction((tx, audit) => currentOrNewShareLink(tx, { ...ctx, audit, fresh: two }));
    expect(second).toMatchObject({ reused: true, id: first.id, url: first.url });
    const rows = await liveLinks();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.via).toBe("mail");
    expect(await agendaHtml()).toMatch(/saat undangan dikirim oleh/);
  });
});

describe("last opened", () => {
  it("is noted on a visitor's open, at most every ten minutes", async () => {
    const { path } = await issueViaApi();
    const openedAt = async () => (await liveLinks())[0]?.lastOpenedAt?.getTime() ?? null;
    expect(await openedAt()).toBeNull();
    const start = t.clock().getTime();
    expect((await t.app.request(path)).status).toBe(200);
    expect(await openedAt()).toBe(start);
    // Further views within the interval write nothing at all (the writer queue stays untouched).
    const writes = t.db.writes();
    for (let i = 0; i < 5; i++) expect((await t.app.request(path)).status).toBe(200);
    expect(t.db.writes()).toBe(writes);
    t.clock.advance(OPENED_EVERY_MS - 60_000);
    expect((await t.app.request(`${path}/calendar.ics`)).status).toBe(200);
    expect(await openedAt()).toBe(start);
    t.clock.advance(2 * 60_000);
    expect((await t.app.request(path)).status).toBe(200);
    expect(await openedAt()).toBe(t.clock().getTime());
    expect(await agendaHtml()).toContain("Terakhir dibuka");
  });
});

describe("the host's protocol contact and the status page", () => {
  beforeEach(async () => {
    await saveTestHostSettings(t.db, t.clock(), {
      phone: "(0333) 424 123",
      whatsapp: "0812-3456-7890",
      email: "protokol@banyuwangikab.go.id",
    });
  });

  it("shows on the itinerary page, its PDF and the withdrawn page", async () => {
    const { path } = await issueViaApi();
    const html = await (await t.app.request(path)).text();
    expect(html).toContain('data-testid="host-contact"');
    expect(html).toContain("Pemerintah Kabupaten Banyuwangi");
    expect(html).toContain("protokol@banyuwangikab.go.id");
    expect(html).toContain('href="https://wa.me/6281234567890"');
    const pdf = await pdfText(
      new Uint8Array(await (await t.app.request(`${path}/itinerary.pdf`)).arrayBuffer()),
    );
    expect(pdf).toContain("Kontak protokol tuan rumah");
    expect(pdf).toContain("(0333) 424 123");
    expect(pdf).toContain("protokol@banyuwangikab.go.id");
    // Every time with its zone, and the Bali delegation's home time beside it.
    expect(pdf).toContain("09.00–10.30 WIB");
    expect(pdf).toContain("(10.00–11.30 WITA)");

    await t.db.writeTransaction((tx) =>
      tx
        .update(delegations)
        .set({ status: "cancelled", version: 9, updatedAt: t.clock() })
        .where(eq(delegations.id, delegationId)),
    );
    const withdrawn = await (await t.app.request(path)).text();
    expect(withdrawn).toContain('data-testid="itinerary-withdrawn"');
    expect(withdrawn).toContain("protokol@banyuwangikab.go.id");
  });

  it("a change of host settings reaches an itinerary already built", async () => {
    const { path } = await issueViaApi();
    expect(await (await t.app.request(path)).text()).toContain("(0333) 424 123");
    await saveTestHostSettings(t.db, t.clock(), { phone: "(0333) 999 000", version: 1 });
    expect(await (await t.app.request(path)).text()).toContain("(0333) 999 000");
  });

  it("the visitor's status page links the itinerary once there is one, with the host contact", async () => {
    const token = "status-token-for-test-0123456789";
    const { sha256Hex } = await import("../../src/auth/encoding");
    await t.db.writeTransaction(async (tx) =>
      tx
        .update(delegations)
        .set({ statusTokenHash: await sha256Hex(token) })
        .where(eq(delegations.id, delegationId)),
    );
    const [d] = await t.db.orm.select().from(delegations).where(eq(delegations.id, delegationId));
    const statusPath = new URL(statusUrlOf(t.deps.config.baseUrl, d?.code ?? "", token)).pathname;
    const query = `?token=${token}`;
    const before = await (await t.app.request(`${statusPath}${query}`)).text();
    expect(before).not.toContain('data-testid="status-itinerary"');
    expect(before).toContain("protokol@banyuwangikab.go.id");
    const { url } = await issueViaApi();
    const after = await (await t.app.request(`${statusPath}${query}`)).text();
    expect(after).toContain('data-testid="status-itinerary"');
    expect(after).toContain(`href="${url}"`);
  });
});
