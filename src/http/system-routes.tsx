/**
 * @module Routes that belong to no feature: health probes, the stylesheet and script, the OpenAPI document and its
 * docs page, and the staff home page.
 */

import { sql } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { APP_JS } from "../../views/app-script";
import { ApiDocsPage } from "../../views/pages/api-docs";
import { HomePage } from "../../views/pages/home";
import { APP_CSS } from "../../views/styles";
import { requireRole } from "../auth/guard";
import { STAFF } from "../auth/roles";
import { loadDashboard } from "../home/dashboard";
import { followUpHome } from "../outcomes/follow-up";
import type { AppEnv } from "./context";
import type { RouteDoc } from "./openapi";
import { pageContext, renderPage } from "./render";
import { FAVICON_SVG } from "./static-assets";

export const systemApiDocs: RouteDoc[] = [
  { method: "get", path: "/openapi.json", summary: "This document", tag: "system" },
  {
    method: "get",
    path: "/docs",
    summary: "This document as a web page",
    tag: "system",
    responseType: "text/html",
  },
];

/** `apiDocument` builds the OpenAPI document for a server URL (once: it is cached here). */
export function systemRoutes(apiDocument: (serverUrl: string) => unknown) {
  const app = new Hono<AppEnv>();
  let openApi: unknown;
  const document = (baseUrl: string) => {
    openApi ??= apiDocument(baseUrl);
    return openApi;
  };

  app.get("/livez", (c) => c.text("ok"));
  app.get("/healthz", async (c) => {
    try {
      await c.get("deps").db.orm.run(sql`SELECT 1`);
      return c.json({ status: "ok", db: "ok" });
    } catch {
      return c.json({ status: "error", db: "unreachable" }, 503);
    }
  });
  app.get("/assets/app.css", (c) => {
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(APP_CSS, 200, { "Content-Type": "text/css; charset=utf-8" });
  });
  const favicon = (c: Context<AppEnv>) => {
    c.header("Cache-Control", "public, max-age=86400");
    return c.body(FAVICON_SVG, 200, { "Content-Type": "image/svg+xml" });
  };
  app.get("/assets/favicon.svg", favicon);
  app.get("/favicon.ico", favicon);
  app.get("/assets/app.js", (c) => {
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(APP_JS, 200, { "Content-Type": "text/javascript; charset=utf-8" });
  });
  app.get("/api/v1/openapi.json", (c) => c.json(document(c.get("deps").config.baseUrl)));
  app.get("/api/v1/docs", (c) =>
    renderPage(
      c,
      c.get("t")("docs.title"),
      <ApiDocsPage ctx={pageContext(c)} doc={document(c.get("deps").config.baseUrl) as never} />,
    ),
  );
  app.get("/", requireRole(STAFF), async (c) => {
    const user = c.get("user");
    const { db, clock } = c.get("deps");
    const dashboard = await loadDashboard(db, clock(), c.get("deps").config.hostTimeZone);
    return renderPage(
      c,
      c.get("t")("home.welcome", { name: user?.name ?? "" }),
      <HomePage ctx={pageContext(c)} dashboard={dashboard} followUp={await followUpHome(c)} />,
    );
  });
  return app;
}
