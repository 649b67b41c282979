/**
 * @module The audit log for admins: /admin/audit (page) and /api/v1/audit (JSON), same filters.
 */
import { Hono } from "hono";
import { z } from "zod";
import { AuditPage } from "../../views/pages/admin/audit";
import { requireRole } from "../auth/guard";
import { ADMIN } from "../auth/roles";
import type { AppEnv } from "../http/context";
import type { RouteDoc } from "../http/openapi";
import { pageContext, renderPage } from "../http/render";
import { readQuery } from "../http/validate";
import { auditFilterSchema, queryAudit } from "./query";

const eventOut = z.object({
  id: z.number(),
  at: z.iso.datetime(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const auditApiDocs: RouteDoc[] = [
  {
    method: "get",
    path: "/audit",
    summary: "Audit events, newest first; page with `before`",
    tag: "audit",
    roles: ADMIN,
    query: auditFilterSchema,
    response: z.object({ events: z.array(eventOut), nextBefore: z.number().optional() }),
  },
];

export function auditRoutes() {
  const app = new Hono<AppEnv>();
  app.use("/admin/audit", requireRole(ADMIN));
  app.use("/api/v1/audit", requireRole(ADMIN));

  app.get("/admin/audit", async (c) => {
    const filter = readQuery(c, auditFilterSchema);
    const { events, nextBefore } = await queryAudit(c.get("deps").db.orm, filter);
    const params = new URLSearchParams(Object.entries(c.req.query()).filter(([k]) => k !== "before"));
    if (nextBefore) params.set("before", String(nextBefore));
    const nextHref = nextBefore ? `/admin/audit?${params}` : undefined;
    return renderPage(
      c,
      c.get("t")("audit.title"),
      <AuditPage ctx={pageContext(c)} events={events} filter={filter} nextHref={nextHref} />,
    );
  });

  app.get("/api/v1/audit", async (c) => {
    const filter = readQuery(c, auditFilterSchema);
    return c.json(await queryAudit(c.get("deps").db.orm, filter));
  });
  return app;
}
