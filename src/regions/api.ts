/**
 * @module Public region lookups for forms and integrations, under /api/v1/regions: provinces and the
 * regencies/cities of one (Kemendagri codes from idn-area-data), with each province's legal time zone.
 * Answers may be cached for a day.
 */
import { z } from "zod";
import { apiRoute, featureApi, json } from "../http/api";
import { AppError } from "../http/errors";
import { findProvince, listedProvinceZone, listProvinces, listRegencies } from "./regions";

const tag = "regions";
const CACHE = "public, max-age=86400";

const provinceOut = z.object({
  code: z.string().openapi({ example: "35" }),
  name: z.string(),
  timeZone: z.string().openapi({ description: "IANA zone, e.g. Asia/Makassar" }),
  zoneLabel: z.enum(["WIB", "WITA", "WIT"]),
});
const regencyOut = z.object({
  code: z.string().openapi({ example: "35.10" }),
  provinceCode: z.string(),
  name: z.string(),
  kind: z.enum(["kabupaten", "kota"]),
});

const provinces = apiRoute({
  method: "get",
  path: "/provinces",
  operationId: "listProvinces",
  summary: "All 38 provinces with their time zone (public)",
  tag,
  responses: { 200: json(z.object({ provinces: z.array(provinceOut) })) },
});

const regencies = apiRoute({
  method: "get",
  path: "/provinces/{code}/regencies",
  operationId: "listRegencies",
  summary: "Regencies and cities of a province (public)",
  tag,
  request: { params: z.object({ code: z.string() }) },
  responses: { 200: json(z.object({ province: provinceOut, regencies: z.array(regencyOut) })) },
});

const withZone = (p: { code: string; name: string }) => ({ ...p, ...listedProvinceZone(p.code) });

export function regionsApi() {
  const app = featureApi();
  app.openapi(provinces, (c) => {
    c.header("Cache-Control", CACHE);
    return c.json({ provinces: listProvinces().map(withZone) }, 200);
  });
  app.openapi(regencies, (c) => {
    const province = findProvince(c.req.valid("param").code);
    if (!province) throw new AppError("not_found");
    c.header("Cache-Control", CACHE);
    return c.json({ province: withZone(province), regencies: [...listRegencies(province.code)] }, 200);
  });
  return app;
}
