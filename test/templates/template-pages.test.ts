import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../db/schema/audit";
import { tourTemplates } from "../../db/schema/templates";
import { hosts, venues } from "../../db/schema/venues";
import { runSeeders } from "../../db/seed";
import { SEEDERS } from "../../src/features";
import { templateToForm } from "../../src/templates/forms";
import { getTemplate } from "../../src/templates/service";
import { makeTestApp, ORIGIN } from "../helpers/test-app";

type Fields = Record<string, string | string[]>;
const form = (headers: Record<string, string>, fields: Fields): RequestInit => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  };
};

/** An empty item row as the browser posts it (the kind select always sends a value). */
const blankRow = (row: number): Fields => ({
  [`items.${row}.offsetMinutes`]: "",
  [`items.${row}.durationMinutes`]: "",
  [`items.${row}.kind`]: "tour",
  [`items.${row}.venueId`]: "",
  [`items.${row}.titleId`]: "",
  [`items.${row}.titleEn`]: "",
});

async function seeded() {
  const t = await makeTestApp();
  await runSeeders(t.db, "starter", t.clock(), SEEDERS);
  const template = (await t.db.orm.select().from(tourTemplates).get())!;
  return { ...t, template };
}

const loadTemplate = (t: Awaited<ReturnType<typeof seeded>>, id: string) => getTemplate(t.db.orm, id);

describe("tour template pages", () => {
  it("creates a template through the page form; empty rows are skipped and items sorted by offset", async () => {
    const t = await seeded();
    const { headers } = await t.as("protocol");
    const newPage = await t.app.request("/templates/new", { headers });
    expect(newPage.status).toBe(200);
    const newHtml = await newPage.text();
    expect(newHtml).toContain('name="items.4.titleId"');
    // No inline script (the CSP forbids it); the shared /assets/app.js only enhances.
    expect(newHtml).not.toMatch(/<script(?![^>]*\ssrc=)/);

    const venue = (await t.db.orm.select().from(venues).get())!;
    const [h1, h2] = await t.db.orm.select().from(hosts).limit(2).all();
    const res = await t.app.request(
      "/templates",
      form(headers, {
        name: "Kunjungan singkat",
        nameEn: "Short visit",
        description: "Satu jam saja",
        defaultStartTime: "09:00",
        timeZone: "Asia/Jakarta",
        active: "on",
        "items.0.offsetMinutes": "30",
        "items.0.durationMinutes": "30",
        "items.0.kind": "discussion",
        "items.0.venueId": "",
        "items.0.titleId": "Diskusi",
        "items.0.titleEn": "Discussion",
        ...blankRow(1),
        "items.2.offsetMinutes": "0",
        "items.2.durationMinutes": "30",
        "items.2.kind": "reception",
        "items.2.venueId": venue.id,
        "items.2.hostIds": [h1!.id, h2!.id],
        "items.2.titleId": "Penyambutan",
        "items.2.titleEn": "Welcome",
        ...blankRow(3),
        ...blankRow(4),
      }),
    );
    expect(res.status, await res.clone().text()).toBe(303);
    const location = res.headers.get("Location")!;
    expect(location).toMatch(/^\/templates\/[^/]+\?saved=1$/);
    const id = location.slice("/templates/".length, location.indexOf("?"));

    const tpl = await loadTemplate(t, id);
    expect(tpl).toMatchObject({
      name: "Kunjungan singkat",
      nameEn: "Short visit",
      description: "Satu jam saja",
      defaultStartTime: "09:00",
      active: true,
      version: 1,
    });
    expect(tpl.items.map((i) => [i.offsetMinutes, i.kind, i.venueId, i.hostIds, i.titleEn])).toEqual([
      [0, "reception", venue.id, [h1!.id, h2!.id], "Welcome"],
      [30, "discussion", null, [], "Discussion"],
    ]);

    const edit = await t.app.request(location, { headers });
    expect(edit.status).toBe(200);
    const editHtml = await edit.text();
    expect(editHtml).toContain("Templat Kunjungan singkat tersimpan.");
    expect(editHtml).toContain('value="Penyambutan"');
    // Two items and three empty rows.
    expect(editHtml).toContain('name="items.4.titleId"');
    expect(editHtml).not.toContain('name="items.5.titleId"');

    const list = await (await t.app.request("/templates", { headers })).text();
    expect(list).toContain(`href="/templates/${id}"`);
    expect(list).toContain('href="/templates/new"');
  });

  it("edits an item, adds one in an empty row and deactivates; a stale edit is refused with a clear message", async () => {
    const t = await seeded();
    const { headers } = await t.as("admin");
    const before = await loadTemplate(t, t.template.id);
    const page = await (await t.app.request(`/templates/${before.id}`, { headers })).text();
    expect(page).toContain(`value="${before.items[1]!.titleId}"`);

    const fields: Fields = { ...templateToForm(before), active: [] };
    fields["items.1.durationMinutes"] = "75";
    fields["items.1.titleEn"] = "Briefing on public services";
    Object.assign(fields, {
      "items.5.offsetMinutes": "300",
      "items.5.durationMinutes": "15",
      "items.5.kind": "travel",
      "items.5.venueId": "",
      "items.5.titleId": "Kembali ke hotel",
      "items.5.titleEn": "Back to the hotel",
    });
    const res = await t.app.request(`/templates/${before.id}`, form(headers, fields));
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get("Location")).toBe(`/templates/${before.id}?saved=1`);

    const after = await loadTemplate(t, before.id);
    expect(after.version).toBe(before.version + 1);
    expect(after.active).toBe(false);
    expect(after.items).toHaveLength(before.items.length + 1);
    expect(after.items[1]).toMatchObject({
      durationMinutes: 75,
      titleEn: "Briefing on public services",
      titleId: before.items[1]!.titleId,
      venueId: before.items[1]!.venueId,
      hostIds: before.items[1]!.hostIds,
    });
    expect(after.items[0]).toMatchObject({ ...before.items[0], id: expect.any(String) });
    expect(after.items.at(-1)).toMatchObject({
      offsetMinutes: 300,
      kind: "travel",
      titleId: "Kembali ke hotel",
    });
    const audit = await t.db.orm.select().from(auditEvents).where(eq(auditEvents.entityId, before.id)).all();
    expect(audit.map((a) => a.action)).toContain("template.update");

    const list = await (await t.app.request("/templates", { headers })).text();
    expect(list).toContain("Nonaktif");

    // Someone still holding the first version saves: refused, nothing changes, the current version is shown.
    const stale = await t.app.request(
      `/templates/${before.id}`,
      form(headers, { ...templateToForm(before), "items.0.titleEn": "Overwritten" }),
    );
    expect(stale.status).toBe(409);
    const staleHtml = await stale.text();
    expect(staleHtml).toContain("baru saja diubah orang lain");
    expect(staleHtml).toContain(`name="version" value="${after.version}"`);
    expect(staleHtml).toContain('value="Briefing on public services"');
    expect(await loadTemplate(t, before.id)).toEqual(after);
  });

  it("shows validation errors beside the item's fields and keeps what was typed", async () => {
    const t = await seeded();
    const { headers } = await t.as("protocol");
    const before = await loadTemplate(t, t.template.id);
    const fields: Fields = { ...templateToForm(before) };
    fields["items.2.titleEn"] = "";
    fields["items.2.durationMinutes"] = "1.5";
    fields["items.2.titleId"] = "Judul yang diketik";
    fields.name = "";
    const res = await t.app.request(`/templates/${before.id}`, form(headers, fields));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(
      /id="f-items\.2\.titleEn"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-items\.2\.titleEn"/,
    );
    expect(html).toContain('<span class="error" id="f-items.2.titleEn-error">Wajib diisi.</span>');
    expect(html).toContain(
      '<span class="error" id="f-items.2.durationMinutes-error">Isi bilangan bulat menit, mis. 30.</span>',
    );
    expect(html).toContain('<span class="error" id="f-name-error">Wajib diisi.</span>');
    expect(html).not.toContain('id="f-items.1.titleEn-error"');
    expect(html).toContain('value="Judul yang diketik"');
    expect(await loadTemplate(t, before.id)).toEqual(before);

    // An error in a row below an empty row lands on that row's field.
    const gap = await t.app.request(
      "/templates",
      form(headers, {
        name: "Celah",
        ...blankRow(0),
        "items.1.offsetMinutes": "0",
        "items.1.durationMinutes": "30",
        "items.1.kind": "tour",
        "items.1.titleId": "Keliling",
        "items.1.titleEn": "",
      }),
    );
    expect(gap.status).toBe(400);
    const gapHtml = await gap.text();
    expect(gapHtml).toContain('id="f-items.1.titleEn-error"');
    expect(gapHtml).not.toContain('id="f-items.0.titleEn-error"');

    // No item at all: said once, above the rows.
    const empty = await t.app.request(
      "/templates",
      form(headers, { name: "Kosong", active: "on", ...blankRow(0), ...blankRow(1) }),
    );
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('id="f-items-error" role="alert">Isi minimal satu acara.</p>');
  });

  it("deletes a template only with the confirmation ticked", async () => {
    const t = await seeded();
    const { headers } = await t.as("protocol");
    const unconfirmed = await t.app.request(`/templates/${t.template.id}/delete`, form(headers, {}));
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain('id="f-confirm-error"');
    expect(
      await t.db.orm.select().from(tourTemplates).where(eq(tourTemplates.id, t.template.id)).get(),
    ).toBeTruthy();

    const res = await t.app.request(`/templates/${t.template.id}/delete`, form(headers, { confirm: "on" }));
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/templates?deleted=1");
    expect(
      await t.db.orm.select().from(tourTemplates).where(eq(tourTemplates.id, t.template.id)).get(),
    ).toBeUndefined();
    expect(await (await t.app.request("/templates?deleted=1", { headers })).text()).toContain(
      "Templat dihapus.",
    );
  });

  it("viewer and humas get 403 on every post; anonymous visitors are sent to sign in", async () => {
    const t = await seeded();
    const before = await loadTemplate(t, t.template.id);
    const valid = { ...templateToForm(before), name: "Diubah", confirm: "on" };
    const posts = ["/templates", `/templates/${before.id}`, `/templates/${before.id}/delete`];
    for (const role of ["viewer", "humas"] as const) {
      const { headers } = await t.as(role);
      for (const path of posts) {
        const res = await t.app.request(path, form(headers, valid));
        expect(res.status, `${role} ${path}`).toBe(403);
      }
      expect((await t.app.request(`/templates/${before.id}`, { headers })).status).toBe(403);
    }
    for (const path of posts) {
      const res = await t.app.request(path, form(ORIGIN, valid));
      const toLogin = [302, 303].includes(res.status) && /^\/login/.test(res.headers.get("Location") ?? "");
      expect(res.status === 401 || toLogin, `anonymous ${path} got ${res.status}`).toBe(true);
    }
    for (const path of ["/templates/new", `/templates/${before.id}`]) {
      const res = await t.app.request(path);
      expect(res.status).toBe(303);
      expect(res.headers.get("Location")).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
    expect(await loadTemplate(t, before.id)).toEqual(before);
    expect(await t.db.orm.select().from(tourTemplates).all()).toHaveLength(1);
  });
});
