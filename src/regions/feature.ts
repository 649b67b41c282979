/**
 * @module The regions feature: the public province and regency lookups under /api/v1/regions.
 */
import type { Feature } from "../http/feature";
import { regionsApi } from "./api";

export const regionsFeature: Feature = {
  name: "regions",
  routes: [{ prefix: "/api/v1/regions", app: regionsApi }],
};
