/** Agenda notes are kept in both languages: `notes` (Indonesian) and `notesEn` (English), API and page. */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agendaItems } from "../../db/schema/agenda";
import { makeDelegation, makeVenue } from "../helpers/factories";
import { json, makeTestApp } from "../helpers/test-app";

describe("bilingual agenda notes", () => {
  it("are stored on create, changed by PATCH, and edited from the agenda page", async () => {
    const t = await makeTestApp();
    const { headers, cookie } = await t.as("protocol");
    const venue = await makeVenue(t.db);
    const d = await makeDelegation(t.db);
    const res = await t.app.request(
      `/api/v1/delegations/${d.id}/agenda`,
      json(headers, {
        title: "Kunjungan MPP",
        kind: "tour",
        venueId: venue.id,
        startsAt: "2026-03-10T09:00:00+07:00",
        endsAt: "2026-03-10T10:00:00+07:00",
        notes: "Bawa kartu identitas",
        notesEn: "Bring an identity card",
      }),
    );
    expect(res.status).toBe(201);
    const { item } = (await res.json()) as { item: { id: string; version: number } };
    const row = () => t.db.orm.select().from(agendaItems).where(eq(agendaItems.id, item.id)).get();
    expect((await row())?.notesEn).toBe("Bring an identity card");

    const patch = await t.app.request(
      `/api/v1/agenda/${item.id}`,
      json(headers, { version: item.version, notesEn: "Bring your ID" }, "PATCH"),
    );
    expect(patch.status).toBe(200);
    expect(await row()).toMatchObject({ notes: "Bawa kartu identitas", notesEn: "Bring your ID" });

    const page = await (
      await t.app.request(`/delegations/${d.id}/agenda`, { headers: { Cookie: cookie } })
    ).text();
    expect(page).toContain('name="notesEn"');
    expect(page).toContain("Bring your ID");
    // The delegation's status is shown in words, not as the stored code.
    expect(page).toMatch(/data-status="confirmed"[^>]*>Dikonfirmasi</);
  });
});
