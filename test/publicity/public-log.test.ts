/**
 * The public log of visits: humas publish a completed visit (refused before it is completed, bad input
 * refused beside its field), the list, the visit's page and the Atom feed show it — and, for a visit whose
 * every private field holds a marker string, none of the markers; the feed parses as XML; pages answer
 * 304 to their ETag; unpublishing takes the page down.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { feedbackLinks, feedbackResponses } from "../../db/schema/feedback";
import { commitments, visitOutcomes } from "../../db/schema/outcomes";
import { newId } from "../../src/auth/encoding";
import { makeDelegation, makeParticipant } from "../helpers/factories";
import { json, makeTestApp, type TestApp } from "../helpers/test-app";

const M = (field: string) => `MARKER-${field}-X`;

async function privateVisit(t: TestApp) {
  const d = await makeDelegation(t.db, {
    status: "completed",
    code: "SB-2026-0042",
    institution: "Pemerintah Provinsi Kepulauan Riau",
    provinceCode: "21",
    leaderName: "Ansar Ahmad",
    leaderTitle: "Gubernur Kepulauan Riau",
    purpose: M("purpose"),
    contactName: M("contactName"),
    contactEmail: "marker-contact@example.go.id",
    contactPhone: "+62811000999",
    confirmedDates: { start: "2026-03-16", end: "2026-03-17" },
  });
  await makeParticipant(t.db, d.id, {
    name: M("participant"),
    email: "marker-participant@example.go.id",
    phone: "+62811000888",
    needs: M("needs"),
  });
  const now = t.clock();
  await t.db.writeTransaction(async (tx) => {
    await tx.insert(visitOutcomes).values({
      delegationId: d.id,
      summary: "Ringkasan",
      internalNotes: M("internalNotes"),
      media: [],
      documentation: [],
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(commitments).values({
      id: newId(),
      delegationId: d.id,
      party: "visitor",
      ownerName: M("owner"),
      ownerEmail: "marker-owner@example.go.id",
      what: M("commitment"),
      targetDate: "2026-06-30",
      createdAt: now,
      updatedAt: now,
    });
    const linkId = newId();
    await tx.insert(feedbackLinks).values({
      id: linkId,
      delegationId: d.id,
      tokenHash: "f".repeat(64),
      recipientName: M("recipient"),
      recipientEmail: "marker-recipient@example.go.id",
      createdAt: now,
      expiresAt: now,
    });
    await tx.insert(feedbackResponses).values({
      linkId,
      delegationId: d.id,
      overallRating: 5,
      sessionRatings: {},
      comments: M("feedback"),
      mostUseful: M("mostUseful"),
      createdAt: now,
      updatedAt: now,
    });
  });
  return d;
}

const PUBLICATION = {
  title: "Gubernur Kepulauan Riau belajar MPP Banyuwangi",
  summary: "Rombongan Pemerintah Provinsi Kepulauan Riau mempelajari Mal Pelayanan Publik & Smart Kampung.",
  photoUrl: "https://banyuwangikab.go.id/foto/kepri.jpg",
  photoAlt: "Rombongan di MPP",
  links: [{ label: "Radar Banyuwangi", url: "https://radar.example/kepri" }],
};

describe("public log of visits", () => {
  it("shows a published visit in the list, its page, the feed and the API — and nothing private", async () => {
    const t = await makeTestApp();
    const humas = await t.as("humas");
    const d = await privateVisit(t);
    const res = await t.app.request(
      `/api/v1/delegations/${d.id}/publication`,
      json(humas.headers, PUBLICATION),
    );
    expect(res.status).toBe(200);
    const { publication } = (await res.json()) as { publication: { slug: string; url: string } };
    expect(publication.slug).toBe("sb-2026-0042");

    const bodies: string[] = [];
    for (const path of [
      "/kunjungan",
      `/kunjungan/${publication.slug}`,
      "/kunjungan/feed.atom",
      "/api/v1/public/visits",
    ]) {
      const r = await t.app.request(path);
      expect(r.status, path).toBe(200);
      bodies.push(await r.text());
    }
    const [list, page, feed, api] = bodies as [string, string, string, string];
    expect(list).toContain(PUBLICATION.title);
    expect(page).toContain("Gubernur Kepulauan Riau");
    expect(page).toContain("Kepulauan Riau");
    expect(page).toContain("Radar Banyuwangi");
    expect(page).toContain('src="https://banyuwangikab.go.id/foto/kepri.jpg"');
    for (const body of bodies) {
      expect(body).not.toMatch(/MARKER-/);
      expect(body).not.toMatch(/marker-[a-z]+@example/);
      expect(body).not.toMatch(/\+62811000/);
    }
    expect(XMLValidator.validate(feed)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(feed) as {
      feed: { entry: { title: string; id: string } };
    };
    expect(parsed.feed.entry.title).toBe(PUBLICATION.title);
    expect(parsed.feed.entry.id).toBe(publication.url);
    expect(JSON.parse(api).visits).toHaveLength(1);
  });

  it("answers 304 to a matching ETag, and unpublishing takes the page down", async () => {
    const t = await makeTestApp();
    const humas = await t.as("humas");
    const d = await privateVisit(t);
    await t.app.request(`/api/v1/delegations/${d.id}/publication`, json(humas.headers, PUBLICATION));
    const first = await t.app.request("/kunjungan/sb-2026-0042");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.headers.get("cache-control")).toContain("public");
    const again = await t.app.request("/kunjungan/sb-2026-0042", {
      headers: { "If-None-Match": etag ?? "" },
    });
    expect(again.status).toBe(304);

    const confirm = await t.app.request(`/delegations/${d.id}/publication/unpublish`, {
      headers: humas.headers,
    });
    expect(confirm.status).toBe(200);
    const gone = await t.app.request(`/delegations/${d.id}/publication/unpublish`, {
      method: "POST",
      headers: humas.headers,
    });
    expect(gone.status).toBe(303);
    expect((await t.app.request("/kunjungan/sb-2026-0042")).status).toBe(404);
    expect(await (await t.app.request("/kunjungan")).text()).not.toContain(PUBLICATION.title);
  });

  it("refuses a visit that is not completed, and bad input beside its field, publishing nothing", async () => {
    const t = await makeTestApp();
    const humas = await t.as("humas");
    const confirmed = await makeDelegation(t.db, {
      confirmedDates: { start: "2026-03-16", end: "2026-03-16" },
    });
    const early = await t.app.request(
      `/api/v1/delegations/${confirmed.id}/publication`,
      json(humas.headers, PUBLICATION),
    );
    expect(early.status).toBe(409);

    const d = await privateVisit(t);
    const form = new URLSearchParams({
      title: "Judul yang cukup",
      summary: "Ringkasan publik yang cukup panjang.",
      photoUrl: "javascript:alert(1)",
    });
    const bad = await t.app.request(`/delegations/${d.id}/publication`, {
      method: "POST",
      headers: { ...humas.headers, "Content-Type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('id="f-photoUrl-error"');
    expect(html).toContain("Ringkasan publik yang cukup panjang.");
    expect((await t.app.request("/kunjungan/sb-2026-0042")).status).toBe(404);

    form.set("photoUrl", "");
    const post = () =>
      t.app.request(`/delegations/${d.id}/publication`, {
        method: "POST",
        headers: { ...humas.headers, "Content-Type": "application/x-www-form-urlencoded" },
        body: form.toString(),
      });
    const confirm = await post();
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('data-testid="publish-confirm"');
    expect((await t.app.request("/kunjungan/sb-2026-0042")).status).toBe(404);
    form.set("confirm", "yes");
    const ok = await post();
    expect(ok.status).toBe(303);
    expect((await t.app.request("/kunjungan/sb-2026-0042")).status).toBe(200);
    const detail = await (await t.app.request(`/delegations/${d.id}`, { headers: humas.headers })).text();
    expect(detail).toContain("http://localhost:8787/kunjungan/sb-2026-0042");
  });
});
