/** The public regions API used by the request form and integrations. */
import { expect, it } from "vitest";
import { makeTestApp } from "../helpers/test-app";

it("lists 38 provinces with zones and a province's regencies; unknown is 404", async () => {
  const t = await makeTestApp();
  const res = await t.app.request("/api/v1/regions/provinces");
  expect(res.status).toBe(200);
  const { provinces } = (await res.json()) as {
    provinces: { code: string; name: string; zoneLabel: string }[];
  };
  expect(provinces).toHaveLength(38);
  expect(provinces.find((p) => p.code === "21")).toMatchObject({ name: "Kepulauan Riau", zoneLabel: "WIB" });
  expect(provinces.find((p) => p.code === "51")).toMatchObject({ zoneLabel: "WITA" });
  const kepri = (await (await t.app.request("/api/v1/regions/provinces/21/regencies")).json()) as {
    regencies: { code: string; name: string }[];
  };
  expect(kepri.regencies.map((r) => r.name)).toContain("Kabupaten Karimun");
  expect(kepri.regencies).toHaveLength(7);
  expect((await t.app.request("/api/v1/regions/provinces/99/regencies")).status).toBe(404);
});
