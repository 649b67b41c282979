/**
 * Turnover buffers through the API and the agenda page: a delegation's travel followed by a venue with a
 * buffer books; another group inside the buffer is refused with the requested times, the buffer named
 * apart, and the other delegation named with a link.
 */
import { describe, expect, it } from "vitest";
import { makeDelegation, makeVenue } from "../helpers/factories";
import { json, makeTestApp } from "../helpers/test-app";

describe("turnover buffer between groups", () => {
  it("travel 13:30–14:15 then Kemiren at 14:15 (15 min buffer) books: 201", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const kemiren = await makeVenue(t.db, { name: "Desa Adat Kemiren", bufferMinutes: 15 });
    const d = await makeDelegation(t.db);
    const travel = await t.app.request(
      `/api/v1/delegations/${d.id}/agenda`,
      json(headers, {
        title: "Perjalanan ke Kemiren",
        kind: "travel",
        startsAt: "2026-03-10T13:30:00+07:00",
        endsAt: "2026-03-10T14:15:00+07:00",
      }),
    );
    expect(travel.status).toBe(201);
    const visit = await t.app.request(
      `/api/v1/delegations/${d.id}/agenda`,
      json(headers, {
        title: "Kunjungan Desa Adat",
        kind: "tour",
        venueId: kemiren.id,
        startsAt: "2026-03-10T14:15:00+07:00",
        endsAt: "2026-03-10T15:30:00+07:00",
      }),
    );
    expect(visit.status).toBe(201);
    // The delegation's next item at the same venue needs no turnover time either.
    const next = await t.app.request(
      `/api/v1/delegations/${d.id}/agenda`,
      json(headers, {
        title: "Makan malam",
        kind: "meal",
        venueId: kemiren.id,
        startsAt: "2026-03-10T15:30:00+07:00",
        endsAt: "2026-03-10T15:45:00+07:00",
      }),
    );
    expect(next.status).toBe(201);
  });

  it("another group inside the buffer: 409 with the requested times, '+ 15 menit jeda', and the other delegation linked", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const pendopo = await makeVenue(t.db, { name: "Pendopo", bufferMinutes: 15 });
    const a = await makeDelegation(t.db);
    const b = await makeDelegation(t.db);
    const first = await t.app.request(
      `/api/v1/delegations/${a.id}/agenda`,
      json(headers, {
        title: "Paparan Bupati",
        kind: "presentation",
        venueId: pendopo.id,
        startsAt: "2026-03-10T10:05:00+07:00",
        endsAt: "2026-03-10T11:00:00+07:00",
      }),
    );
    expect(first.status).toBe(201);
    const api = await t.app.request(
      `/api/v1/delegations/${b.id}/agenda`,
      json(headers, {
        title: "Tur",
        kind: "tour",
        venueId: pendopo.id,
        startsAt: "2026-03-10T09:00:00+07:00",
        endsAt: "2026-03-10T10:00:00+07:00",
      }),
    );
    expect(api.status).toBe(409);
    const detail = (await api.json()).error.details[0];
    expect(detail).toMatchObject({
      kind: "venue",
      bufferMinutes: 15,
      startsAt: "2026-03-10T03:05:00.000Z",
      endsAt: "2026-03-10T04:00:00.000Z",
      delegations: [{ id: a.id, code: a.code }],
    });

    const page = await t.app.request(`/delegations/${b.id}/agenda/items`, {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        title: "Tur",
        kind: "tour",
        date: "2026-03-10",
        start: "09:00",
        end: "10:00",
        venueId: pendopo.id,
      }),
    });
    expect(page.status).toBe(409);
    const html = await page.text();
    expect(html).toContain("Diminta 09.00–10.00 WIB + 15 menit jeda persiapan tempat");
    expect(html).toContain(`<a href="/delegations/${a.id}" data-testid="conflict-delegation">${a.code}</a>`);
    expect(html).toContain("10.05–11.00 WIB");
    expect(html).not.toContain("08.45");
    // The input is kept.
    expect(html).toContain('value="Tur"');
  });
});
