/**
 * The delegation calendar as visitors (/i/{token}/calendar.ics) and staff (/api/v1/delegations/{id}/calendar.ics)
 * download it, parsed by ical.js: booked instants in UTC, a VTIMEZONE per zone, UIDs stable across edits,
 * SEQUENCE rising only on material changes, cancelled items as STATUS:CANCELLED, ETag round trips.
 */
import ICAL from "ical.js";
import { beforeEach, describe, expect, it } from "vitest";
import {
  BADUNG_DELEGATION,
  book,
  cancel,
  MPP_VENUE,
  makeDelegation,
  makeVenue,
  move,
} from "../helpers/factories";
import { makeTestApp, type TestApp } from "../helpers/test-app";

let t: TestApp;
let headers: Record<string, string>;
let delegationId: string;
let mpp: string;
let pendopo: string;

function events(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return {
    cal,
    events: cal.getAllSubcomponents("vevent").map((v) => ({ v, e: new ICAL.Event(v) })),
  };
}

async function staffIcs(extra: Record<string, string> = {}) {
  return t.app.request(`/api/v1/delegations/${delegationId}/calendar.ics`, {
    headers: { ...headers, ...extra },
  });
}

beforeEach(async () => {
  t = await makeTestApp();
  headers = (await t.as("protocol")).headers;
  delegationId = (await makeDelegation(t.db, BADUNG_DELEGATION)).id;
  const jakartaVenue = await makeVenue(t.db, MPP_VENUE);
  const makassarVenue = await makeVenue(t.db, {
    ...MPP_VENUE,
    name: "Kantor Perwakilan Makassar",
    address: "Jl. Ahmad Yani 2, Makassar",
    timeZone: "Asia/Makassar",
  });
  mpp = (
    await book(t.db, delegationId, {
      title: "Kunjungan MPP",
      startsAt: "2026-03-10T09:00:00+07:00",
      endsAt: "2026-03-10T10:30:00+07:00",
      venueId: jakartaVenue.id,
    })
  ).id;
  pendopo = (
    await book(t.db, delegationId, {
      title: "Rapat koordinasi",
      startsAt: "2026-03-11T13:00:00+08:00",
      endsAt: "2026-03-11T14:00:00+08:00",
      venueId: makassarVenue.id,
    })
  ).id;
});

describe("delegation calendar (staff)", () => {
  it("is METHOD:PUBLISH with every item, zoned instants equal to the booked UTC instants and a VTIMEZONE each", async () => {
    const res = await staffIcs();
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toBe("private, no-cache");
    const text = await res.text();
    const { cal, events: list } = events(text);
    expect(cal.getFirstPropertyValue("method")).toBe("PUBLISH");
    const zones = cal.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"));
    expect(zones.sort()).toEqual(["Asia/Jakarta", "Asia/Makassar"]);
    expect(
      list.map(({ e }) => [
        e.uid,
        e.startDate.zone?.tzid,
        e.startDate.toJSDate().toISOString(),
        e.endDate.toJSDate().toISOString(),
      ]),
    ).toEqual([
      [`${mpp}@sambang`, "Asia/Jakarta", "2026-03-10T02:00:00.000Z", "2026-03-10T03:30:00.000Z"],
      [`${pendopo}@sambang`, "Asia/Makassar", "2026-03-11T05:00:00.000Z", "2026-03-11T06:00:00.000Z"],
    ]);
    expect(text).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    expect(text).not.toContain("ATTENDEE");
    const first = list[0]?.v;
    expect(first?.getFirstPropertyValue("location")).toBe(
      "Mal Pelayanan Publik Banyuwangi, Jl. Jenderal Sudirman No. 1, Banyuwangi",
    );
    expect(String(first?.getFirstPropertyValue("url"))).toBe(
      `http://localhost:8787/delegations/${delegationId}/agenda`,
    );
  });

  it("keeps UIDs across edits and raises SEQUENCE only on material changes; a cancelled item stays as CANCELLED", async () => {
    const seq = async () =>
      Object.fromEntries(
        events(await (await staffIcs()).text()).events.map(({ e, v }) => [
          e.uid,
          [v.getFirstPropertyValue("sequence"), v.getFirstPropertyValue("status")],
        ]),
      );
    expect(await seq()).toEqual({
      [`${mpp}@sambang`]: [0, "CONFIRMED"],
      [`${pendopo}@sambang`]: [0, "CONFIRMED"],
    });
    await move(t.db, mpp, 1, { dressCode: "Batik", personInCharge: "Sari" });
    expect((await seq())[`${mpp}@sambang`]).toEqual([0, "CONFIRMED"]);
    await move(t.db, mpp, 2, { startsAt: "2026-03-10T10:00:00+07:00", endsAt: "2026-03-10T11:30:00+07:00" });
    expect((await seq())[`${mpp}@sambang`]).toEqual([1, "CONFIRMED"]);
    await move(t.db, mpp, 3, { title: "Kunjungan Mal Pelayanan Publik" });
    expect((await seq())[`${mpp}@sambang`]).toEqual([2, "CONFIRMED"]);
    await cancel(t.db, mpp, 4);
    expect(await seq()).toEqual({
      [`${mpp}@sambang`]: [3, "CANCELLED"],
      [`${pendopo}@sambang`]: [0, "CONFIRMED"],
    });
  });

  it("answers 304 for a matching ETag and a new ETag after a change", async () => {
    const first = await staffIcs();
    const etag = first.headers.get("ETag") as string;
    expect(etag).toBeTruthy();
    const again = await staffIcs({ "If-None-Match": etag });
    expect(again.status).toBe(304);
    await move(t.db, pendopo, 1, { notes: "Bawa laptop" });
    const changed = await staffIcs({ "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).not.toBe(etag);
    expect(await changed.text()).toContain("Bawa laptop");
  });

  it("needs staff; unknown delegation is 404", async () => {
    expect((await t.app.request(`/api/v1/delegations/${delegationId}/calendar.ics`)).status).toBe(401);
    expect((await t.app.request("/api/v1/delegations/nope/calendar.ics", { headers })).status).toBe(404);
  });
});

describe("itinerary calendar (visitors)", () => {
  it("carries the itinerary link as URL, stays stable across edits and revalidates with 304", async () => {
    const shared = await t.app.request(`/api/v1/delegations/${delegationId}/share`, {
      method: "POST",
      headers,
    });
    const { url } = (await shared.json()) as { url: string };
    const path = `${new URL(url).pathname}/calendar.ics`;
    const res = await t.app.request(path);
    expect(res.status).toBe(200);
    const etag = res.headers.get("ETag") as string;
    const first = events(await res.text());
    expect(first.cal.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(String(first.events[0]?.v.getFirstPropertyValue("url"))).toBe(url);
    expect((await t.app.request(path, { headers: { "If-None-Match": etag } })).status).toBe(304);

    await move(t.db, mpp, 1, { startsAt: "2026-03-10T11:00:00+07:00", endsAt: "2026-03-10T12:00:00+07:00" });
    const after = await t.app.request(path, { headers: { "If-None-Match": etag } });
    expect(after.status).toBe(200);
    const moved = events(await after.text()).events.find(({ e }) => e.uid === `${mpp}@sambang`);
    expect(moved?.e.startDate.toJSDate().toISOString()).toBe("2026-03-10T04:00:00.000Z");
    expect(moved?.v.getFirstPropertyValue("sequence")).toBe(1);
  });
});
