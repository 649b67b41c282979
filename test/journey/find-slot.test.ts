/**
 * Availability from the visit: the agenda links to a search prefilled with the visit's dates (confirmed,
 * else asked for), size and the visit itself; the page books for that visit by default, warns beside
 * "book for" when the chosen slot falls outside the visit's dates (booked only when confirmed), and staff
 * calendar feeds and week views mark sessions of unconfirmed visits as tentative until the visit is confirmed.
 */

import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { agendaItems } from "../../db/schema/agenda";
import { createFeedToken } from "../../src/calendar/feed-tokens";
import { auditedTransaction } from "../../src/http/service-context";
import { book, makeDelegation, makeVenue } from "../helpers/factories";
import { json, makeTestApp, type TestApp } from "../helpers/test-app";

function post(t: TestApp, headers: Record<string, string>, path: string, fields: Record<string, string>) {
  return t.app.request(path, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

const decode = (html: string) => html.replaceAll("&amp;", "&");

async function setup() {
  const t = await makeTestApp();
  const { headers } = await t.as("protocol");
  const venue = await makeVenue(t.db, { name: "MPP Banyuwangi", capacity: 60 });
  // Created first, so it heads the "book for" list.
  const first = await makeDelegation(t.db, { institution: "Pemkot Malang", status: "requested" });
  const visit = await makeDelegation(t.db, {
    institution: "Pemkab Sleman",
    status: "requested",
    expectedSize: 25,
    preferredDates: { start: "2026-03-10", end: "2026-03-11" },
  });
  return { t, headers, venue, first, visit };
}

describe("finding a slot for a visit", () => {
  it("links from the agenda with the visit's dates, size and id; the page books for that visit", async () => {
    const { t, headers, venue, visit } = await setup();
    const agenda = await (await t.app.request(`/delegations/${visit.id}/agenda`, { headers })).text();
    const link = /data-testid="find-slot"/.test(agenda)
      ? decode(
          /<a href="([^"]*)" data-testid="find-slot">Cari slot untuk kunjungan ini<\/a>/.exec(agenda)?.[1] ??
            "",
        )
      : "";
    expect(link).toBe(`/availability?from=2026-03-10&to=2026-03-11&groupSize=25&delegationId=${visit.id}`);

    // No venue or host chosen yet: the search form is filled in, not run.
    const form = await t.app.request(link, { headers });
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).not.toContain('data-testid="availability-results"');
    expect(formHtml).toContain('name="from" type="date" value="2026-03-10"');
    expect(formHtml).toContain('name="to" type="date" value="2026-03-11"');
    expect(formHtml).toContain('name="groupSize" type="number" value="25"');
    expect(formHtml).toContain(`type="hidden" name="delegationId" value="${visit.id}"`);

    // The search sent from that form (venue chosen) books for the visit by default.
    const page = await t.app.request(`${link}&venueId=${venue.id}`, { headers });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('data-testid="availability-results"');
    expect(html).toMatch(new RegExp(`<option value="${visit.id}" selected="">`));
    expect(html).toContain(
      `Mencari slot untuk kunjungan ${visit.code} (Selasa, 10 Maret 2026 – Rabu, 11 Maret 2026, 25 orang).`,
    );

    // Confirmed dates win over the dates asked for.
    const confirmed = await t.app.request(
      `/api/v1/delegations/${visit.id}/transition`,
      json(headers, { to: "confirmed", dates: { start: "2026-03-12" } }),
    );
    expect(confirmed.status).toBe(200);
    const after = await (await t.app.request(`/delegations/${visit.id}/agenda`, { headers })).text();
    expect(decode(after)).toContain(
      `/availability?from=2026-03-12&to=2026-03-12&groupSize=25&delegationId=${visit.id}`,
    );

    // Viewers cannot book, so they get no link.
    const viewer = await t.as("viewer");
    const seen = await (
      await t.app.request(`/delegations/${visit.id}/agenda`, { headers: viewer.headers })
    ).text();
    expect(seen).not.toContain('data-testid="find-slot"');
  });

  it("warns beside 'book for' when the slot is outside the visit's dates and books only when confirmed", async () => {
    const { t, headers, venue, visit } = await setup();
    const search = {
      venueId: venue.id,
      from: "2026-03-10",
      to: "2026-03-12",
      durationMinutes: "60",
      groupSize: "25",
      gridMinutes: "60",
    };
    const outsideSlot = "2026-03-12T02:00:00.000Z"; // 12 March, 09:00 WIB: after the visit's dates
    const fields = { ...search, delegationId: visit.id, title: "Tur MPP", kind: "tour" };
    const count = async () => (await t.db.orm.select().from(agendaItems).all()).length;

    const warned = await post(t, headers, "/availability/book", { ...fields, startsAt: outsideSlot });
    expect(warned.status).toBe(409);
    const html = await warned.text();
    const warning = html.slice(html.indexOf('data-testid="outside-warning"'));
    expect(warning).toContain(
      `Slot ini di luar tanggal kunjungan ${visit.code} (Selasa, 10 Maret 2026 – Rabu, 11 Maret 2026).`,
    );
    expect(warning).toContain(`name="confirmOutside" value="${outsideSlot}"`);
    expect(warning).toContain("Tetap pesan Kamis, 12 Maret 2026, 09.00 WIB");
    expect(html).toContain('aria-describedby="f-delegationId-outside"');
    expect(html).toMatch(new RegExp(`<option value="${visit.id}" selected="">`));
    expect(html).toContain('value="Tur MPP"');
    expect(await count()).toBe(0);

    const english = await post(t, headers, "/availability/book?lang=en", {
      ...fields,
      startsAt: outsideSlot,
    });
    expect(english.status).toBe(409);
    expect(await english.text()).toContain(
      `This slot is outside the dates of visit ${visit.code} (Tuesday, 10 March 2026 – Wednesday, 11 March 2026).`,
    );

    const anyway = await post(t, headers, "/availability/book", { ...fields, confirmOutside: outsideSlot });
    expect(anyway.status).toBe(303);
    expect(anyway.headers.get("Location")).toContain(`delegationId=${visit.id}`);
    expect(await count()).toBe(1);

    // Inside the dates: no question asked.
    const inside = await post(t, headers, "/availability/book", {
      ...fields,
      startsAt: "2026-03-10T02:00:00.000Z",
    });
    expect(inside.status).toBe(303);
    expect(await count()).toBe(2);
  });

  it("staff feeds and week views mark a session of an unconfirmed visit TENTATIVE until the visit is confirmed", async () => {
    const { t, headers, venue, visit } = await setup();
    await book(t.db, visit.id, {
      title: "Tur MPP",
      startsAt: "2026-03-10T09:00:00+07:00",
      endsAt: "2026-03-10T10:00:00+07:00",
      venueId: venue.id,
    });
    const actor = { id: null, label: "test" };
    const now = t.clock();
    const feed = await createFeedToken(
      { actor, now, transaction: auditedTransaction(t.db, actor, now) },
      {
        label: "Semua",
        scope: "venue",
        scopeId: venue.id,
        baseUrl: "http://localhost:8787",
      },
    );
    const event = async () => {
      const res = await t.app.request(new URL(feed.url).pathname);
      expect(res.status).toBe(200);
      const vevent = new ICAL.Component(ICAL.parse(await res.text())).getFirstSubcomponent("vevent");
      return {
        status: vevent?.getFirstPropertyValue("status"),
        summary: vevent?.getFirstPropertyValue("summary"),
      };
    };
    expect(await event()).toEqual({
      status: "TENTATIVE",
      summary: `Tur MPP (${visit.code} Pemkab Sleman) [sementara]`,
    });
    const week = async () =>
      (await (await t.app.request(`/calendar/venues/${venue.id}?week=2026-03-10`, { headers })).text()).match(
        /<li class="cal-item[^"]*" data-testid="calendar-item">/g,
      );
    expect(await week()).toEqual(['<li class="cal-item tentative" data-testid="calendar-item">']);

    t.clock.advance(60_000);
    const confirmed = await t.app.request(
      `/api/v1/delegations/${visit.id}/transition`,
      json(headers, { to: "confirmed", dates: { start: "2026-03-10" } }),
    );
    expect(confirmed.status).toBe(200);
    expect(await event()).toEqual({ status: "CONFIRMED", summary: `Tur MPP (${visit.code} Pemkab Sleman)` });
    expect(await week()).toEqual(['<li class="cal-item" data-testid="calendar-item">']);
  });
});
