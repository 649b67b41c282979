/**
 * @module JSON API for venues, hosts and blackouts (/api/v1/venues, /hosts, /blackouts): reads for all
 * staff, writes for protocol staff (admin, protocol). Edits carry `version`; a stale one gets 409.
 */
import { z } from "zod";
import { PROTOCOL, STAFF } from "../auth/roles";
import { apiRoute, featureApi, json } from "../http/api";
import type { AppContext } from "../http/context";
import { serviceContext } from "../http/service-context";
import { createBlackout, deleteBlackout, getBlackout, listBlackouts, updateBlackout } from "./blackouts";
import {
  blackoutCreateSchema,
  hostCreateSchema,
  hostPatchSchema,
  venueCreateSchema,
  venuePatchSchema,
} from "./schemas";
import {
  createHost,
  createVenue,
  getHost,
  getVenue,
  listHosts,
  listVenues,
  updateHost,
  updateVenue,
} from "./service";

const at = z.iso.datetime();
const wallTime = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/);
const weeklyHoursOut = z
  .partialRecord(
    z.enum(["1", "2", "3", "4", "5", "6", "7"]),
    z.array(z.object({ from: wallTime, to: wallTime })),
  )
  .openapi({ description: "ISO weekday (1 = Monday) → opening intervals in local wall time" });

const venueOut = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  mapUrl: z.url().nullable(),
  capacity: z.number().int(),
  concurrentGroups: z.number().int(),
  bufferMinutes: z.number().int(),
  weeklyHours: weeklyHoursOut,
  timeZone: z.string(),
  opensOnHolidays: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: at,
  updatedAt: at,
});

const hostOut = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  agency: z.string().nullable(),
  email: z.email().nullable(),
  phone: z.string().nullable(),
  weeklyAvailability: weeklyHoursOut.nullable(),
  timeZone: z.string(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: at,
  updatedAt: at,
});

const blackoutOut = z.object({
  id: z.string(),
  venueId: z.string().nullable().openapi({ description: "null: every venue" }),
  kind: z.enum(["once", "weekly"]),
  startsAt: at.nullable(),
  endsAt: at.nullable(),
  weekdays: z.array(z.number().int()).nullable(),
  fromTime: wallTime.nullable(),
  toTime: wallTime.nullable(),
  reason: z.string(),
  version: z.number().int(),
  createdAt: at,
  updatedAt: at.nullable(),
});

const blackoutPatchSchema = z.strictObject({ version: z.int().min(1), blackout: blackoutCreateSchema });
const idParam = z.object({ id: z.string() });
const activeQuery = z.object({ active: z.enum(["true", "false"]).optional() });
const jsonBody = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { "application/json": { schema } },
});
const orm = (c: AppContext) => c.get("deps").db.orm;

/** List, create, one, edit: the four operations venues, hosts and blackouts share. */
function crud<O extends z.ZodType, C extends z.ZodType, P extends z.ZodType, Q extends z.ZodObject>(
  tag: string,
  names: { one: string; many: string; operation: string },
  schemas: { out: O; create: C; patch: P; query: Q },
) {
  const { one, many, operation } = names;
  return {
    list: apiRoute({
      method: "get",
      path: "/",
      operationId: `list${operation}s`,
      summary: `List ${tag}`,
      tag,
      roles: STAFF,
      request: { query: schemas.query },
      responses: { 200: json(z.object({ [many]: z.array(schemas.out) })) },
    }),
    create: apiRoute({
      method: "post",
      path: "/",
      operationId: `create${operation}`,
      summary: `Create (${tag})`,
      tag,
      roles: PROTOCOL,
      request: { body: jsonBody(schemas.create) },
      responses: { 201: json(z.object({ [one]: schemas.out }), "Created") },
    }),
    get: apiRoute({
      method: "get",
      path: "/{id}",
      operationId: `get${operation}`,
      summary: `One (${tag})`,
      tag,
      roles: STAFF,
      request: { params: idParam },
      responses: { 200: json(z.object({ [one]: schemas.out })) },
    }),
    update: apiRoute({
      method: "patch",
      path: "/{id}",
      operationId: `update${operation}`,
      summary: `Edit with version; stale → 409 stale (${tag})`,
      tag,
      roles: PROTOCOL,
      errors: [409],
      request: { params: idParam, body: jsonBody(schemas.patch) },
      responses: { 200: json(z.object({ [one]: schemas.out })) },
    }),
  };
}

const venueRoutes = crud(
  "venues",
  { one: "venue", many: "venues", operation: "Venue" },
  { out: venueOut, create: venueCreateSchema, patch: venuePatchSchema, query: activeQuery },
);
const hostRoutes = crud(
  "hosts",
  { one: "host", many: "hosts", operation: "Host" },
  { out: hostOut, create: hostCreateSchema, patch: hostPatchSchema, query: activeQuery },
);
const blackoutRoutes = crud(
  "blackouts",
  { one: "blackout", many: "blackouts", operation: "Blackout" },
  {
    out: blackoutOut,
    create: blackoutCreateSchema,
    patch: blackoutPatchSchema,
    query: z.object({
      venueId: z.string().optional().openapi({ description: "Empty: the all-venue blackouts only" }),
    }),
  },
);
const removeBlackout = apiRoute({
  method: "delete",
  path: "/{id}",
  operationId: "deleteBlackout",
  summary: "Delete a blackout",
  tag: "blackouts",
  roles: PROTOCOL,
  request: { params: idParam },
  responses: { 204: { description: "Deleted" } },
});

export function venuesApi() {
  const app = featureApi();
  const r = venueRoutes;
  app.openapi(r.list, async (c) =>
    c.json({ venues: await listVenues(orm(c), { activeOnly: c.req.valid("query").active === "true" }) }, 200),
  );
  app.openapi(r.create, async (c) =>
    c.json({ venue: await createVenue(serviceContext(c), c.req.valid("json")) }, 201),
  );
  app.openapi(r.get, async (c) => c.json({ venue: await getVenue(orm(c), c.req.valid("param").id) }, 200));
  app.openapi(r.update, async (c) =>
    c.json(
      { venue: await updateVenue(serviceContext(c), c.req.valid("param").id, c.req.valid("json")) },
      200,
    ),
  );
  return app;
}

export function hostsApi() {
  const app = featureApi();
  const r = hostRoutes;
  app.openapi(r.list, async (c) =>
    c.json({ hosts: await listHosts(orm(c), { activeOnly: c.req.valid("query").active === "true" }) }, 200),
  );
  app.openapi(r.create, async (c) =>
    c.json({ host: await createHost(serviceContext(c), c.req.valid("json")) }, 201),
  );
  app.openapi(r.get, async (c) => c.json({ host: await getHost(orm(c), c.req.valid("param").id) }, 200));
  app.openapi(r.update, async (c) =>
    c.json({ host: await updateHost(serviceContext(c), c.req.valid("param").id, c.req.valid("json")) }, 200),
  );
  return app;
}

export function blackoutsApi() {
  const app = featureApi();
  const r = blackoutRoutes;
  app.openapi(r.list, async (c) => {
    const { venueId } = c.req.valid("query");
    const rows = await listBlackouts(orm(c), venueId === undefined ? undefined : venueId || null);
    return c.json({ blackouts: rows }, 200);
  });
  app.openapi(r.create, async (c) =>
    c.json({ blackout: await createBlackout(serviceContext(c), c.req.valid("json")) }, 201),
  );
  app.openapi(r.get, async (c) =>
    c.json({ blackout: await getBlackout(orm(c), c.req.valid("param").id) }, 200),
  );
  app.openapi(r.update, async (c) => {
    const body = c.req.valid("json");
    const blackout = await updateBlackout(
      serviceContext(c),
      c.req.valid("param").id,
      body.blackout,
      body.version,
    );
    return c.json({ blackout }, 200);
  });
  app.openapi(removeBlackout, async (c) => {
    await deleteBlackout(serviceContext(c), c.req.valid("param").id);
    return c.body(null, 204);
  });
  return app;
}
