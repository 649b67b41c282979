/** SEED=demo: the Kepulauan Riau delegation, confirmed, with its roster in precedence order. */
import { expect, it } from "vitest";
import { runSeeders } from "../../db/seed";
import { SEEDERS } from "../../src/features";
import { makeTestApp } from "../helpers/test-app";

it("seeds the confirmed Kepri delegation with its roster, once", async () => {
  const t = await makeTestApp();
  const ran = await runSeeders(t.db, "demo", t.clock(), SEEDERS);
  expect(ran).toEqual(
    expect.arrayContaining(["closures:national-holidays", "delegations:topics", "delegations:demo-kepri"]),
  );
  expect(await runSeeders(t.db, "demo", t.clock(), SEEDERS)).toEqual([]);
  const staff = await t.as("viewer");
  const list = (await (await t.app.request("/api/v1/delegations", { headers: staff.headers })).json()) as {
    delegations: { id: string; status: string; institution: string; confirmedDates: { start: string } }[];
  };
  // The Kepri visit is the one still to come (the others are the past visits of the follow-up demo).
  const upcoming = list.delegations.filter(
    (x) => x.status === "confirmed" && x.institution.includes("Kepulauan Riau"),
  );
  expect(upcoming).toHaveLength(1);
  const d = upcoming[0] as (typeof list.delegations)[number];
  expect(d).toMatchObject({ status: "confirmed", institution: "Pemerintah Provinsi Kepulauan Riau" });
  const roster = (await (
    await t.app.request(`/api/v1/delegations/${d.id}/participants`, { headers: staff.headers })
  ).json()) as {
    participants: { title: string; precedenceRank: number }[];
  };
  // UU 9/2010: governor, DPRD vice-chair, regents (acting ones rank as the office), vice-regents, then
  // provincial agency heads (eselon II), then staff; equal ranks by name.
  expect(roster.participants.map((p) => [p.precedenceRank, p.title])).toEqual([
    [10, "Gubernur Kepulauan Riau"],
    [50, "Wakil Ketua DPRD Provinsi Kepulauan Riau"],
    [80, "Bupati Karimun"],
    [80, "Pj. Bupati Bintan"],
    [80, "Bupati Lingga"],
    [90, "Wakil Bupati Kepulauan Anambas"],
    [90, "Wakil Bupati Natuna"],
    [150, "Kepala Dinas Komunikasi dan Informatika Provinsi Kepulauan Riau"],
    [150, "Kepala Dinas Penanaman Modal dan PTSP Provinsi Kepulauan Riau"],
    [150, "Kepala Biro Pemerintahan Setda Provinsi Kepulauan Riau"],
    [900, "Ajudan Gubernur"],
  ]);

  // The demo visit's first day carries the standard half-day MPP programme from the starter template.
  const agenda = (await (
    await t.app.request(`/api/v1/delegations/${d.id}/agenda`, { headers: staff.headers })
  ).json()) as { items: { title: string; startsAt: string }[] };
  expect(agenda.items).toHaveLength(5);
  expect(agenda.items.every((i) => i.startsAt.startsWith(d.confirmedDates.start.slice(0, 7)))).toBe(true);
});
