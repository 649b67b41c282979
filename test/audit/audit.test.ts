/**
 * Audit rows for every change so far (sign-in, failure, sign-out, user create / role change / password
 * reset / disable / enable, token create / revoke) with actor, action, entity and before/after; the admin
 * page and API list and filter them (actor, action, date).
 */
import { asc } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../db/schema/audit";
import { json as jsonRequest, makeTestApp, ORIGIN, type TestApp } from "../helpers/test-app";

type Event = typeof auditEvents.$inferSelect;

async function events(t: TestApp): Promise<Event[]> {
  return t.db.orm.select().from(auditEvents).orderBy(asc(auditEvents.id)).all();
}

const json = (t: TestApp, method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  t.app.request(path, jsonRequest(headers, body, method));

describe("audit rows", () => {
  it("are written for sign-in, sign-in failure and sign-out", async () => {
    const t = await makeTestApp();
    const user = await t.addUser("protocol");
    await json(t, "POST", "/api/v1/auth/login", ORIGIN, { email: user.email, password: "wrong-password-1" });
    const cookie = await t.signIn(user.email, user.password);
    await t.app.request("/api/v1/auth/logout", { method: "POST", headers: { Cookie: cookie, ...ORIGIN } });

    const rows = (await events(t)).filter((e) => e.action.startsWith("auth."));
    expect(rows.map((e) => e.action)).toEqual(["auth.sign_in_failed", "auth.sign_in", "auth.sign_out"]);
    for (const e of rows) {
      expect(e).toMatchObject({ entityType: "user", entityId: user.id, actorLabel: user.email });
      expect(e.at.toISOString()).toBe(t.clock().toISOString());
    }
    expect(rows[0]?.actorId).toBe(user.id);
    expect(rows[0]?.after).toEqual({ ip: "127.0.0.1" });
  });

  it("records a failure for an unknown account under the attempted e-mail, without a user id", async () => {
    const t = await makeTestApp();
    await json(t, "POST", "/api/v1/auth/login", ORIGIN, {
      email: "Ghost@Test.Sambang.id",
      password: "x-1234567890",
    });
    const [row] = await events(t);
    expect(row).toMatchObject({
      action: "auth.sign_in_failed",
      actorId: null,
      actorLabel: "ghost@test.sambang.id",
      entityId: "ghost@test.sambang.id",
    });
  });

  it("are written for user create, role change, password reset, disable and enable, with before/after", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const created = await json(t, "POST", "/api/v1/users", admin.headers, {
      email: "baru@test.sambang.id",
      name: "Staf Baru",
      role: "viewer",
    });
    const { user } = await created.json();
    await json(t, "PATCH", `/api/v1/users/${user.id}`, admin.headers, { role: "humas" });
    await t.app.request(`/admin/users/${user.id}/reset-password`, { method: "POST", headers: admin.headers });
    await json(t, "PATCH", `/api/v1/users/${user.id}`, admin.headers, { disabled: true });
    await json(t, "PATCH", `/api/v1/users/${user.id}`, admin.headers, { disabled: false });

    const rows = (await events(t)).filter((e) => e.entityId === user.id);
    expect(rows.map((e) => e.action)).toEqual([
      "user.create",
      "user.update",
      "user.password_reset",
      "user.disable",
      "user.enable",
    ]);
    for (const e of rows) {
      expect(e).toMatchObject({ actorId: admin.user.id, actorLabel: admin.user.email, entityType: "user" });
      expect(JSON.stringify(e)).not.toContain("scrypt");
      expect(JSON.stringify(e)).not.toMatch(/passwordHash/);
    }
    const [create, role, reset, disable, enable] = rows as [Event, Event, Event, Event, Event];
    expect(create.before).toBeNull();
    expect(create.after).toMatchObject({ email: "baru@test.sambang.id", role: "viewer" });
    expect(role.before).toMatchObject({ role: "viewer" });
    expect(role.after).toMatchObject({ role: "humas" });
    expect(reset.before).toBeTruthy();
    expect(disable.before).toMatchObject({ disabledAt: null });
    expect((disable.after as { disabledAt: unknown }).disabledAt).not.toBeNull();
    expect((enable.before as { disabledAt: unknown }).disabledAt).not.toBeNull();
    expect(enable.after).toMatchObject({ disabledAt: null });
  });

  it("are written for a role change and create made on the admin pages", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const form = { ...admin.headers, "Content-Type": "application/x-www-form-urlencoded" };
    const res = await t.app.request("/admin/users", {
      method: "POST",
      headers: form,
      body: new URLSearchParams({ email: "page@test.sambang.id", name: "Dari Halaman", role: "protocol" }),
    });
    expect(res.status).toBe(303);
    const created = (await events(t)).find((e) => e.action === "user.create" && e.actorId === admin.user.id);
    expect(created).toBeDefined();
    await t.app.request(`/admin/users/${created?.entityId}/role`, {
      method: "POST",
      headers: form,
      body: new URLSearchParams({ role: "viewer" }),
    });
    const change = (await events(t)).at(-1);
    expect(change).toMatchObject({
      action: "user.update",
      before: { role: "protocol" },
      after: { role: "viewer" },
    });
  });

  it("are written for token create and revoke, never with the secret", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const res = await json(t, "POST", "/api/v1/tokens", admin.headers, { name: "SIAP feed" });
    const { id, token } = await res.json();
    await t.app.request(`/api/v1/tokens/${id}`, { method: "DELETE", headers: admin.headers });
    const rows = (await events(t)).filter((e) => e.entityType === "api_token");
    expect(rows.map((e) => e.action)).toEqual(["api_token.create", "api_token.revoke"]);
    expect(rows[0]).toMatchObject({ actorId: admin.user.id, entityId: id, after: { name: "SIAP feed" } });
    expect(rows[1]).toMatchObject({ before: { revokedAt: null } });
    expect((rows[1]?.after as { revokedAt?: unknown } | undefined)?.revokedAt).toBeTruthy();
    expect(JSON.stringify(rows)).not.toContain(token.slice(4));
    expect(JSON.stringify(rows)).not.toContain("tokenHash");
  });

  it("are not written when a change is refused (the last admin cannot be disabled)", async () => {
    const t = await makeTestApp();
    const admin = await t.as("admin");
    const before = (await events(t)).length;
    const res = await json(t, "PATCH", `/api/v1/users/${admin.user.id}`, admin.headers, { disabled: true });
    expect(res.status).toBe(409);
    expect((await events(t)).length).toBe(before);
  });
});

describe("audit log listing", () => {
  async function scenario() {
    // The admin's one session spans the week, so it may idle up to 7 days here (12 hours by default).
    const t = await makeTestApp({
      env: { SESSION_IDLE_MINUTES: String(7 * 24 * 60), SESSION_ABSOLUTE_HOURS: "720" },
    });
    const admin = await t.as("admin"); // day 1: 2 Mar 2026
    const other = await t.addUser("protocol", { email: "siti@test.sambang.id" });
    t.clock.set("2026-03-05T10:00:00+07:00");
    await t.signIn(other.email, other.password); // day 2: 5 Mar 2026
    t.clock.set("2026-03-09T08:00:00+07:00");
    await json(t, "PATCH", `/api/v1/users/${other.id}`, admin.headers, { role: "viewer" }); // 9 Mar 2026
    return { t, admin, other };
  }

  it("the API filters by actor, action and date (WIB calendar days)", async () => {
    const { t, admin, other } = await scenario();
    const get = async (query: string) =>
      (await (
        await t.app.request(`/api/v1/audit?${query}`, { headers: { Cookie: admin.cookie } })
      ).json()) as {
        events: Event[];
      };

    const byActor = await get("actor=siti@");
    expect(byActor.events.map((e) => e.action)).toEqual(["auth.sign_in"]);
    expect(byActor.events[0]?.actorId).toBe(other.id);

    const byAction = await get("action=user.");
    expect(byAction.events.map((e) => e.action)).toEqual(["user.update", "user.create", "user.create"]);

    const byDate = await get("from=2026-03-05&to=2026-03-05");
    expect(byDate.events.map((e) => e.action)).toEqual(["auth.sign_in"]);
    const since = await get("from=2026-03-09");
    expect(since.events.map((e) => e.action)).toEqual(["user.update"]);

    const bad = await t.app.request("/api/v1/audit?from=yesterday", { headers: { Cookie: admin.cookie } });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.details.fields)).toEqual(["from"]);
  });

  it("pages newest first with `before`", async () => {
    const { t, admin } = await scenario();
    const first = await (
      await t.app.request("/api/v1/audit?limit=2", { headers: { Cookie: admin.cookie } })
    ).json();
    expect(first.events).toHaveLength(2);
    expect(first.events[0].id).toBeGreaterThan(first.events[1].id);
    const next = await (
      await t.app.request(`/api/v1/audit?limit=2&before=${first.nextBefore}`, {
        headers: { Cookie: admin.cookie },
      })
    ).json();
    expect(next.events[0].id).toBeLessThan(first.events[1].id);
  });

  /** The rows of the audit table as text: time, actor, action, record, changes. */
  const tableRows = (html: string) =>
    [...(html.split('data-testid="audit"')[1] ?? "").matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1).map((m) =>
      (m[1] as string)
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ")
        .trim(),
    );

  it("the admin page reads in words: names, translated actions, before → after", async () => {
    const { t, admin, other } = await scenario();
    const all = await (await t.app.request("/admin/audit", { headers: { Cookie: admin.cookie } })).text();
    const rows = tableRows(all);
    expect(rows[0]).toBe(
      "Senin, 9 Maret 2026, 08.00 WIB admin 1 Pengguna diubah Pengguna protocol 2 Peran : Protokol → Peninjau",
    );
    expect(rows).toContain("Kamis, 5 Maret 2026, 10.00 WIB protocol 2 Masuk Pengguna protocol 2 —");
    // No codes or ids on the page: the action code only as a filter choice's value.
    expect(all.replace(/value="[^"]*"/g, "")).not.toMatch(
      /user\.update|auth\.sign_in|[0-9a-f]{8}-[0-9a-f]{4}-/,
    );

    const filtered = await (
      await t.app.request(`/admin/audit?actor=${other.id}&from=2026-03-05&to=2026-03-06`, {
        headers: { Cookie: admin.cookie },
      })
    ).text();
    expect(tableRows(filtered)).toEqual([
      "Kamis, 5 Maret 2026, 10.00 WIB protocol 2 Masuk Pengguna protocol 2 —",
    ]);
    expect(filtered).toContain(`<option value="${other.id}" selected="">protocol 2</option>`);

    const byAction = await (
      await t.app.request("/admin/audit?action=auth.sign_in&lang=en", { headers: { Cookie: admin.cookie } })
    ).text();
    // Exact: "auth.sign_in" does not take in "auth.sign_in_failed".
    expect(tableRows(byAction).map((r) => r.split(" WIB ")[1])).toEqual([
      "protocol 2 Signed in User protocol 2 —",
      "admin 1 Signed in User admin 1 —",
    ]);
    expect(byAction).toContain('<option value="auth.sign_in" selected="">Signed in</option>');
  });

  it("pages the admin page: 'showing 1–2 of 5', next and previous keep the filters", async () => {
    const { t, admin } = await scenario();
    const get = async (path: string) =>
      (await t.app.request(path, { headers: { Cookie: admin.cookie } })).text();
    const first = await get("/admin/audit?limit=2&entityType=user");
    expect(first).toContain("Menampilkan 1–2 · 5 kejadian");
    expect(first).not.toContain('data-testid="audit-previous"');
    const next = /href="([^"]+)" rel="next"/.exec(first)?.[1]?.replace(/&amp;/g, "&");
    expect(next).toBe("/admin/audit?limit=2&entityType=user&page=2");
    const second = await get(next as string);
    expect(second).toContain("Menampilkan 3–4 · 5 kejadian");
    expect(second).toContain('href="/admin/audit?limit=2&amp;entityType=user" rel="prev"');
    const third = await get("/admin/audit?limit=2&entityType=user&page=3");
    expect(third).toContain("Menampilkan 5–5 · 5 kejadian");
    expect(third).not.toContain('rel="next"');
    // Every event once across the pages, newest first.
    const times = [first, second, third].flatMap((h) => tableRows(h).map((r) => r.split(" WIB")[0]));
    expect(times).toHaveLength(5);
    const beyond = await get("/admin/audit?limit=2&page=99");
    expect(beyond).toContain("Tidak ada kejadian yang cocok.");
    expect((await t.app.request("/admin/audit?page=0", { headers: { Cookie: admin.cookie } })).status).toBe(
      400,
    );
  });

  it("exports the filtered trail as CSV for an auditor: BOM, quoted cells, formulas neutralised", async () => {
    const { t, admin } = await scenario();
    // A name a spreadsheet would run as a formula.
    await json(t, "PATCH", `/api/v1/users/${admin.user.id}`, admin.headers, { name: "=HYPERLINK(1)" });
    const res = await t.app.request("/admin/audit.csv?entityType=user", {
      headers: { Cookie: admin.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain("jejak-audit-2026-03-09.csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n");
    expect(lines[0]).toMatch(/^"Waktu","UTC","Pelaku","Pelaku \(ID\)","Tindakan","Tindakan \(kode\)",/);
    expect(lines[1]).toContain(`"'=HYPERLINK(1)","${admin.user.id}","Pengguna diubah","user.update"`);
    // Only a cell that starts like a formula is neutralised.
    expect(lines[1]).toContain('"Nama: admin 1 → =HYPERLINK(1)"');
    expect(lines.filter((l) => l !== "")).toHaveLength(1 + 6);
    expect(lines.filter((l) => l !== "").every((l) => /^"(?:[^"]|"")*"(,"(?:[^"]|"")*")*$/.test(l))).toBe(
      true,
    );
    const forbidden = await t.as("protocol");
    expect((await t.app.request("/admin/audit.csv", { headers: { Cookie: forbidden.cookie } })).status).toBe(
      403,
    );
  });
});
