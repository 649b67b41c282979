/**
 * @module The API's own description: /api/v1/openapi.json (the OpenAPI 3.1 document of the whole app,
 * built by `createApp` and handed in through the mount) and /api/v1/docs (the same as a web page).
 */
import { z } from "zod";
import { ApiDocsPage } from "../../views/pages/api-docs";
import { apiRoute, featureApi, json } from "../http/api";
import type { FeatureMount } from "../http/feature";
import { pageContext, renderPage } from "../http/render";

const tag = "system";

const documentOut = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});

const documentRoute = apiRoute({
  method: "get",
  path: "/",
  operationId: "getOpenApiDocument",
  summary: "This document",
  tag,
  responses: { 200: json(documentOut, "The OpenAPI 3.1 document") },
});

const docsRoute = apiRoute({
  method: "get",
  path: "/",
  operationId: "getApiDocsPage",
  summary: "This document as a web page",
  tag,
  responses: { 200: { description: "HTML page", content: { "text/html": { schema: z.string() } } } },
});

type ApiDocument = Parameters<typeof ApiDocsPage>[0]["doc"];

export function openApiJson({ apiDocument }: FeatureMount) {
  const app = featureApi();
  app.openapi(documentRoute, (c) =>
    c.json(apiDocument(c.get("deps").config.baseUrl) as z.infer<typeof documentOut>, 200),
  );
  return app;
}

export function apiDocsPage({ apiDocument }: FeatureMount) {
  const app = featureApi();
  app.openapi(docsRoute, (c) => {
    const doc = apiDocument(c.get("deps").config.baseUrl) as ApiDocument;
    return renderPage(c, c.get("t")("docs.title"), <ApiDocsPage ctx={pageContext(c)} doc={doc} />);
  });
  return app;
}
