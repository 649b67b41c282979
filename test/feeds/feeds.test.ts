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
    const page = await t.app.request("/admin/feeds", { headers: admin });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Langganan kalender");
  });
});
