/**
 * @module The audit log as JSON for admins, under /api/v1/audit: newest first, with the page's filters;
 * keyset paging with `before` (the `nextBefore` of the previous answer), or numbered pages with `page`.
 */
import { z } from "zod";
import { ADMIN } from "../auth/roles";
import { apiRoute, featureApi, json } from "../http/api";
import { auditFilterSchema, queryAudit } from "./query";

const eventOut = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  actorId: z.string().nullable(),
  actorLabel: z.string().openapi({ description: "The user's e-mail, or `public` / `system`" }),
  action: z.string().openapi({ example: "delegation.confirm" }),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

const list = apiRoute({
  method: "get",
  path: "/",
  operationId: "listAuditEvents",
  summary: "Audit events, newest first; page with `before` (or `page`)",
  tag: "audit",
  roles: ADMIN,
  request: { query: auditFilterSchema },
  responses: {
    200: json(z.object({ events: z.array(eventOut), nextBefore: z.number().int().optional() })),
  },
});

export function auditApi() {
  const app = featureApi();
  app.openapi(list, async (c) => {
    const { db, config } = c.get("deps");
    const { events, nextBefore } = await queryAudit(db.orm, c.req.valid("query"), config.hostTimeZone);
    return c.json({ events, nextBefore }, 200);
  });
  return app;
}
