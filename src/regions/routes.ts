/**
 * @module Public region lookups for forms and integrations: provinces and the regencies/cities of one
 * (Kemendagri codes from idn-area-data), with each province's legal time zone.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import type { RouteDoc } from "../http/openapi";
import { findProvince, listedProvinceZone, listProvinces, listRegencies } from "./regions";

const provinceOut = z.object({
  code: z.string(),
  name: z.string(),
  timeZone: z.string(),
  zoneLabel: z.string(),
});
const regencyOut = z.object({
  code: z.string(),
  provinceCode: z.string(),
  name: z.string(),
  kind: z.enum(["kabupaten", "kota"]),
});

export const regionsApiDocs: RouteDoc[] = [
  {
    method: "get",
    path: "/regions/provinces",
    summary: "All 38 provinces with their time zone (public)",
    tag: "regions",
    response: z.object({ provinces: z.array(provinceOut) }),
  },
  {
    method: "get",
    path: "/regions/provinces/{code}/regencies",
    summary: "Regencies and cities of a province (public)",
    tag: "regions",
    response: z.object({ province: provinceOut, regencies: z.array(regencyOut) }),
  },
];

const withZone = (p: { code: string; name: string }) => ({
  ...p,
  ...listedProvinceZone(p.code),
});

export function regionRoutes() {
  const app = new Hono<AppEnv>();
  app.get("/api/v1/regions/provinces", (c) => {
    c.header("Cache-Control", "public, max-age=86400");
    return c.json({ provinces: listProvinces().map(withZone) });
  });
  app.get("/api/v1/regions/provinces/:code/regencies", (c) => {
    const province = findProvince(c.req.param("code"));
    if (!province) throw new AppError("not_found");
    c.header("Cache-Control", "public, max-age=86400");
    return c.json({ province: withZone(province), regencies: listRegencies(province.code) });
  });
  return app;
}
