/** SEED=demo, humas part: past visits written up, commitments in every status, some overdue — once. */
import { expect, it } from "vitest";
import { runSeeders } from "../../db/seed";
import { SEEDERS } from "../../src/features";
import { makeTestApp } from "../helpers/test-app";

it("seeds completed past visits with outcomes, attendance and commitments in every status", async () => {
  const t = await makeTestApp();
  const ran = await runSeeders(t.db, "demo", t.clock(), SEEDERS);
  expect(ran).toContain("outcomes:demo-past-visits");
  expect(await runSeeders(t.db, "demo", t.clock(), SEEDERS)).toEqual([]);
  const humas = await t.as("humas");
  const list = (await (
    await t.app.request("/api/v1/delegations?status=completed", { headers: humas.headers })
  ).json()) as {
    delegations: { id: string; institution: string }[];
  };
  // The humas demo's own completed visits (the results demo adds two years of others).
  const own = list.delegations.filter((x) =>
    ["Pemerintah Kabupaten Lombok Timur", "Pemerintah Kota Ternate"].includes(x.institution),
  );
  expect(own).toHaveLength(2);
  const board = (await (await t.app.request("/api/v1/commitments", { headers: humas.headers })).json()) as {
    counts: { byStatus: Record<string, number>; overdue: number };
    commitments: { status: string; overdue: boolean }[];
  };
  for (const s of ["open", "in_progress", "done", "dropped"])
    expect(board.counts.byStatus[s], s).toBeGreaterThan(0);
  expect(board.counts.overdue).toBeGreaterThanOrEqual(2);
  const d = own[0] as { id: string };
  const outcome = (await (
    await t.app.request(`/api/v1/delegations/${d.id}/outcome`, { headers: humas.headers })
  ).json()) as {
    outcome: { summary: string };
    attendance: { attended: number };
  };
  expect(outcome.outcome.summary).toContain("data contoh");
  expect(outcome.attendance.attended).toBeGreaterThan(0);
  // The most recent visit waits on the humas home page to be completed… it has an outcome, so it is not
  // "to write up"; the page still lists the commitments due.
  const home = await (await t.app.request("/", { headers: humas.headers })).text();
  expect(home).toContain("Komitmen jatuh tempo");
});
