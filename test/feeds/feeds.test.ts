/**
 * Subscription feeds: admins create secret URLs (all / venue / host), calendars fetch them without a login,
 * cancelled items stay as STATUS:CANCELLED for 30 days and then leave, revoked tokens answer 404, and
 * unchanged feeds revalidate with 304.
 */
import ICAL from "ical.js";
import { beforeEach, describe, expect, it } from "vitest";
import {
  BADUNG_DELEGATION,
  BUDI_HOST,
  book,
  cancel,
  MPP_VENUE,
  makeDelegation,
  makeHost,
  makeVenue,
} from "../helpers/factories";
import { makeTestApp, type TestApp } from "../helpers/test-app";

let t: TestApp;
let admin: Record<string, string>;
let venueA: string;
let hostId: string;
let items: Record<string, string>;

async function createFeed(body: Record<string, unknown>) {
  const res = await t.app.request("/api/v1/feeds", {
    method: "POST",
    headers: { ...admin, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; url: string; webcal: string };
}

async function fetchFeed(url: string, extra: Record<string, string> = {}) {
  return t.app.request(new URL(url).pathname, { headers: extra });
}

function summary(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal
    .getAllSubcomponents("vevent")
    .map((v) => `${v.getFirstPropertyValue("uid")}|${v.getFirstPropertyValue("status")}`)
    .sort();
}

beforeEach(async () => {
  t = await makeTestApp();
  admin = (await t.as("admin")).headers;
  const d1 = await makeDelegation(t.db, BADUNG_DELEGATION);
  const d2 = await makeDelegation(t.db, {
    ...BADUNG_DELEGATION,
    institution: "Pemkot Ambon",
    provinceCode: "81",
  });
  venueA = (await makeVenue(t.db, MPP_VENUE)).id;
  const venueB = (await makeVenue(t.db, { ...MPP_VENUE, name: "Pendopo" })).id;
  hostId = (await makeHost(t.db, BUDI_HOST)).id;
  t.clock.set("2026-03-02T09:00:00+07:00");
  const at = (day: number, h: number) =>
    `2026-03-${String(day).padStart(2, "0")}T${String(h).padStart(2, "0")}:00:00+07:00`;
  items = {
    a: (
      await book(t.db, d1.id, {
        title: "A",
        startsAt: at(10, 9),
        endsAt: at(10, 10),
        venueId: venueA,
        hostIds: [hostId],
      })
    ).id,
    b: (await book(t.db, d2.id, { title: "B", startsAt: at(10, 13), endsAt: at(10, 14), venueId: venueB }))
      .id,
    c: (await book(t.db, d2.id, { title: "C", startsAt: at(11, 9), endsAt: at(11, 10), venueId: venueA })).id,
  };
});

describe("feeds", () => {
  it("all / venue / host scopes list the right bookings, with a webcal:// URL", async () => {
    const all = await createFeed({ label: "Semua", scope: "all" });
    expect(all.webcal).toMatch(/^webcal:\/\/localhost:8787\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const venue = await createFeed({ label: "MPP", scope: "venue", scopeId: venueA });
    const host = await createFeed({ label: "Budi", scope: "host", scopeId: hostId });
    const uid = (k: string) => `${items[k]}@sambang|CONFIRMED`;
    const res = await fetchFeed(all.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const text = await res.text();
    expect(text).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT15M");
    expect(summary(text)).toEqual([uid("a"), uid("b"), uid("c")].sort());
    expect(summary(await (await fetchFeed(venue.url)).text())).toEqual([uid("a"), uid("c")].sort());
    expect(summary(await (await fetchFeed(host.url)).text())).toEqual([uid("a")]);
  });

  it("keeps a cancelled booking as STATUS:CANCELLED for 30 days, then drops it", async () => {
    const feed = await createFeed({ label: "Semua", scope: "all" });
    await cancel(t.db, items.a as string, 1, new Date("2026-03-03T00:00:00Z"));
    const statusOfA = async () => {
      const text = await (await fetchFeed(feed.url)).text();
      const ev = new ICAL.Component(ICAL.parse(text))
        .getAllSubcomponents("vevent")
        .find((v) => v.getFirstPropertyValue("uid") === `${items.a}@sambang`);
      return ev ? [ev.getFirstPropertyValue("status"), ev.getFirstPropertyValue("sequence")] : null;
    };
    t.clock.set("2026-03-03T01:00:00Z");
    expect(await statusOfA()).toEqual(["CANCELLED", 1]);
    t.clock.set("2026-04-01T12:00:00Z");
    expect(await statusOfA()).toEqual(["CANCELLED", 1]);
    t.clock.set("2026-04-03T00:00:00Z");
    expect(await statusOfA()).toBeNull();
  });

  it("revalidates with 304 and changes ETag when a booking changes; revoked and unknown tokens are 404", async () => {
    const feed = await createFeed({ label: "Semua", scope: "all" });
    const first = await fetchFeed(feed.url);
    const etag = first.headers.get("ETag") as string;
    expect((await fetchFeed(feed.url, { "If-None-Match": etag })).status).toBe(304);
    await cancel(t.db, items.b as string, 1);
    const changed = await fetchFeed(feed.url, { "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).not.toBe(etag);

    const list = await t.app.request("/api/v1/feeds", { headers: admin });
    expect(((await list.json()) as { feeds: unknown[] }).feeds).toHaveLength(1);
    const del = await t.app.request(`/api/v1/feeds/${feed.id}`, { method: "DELETE", headers: admin });
    expect(del.status).toBe(204);
    const revoked = await fetchFeed(feed.url);
    const unknown = await t.app.request(`/feeds/${"A".repeat(43)}.ics`);
    expect(revoked.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await revoked.text()).toBe(await unknown.text());
  });

  it("only admins manage feeds; a venue scope needs an existing venue", async () => {
    const protocol = await t.as("protocol");
    expect((await t.app.request("/api/v1/feeds", { headers: protocol.headers })).status).toBe(403);
    const bad = await t.app.request("/api/v1/feeds", {
      method: "POST",
      headers: { ...admin, "Content-Type": "application/json" },
      body: JSON.stringify({ label: "X", scope: "venue", scopeId: "nope" }),
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain(
      "Pilihan ini tidak sesuai dengan cakupan yang dipilih.",
    );
    const page = await t.app.request("/admin/feeds", { headers: admin });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Langganan kalender");
  });

  it("the form keeps what was typed beside the error: one venue without a venue, a venue that is not one", async () => {
    const post = (fields: Record<string, string>) =>
      t.app.request("/admin/feeds", {
        method: "POST",
        headers: { ...admin, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields),
      });
    const none = await post({ label: "Kalender MPP", scope: "venue", scopeId: "" });
    expect(none.status).toBe(400);
    const html = await none.text();
    expect(html).toMatch(/id="f-scopeId-error"[^>]*>Pilih tempat atau narasumber untuk cakupan ini\./);
    expect(html).toContain('value="Kalender MPP"');
    expect(html).toMatch(/<option value="venue" selected/);
    const wrong = await post({ label: "Kalender Budi", scope: "venue", scopeId: hostId });
    expect(wrong.status).toBe(400);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain("Pilihan ini tidak sesuai dengan cakupan yang dipilih.");
    expect(wrongHtml).toMatch(new RegExp(`<option value="${hostId}" selected`));
    const api = await t.app.request("/api/v1/feeds", {
      method: "POST",
      headers: { ...admin, "Content-Type": "application/json" },
      body: JSON.stringify({ label: "X", scope: "host" }),
    });
    expect(api.status).toBe(400);
    expect(JSON.stringify(await api.json())).toContain("scopeId");
  });

  it("creating answers 303 and the page after it shows the secret URL once; revoking is confirmed, then 303", async () => {
    const created = await t.app.request("/admin/feeds", {
      method: "POST",
      headers: { ...admin, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ label: "Kalender MPP", scope: "venue", scopeId: venueA }),
    });
    expect(created.status).toBe(303);
    expect(created.headers.get("Location")).toBe("/admin/feeds");
    const flash = created.headers.getSetCookie().find((c) => c.startsWith("sambang_feed_created="));
    expect(flash).toMatch(/HttpOnly/i);
    const cookie = `${admin.Cookie}; ${flash?.split(";")[0]}`;
    const shown = await t.app.request("/admin/feeds", { headers: { ...admin, Cookie: cookie } });
    const html = await shown.text();
    const url = /data-testid="feed-url">([^<]+)</.exec(html)?.[1]?.trim();
    expect(url).toMatch(/\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await fetchFeed(url as string)).status).toBe(200);
    // Shown once: the cookie is cleared, and a page without it shows no URL.
    expect(shown.headers.getSetCookie().some((c) => /^sambang_feed_created=;/.test(c))).toBe(true);
    expect(await (await t.app.request("/admin/feeds", { headers: admin })).text()).not.toContain("feed-url");

    const listed = (await (await t.app.request("/api/v1/feeds", { headers: admin })).json()) as {
      feeds: { id: string }[];
    };
    const path = `/admin/feeds/${listed.feeds[0]?.id}/revoke`;
    const revoke = (fields: Record<string, string>) =>
      t.app.request(path, {
        method: "POST",
        headers: { ...admin, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields),
      });
    const step = await revoke({});
    expect(step.status).toBe(200);
    expect(await step.text()).toContain("Kalender MPP");
    expect((await fetchFeed(url as string)).status).toBe(200);
    const done = await revoke({ confirmed: "yes" });
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe("/admin/feeds?done=revoked");
    expect((await fetchFeed(url as string)).status).toBe(404);
  });
});
