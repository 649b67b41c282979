/**
 * Protocol staff's agenda builder and rundown through the real app: items grouped by day, add and move
 * through the page's forms (the booking service underneath), conflicts shown inline with a 409, items
 * without a venue, and the rundown's seating order by protocol precedence.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { diffSnapshots } from "../../src/agenda/change-diff";
import {
  BADUNG_DELEGATION,
  book,
  MPP_VENUE,
  makeDelegation,
  makeParticipant,
  makeVenue,
} from "../helpers/factories";
import { makeTestApp, type TestApp } from "../helpers/test-app";

let t: TestApp;
let headers: Record<string, string>;
let delegationId: string;
let venueId: string;

function form(fields: Record<string, string>) {
  return {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  };
}

beforeEach(async () => {
  t = await makeTestApp();
  headers = (await t.as("protocol")).headers;
  delegationId = (await makeDelegation(t.db, BADUNG_DELEGATION)).id;
  venueId = (await makeVenue(t.db, { ...MPP_VENUE, concurrentGroups: 1 })).id;
});

describe("agenda builder", () => {
  it("adds an item and a venue-less travel item through the form, grouped by day", async () => {
    const add = await t.app.request(
      `/delegations/${delegationId}/agenda/items`,
      form({
        title: "Kunjungan MPP",
        kind: "tour",
        date: "2026-03-10",
        start: "09:00",
        end: "10:30",
        venueId,
        dressCode: "PDH",
      }),
    );
    expect(add.status).toBe(303);
    expect(add.headers.get("Location")).toBe(`/delegations/${delegationId}/agenda?done=saved`);
    const travel = await t.app.request(
      `/delegations/${delegationId}/agenda/items`,
      form({
        title: "Perjalanan ke bandara",
        kind: "travel",
        date: "2026-03-11",
        start: "15:00",
        end: "16:00",
        venueId: "",
      }),
    );
    expect(travel.status).toBe(303);
    const page = await t.app.request(`/delegations/${delegationId}/agenda`, { headers });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Selasa, 10 Maret 2026");
    expect(html).toContain("Rabu, 11 Maret 2026");
    expect(html).toContain("09.00–10.30 WIB</strong>");
    // The visitors (Bali) read WITA: their home time beside the venue's.
    expect(html).toContain('<span class="muted" data-testid="home-time"> (10.00–11.30 WITA)</span>');
    expect(html).toContain("Perjalanan ke bandara");
    expect(html).toContain("Tanpa tempat");
  });

  it("moves an item through the edit form and shows booking conflicts inline with 409", async () => {
    const item = await book(t.db, delegationId, {
      title: "Kunjungan MPP",
      startsAt: "2026-03-10T09:00:00+07:00",
      endsAt: "2026-03-10T10:00:00+07:00",
      venueId,
    });
    const other = await makeDelegation(t.db, { ...BADUNG_DELEGATION, institution: "Pemkot Malang" });
    await book(t.db, other.id, {
      title: "Paparan Malang",
      startsAt: "2026-03-10T13:00:00+07:00",
      endsAt: "2026-03-10T14:00:00+07:00",
      venueId,
    });
    const base = { title: "Kunjungan MPP", kind: "tour", date: "2026-03-10", venueId, version: "1" };
    const clash = await t.app.request(
      `/delegations/${delegationId}/agenda/items/${item.id}`,
      form({ ...base, start: "13:30", end: "14:30" }),
    );
    expect(clash.status).toBe(409);
    const html = await clash.text();
    expect(html).toContain('data-testid="conflicts"');
    expect(html).toContain("Paparan Malang");

    const moved = await t.app.request(
      `/delegations/${delegationId}/agenda/items/${item.id}`,
      form({ ...base, start: "10:00", end: "11:00" }),
    );
    expect(moved.status).toBe(303);
    const page = await (await t.app.request(`/delegations/${delegationId}/agenda`, { headers })).text();
    expect(page).toContain("10.00–11.00 WIB");
    expect(page).toContain("perubahan ke-1");
  });

  it("cancelling through the page answers 303 (PRG); a stale version re-renders the agenda with 409", async () => {
    const item = await book(t.db, delegationId, {
      title: "Kunjungan MPP",
      startsAt: "2026-03-10T09:00:00+07:00",
      endsAt: "2026-03-10T10:00:00+07:00",
      venueId,
    });
    const path = `/delegations/${delegationId}/agenda/items/${item.id}`;
    await t.app.request(
      path,
      form({
        title: "Kunjungan MPP",
        kind: "tour",
        date: "2026-03-10",
        start: "10:00",
        end: "11:00",
        venueId,
        version: "1",
      }),
    );
    const stale = await t.app.request(`${path}/cancel`, form({ version: "1" }));
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('data-testid="conflicts"');
    expect(html).toContain('data-testid="agenda-item"');
    const done = await t.app.request(`${path}/cancel`, form({ version: "2" }));
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe(`/delegations/${delegationId}/agenda?done=removed`);
    const page = await (await t.app.request(done.headers.get("Location")!, { headers })).text();
    expect(page).toContain("Acara dibatalkan.");
  });

  it("is read-only for viewers and closed to visitors", async () => {
    const viewer = await t.as("viewer");
    const page = await t.app.request(`/delegations/${delegationId}/agenda`, { headers: viewer.headers });
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain('data-testid="add-item"');
    const post = await t.app.request(`/delegations/${delegationId}/agenda/items`, {
      ...form({ title: "x" }),
      headers: { ...viewer.headers, "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(post.status).toBe(403);
    expect((await t.app.request(`/delegations/${delegationId}/agenda`)).status).toBe(303);
  });
});

describe("rundown", () => {
  it("lists the run-of-show per day with persons in charge and the seating order by precedence", async () => {
    await book(t.db, delegationId, {
      title: "Penyambutan",
      kind: "reception",
      startsAt: "2026-03-10T08:00:00+07:00",
      endsAt: "2026-03-10T09:00:00+07:00",
      venueId,
      personInCharge: "Kabag Protokol",
    });
    await makeParticipant(t.db, delegationId, { name: "Staf Ahli", precedenceRank: 40 });
    await makeParticipant(t.db, delegationId, { name: "Sekretaris Daerah", precedenceRank: 10 });
    await makeParticipant(t.db, delegationId, { name: "Kepala Dinas", precedenceRank: 20 });
    const res = await t.app.request(`/delegations/${delegationId}/rundown`, { headers });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Kabag Protokol");
    expect(html).toContain("08.00–09.00 WIB");
    const seating = html.slice(html.indexOf('data-testid="seating"'));
    const order = ["Sekretaris Daerah", "Kepala Dinas", "Staf Ahli"].map((n) => seating.indexOf(n));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe("diffSnapshots", () => {
  const base = {
    id: "a",
    title: "MPP",
    titleEn: null,
    startsAt: 1,
    endsAt: 2,
    timeZone: "Asia/Jakarta",
    venueId: "v",
    venueName: "MPP",
    status: "scheduled" as const,
  };
  it("names moves, venue changes, cancellations, additions and removals; ignores unchanged items", () => {
    const kinds = diffSnapshots(
      [base, { ...base, id: "b" }, { ...base, id: "c" }, { ...base, id: "d" }],
      [
        { ...base, startsAt: 5, endsAt: 6 },
        { ...base, id: "b", status: "cancelled" },
        { ...base, id: "c", venueId: "w", venueName: "Pendopo" },
        { ...base, id: "e" },
      ],
    ).map((c) => `${c.kind}:${c.itemId}`);
    expect(kinds).toEqual(["moved:a", "cancelled:b", "venue:c", "added:e", "removed:d"]);
    expect(diffSnapshots([base], [base])).toEqual([]);
  });
});
