/**
 * Conflicts carry and show their own venue's zone: a clash at a WITA venue reads in WITA on the agenda page
 * (not in the host's WIB), a host booked at a WITA venue while staff book a WIB venue shows the other item
 * in WITA, and the 409 JSON names the zone of each conflict.
 */
import { beforeEach, describe, expect, it } from "vitest";
import {
  BADUNG_DELEGATION,
  BUDI_HOST,
  book,
  MPP_VENUE,
  makeDelegation,
  makeHost,
  makeVenue,
} from "../helpers/factories";
import { makeTestApp, type TestApp } from "../helpers/test-app";

let t: TestApp;
let headers: Record<string, string>;
let delegationId: string;

const WITA_VENUE = {
  ...MPP_VENUE,
  name: "Mal Pelayanan Publik Badung",
  timeZone: "Asia/Makassar",
  concurrentGroups: 1,
};

function form(fields: Record<string, string>) {
  return {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  };
}

/** The text of the page's conflict box, tags stripped. */
function conflictText(html: string): string {
  const box = /<div[^>]*data-testid="conflicts"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? "";
  return box
    .replace(/<[^>]+>/g, "")
    .replace(/&#8211;|&ndash;/g, "–")
    .replace(/\s+/g, " ");
}

beforeEach(async () => {
  t = await makeTestApp();
  headers = (await t.as("protocol")).headers;
  delegationId = (await makeDelegation(t.db, BADUNG_DELEGATION)).id;
});

describe("conflict zones", () => {
  it("shows a clash at a WITA venue in WITA on the agenda page, with the kind in words", async () => {
    const venueId = (await makeVenue(t.db, WITA_VENUE)).id;
    const item = await book(t.db, delegationId, {
      title: "Kunjungan MPP Badung",
      startsAt: "2026-03-10T09:00:00+08:00",
      endsAt: "2026-03-10T10:00:00+08:00",
      venueId,
    });
    const other = await makeDelegation(t.db, { ...BADUNG_DELEGATION, institution: "Pemkot Malang" });
    await book(t.db, other.id, {
      title: "Paparan Malang",
      startsAt: "2026-03-10T13:00:00+08:00",
      endsAt: "2026-03-10T14:00:00+08:00",
      venueId,
    });
    const clash = await t.app.request(
      `/delegations/${delegationId}/agenda/items/${item.id}`,
      form({
        title: "Kunjungan MPP Badung",
        kind: "tour",
        date: "2026-03-10",
        start: "13:30",
        end: "14:30",
        venueId,
        version: "1",
      }),
    );
    expect(clash.status).toBe(409);
    const text = conflictText(await clash.text());
    expect(text).toContain("Paparan Malang");
    expect(text).toContain("13.00–14.00 WITA");
    expect(text).not.toContain("WIB");
    expect(text).toContain("Tempat sudah dipakai");
    expect(text).not.toMatch(/\bvenue\b|group/);
  });

  it("shows a host's other booking in that booking's venue zone, and the JSON names each zone", async () => {
    const witaVenue = (await makeVenue(t.db, WITA_VENUE)).id;
    const wibVenue = (await makeVenue(t.db, MPP_VENUE)).id;
    const host = (await makeHost(t.db, BUDI_HOST)).id;
    const other = await makeDelegation(t.db, { ...BADUNG_DELEGATION, institution: "Pemkot Malang" });
    await book(t.db, other.id, {
      title: "Paparan di Badung",
      startsAt: "2026-03-10T10:00:00+08:00",
      endsAt: "2026-03-10T11:00:00+08:00",
      venueId: witaVenue,
      hostIds: [host],
    });

    const page = await t.app.request(
      `/delegations/${delegationId}/agenda/items`,
      form({
        title: "Paparan di MPP",
        kind: "presentation",
        date: "2026-03-10",
        start: "09:30",
        end: "10:30",
        venueId: wibVenue,
        hostIds: host,
      }),
    );
    expect(page.status).toBe(409);
    const text = conflictText(await page.text());
    expect(text).toContain("Paparan di Badung");
    expect(text).toContain("10.00–11.00 WITA");

    const api = await t.app.request(`/api/v1/delegations/${delegationId}/agenda`, {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/json" },
      body: JSON.stringify({
        title: "Paparan di MPP",
        kind: "presentation",
        startsAt: "2026-03-10T09:30:00+07:00",
        endsAt: "2026-03-10T10:30:00+07:00",
        venueId: wibVenue,
        hostIds: [host],
      }),
    });
    expect(api.status).toBe(409);
    const body = (await api.json()) as { error: { details: { kind: string; timeZone: string }[] } };
    expect(body.error.details).toEqual([
      expect.objectContaining({ kind: "host", timeZone: "Asia/Makassar" }),
    ]);
  });
});
