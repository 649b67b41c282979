/**
 * Post/Redirect/Get: every page form of the app, submitted as a browser would (the form read out of its
 * page, a few fields filled in, a confirmation step confirmed through its own form), answers a successful
 * POST with 303 to a page that renders 200, so a reload repeats nothing. The page POST routes are read from
 * the app's router: each one is driven here or named below with the reason it is not.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Role } from "../../db/schema/auth";
import { delegations } from "../../db/schema/delegations";
import { blackouts } from "../../db/schema/venues";
import { seedTopics } from "../../src/delegations/topics";
import {
  MPP_VENUE,
  makeDelegation,
  makeHost,
  makeOutcome,
  makeParticipant,
  makeSurveyLink,
  makeVenue,
} from "../helpers/factories";
import { fill, formFields } from "../helpers/html-form";
import { makeTestApp, ORIGIN, type TestApp } from "../helpers/test-app";

interface Submit {
  /** The page holding the form (GET). */
  page: string;
  /** The form's action. */
  action: string;
  /** Fields that pick one of several forms with the same action (e.g. the hidden `to`). */
  match?: Record<string, string>;
  changes?: Record<string, string | string[]>;
}

type Scenario = { role: Role | null; prepare: (t: TestApp) => Promise<Submit> };

const DAY = "2026-03-10";

const newDelegationFields = {
  institution: "Pemerintah Kabupaten Lingga",
  provinceCode: "21",
  leaderName: "Bapak Bupati",
  leaderTitle: "Bupati",
  purpose: "Studi banding pelayanan publik",
  topics: ["mpp"],
  expectedSize: "12",
  contactName: "Ibu Kontak",
  contactEmail: "kontak@linggakab.go.id",
  contactPhone: "+6281234567890",
};

const venueFields = {
  name: "MPP Uji",
  address: "Jl. Uji 1",
  capacity: "60",
  concurrentGroups: "2",
  bufferMinutes: "0",
  active: "on",
  hours1: "08:00-15:00",
};

async function completed(t: TestApp) {
  const d = await makeDelegation(t.db, { confirmedDates: { start: DAY, end: DAY } });
  await makeOutcome(t.db, d.id, t.clock());
  await t.db.writeTransaction((tx) =>
    tx.update(delegations).set({ status: "completed", version: 2 }).where(eq(delegations.id, d.id)),
  );
  return d;
}

/** Route as registered → how a person submits it successfully. */
const SCENARIOS: Record<string, Scenario> = {
  "/kunjungan/ajukan": {
    role: null,
    prepare: async () => ({
      page: "/kunjungan/ajukan",
      action: "/kunjungan/ajukan",
      changes: { ...newDelegationFields, preferredStart: "2026-04-20", preferredEnd: "2026-04-21" },
    }),
  },
  "/delegations/new": {
    role: "protocol",
    prepare: async () => ({
      page: "/delegations/new",
      action: "/delegations/new",
      changes: { ...newDelegationFields, preferredStart: "2026-04-20" },
    }),
  },
  "/delegations/:id/edit": {
    role: "protocol",
    prepare: async (t) => {
      const d = await makeDelegation(t.db, { status: "requested", provinceCode: "35" });
      return {
        page: `/delegations/${d.id}/edit`,
        action: `/delegations/${d.id}/edit`,
        changes: { leaderName: "Ibu Sekda" },
      };
    },
  },
  "/delegations/:id/notes": {
    role: "protocol",
    prepare: async (t) => {
      const d = await makeDelegation(t.db, { status: "requested" });
      return {
        page: `/delegations/${d.id}`,
        action: `/delegations/${d.id}/notes`,
        changes: { body: "Sudah ditelepon." },
      };
    },
  },
  "/delegations/:id/participants": {
    role: "protocol",
    prepare: async (t) => {
      const d = await makeDelegation(t.db);
      const base = `/delegations/${d.id}/participants`;
      return { page: base, action: base, changes: { name: "Ibu Wakil", title: "Wakil Bupati" } };
    },
  },
  "/delegations/:id/participants/:pid": {
    role: "protocol",
    prepare: async (t) => {
      const d = await makeDelegation(t.db);
      const p = await makeParticipant(t.db, d.id, { name: "Pak Camat" });
      const base = `/delegations/${d.id}/participants`;
      return { page: `${base}/${p.id}/edit`, action: `${base}/${p.id}`, changes: { title: "Camat Lingga" } };
    },
  },
  "/delegations/:id/participants/:pid/delete": {
    role: "protocol",
    prepare: async (t) => {
      const d = await makeDelegation(t.db);
      const p = await makeParticipant(t.db, d.id);
      const base = `/delegations/${d.id}/participants`;
      return { page: base, action: `${base}/${p.id}/delete` };
    },
  },
  "/admin/topics": {
    role: "admin",
    prepare: async () => ({
      page: "/admin/topics",
      action: "/admin/topics",
      changes: { id: "arsip-digital", nameId: "Arsip digital", nameEn: "Digital archives" },
    }),
  },
  "/admin/topics/:id": {
    role: "admin",
    prepare: async () => ({
      page: "/admin/topics",
      action: "/admin/topics/mpp",
      changes: { nameId: "Mal Pelayanan Publik Digital", nameEn: "Digital Public Service Mall" },
    }),
  },
  "/admin/topics/:id/active": {
    role: "admin",
    prepare: async () => ({ page: "/admin/topics", action: "/admin/topics/mpp/active" }),
  },
  "/admin/users": {
    role: "admin",
    prepare: async () => ({
      page: "/admin/users",
      action: "/admin/users",
      changes: { name: "Fajar", email: "fajar@test.sambang.id", role: "viewer" },
    }),
  },
  "/admin/tokens": {
    role: "admin",
    prepare: async () => ({ page: "/admin/tokens", action: "/admin/tokens", changes: { name: "Situs web" } }),
  },
  "/admin/tokens/:id/revoke": {
    role: "admin",
    prepare: async (t) => {
      const admin = await t.as("admin");
      const res = await t.app.request("/api/v1/tokens", {
        method: "POST",
        headers: { ...admin.headers, "Content-Type": "application/json" },
        body: JSON.stringify({ name: "Dasbor lama" }),
      });
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as { id: string };
      return { page: "/admin/tokens", action: `/admin/tokens/${id}/revoke` };
    },
  },
  "/admin/users/:id/role": {
    role: "admin",
    prepare: async (t) => {
      const u = await t.addUser("viewer");
      return { page: "/admin/users", action: `/admin/users/${u.id}/role`, changes: { role: "humas" } };
    },
  },
  "/admin/users/:id/reset-password": {
    role: "admin",
    prepare: async (t) => {
      const u = await t.addUser("viewer");
      return { page: "/admin/users", action: `/admin/users/${u.id}/reset-password` };
    },
  },
  "/admin/users/:id/disable": {
    role: "admin",
    prepare: async (t) => {
      const u = await t.addUser("viewer");
      return { page: "/admin/users", action: `/admin/users/${u.id}/disable` };
    },
  },
  "/admin/users/:id/enable": {
    role: "admin",
    prepare: async (t) => {
      const u = await t.addUser("viewer");
      const admin = await t.as("admin");
      const off = await t.app.request(`/admin/users/${u.id}/disable`, {
        method: "POST",
        headers: { ...admin.headers, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ confirmed: "yes" }),
      });
      expect(off.status).toBe(303);
      return { page: "/admin/users", action: `/admin/users/${u.id}/enable` };
    },
  },
  "/venues": {
    role: "protocol",
    prepare: async () => ({ page: "/venues", action: "/venues", changes: venueFields }),
  },
  "/venues/:id": {
    role: "protocol",
    prepare: async (t) => {
      const v = await makeVenue(t.db);
      return { page: `/venues/${v.id}`, action: `/venues/${v.id}`, changes: { capacity: "80" } };
    },
  },
  "/venues/:id/blackouts": {
    role: "protocol",
    prepare: async (t) => {
      const v = await makeVenue(t.db);
      return {
        page: `/venues/${v.id}`,
        action: `/venues/${v.id}/blackouts`,
        changes: { reason: "Istirahat", kind: "weekly", weekdays: ["1"], fromTime: "12:00", toTime: "13:00" },
      };
    },
  },
  "/blackouts": {
    role: "protocol",
    prepare: async () => ({
      page: "/venues",
      action: "/blackouts",
      changes: { reason: "Apel pagi", kind: "weekly", weekdays: ["1"], fromTime: "07:00", toTime: "08:00" },
    }),
  },
  "/blackouts/:id/delete": {
    role: "protocol",
    prepare: async (t) => {
      const v = await makeVenue(t.db);
      const admin = await t.as("protocol");
      await t.app.request(`/venues/${v.id}/blackouts`, {
        method: "POST",
        headers: { ...admin.headers, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          reason: "Istirahat",
          kind: "weekly",
          weekdays: "2",
          fromTime: "12:00",
          toTime: "13:00",
        }),
      });
      const b = (await t.db.orm.select().from(blackouts).where(eq(blackouts.venueId, v.id)).get())!;
      return { page: `/venues/${v.id}`, action: `/blackouts/${b.id}/delete` };
    },
  },
  "/hosts": {
    role: "protocol",
    prepare: async () => ({
      page: "/hosts",
      action: "/hosts",
      changes: { name: "Budi Santoso", title: "Kepala Dinas" },
    }),
  },
  "/hosts/:id": {
    role: "protocol",
    prepare: async (t) => {
      const h = await makeHost(t.db);
      return { page: `/hosts/${h.id}`, action: `/hosts/${h.id}`, changes: { title: "Sekretaris Daerah" } };
    },
  },
  "/templates": {
    role: "protocol",
    prepare: async () => ({
      page: "/templates/new",
      action: "/templates",
      changes: {
        name: "Kunjungan singkat",
        defaultStartTime: "09:00",
        "items.0.offsetMinutes": "0",
        "items.0.durationMinutes": "60",
        "items.0.titleId": "Diskusi",
        "items.0.titleEn": "Discussion",
      },
    }),
  },
  "/templates/:id": {
    role: "protocol",
    prepare: async (t) => {
      const id = await newTemplate(t);
      return { page: `/templates/${id}`, action: `/templates/${id}`, changes: { description: "Satu jam" } };
    },
  },
  "/templates/:id/delete": {
    role: "protocol",
    prepare: async (t) => {
      const id = await newTemplate(t);
      return { page: `/templates/${id}`, action: `/templates/${id}/delete`, changes: { confirm: "on" } };
    },
  },
  "/admin/host-settings": {
    role: "admin",
    prepare: async () => ({
      page: "/admin/host-settings",
      action: "/admin/host-settings",
      changes: { governmentName: "Pemerintah Kabupaten Banyuwangi", officeName: "Bagian Protokol" },
    }),
  },
  "/availability/book": {
    role: "protocol",
    prepare: async (t) => {
      const v = await makeVenue(t.db, MPP_VENUE);
      const d = await makeDelegation(t.db);
      const q = new URLSearchParams({
        from: DAY,
        to: DAY,
        durationMinutes: "60",
        groupSize: "10",
        venueId: v.id,
      });
      return {
        page: `/availability?${q}`,
        action: "/availability/book",
        changes: { delegationId: d.id, title: "Kunjungan MPP" },
      };
    },
  },
  "/delegations/:id/transition": {
    role: "protocol",
    prepare: async (t) => {
      const d = await makeDelegation(t.db, { status: "requested" });
      return {
        page: `/delegations/${d.id}`,
        action: `/delegations/${d.id}/transition`,
        match: { to: "confirmed" },
      };
    },
  },
  "/delegations/:id/outcome": {
    role: "humas",
    prepare: async (t) => {
      const d = await makeDelegation(t.db, { confirmedDates: { start: DAY, end: DAY } });
      const base = `/delegations/${d.id}/outcome`;
      return { page: base, action: base, changes: { summary: "Rombongan mempelajari MPP." } };
    },
  },
  "/delegations/:id/outcome/complete": {
    role: "humas",
    prepare: async (t) => {
      const d = await makeDelegation(t.db, { confirmedDates: { start: "2026-03-02", end: "2026-03-02" } });
      await makeOutcome(t.db, d.id, t.clock());
      const base = `/delegations/${d.id}/outcome/complete`;
      return { page: base, action: base };
    },
  },
  "/delegations/:id/outcome/reopen": {
    role: "protocol",
    prepare: async (t) => {
      const d = await completed(t);
      return {
        page: `/delegations/${d.id}`,
        action: `/delegations/${d.id}/outcome/reopen`,
        changes: { reason: "Ditandai terlalu awal" },
      };
    },
  },
  "/delegations/:id/attendance/mark": {
    role: "humas",
    prepare: async (t) => {
      const d = await makeDelegation(t.db, { confirmedDates: { start: DAY, end: DAY } });
      await makeParticipant(t.db, d.id, { name: "Ibu Hadir" });
      const base = `/delegations/${d.id}/attendance`;
      return { page: base, action: `${base}/mark`, match: { attended: "true" } };
    },
  },
  "/delegations/:id/attendance/walk-in": {
    role: "humas",
    prepare: async (t) => {
      const d = await makeDelegation(t.db, { confirmedDates: { start: DAY, end: DAY } });
      const base = `/delegations/${d.id}/attendance`;
      return { page: base, action: `${base}/walk-in`, changes: { name: "Pak Datang", title: "Staf" } };
    },
  },
  "/commitments": {
    role: "humas",
    prepare: async (t) => {
      const d = await completed(t);
      return {
        page: `/commitments/new?delegationId=${d.id}`,
        action: "/commitments",
        changes: {
          what: "Kirim SOP MPP",
          ownerName: "Bagian Organisasi",
          ownerEmail: "org@example.go.id",
          targetDate: "2026-04-30",
        },
      };
    },
  },
  "/commitments/:cid/edit": {
    role: "humas",
    prepare: async (t) => {
      const id = await newCommitment(t);
      return {
        page: `/commitments/${id}`,
        action: `/commitments/${id}/edit`,
        changes: { what: "Kirim SOP" },
      };
    },
  },
  "/commitments/:cid/transition": {
    role: "humas",
    prepare: async (t) => {
      const id = await newCommitment(t);
      return {
        page: `/commitments/${id}`,
        action: `/commitments/${id}/transition`,
        match: { to: "in_progress" },
      };
    },
  },
  "/admin/targets/:year": {
    role: "admin",
    prepare: async () => ({
      page: "/admin/targets?year=2026",
      action: "/admin/targets/2026",
      changes: { visits: "40", visitors: "600" },
    }),
  },
  "/f/:token": {
    role: null,
    prepare: async (t) => {
      const d = await completed(t);
      const token = await makeSurveyLink(t.db, d.id, t.clock());
      return { page: `/f/${token}`, action: `/f/${token}`, changes: { overall: "5" } };
    },
  },
  "/delegations/:id/press-release": {
    role: "humas",
    prepare: async (t) => {
      const d = await completed(t);
      const base = `/delegations/${d.id}/press-release`;
      return {
        page: base,
        action: base,
        changes: { title: "Kunjungan Kabupaten Uji", body: "Rombongan datang." },
      };
    },
  },
  "/delegations/:id/publication": {
    role: "humas",
    prepare: async (t) => {
      const d = await completed(t);
      const base = `/delegations/${d.id}/publication`;
      return {
        page: base,
        action: base,
        changes: { title: "Kunjungan Kabupaten Uji", summary: "Studi banding MPP." },
      };
    },
  },
  "/delegations/:id/publication/unpublish": {
    role: "humas",
    prepare: async (t) => {
      const d = await completed(t);
      const humas = await t.as("humas");
      const base = `/delegations/${d.id}/publication`;
      const published = await submit(t, humas.headers, {
        page: base,
        action: base,
        changes: { title: "Kunjungan Kabupaten Uji", summary: "Studi banding MPP." },
      });
      expect(published.status).toBe(303);
      return { page: `${base}/unpublish`, action: `${base}/unpublish`, changes: { reason: "Salah tanggal" } };
    },
  },
};

/**
 * Page POST routes not driven here, each with its reason. Sign-in, sign-out, passwords and the language
 * switch have their own tests; the roster preview is a step that shows what would be imported and changes
 * nothing (its confirmation is driven above through the preview's own form).
 */
const NOT_DRIVEN: Record<string, string> = {
  "/login": "sign-in has its own tests",
  "/logout": "sign-out has its own tests",
  "/language": "language.test.ts",
  "/forgot-password": "password tests",
  "/reset-password/:token": "password tests",
  "/account/password": "password tests",
  "/delegations/:id/participants/import": "a preview step: shows the rows, changes nothing",
  "/delegations/:id/participants/import/confirm": "driven from the preview in its own test below",
};

async function newTemplate(t: TestApp): Promise<string> {
  const { headers } = await t.as("protocol");
  const html = await (await t.app.request("/templates/new", { headers })).text();
  const res = await t.app.request("/templates", {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: fill(formFields(html, "/templates"), {
      name: `Templat ${crypto.randomUUID().slice(0, 6)}`,
      defaultStartTime: "09:00",
      "items.0.offsetMinutes": "0",
      "items.0.durationMinutes": "60",
      "items.0.titleId": "Diskusi",
      "items.0.titleEn": "Discussion",
    }),
  });
  expect(res.status).toBe(303);
  return (res.headers.get("Location") as string).split("?")[0]!.split("/").pop()!;
}

async function newCommitment(t: TestApp): Promise<string> {
  const d = await completed(t);
  const { headers } = await t.as("humas");
  const html = await (await t.app.request(`/commitments/new?delegationId=${d.id}`, { headers })).text();
  const res = await t.app.request("/commitments", {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: fill(formFields(html, "/commitments"), {
      what: "Kirim SOP MPP",
      ownerName: "Bagian Organisasi",
      ownerEmail: "org@example.go.id",
      targetDate: "2026-04-30",
    }),
  });
  expect(res.status).toBe(303);
  return (res.headers.get("Location") as string).split("?")[0]!.split("/").pop()!;
}

function post(t: TestApp, headers: Record<string, string>, action: string, body: URLSearchParams) {
  return t.app.request(action, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
}

/** Submits the form; a confirmation step is confirmed through its own form. Returns the final answer. */
async function submit(t: TestApp, headers: Record<string, string>, s: Submit): Promise<Response> {
  const page = await t.app.request(s.page, { headers });
  expect(page.status, `${s.page} renders`).toBe(200);
  const fields = formFields(await page.text(), s.action, s.match);
  const res = await post(t, headers, s.action, fill(fields, s.changes ?? {}));
  if (res.status !== 200) return res;
  const html = await res.text();
  expect(html, `${s.action} answered a page instead of a redirect`).toMatch(
    /data-testid="(confirm-step|publish-confirm)"/,
  );
  return post(t, headers, s.action, fill(formFields(html, s.action), {}));
}

async function expectRedirectToPage(
  t: TestApp,
  headers: Record<string, string>,
  res: Response,
  what: string,
) {
  const problems = async () =>
    [
      ...(await res.clone().text()).matchAll(
        /<(?:span|p|div) class="(?:error|alert[^"]*)"([^>]*)>([\s\S]*?)<\/(?:span|p|div)>/g,
      ),
    ]
      .map((m) => `${m[1]} ${m[2]}`)
      .join(" | ");
  expect(res.status, `${what}: ${res.status === 303 ? "" : await problems()}`).toBe(303);
  const location = res.headers.get("Location") ?? "";
  expect(location, what).toMatch(/^\/(?!\/)/);
  const page = await t.app.request(location, { headers });
  expect(page.status, `${what} → ${location}`).toBe(200);
  expect(page.headers.get("Content-Type"), `${what} → ${location}`).toContain("text/html");
}

describe("Post/Redirect/Get", () => {
  it("every page POST route of the app is driven here or named with its reason", async () => {
    const t = await makeTestApp();
    const pagePosts = new Set(
      t.app.routes.filter((r) => r.method === "POST" && !r.path.startsWith("/api/")).map((r) => r.path),
    );
    const unaccounted = [...pagePosts].filter(
      (p) => !(p in SCENARIOS) && !(p in NOT_DRIVEN) && !(p in OTHERS),
    );
    expect(unaccounted).toEqual([]);
    for (const p of [...Object.keys(SCENARIOS), ...Object.keys(NOT_DRIVEN)]) expect(pagePosts).toContain(p);
  });

  for (const [route, scenario] of Object.entries(SCENARIOS)) {
    it(`POST ${route} answers 303 to a page that renders`, async () => {
      const t = await makeTestApp();
      await seedTopics(t.db, t.clock());
      const headers = scenario.role ? (await t.as(scenario.role)).headers : { ...ORIGIN };
      const s = await scenario.prepare(t);
      await expectRedirectToPage(t, headers, await submit(t, headers, s), `POST ${route}`);
    });
  }

  it("the roster import is previewed (nothing stored), then confirmed from the preview with a 303", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const d = await makeDelegation(t.db);
    const base = `/delegations/${d.id}/participants`;
    const form = new FormData();
    form.set(
      "file",
      new File(["nama,jabatan\nIbu Wakil,Wakil Bupati\n"], "peserta.csv", { type: "text/csv" }),
    );
    const preview = await t.app.request(`${base}/import`, { method: "POST", headers, body: form });
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(await t.db.orm.query.participants.findMany()).toEqual([]);
    const res = await post(
      t,
      headers,
      `${base}/import/confirm`,
      fill(formFields(html, `${base}/import/confirm`), {}),
    );
    await expectRedirectToPage(t, headers, res, "roster import");
    expect(await t.db.orm.query.participants.findMany()).toHaveLength(1);
  });

  it("a visit is re-proposed, declined and cancelled through its forms, each with a 303 (completing: the outcome section)", async () => {
    const t = await makeTestApp();
    const { headers } = await t.as("protocol");
    const requested = await makeDelegation(t.db, { status: "requested" });
    const confirmed = await makeDelegation(t.db, { confirmedDates: { start: DAY, end: DAY } });
    const past = await makeDelegation(t.db, { confirmedDates: { start: "2026-03-02", end: "2026-03-02" } });
    await makeOutcome(t.db, past.id, t.clock());
    for (const [d, to, changes] of [
      [requested, "requested", { start: "2026-03-20" }],
      [requested, "declined", { reason: "Jadwal penuh" }],
      [confirmed, "cancelled", { reason: "Batal dari pemohon" }],
    ] as const) {
      const action = `/delegations/${d.id}/transition`;
      const res = await submit(t, headers, { page: `/delegations/${d.id}`, action, match: { to }, changes });
      await expectRedirectToPage(t, headers, res, `transition to ${to}`);
      expect((await t.db.orm.query.delegations.findFirst({ where: eq(delegations.id, d.id) }))?.status).toBe(
        to,
      );
    }
  });
});

/** Page POST routes of other areas (agenda, mail, closures, feeds, API tokens): driven by their own tests. */
const OTHERS: Record<string, string> = {
  "/delegations/:id/agenda/items": "agenda",
  "/delegations/:id/agenda/items/:itemId": "agenda",
  "/delegations/:id/agenda/items/:itemId/cancel": "agenda",
  "/delegations/:id/agenda/items/:itemId/leave": "agenda",
  "/delegations/:id/agenda/template": "agenda",
  "/delegations/:id/share": "agenda",
  "/delegations/:id/share/revoke": "agenda",
  "/delegations/:id/share/:linkId/revoke": "agenda",
  "/delegations/:id/invitations/send": "mail",
  "/delegations/:id/invitations/auto-notices": "mail",
  "/admin/outbox/:id/retry": "mail",
  "/admin/outbox/:id/cancel": "mail",
  "/admin/closures": "closures",
  "/admin/closures/import": "closures",
  "/admin/closures/:id/review": "closures",
  "/admin/closures/review": "closures",
  "/admin/closures/:id/delete": "closures",
  "/admin/closures/:id": "closures",
  "/admin/feeds": "calendar feeds",
  "/admin/feeds/:id/revoke": "calendar feeds",
};
