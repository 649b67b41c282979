/**
 * @module Tour template API (`/api/v1/templates`), applying a template to a delegation's agenda, and the
 * template pages (page-routes.tsx).
 */
import { Hono } from "hono";
import { actorOf, requireRole } from "../auth/guard";
import { PROTOCOL, STAFF } from "../auth/roles";
import { bookingCtx } from "../bookings/routes";
import type { AppContext, AppEnv } from "../http/context";
import type { RouteDoc } from "../http/openapi";
import { readJson } from "../http/validate";
import { applyTemplate } from "./apply";
import { templatePageRoutes } from "./page-routes";
import { applyTemplateSchema, templateCreateSchema, templatePatchSchema } from "./schemas";
import { createTemplate, deleteTemplate, getTemplate, listTemplates, updateTemplate } from "./service";

export const templatesApiDocs: RouteDoc[] = [
  { method: "get", path: "/templates", summary: "List tour templates", tag: "templates", roles: STAFF },
  {
    method: "post",
    path: "/templates",
    summary: "Create a tour template",
    tag: "templates",
    roles: PROTOCOL,
    body: templateCreateSchema,
    status: 201,
  },
  { method: "get", path: "/templates/{id}", summary: "One tour template", tag: "templates", roles: STAFF },
  {
    method: "patch",
    path: "/templates/{id}",
    summary: "Replace a template (items included) with its version; stale → 409 stale",
    tag: "templates",
    roles: PROTOCOL,
    body: templatePatchSchema,
  },
  {
    method: "delete",
    path: "/templates/{id}",
    summary: "Delete a template",
    tag: "templates",
    roles: PROTOCOL,
  },
  {
    method: "post",
    path: "/delegations/{id}/agenda/apply-template",
    summary: "Book every item of a template on a date, or none; 409 lists every conflict of every item",
    tag: "agenda",
    roles: PROTOCOL,
    body: applyTemplateSchema,
    status: 201,
  },
];

function ctxOf(c: AppContext) {
  const { db, clock, config } = c.get("deps");
  return { db, actor: actorOf(c), now: clock(), config };
}

export function templateRoutes() {
  const app = new Hono<AppEnv>();
  app.on(["GET"], ["/api/v1/templates", "/api/v1/templates/*"], requireRole(STAFF));
  app.on(["POST", "PATCH", "DELETE"], ["/api/v1/templates", "/api/v1/templates/*"], requireRole(PROTOCOL));
  app.get("/api/v1/templates", async (c) => c.json({ templates: await listTemplates(c.get("deps").db.orm) }));
  app.post("/api/v1/templates", async (c) =>
    c.json({ template: await createTemplate(ctxOf(c), await readJson(c, templateCreateSchema)) }, 201),
  );
  app.get("/api/v1/templates/:id", async (c) =>
    c.json({ template: await getTemplate(c.get("deps").db.orm, c.req.param("id")) }),
  );
  app.patch("/api/v1/templates/:id", async (c) =>
    c.json({
      template: await updateTemplate(ctxOf(c), c.req.param("id"), await readJson(c, templatePatchSchema)),
    }),
  );
  app.delete("/api/v1/templates/:id", async (c) => {
    await deleteTemplate(ctxOf(c), c.req.param("id"));
    return c.body(null, 204);
  });
  app.post("/api/v1/delegations/:id/agenda/apply-template", requireRole(PROTOCOL), async (c) => {
    const body = await readJson(c, applyTemplateSchema);
    return c.json({ items: await applyTemplate(bookingCtx(c), c.req.param("id"), body) }, 201);
  });
  app.route("/", templatePageRoutes());
  return app;
}
