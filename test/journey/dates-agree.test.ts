/**
 * Confirmed dates and the agenda agree: confirming (or changing) dates that leave agenda items outside
 * them needs an explicit choice — keep them (flagged on the agenda) or cancel them with the confirmation.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agendaItems } from "../../db/schema/agenda";
import { delegations } from "../../db/schema/delegations";
import { book, makeDelegation, makeVenue } from "../helpers/factories";
import { json, makeTestApp, type TestApp } from "../helpers/test-app";

async function setup() {
  const t = await makeTestApp();
  const { headers } = await t.as("protocol");
  const venue = await makeVenue(t.db);
  const d = await makeDelegation(t.db, {
    status: "requested",
    preferredDates: { start: "2026-03-16", end: "2026-03-16" },
  });
  const item = await book(t.db, d.id, {
    title: "Penerimaan di Pendopo",
    startsAt: "2026-03-16T09:00:00+07:00",
    endsAt: "2026-03-16T10:00:00+07:00",
    venueId: venue.id,
  });
  return { t, headers, d, item };
}

function form(t: TestApp, headers: Record<string, string>, path: string, fields: Record<string, string>) {
  return t.app.request(path, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

const statusOf = async (t: TestApp, id: string) =>
  (await t.db.orm.query.delegations.findFirst({ where: eq(delegations.id, id) }))!;
const itemOf = async (t: TestApp, id: string) =>
  (await t.db.orm.query.agendaItems.findFirst({ where: eq(agendaItems.id, id) }))!;

describe("confirmed dates and the agenda agree", () => {
  it("API: confirming other dates is refused (400) naming the items until a choice is made; keep flags them", async () => {
    const { t, headers, d, item } = await setup();
    const body = { to: "confirmed", dates: { start: "2026-03-17", end: "2026-03-18" } };
    const refused = await t.app.request(`/api/v1/delegations/${d.id}/transition`, json(headers, body));
    expect(refused.status).toBe(400);
    const error = (await refused.json()).error;
    expect(error.details.fields).toEqual({ outsideItems: ["dates.choiceRequired"] });
    expect(error.details.outsideItems).toEqual([
      expect.objectContaining({ id: item.id, title: "Penerimaan di Pendopo" }),
    ]);
    expect((await statusOf(t, d.id)).status).toBe("requested");

    const kept = await t.app.request(
      `/api/v1/delegations/${d.id}/transition`,
      json(headers, { ...body, outsideItems: "keep" }),
    );
    expect(kept.status).toBe(200);
    expect((await itemOf(t, item.id)).status).toBe("scheduled");
    const agenda = await (await t.app.request(`/delegations/${d.id}/agenda`, { headers })).text();
    expect(agenda).toContain('data-testid="outside-dates"');
    expect(agenda).toContain("Di luar tanggal terkonfirmasi");
    for (const page of ["rundown", "invitations"]) {
      const html = await (await t.app.request(`/delegations/${d.id}/${page}`, { headers })).text();
      expect(html, page).toContain('data-testid="outside-dates"');
    }

    // Changing the confirmed dates back to the agenda's day: nothing outside, no question asked.
    const back = await t.app.request(
      `/api/v1/delegations/${d.id}/transition`,
      json(headers, { to: "confirmed", dates: { start: "2026-03-16" } }),
    );
    expect(back.status).toBe(200);
    expect(await (await t.app.request(`/delegations/${d.id}/agenda`, { headers })).text()).not.toContain(
      'data-testid="outside-dates"',
    );
  });

  it("page: the choice page lists the items; a bad choice is a field error with the dates kept; cancel cancels them", async () => {
    const { t, headers, d, item } = await setup();
    const path = `/delegations/${d.id}/transition`;
    const fields = { to: "confirmed", version: "1", start: "2026-03-17", end: "2026-03-18" };
    const ask = await form(t, headers, path, fields);
    expect(ask.status).toBe(409);
    const html = await ask.text();
    expect(html).toContain('data-testid="outside-items"');
    expect(html).toContain("Penerimaan di Pendopo");
    expect(html).toContain('name="start" value="2026-03-17"');
    expect(html).toContain('name="outsideItems" value="cancel"');

    const bad = await form(t, headers, path, { ...fields, outsideItems: "sometimes", confirmed: "yes" });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('id="f-outsideItems-error"');
    expect(badHtml).toContain("Pilih apa yang dilakukan dengan agenda di luar tanggal.");
    expect(badHtml).toContain('name="end" value="2026-03-18"');
    expect(badHtml).not.toContain('type="hidden" name="outsideItems"');
    expect((await statusOf(t, d.id)).status).toBe("requested");

    const done = await form(t, headers, path, { ...fields, outsideItems: "cancel", confirmed: "yes" });
    expect(done.status).toBe(303);
    const after = await statusOf(t, d.id);
    expect(after.status).toBe("confirmed");
    expect(after.confirmedDates).toEqual({ start: "2026-03-17", end: "2026-03-18" });
    expect((await itemOf(t, item.id)).status).toBe("cancelled");
  });
});
