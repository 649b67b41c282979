/**
 * The transition matrix through the API, per role; reasons and dates required where a step needs them; every
 * step audited and visible on the visitor's status page; a stale version refused.
 */
import { describe, expect, it } from "vitest";
import type { DelegationStatus } from "../../db/schema/delegations";
import { canTransition, TRANSITIONS } from "../../src/delegations/lifecycle";
import { followRedirect, type TestApp } from "../helpers/test-app";
import { delegationsApp, json, makeRequest, readyToComplete } from "./helpers";

const STATUSES: DelegationStatus[] = ["requested", "confirmed", "completed", "declined", "cancelled"];
/** The status names a reader sees (the catalogue's), never the stored enum value. */
const NAME_ID: Record<DelegationStatus, string> = {
  requested: "Diajukan",
  confirmed: "Dikonfirmasi",
  completed: "Selesai",
  declined: "Ditolak",
  cancelled: "Dibatalkan",
};
/** Fails when a raw enum value (`requested`, `confirmed` …) appears as a word in a message. */
function expectNoRawStatus(message: string) {
  for (const s of STATUSES) expect(message, message).not.toMatch(new RegExp(`\\b${s}\\b`));
}
const BODY: Record<DelegationStatus, Record<string, unknown>> = {
  requested: { to: "requested", dates: [{ start: "2026-04-06" }] },
  confirmed: { to: "confirmed", dates: { start: "2026-03-16", end: "2026-03-17" } },
  completed: { to: "completed" },
  declined: { to: "declined", reason: "Jadwal penuh" },
  cancelled: { to: "cancelled", reason: "Dibatalkan pemohon" },
};
/** How to bring a fresh request into each status. */
const PATH: Record<DelegationStatus, DelegationStatus[]> = {
  requested: [],
  confirmed: ["confirmed"],
  completed: ["confirmed", "completed"],
  declined: ["declined"],
  cancelled: ["cancelled"],
};

async function transition(
  t: TestApp,
  headers: Record<string, string>,
  id: string,
  body: Record<string, unknown>,
) {
  return t.app.request(`/api/v1/delegations/${id}/transition`, json("POST", body, headers));
}

describe("transition matrix", () => {
  it("allows exactly the transitions of the lifecycle", () => {
    const allowed = STATUSES.flatMap((from) =>
      STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        "requested→confirmed",
        "requested→requested",
        "requested→declined",
        "requested→cancelled",
        "confirmed→confirmed",
        "confirmed→cancelled",
        "confirmed→completed",
      ].sort(),
    );
  });

  it("applies allowed steps and refuses every other one with 409, for protocol and admin", async () => {
    const t = await delegationsApp();
    for (const role of ["protocol", "admin"] as const) {
      const staff = await t.as(role);
      for (const from of STATUSES) {
        for (const to of STATUSES) {
          const r = await makeRequest(t);
          for (const step of PATH[from]) {
            const restore = step === "completed" ? await readyToComplete(t, r.id) : null;
            expect((await transition(t, staff.headers, r.id, BODY[step])).status).toBe(200);
            restore?.();
          }
          // Completing needs the last day and a summary (src/outcomes/completion.ts; refusals tested there).
          const restore = to === "completed" ? await readyToComplete(t, r.id) : null;
          const res = await transition(t, staff.headers, r.id, BODY[to]);
          restore?.();
          const label = `${role}: ${from}→${to}`;
          if (TRANSITIONS[from].includes(to)) {
            expect(res.status, label).toBe(200);
            expect(((await res.json()) as { delegation: { status: string } }).delegation.status, label).toBe(
              to,
            );
          } else {
            expect(res.status, label).toBe(409);
            const err = (await res.json()) as { error: { code: string; message: string } };
            expect(err.error.code).toBe("conflict");
            expect(err.error.message).toBe(
              `Perubahan status dari ${NAME_ID[from]} ke ${NAME_ID[to]} tidak diizinkan.`,
            );
            expectNoRawStatus(err.error.message);
          }
        }
      }
    }
  });

  it("refuses viewers and humas (403) and the public (401)", async () => {
    const t = await delegationsApp();
    const r = await makeRequest(t);
    for (const role of ["viewer", "humas"] as const) {
      const user = await t.as(role);
      expect((await transition(t, user.headers, r.id, BODY.confirmed)).status).toBe(403);
      // They may still read.
      expect((await t.app.request(`/api/v1/delegations/${r.id}`, { headers: user.headers })).status).toBe(
        200,
      );
    }
    expect((await transition(t, {}, r.id, BODY.confirmed)).status).toBe(401);
  });

  it("requires a reason to decline or cancel, and dates to confirm or propose", async () => {
    const t = await delegationsApp();
    const staff = await t.as("protocol");
    const r = await makeRequest(t);
    for (const body of [{ to: "declined" }, { to: "cancelled", reason: "  " }]) {
      const res = await transition(t, staff.headers, r.id, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
        "Alasan wajib diisi.",
      );
    }
    for (const body of [{ to: "confirmed" }, { to: "requested" }]) {
      const res = await transition(t, staff.headers, r.id, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
        "Tanggal wajib diisi.",
      );
    }
  });

  it("shows proposals, confirmation and reasons on the status page, and audits each step", async () => {
    const t = await delegationsApp();
    const staff = await t.as("protocol");
    const r = await makeRequest(t);
    await transition(t, staff.headers, r.id, {
      to: "requested",
      dates: [{ start: "2026-04-07", end: "2026-04-08" }],
      message: "Maret penuh.",
    });
    let page = await (await t.app.request(r.statusPath)).text();
    expect(page).toContain("Selasa, 7 April 2026 – Rabu, 8 April 2026");
    expect(page).toContain("Maret penuh.");

    const stale = await transition(t, staff.headers, r.id, { ...BODY.confirmed, version: 1 });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe("stale");

    expect(
      (
        await transition(t, staff.headers, r.id, {
          to: "confirmed",
          dates: { start: "2026-04-07", end: "2026-04-08" },
          version: 2,
        })
      ).status,
    ).toBe(200);
    page = await (await t.app.request(r.statusPath)).text();
    expect(page).toContain('data-status="confirmed"');
    expect(page).toContain("Dikonfirmasi");
    expect(await (await t.app.request(`${r.statusPath}&lang=en`)).text()).toContain("Confirmed");

    expect((await transition(t, staff.headers, r.id, BODY.cancelled)).status).toBe(200);
    page = await (await t.app.request(r.statusPath)).text();
    expect(page).toContain("Dibatalkan pemohon");
    const audit = await t.db.client.execute({
      sql: "SELECT action FROM audit_events WHERE entity_type = 'delegation' AND entity_id = ? ORDER BY id",
      args: [r.id],
    });
    expect(audit.rows.map((row) => row.action)).toEqual([
      "delegation.create",
      "delegation.transition",
      "delegation.transition",
      "delegation.transition",
    ]);
  });

  it("confirms through the staff page (form post)", async () => {
    const t = await delegationsApp();
    const staff = await t.as("protocol");
    const r = await makeRequest(t);
    const body = new URLSearchParams({
      to: "confirmed",
      version: "1",
      start: "2026-03-16",
      end: "2026-03-17",
    });
    const res = await t.app.request(`/delegations/${r.id}/transition`, {
      method: "POST",
      headers: { ...staff.headers, "Content-Type": "application/x-www-form-urlencoded" },
      body,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/delegations/${r.id}`);
    expect(await (await followRedirect(t, res, staff.headers)).text()).toContain(
      "Status diubah: Dikonfirmasi.",
    );
    const again = await t.app.request(`/delegations/${r.id}/transition`, {
      method: "POST",
      headers: { ...staff.headers, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ to: "declined", version: "2", reason: "x" }),
    });
    expect(again.status).toBe(409);
    const page = await again.text();
    expect(page).toContain("Perubahan status dari Dikonfirmasi ke Ditolak tidak diizinkan.");
    expect(page).not.toContain("dari confirmed");
  });

  it("names the statuses of a refused change in English too, never the raw enum value", async () => {
    const t = await delegationsApp();
    const staff = await t.as("protocol");
    const r = await makeRequest(t);
    const res = await t.app.request(
      `/api/v1/delegations/${r.id}/transition?lang=en`,
      json("POST", BODY.completed, staff.headers),
    );
    expect(res.status).toBe(409);
    const err = (await res.json()) as { error: { message: string; details: { from: string; to: string } } };
    expect(err.error.message).toBe("Changing the status from Requested to Completed is not allowed.");
    expectNoRawStatus(err.error.message);
    // The machine-readable details keep the codes.
    expect(err.error.details).toMatchObject({ from: "requested", to: "completed" });
  });
});
