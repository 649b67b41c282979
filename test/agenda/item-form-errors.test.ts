/**
 * The agenda item forms (add, edit, template) never end on an error page: every validation or booking
 * error is shown beside its field, in the reader's language, with what was typed kept, and nothing changes.
 */

import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { agendaItems } from "../../db/schema/agenda";
import { auditedTransaction } from "../../src/http/service-context";
import { createTemplate } from "../../src/templates/service";
import {
  BADUNG_DELEGATION,
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
let venueId: string;

function post(path: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return t.app.request(path, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
}

/** The HTML of one form on the page, from its opening tag to its end. */
function formHtml(html: string, action: string): string {
  const start = html.indexOf(`action="${action}"`);
  expect(start, action).toBeGreaterThan(0);
  return html.slice(start, html.indexOf("</form>", start));
}

/** The error text shown beside `field`, or undefined. */
function errorOf(html: string, field: string): string | undefined {
  return new RegExp(`data-testid="error-${field}">([^<]*)<`).exec(html)?.[1];
}

const itemCount = async () => (await t.db.orm.select().from(agendaItems).all()).length;

beforeEach(async () => {
  t = await makeTestApp();
  headers = (await t.as("protocol")).headers;
  delegationId = (await makeDelegation(t.db, BADUNG_DELEGATION)).id;
  venueId = (await makeVenue(t.db, MPP_VENUE)).id;
});

const add = (fields: Record<string, string | string[]>) =>
  post(`/delegations/${delegationId}/agenda/items`, {
    title: "Kunjungan MPP",
    kind: "tour",
    date: "2026-03-10",
    start: "09:00",
    end: "10:30",
    venueId,
    dressCode: "PDH",
    ...fields,
  });

describe("adding an item", () => {
  it("end before start: 400, the error beside the end time, every input kept, nothing booked", async () => {
    const res = await add({ start: "11:00", end: "10:00" });
    expect(res.status).toBe(400);
    const form = formHtml(await res.text(), `/delegations/${delegationId}/agenda/items`);
    expect(errorOf(form, "end")).toBe("Waktu selesai harus setelah waktu mulai.");
    expect(form).toContain('aria-invalid="true" aria-describedby="new-end-error"');
    expect(form).toContain('value="Kunjungan MPP"');
    expect(form).toContain('value="11:00"');
    expect(form).toContain('value="PDH"');
    expect(form).toMatch(new RegExp(`value="${venueId}" selected`));
    expect(await itemCount()).toBe(0);
  });

  it("a bad time and a missing title are both shown at once, beside their fields", async () => {
    const res = await add({ title: "", start: "25:00", end: "10:00" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(errorOf(html, "title")).toBe("Wajib diisi.");
    expect(errorOf(html, "start")).toBe("Gunakan format JJ:MM, misalnya 08:00.");
    expect(errorOf(html, "end")).toBeUndefined();
    expect(await itemCount()).toBe(0);
  });

  it("an unknown venue and an unknown host: 400 beside the venue and the hosts, ticked hosts kept", async () => {
    const host = await makeHost(t.db);
    const venue = await add({ venueId: "no-such-venue", hostIds: [host.id] });
    expect(venue.status).toBe(400);
    const venueHtml = await venue.text();
    expect(errorOf(venueHtml, "venueId")).toBe("Tempat tidak dikenal atau tidak aktif.");
    const form = formHtml(venueHtml, `/delegations/${delegationId}/agenda/items`);
    expect(form).toMatch(new RegExp(`value="${host.id}" checked`));

    const hostRes = await add({ hostIds: [host.id, "no-such-host"] });
    expect(hostRes.status).toBe(400);
    const hostHtml = await hostRes.text();
    expect(hostHtml).toContain('id="new-hostIds-error">Narasumber tidak dikenal atau tidak aktif.<');
    expect(hostHtml).not.toContain('data-testid="conflicts"');
    expect(await itemCount()).toBe(0);
  });

  it("the language switch on the re-rendered form lands on the agenda (303, then 200), not a 404", async () => {
    const res = await add({ start: "11:00", end: "10:00" });
    const next = /name="next" value="([^"]*)"/.exec(await res.text())?.[1];
    expect(next).toBe(`/delegations/${delegationId}/agenda/items`);
    const back = await t.app.request(next!, { headers });
    expect(back.status).toBe(303);
    expect(back.headers.get("Location")).toBe(`/delegations/${delegationId}/agenda`);
    expect((await t.app.request(back.headers.get("Location")!, { headers })).status).toBe(200);
  });

  it("speaks English to an English reader", async () => {
    const res = await t.app.request(`/delegations/${delegationId}/agenda/items?lang=en`, {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        title: "Site visit",
        kind: "tour",
        date: "2026-03-10",
        start: "11:00",
        end: "10:00",
      }),
    });
    expect(res.status).toBe(400);
    expect(errorOf(await res.text(), "end")).toBe("The end must be after the start.");
  });
});

describe("editing an item", () => {
  it("errors appear in that item's open edit form with the edits kept; the item is unchanged", async () => {
    const item = await book(t.db, delegationId, {
      title: "Kunjungan MPP",
      startsAt: "2026-03-10T09:00:00+07:00",
      endsAt: "2026-03-10T10:00:00+07:00",
      venueId,
    });
    const path = `/delegations/${delegationId}/agenda/items/${item.id}`;
    const fields = { title: "Kunjungan MPP (ubah)", kind: "tour", date: "2026-03-10", venueId, version: "1" };
    const res = await post(path, { ...fields, start: "10:30", end: "10:00" });
    expect(res.status).toBe(400);
    const html = await res.text();
    const form = formHtml(html, path);
    expect(errorOf(form, "end")).toBe("Waktu selesai harus setelah waktu mulai.");
    expect(form).toContain('value="Kunjungan MPP (ubah)"');
    expect(form).toContain('value="10:30"');
    // The edit form's label names the venue's zone.
    expect(form).toContain("Mulai (WIB)");
    expect(html).toMatch(
      /<details class="no-print" open="">\s*<summary>Ubah<\/summary>\s*<form method="post" action="[^"]*\/items\//,
    );

    const venue = await post(path, { ...fields, venueId: "gone", start: "09:00", end: "10:00" });
    expect(venue.status).toBe(400);
    expect(errorOf(await venue.text(), "venueId")).toBe("Tempat tidak dikenal atau tidak aktif.");

    const row = await t.db.orm.query.agendaItems.findFirst({ where: eq(agendaItems.id, item.id) });
    expect(row?.title).toBe("Kunjungan MPP");
    expect(row?.version).toBe(1);
  });
});

describe("applying a template", () => {
  it("a bad date is shown beside the date, the template and start time kept; a good one applies (303)", async () => {
    const template = await createTemplate(
      {
        now: t.clock(),
        transaction: auditedTransaction(t.db, { id: null, label: "test" }, t.clock()),
        config: t.deps.config,
      },
      {
        name: "Kunjungan MPP",
        defaultStartTime: "08:30",
        active: true,
        items: [
          {
            offsetMinutes: 0,
            durationMinutes: 60,
            kind: "tour",
            venueId,
            hostIds: [],
            titleId: "Tur MPP",
            titleEn: "Public service mall tour",
          },
        ],
      },
    );
    const path = `/delegations/${delegationId}/agenda/template`;
    const res = await post(path, { templateId: template.id, date: "2026-02-30", startTime: "10:15" });
    expect(res.status).toBe(400);
    const form = formHtml(await res.text(), path);
    expect(form).toContain('id="f-date-error">Tanggal tidak valid (tahun 1900–2999).<');
    expect(form).toContain('value="10:15"');
    expect(form).toMatch(new RegExp(`value="${template.id}" selected`));
    expect(await itemCount()).toBe(0);

    const ok = await post(path, { templateId: template.id, date: "2026-03-10", startTime: "10:15" });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("Location")).toBe(`/delegations/${delegationId}/agenda?done=template`);
    expect(await itemCount()).toBe(1);
  });
});
