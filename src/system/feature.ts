/**
 * @module The system feature: what belongs to no domain feature. Health probes, static assets and the
 * API's own description (the document, built by `createApp`, arrives through the mount).
 */
import type { Feature } from "../http/feature";
import { apiDocsPage, openApiJson } from "./api-docs";
import { assets, faviconIco } from "./assets";
import { healthz, livez } from "./probes";

export const systemFeature: Feature = {
  name: "system",
  routes: [
    { prefix: "/livez", app: livez },
    { prefix: "/healthz", app: healthz },
    { prefix: "/assets", app: assets },
    { prefix: "/favicon.ico", app: faviconIco },
    { prefix: "/api/v1/openapi.json", app: openApiJson },
    { prefix: "/api/v1/docs", app: apiDocsPage },
  ],
};
