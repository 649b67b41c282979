/**
 * @module Tour template API at /api/v1/templates (reads for all staff, writes for protocol staff), and
 * applying a template to a delegation's agenda at /api/v1/delegations/{id}/agenda/apply-template.
 */
import { z } from "zod";
import { AGENDA_KINDS } from "../../db/schema/agenda";
import { PROTOCOL, STAFF } from "../auth/roles";
import { agendaItemOut } from "../bookings/api-schemas";
import { bookingContext } from "../bookings/context";
import { apiRoute, featureApi, json } from "../http/api";
import type { AppContext } from "../http/context";
import { serviceContext } from "../http/service-context";
import { applyTemplate } from "./apply";
import { applyTemplateSchema, templateCreateSchema, templatePatchSchema } from "./schemas";
import { createTemplate, deleteTemplate, getTemplate, listTemplates, updateTemplate } from "./service";

const at = z.iso.datetime();
const templateOut = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  description: z.string().nullable(),
  defaultStartTime: z.string().regex(/^\d{2}:\d{2}$/),
  timeZone: z.string(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: at,
  updatedAt: at,
  items: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      offsetMinutes: z.number().int(),
      durationMinutes: z.number().int(),
      kind: z.enum(AGENDA_KINDS),
      venueId: z.string().nullable(),
      hostIds: z.array(z.string()),
      titleId: z.string(),
      titleEn: z.string(),
    }),
  ),
});
const one = json(z.object({ template: templateOut }));
const tag = "templates";
const idParam = z.object({ id: z.string() });
const jsonBody = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { "application/json": { schema } },
});
const orm = (c: AppContext) => c.get("deps").db.orm;

const list = apiRoute({
  method: "get",
  path: "/",
  operationId: "listTemplates",
  summary: "List tour templates",
  tag,
  roles: STAFF,
  responses: { 200: json(z.object({ templates: z.array(templateOut) })) },
});
const create = apiRoute({
  method: "post",
  path: "/",
  operationId: "createTemplate",
  summary: "Create a tour template",
  tag,
  roles: PROTOCOL,
  request: { body: jsonBody(templateCreateSchema) },
  responses: { 201: { ...one, description: "Created" } },
});
const get = apiRoute({
  method: "get",
  path: "/{id}",
  operationId: "getTemplate",
  summary: "One tour template",
  tag,
  roles: STAFF,
  request: { params: idParam },
  responses: { 200: one },
});
const update = apiRoute({
  method: "patch",
  path: "/{id}",
  operationId: "updateTemplate",
  summary: "Replace a template (items included) with its version; stale → 409 stale",
  tag,
  roles: PROTOCOL,
  errors: [409],
  request: { params: idParam, body: jsonBody(templatePatchSchema) },
  responses: { 200: one },
});
const remove = apiRoute({
  method: "delete",
  path: "/{id}",
  operationId: "deleteTemplate",
  summary: "Delete a template",
  tag,
  roles: PROTOCOL,
  request: { params: idParam },
  responses: { 204: { description: "Deleted" } },
});

export function templatesApi() {
  const app = featureApi();
  app.openapi(list, async (c) => c.json({ templates: await listTemplates(orm(c)) }, 200));
  app.openapi(create, async (c) =>
    c.json({ template: await createTemplate(serviceContext(c), c.req.valid("json")) }, 201),
  );
  app.openapi(get, async (c) =>
    c.json({ template: await getTemplate(orm(c), c.req.valid("param").id) }, 200),
  );
  app.openapi(update, async (c) =>
    c.json(
      { template: await updateTemplate(serviceContext(c), c.req.valid("param").id, c.req.valid("json")) },
      200,
    ),
  );
  app.openapi(remove, async (c) => {
    await deleteTemplate(serviceContext(c), c.req.valid("param").id);
    return c.body(null, 204);
  });
  return app;
}

const apply = apiRoute({
  method: "post",
  path: "/",
  operationId: "applyTemplate",
  summary: "Book every item of a template on a date, or none; 409 lists every conflict of every item",
  tag: "agenda",
  roles: PROTOCOL,
  errors: [409],
  request: { params: idParam, body: jsonBody(applyTemplateSchema) },
  responses: { 201: json(z.object({ items: z.array(agendaItemOut) }), "Booked") },
});

export function applyTemplateApi() {
  const app = featureApi();
  app.openapi(apply, async (c) =>
    c.json(
      { items: await applyTemplate(bookingContext(c), c.req.valid("param").id, c.req.valid("json")) },
      201,
    ),
  );
  return app;
}
