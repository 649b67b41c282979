import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agendaItems } from "../../db/schema/agenda";
import { tourTemplates } from "../../db/schema/templates";
import { venues } from "../../db/schema/venues";
import { runSeeders } from "../../db/seed";
import { SEEDERS } from "../../src/features";
import { makeDelegation } from "../helpers/factories";
import { json, makeTestApp } from "../helpers/test-app";

async function seeded() {
  const t = await makeTestApp();
  await runSeeders(t.db, "starter", t.clock(), SEEDERS);
  const template = await t.db.orm.select().from(tourTemplates).get();
  const pendopo = await t.db.orm
    .select()
    .from(venues)
    .where(eq(venues.name, "Pendopo Sabha Swagata Blambangan"))
    .get();
  return { ...t, template: template!, pendopo: pendopo! };
}

describe("tour templates", () => {
  it("the seed has the Banyuwangi venues, hosts and the half-day MPP visit; seeding twice adds nothing", async () => {
    const t = await seeded();
    await runSeeders(t.db, "starter", t.clock(), SEEDERS);
    const { headers } = await t.as("viewer");
    const list = await (await t.app.request("/api/v1/venues", { headers })).json();
    expect(list.venues.map((v: { name: string }) => v.name)).toEqual(
      expect.arrayContaining(["Mal Pelayanan Publik (MPP) Banyuwangi", "Pendopo Sabha Swagata Blambangan"]),
    );
    expect(list.venues).toHaveLength(5);
    const mpp = list.venues.find((v: { name: string }) => v.name.startsWith("Mal"));
    expect(mpp.weeklyHours["5"]).toEqual([
      { from: "08:00", to: "11:00" },
      { from: "13:00", to: "15:00" },
    ]);
    const tpl = await (await t.app.request(`/api/v1/templates/${t.template.id}`, { headers })).json();
    expect(tpl.template.items.map((i: { kind: string }) => i.kind)).toEqual([
      "reception",
      "presentation",
      "tour",
      "discussion",
      "meal",
    ]);
    expect(tpl.template.items[0].venueId).toBe(t.pendopo.id);
  });

  it("success books every item at its offset, in WIB", async () => {
    const t = await seeded();
    const { headers } = await t.as("protocol");
    const d = await makeDelegation(t.db, { expectedSize: 40 });
    const res = await t.app.request(
      `/api/v1/delegations/${d.id}/agenda/apply-template`,
      json(headers, { templateId: t.template.id, date: "2026-03-10" }),
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const { items } = await res.json();
    expect(
      items.map((i: { local: { start: string; end: string } }) => `${i.local.start}-${i.local.end}`),
    ).toEqual(["08:30-09:00", "09:00-10:00", "10:15-11:30", "11:45-12:30", "12:30-13:30"]);
    expect(items[0]).toMatchObject({ startsAt: "2026-03-10T01:30:00.000Z", groupSize: 40 });
    const agenda = await (await t.app.request(`/api/v1/delegations/${d.id}/agenda`, { headers })).json();
    expect(agenda.items).toHaveLength(5);
  });

  it("one conflict books nothing and reports it with its template item", async () => {
    const t = await seeded();
    const { headers } = await t.as("protocol");
    const first = await makeDelegation(t.db);
    const second = await makeDelegation(t.db);
    // Someone else holds the Pendopo over lunch.
    const lunch = await t.app.request(
      `/api/v1/delegations/${first.id}/agenda`,
      json(headers, {
        title: "Rapat koordinasi",
        kind: "other",
        venueId: t.pendopo.id,
        startsAt: "2026-03-10T12:45:00+07:00",
        endsAt: "2026-03-10T13:15:00+07:00",
      }),
    );
    expect(lunch.status).toBe(201);
    const blocker = (await lunch.json()).item;
    const res = await t.app.request(
      `/api/v1/delegations/${second.id}/agenda/apply-template`,
      json(headers, { templateId: t.template.id, date: "2026-03-10" }),
    );
    expect(res.status).toBe(409);
    const { error } = await res.json();
    expect(error.code).toBe("conflict");
    expect(error.details).toEqual([
      expect.objectContaining({
        kind: "venue",
        itemId: blocker.id,
        title: "Rapat koordinasi",
        templateItem: 4,
      }),
    ]);
    const rows = await t.db.orm.select().from(agendaItems).all();
    expect(rows.map((r) => r.id)).toEqual([blocker.id]);
  });

  it("reports every conflict of every item (a Friday: the MPP and Pendopo close for Friday prayers)", async () => {
    const t = await seeded();
    const { headers } = await t.as("protocol");
    const d = await makeDelegation(t.db);
    const res = await t.app.request(
      `/api/v1/delegations/${d.id}/agenda/apply-template`,
      json(headers, { templateId: t.template.id, date: "2026-03-13" }),
    );
    expect(res.status).toBe(409);
    const details = (await res.json()).error.details as { kind: string; templateItem: number }[];
    expect(details.every((c) => c.kind === "closed")).toBe(true);
    expect([...new Set(details.map((c) => c.templateItem))]).toEqual([2, 3, 4]);
    expect(await t.db.orm.select().from(agendaItems).all()).toHaveLength(0);
  });

  it("CRUD with versions", async () => {
    const t = await seeded();
    const { headers } = await t.as("protocol");
    const body = {
      name: "Kunjungan singkat",
      items: [
        {
          offsetMinutes: 0,
          durationMinutes: 60,
          kind: "tour",
          venueId: t.pendopo.id,
          titleId: "Tur",
          titleEn: "Tour",
        },
      ],
    };
    const created = await t.app.request("/api/v1/templates", json(headers, body));
    expect(created.status).toBe(201);
    const { template } = await created.json();
    expect(template).toMatchObject({ version: 1, defaultStartTime: "08:30", items: [{ hostIds: [] }] });
    const patched = await t.app.request(
      `/api/v1/templates/${template.id}`,
      json(headers, { ...body, name: "Kunjungan singkat (pagi)", version: 1 }, "PATCH"),
    );
    expect((await patched.json()).template.version).toBe(2);
    const stale = await t.app.request(
      `/api/v1/templates/${template.id}`,
      json(headers, { ...body, version: 1 }, "PATCH"),
    );
    expect((await stale.json()).error.code).toBe("stale");
    const { headers: viewer } = await t.as("viewer");
    expect((await t.app.request("/api/v1/templates", json(viewer, body))).status).toBe(403);
    expect(
      (await t.app.request(`/api/v1/templates/${template.id}`, json(headers, undefined, "DELETE"))).status,
    ).toBe(204);
  });
});
