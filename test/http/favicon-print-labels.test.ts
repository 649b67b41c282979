/**
 * Small things people notice: a favicon on every layout (no 404 per view), a print button on the
 * itinerary, the rundown and the day grid (wired by the one static script, /assets/app.js; no inline
 * script), hosts named once when name and title are the same.
 */
import { and, eq, like } from "drizzle-orm";
import { expect, it } from "vitest";
import { delegations } from "../../db/schema/delegations";
import { runSeeders } from "../../db/seed";
import { SEEDERS } from "../../src/features";
import { hostLabel } from "../../src/venues/host-label";
import { makeTestApp } from "../helpers/test-app";

it("names a host once when the title repeats the name", () => {
  expect(hostLabel({ name: "Sekretaris Daerah", title: "Sekretaris Daerah" })).toBe("Sekretaris Daerah");
  expect(hostLabel({ name: "Bupati Banyuwangi", title: "bupati" })).toBe("Bupati Banyuwangi");
  expect(hostLabel({ name: "Budi Santoso", title: "Kepala DPMPTSP" })).toBe("Budi Santoso (Kepala DPMPTSP)");
  expect(hostLabel({ name: "Budi Santoso", title: " " })).toBe("Budi Santoso");
});

it("serves a favicon to every layout and a print button on the itinerary and the rundown", async () => {
  const t = await makeTestApp();
  await runSeeders(t.db, "demo", t.clock(), SEEDERS);
  for (const path of ["/favicon.ico", "/assets/favicon.svg"]) {
    const res = await t.app.request(path);
    expect(res.status, path).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect(await res.text()).toMatch(/^<svg /);
  }
  const script = await t.app.request("/assets/app.js");
  expect(script.headers.get("content-type")).toContain("javascript");
  expect(await script.text()).toContain("window.print()");
  // One print mechanism: the old separate script is gone.
  expect((await t.app.request("/assets/print.js")).status).toBe(404);

  const admin = await t.as("admin");
  const kepri = await t.db.orm.query.delegations.findFirst({
    where: and(eq(delegations.status, "confirmed"), like(delegations.institution, "%Kepulauan Riau%")),
  });
  const share = (await (
    await t.app.request(`/api/v1/delegations/${kepri?.id}/share`, { method: "POST", headers: admin.headers })
  ).json()) as { url: string };
  const pages = {
    staff: await (await t.app.request("/", { headers: admin.headers })).text(),
    login: await (await t.app.request("/login")).text(),
    itinerary: await (await t.app.request(new URL(share.url).pathname)).text(),
    rundown: await (
      await t.app.request(`/delegations/${kepri?.id}/rundown`, { headers: admin.headers })
    ).text(),
    "day-grid": await (await t.app.request("/calendar/day", { headers: admin.headers })).text(),
  };
  for (const [name, html] of Object.entries(pages)) {
    expect(html, name).toContain('<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml"/>');
  }
  for (const name of ["itinerary", "rundown", "day-grid"] as const) {
    expect(pages[name]).toMatch(
      /<button type="button" class="secondary" data-print="[^"]*" hidden="" data-testid="[\w-]+-print">Cetak[^<]*<\/button>/,
    );
    expect(pages[name].match(/<script src="\/assets\/app.js" defer=""><\/script>/g), name).toHaveLength(1);
    expect(pages[name]).not.toMatch(/<script>|onclick=|print\.js/);
  }
  // The demo's "Sekretaris Daerah" host has the same name and title: named once.
  expect(pages.rundown).not.toContain("Sekretaris Daerah (Sekretaris Daerah)");
}, 90_000); // the demo seed writes two years of visits
