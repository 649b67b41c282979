/**
 * Commitments through the API: the lifecycle and each refusal (409 naming the allowed steps), evidence for
 * done, history from the audit log, the board's filters, and bad input answered 400 with field details
 * and nothing written.
 */
import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../db/schema/audit";
import { commitments } from "../../db/schema/outcomes";
import { makeDelegation } from "../helpers/factories";
import { json, makeTestApp, type TestApp } from "../helpers/test-app";

async function setup() {
  const t = await makeTestApp();
  const humas = await t.as("humas");
  const d = await makeDelegation(t.db, {
    provinceCode: "21",
    institution: "Pemerintah Provinsi Kepulauan Riau",
  });
  const other = await makeDelegation(t.db, { provinceCode: "51" });
  return { t, humas, d, other };
}

const post = (t: TestApp, headers: Record<string, string>, body: unknown) =>
  t.app.request("/api/v1/commitments", json(headers, body));

async function rows(t: TestApp) {
  const [c] = await t.db.orm.select({ n: count() }).from(commitments);
  const [a] = await t.db.orm.select({ n: count() }).from(auditEvents);
  return { commitments: c?.n, audit: a?.n };
}

describe("commitments API", () => {
  it("runs open → in_progress → done with evidence, refusing every other step, with its history", async () => {
    const { t, humas, d } = await setup();
    const created = await post(t, humas.headers, {
      delegationId: d.id,
      party: "host",
      ownerUserId: humas.user.id,
      what: "Mengirim SOP Mal Pelayanan Publik",
      targetDate: "2026-03-20",
    });
    expect(created.status).toBe(201);
    const { commitment, warnings } = (await created.json()) as {
      commitment: { id: string; status: string; overdue: boolean };
      warnings: string[];
    };
    expect(commitment).toMatchObject({ status: "open", overdue: false });
    expect(warnings).toEqual([]);
    const step = (body: Record<string, unknown>) =>
      t.app.request(`/api/v1/commitments/${commitment.id}/transition`, json(humas.headers, body));

    const refused = await step({ to: "done", evidence: { url: "https://x.go.id" }, version: 1 });
    expect(refused.status).toBe(409);
    const err = (await refused.json()) as { error: { code: string; message: string; details: unknown } };
    expect(err.error.code).toBe("conflict");
    expect(err.error.details).toEqual({ from: "open", to: "done", allowed: ["in_progress", "dropped"] });
    expect(err.error.message).toBe(
      "Perubahan status dari open ke done tidak diizinkan. Yang diizinkan: in_progress, dropped.",
    );

    expect((await step({ to: "in_progress", version: 1 })).status).toBe(200);
    const stale = await step({ to: "done", evidence: { note: "x" }, version: 1 });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe("stale");

    const noEvidence = await step({ to: "done", version: 2 });
    expect(noEvidence.status).toBe(400);
    expect(((await noEvidence.json()) as { error: { details: unknown } }).error.details).toEqual({
      fields: { evidence: ["commitments.evidenceRequired"] },
    });

    const done = await step({
      to: "done",
      evidence: { url: "https://banyuwangikab.go.id/sop-mpp" },
      version: 2,
    });
    expect(done.status).toBe(200);
    expect(((await done.json()) as { commitment: unknown }).commitment).toMatchObject({
      status: "done",
      completedOn: "2026-03-02",
      evidenceUrl: "https://banyuwangikab.go.id/sop-mpp",
    });
    for (const to of ["open", "in_progress", "dropped", "done"]) {
      const res = await step({ to, reason: "x", evidence: { note: "x" }, version: 3 });
      expect(res.status, to).toBe(409);
      expect(
        ((await res.json()) as { error: { details: { allowed: string[] } } }).error.details.allowed,
      ).toEqual([]);
    }

    const detail = (await (
      await t.app.request(`/api/v1/commitments/${commitment.id}`, { headers: humas.headers })
    ).json()) as {
      history: { action: string; actor: string }[];
    };
    expect(detail.history.map((h) => h.action)).toEqual([
      "commitment.create",
      "commitment.transition",
      "commitment.transition",
    ]);
    expect(detail.history[0]?.actor).toBe(humas.user.email);
  });

  it("drops with a reason only", async () => {
    const { t, humas, d } = await setup();
    const res = await post(t, humas.headers, {
      delegationId: d.id,
      party: "visitor",
      ownerName: "Rina",
      ownerEmail: "rina@kepriprov.go.id",
      what: "Membuka MPP",
      targetDate: "2026-06-01",
    });
    const { commitment } = (await res.json()) as { commitment: { id: string } };
    const url = `/api/v1/commitments/${commitment.id}/transition`;
    expect((await t.app.request(url, json(humas.headers, { to: "dropped", version: 1 }))).status).toBe(400);
    const ok = await t.app.request(
      url,
      json(humas.headers, { to: "dropped", reason: "Anggaran 2026 dipangkas", version: 1 }),
    );
    expect(((await ok.json()) as { commitment: unknown }).commitment).toMatchObject({
      status: "dropped",
      dropReason: "Anggaran 2026 dipangkas",
    });
  });

  it("accepts a past target date but flags it overdue", async () => {
    const { t, humas, d } = await setup();
    const res = await post(t, humas.headers, {
      delegationId: d.id,
      party: "visitor",
      ownerName: "Rina",
      ownerEmail: "rina@kepriprov.go.id",
      what: "Mengirim surat balasan",
      targetDate: "2026-02-20",
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      commitment: { overdue: boolean; daysOverdue: number };
      warnings: string[];
    };
    expect(body.commitment).toMatchObject({ overdue: true, daysOverdue: 10 });
    expect(body.warnings).toEqual(["Tanggal target sudah lewat: komitmen ini langsung tercatat terlambat."]);
  });

  it.each([
    ["an unknown owner", { ownerUserId: "nobody" }, "ownerUserId"],
    ["no owner", { ownerUserId: null }, "owner"],
    ["both owners", { ownerName: "X", ownerEmail: "x@example.org" }, "owner"],
    ["100 KB of text", { what: "a".repeat(100 * 1024) }, "what"],
    ["a bad date", { targetDate: "2026-02-30" }, "targetDate"],
    ["an unknown delegation", { delegationId: "nope" }, "delegationId"],
    ["an unknown field", { colour: "red" }, "colour"],
  ])("refuses %s with a 400 naming the field, and writes nothing", async (_name, change, field) => {
    const { t, humas, d } = await setup();
    const before = await rows(t);
    const res = await post(t, humas.headers, {
      delegationId: d.id,
      party: "host",
      ownerUserId: humas.user.id,
      what: "Mengirim SOP",
      targetDate: "2026-03-20",
      ...change,
    });
    expect(res.status).toBe(400);
    const err = (await res.json()) as {
      error: { code: string; details: { fields: Record<string, string[]> } };
    };
    expect(err.error.code).toBe("validation_failed");
    expect(Object.keys(err.error.details.fields)).toContain(field);
    expect(await rows(t)).toEqual(before);
  });

  it("refuses a bad evidence link with a 400 and changes nothing", async () => {
    const { t, humas, d } = await setup();
    const res = await post(t, humas.headers, {
      delegationId: d.id,
      party: "host",
      ownerUserId: humas.user.id,
      what: "SOP",
      targetDate: "2026-03-20",
    });
    const { commitment } = (await res.json()) as { commitment: { id: string } };
    const url = `/api/v1/commitments/${commitment.id}/transition`;
    await t.app.request(url, json(humas.headers, { to: "in_progress", version: 1 }));
    const before = await rows(t);
    for (const bad of ["javascript:alert(1)", "not a link", `https://x.id/${"a".repeat(3000)}`]) {
      const r = await t.app.request(
        url,
        json(humas.headers, { to: "done", evidence: { url: bad }, version: 2 }),
      );
      expect(r.status).toBe(400);
      expect(
        Object.keys(((await r.json()) as { error: { details: { fields: object } } }).error.details.fields),
      ).toEqual(["evidence.url"]);
    }
    expect(await rows(t)).toEqual(before);
  });

  it("filters the board by status, overdue, owner (me), party, province, delegation and due dates", async () => {
    const { t, humas, d, other } = await setup();
    const protocol = await t.as("protocol");
    const mk = (headers: Record<string, string>, body: Record<string, unknown>) =>
      post(t, headers, { party: "host", ownerUserId: humas.user.id, what: "x", ...body });
    await mk(humas.headers, { delegationId: d.id, what: "A", targetDate: "2026-02-10" });
    await mk(humas.headers, { delegationId: d.id, what: "B", targetDate: "2026-03-25", party: "visitor" });
    await mk(protocol.headers, {
      delegationId: other.id,
      what: "C",
      targetDate: "2026-04-15",
      ownerUserId: protocol.user.id,
    });
    const q = async (query: string, headers = humas.headers) =>
      (
        (await (await t.app.request(`/api/v1/commitments?${query}`, { headers })).json()) as {
          commitments: { what: string }[];
        }
      ).commitments.map((c) => c.what);
    expect(await q("")).toEqual(["A", "B", "C"]);
    expect(await q("overdue=true")).toEqual(["A"]);
    expect(await q("owner=me")).toEqual(["A", "B"]);
    expect(await q("owner=me", protocol.headers)).toEqual(["C"]);
    expect(await q("party=visitor")).toEqual(["B"]);
    expect(await q("province=51")).toEqual(["C"]);
    expect(await q(`delegationId=${d.id}&dueFrom=2026-03-01`)).toEqual(["B"]);
    expect(await q("dueFrom=2026-03-01&dueTo=2026-03-31")).toEqual(["B"]);
    expect(await q("status=done")).toEqual([]);
    const counts = (
      (await (await t.app.request("/api/v1/commitments", { headers: humas.headers })).json()) as {
        counts: unknown;
      }
    ).counts;
    expect(counts).toEqual({
      byStatus: { open: 3, in_progress: 0, done: 0, dropped: 0 },
      overdue: 1,
      dueThisMonth: 1,
      total: 3,
    });
    expect((await t.app.request("/api/v1/commitments?status=late", { headers: humas.headers })).status).toBe(
      400,
    );
  });
});
