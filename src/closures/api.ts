/**
 * @module JSON API of the working calendar (/api/v1/closures): any staff member reads a year's closed
 * dates; admins add one date or a range, edit or delete one day, mark a year reviewed, and import a
 * year's official list as CSV (all rows or none).
 */
import { z } from "zod";
import { ADMIN, STAFF } from "../auth/roles";
import { apiRoute, featureApi, json, selfValidatedBody } from "../http/api";
import type { AppContext } from "../http/context";
import { serviceContext } from "../http/service-context";
import { localDateOf } from "../scheduling/zoned-time";
import { CLOSURE_KINDS } from "./kinds";
import {
  closureInputSchema,
  closureUpdateSchema,
  createClosures,
  deleteClosure,
  importClosuresCsv,
  listClosures,
  reviewYear,
  updateClosure,
} from "./service";

const at = z.iso.datetime();
const closureOut = z.object({
  id: z.string(),
  date: z.iso.date(),
  kind: z.enum(CLOSURE_KINDS),
  name: z.string(),
  source: z.enum(["date-holidays", "admin", "csv"]),
  reviewed: z.boolean(),
  createdAt: at,
  updatedAt: at,
});
export const yearQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(1970)
    .max(2200)
    .optional()
    .openapi({ description: "Default: this year in the host's zone" }),
});
const idParam = z.object({ id: z.string() });
const jsonBody = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { "application/json": { schema } },
});

/** This year in the host's zone. */
export function thisYear(c: AppContext): number {
  const { config, clock } = c.get("deps");
  return Number(localDateOf(clock().getTime(), config.hostTimeZone).slice(0, 4));
}

const list = apiRoute({
  method: "get",
  path: "/",
  operationId: "listClosures",
  summary: "Closed dates (holidays, cuti bersama, local holidays) of a year",
  tag: "closures",
  roles: STAFF,
  request: { query: yearQuery },
  responses: { 200: json(z.object({ year: z.int(), closures: z.array(closureOut) })) },
});

const create = apiRoute({
  method: "post",
  path: "/",
  operationId: "createClosures",
  summary: "Add a closed date, or a range (date to endDate, one row per day, all or none)",
  tag: "closures",
  roles: ADMIN,
  errors: [409],
  request: { body: jsonBody(closureInputSchema) },
  responses: {
    201: json(
      z.object({
        closure: closureOut.openapi({ description: "The first day" }),
        closures: z.array(closureOut),
      }),
      "Created",
    ),
  },
});

const importCsv = apiRoute({
  method: "post",
  path: "/import",
  operationId: "importClosures",
  summary:
    "Import a year's official list: a text/csv body `date;name;kind` (kind in Indonesian or as its code), all rows or none",
  tag: "closures",
  roles: ADMIN,
  request: { query: yearQuery, body: selfValidatedBody(["text/csv"]) },
  responses: {
    201: json(z.object({ year: z.int(), created: z.int(), updated: z.int() }), "Imported"),
  },
});

const review = apiRoute({
  method: "post",
  path: "/review",
  operationId: "reviewClosures",
  summary: "Mark every closed date of a year reviewed",
  tag: "closures",
  roles: ADMIN,
  request: { query: yearQuery },
  responses: { 200: json(z.object({ year: z.int(), reviewed: z.int() })) },
});

const update = apiRoute({
  method: "patch",
  path: "/{id}",
  operationId: "updateClosure",
  summary: "Change one closed date, or mark it reviewed",
  tag: "closures",
  roles: ADMIN,
  errors: [409],
  request: { params: idParam, body: jsonBody(closureUpdateSchema) },
  responses: { 200: json(z.object({ closure: closureOut })) },
});

const remove = apiRoute({
  method: "delete",
  path: "/{id}",
  operationId: "deleteClosure",
  summary: "Delete one closed date",
  tag: "closures",
  roles: ADMIN,
  request: { params: idParam },
  responses: { 204: { description: "Deleted" } },
});

export function closuresApi() {
  const app = featureApi();
  app.openapi(list, async (c) => {
    const year = c.req.valid("query").year ?? thisYear(c);
    return c.json({ year, closures: await listClosures(c.get("deps").db, year) }, 200);
  });
  app.openapi(create, async (c) => {
    const rows = await createClosures(serviceContext(c), c.req.valid("json"));
    return c.json({ closure: rows[0] as (typeof rows)[number], closures: rows }, 201);
  });
  app.openapi(importCsv, async (c) => {
    const year = c.req.valid("query").year ?? thisYear(c);
    const result = await importClosuresCsv(serviceContext(c), year, await c.req.text());
    return c.json({ year, ...result }, 201);
  });
  app.openapi(review, async (c) => {
    const year = c.req.valid("query").year ?? thisYear(c);
    return c.json({ year, reviewed: await reviewYear(serviceContext(c), year) }, 200);
  });
  app.openapi(update, async (c) =>
    c.json(
      { closure: await updateClosure(serviceContext(c), c.req.valid("param").id, c.req.valid("json")) },
      200,
    ),
  );
  app.openapi(remove, async (c) => {
    await deleteClosure(serviceContext(c), c.req.valid("param").id);
    return c.body(null, 204);
  });
  return app;
}
