/**
 * @module JSON API for venues, hosts and blackouts (`/api/v1/venues`, `/hosts`, `/blackouts`): reads for
 * all staff, writes for protocol staff (admin, protocol). Edits carry `version`; a stale one gets 409.
 */
import { Hono } from "hono";
import { z } from "zod";
import { actorOf, requireRole } from "../auth/guard";
import { PROTOCOL, STAFF } from "../auth/roles";
import type { AppContext, AppEnv } from "../http/context";
import type { RouteDoc } from "../http/openapi";
import { readJson } from "../http/validate";
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

const crud = (path: string, tag: string, create: z.ZodType, patch: z.ZodType): RouteDoc[] => [
  { method: "get", path, summary: `List ${tag}`, tag, roles: STAFF },
  { method: "post", path, summary: `Create (${tag})`, tag, roles: PROTOCOL, body: create, status: 201 },
  { method: "get", path: `${path}/{id}`, summary: `One (${tag})`, tag, roles: STAFF },
  {
    method: "patch",
    path: `${path}/{id}`,
    summary: `Edit with version; stale → 409 stale (${tag})`,
    tag,
    roles: PROTOCOL,
    body: patch,
  },
];

const blackoutPatchSchema = z.object({ version: z.int().min(1), blackout: blackoutCreateSchema });

export const venuesApiDocs: RouteDoc[] = [
  ...crud("/venues", "venues", venueCreateSchema, venuePatchSchema),
  ...crud("/hosts", "hosts", hostCreateSchema, hostPatchSchema),
  ...crud("/blackouts", "blackouts", blackoutCreateSchema, blackoutPatchSchema),
  {
    method: "delete",
    path: "/blackouts/{id}",
    summary: "Delete a blackout",
    tag: "blackouts",
    roles: PROTOCOL,
  },
];

function ctxOf(c: AppContext) {
  const { db, clock, config } = c.get("deps");
  return { db, actor: actorOf(c), now: clock(), config };
}

export function venueApiRoutes() {
  const app = new Hono<AppEnv>();
  for (const path of ["/api/v1/venues", "/api/v1/hosts", "/api/v1/blackouts"]) {
    app.on(["GET"], [path, `${path}/*`], requireRole(STAFF));
    app.on(["POST", "PATCH", "PUT", "DELETE"], [path, `${path}/*`], requireRole(PROTOCOL));
  }
  const orm = (c: AppContext) => c.get("deps").db.orm;

  app.get("/api/v1/venues", async (c) =>
    c.json({ venues: await listVenues(orm(c), { activeOnly: c.req.query("active") === "true" }) }),
  );
  app.post("/api/v1/venues", async (c) =>
    c.json({ venue: await createVenue(ctxOf(c), await readJson(c, venueCreateSchema)) }, 201),
  );
  app.get("/api/v1/venues/:id", async (c) => c.json({ venue: await getVenue(orm(c), c.req.param("id")) }));
  app.patch("/api/v1/venues/:id", async (c) =>
    c.json({ venue: await updateVenue(ctxOf(c), c.req.param("id"), await readJson(c, venuePatchSchema)) }),
  );

  app.get("/api/v1/hosts", async (c) =>
    c.json({ hosts: await listHosts(orm(c), { activeOnly: c.req.query("active") === "true" }) }),
  );
  app.post("/api/v1/hosts", async (c) =>
    c.json({ host: await createHost(ctxOf(c), await readJson(c, hostCreateSchema)) }, 201),
  );
  app.get("/api/v1/hosts/:id", async (c) => c.json({ host: await getHost(orm(c), c.req.param("id")) }));
  app.patch("/api/v1/hosts/:id", async (c) =>
    c.json({ host: await updateHost(ctxOf(c), c.req.param("id"), await readJson(c, hostPatchSchema)) }),
  );

  app.get("/api/v1/blackouts", async (c) => {
    const venueId = c.req.query("venueId");
    return c.json({
      blackouts: await listBlackouts(orm(c), venueId === undefined ? undefined : venueId || null),
    });
  });
  app.post("/api/v1/blackouts", async (c) =>
    c.json({ blackout: await createBlackout(ctxOf(c), await readJson(c, blackoutCreateSchema)) }, 201),
  );
  app.get("/api/v1/blackouts/:id", async (c) =>
    c.json({ blackout: await getBlackout(orm(c), c.req.param("id")) }),
  );
  app.patch("/api/v1/blackouts/:id", async (c) => {
    const body = await readJson(c, blackoutPatchSchema);
    return c.json({
      blackout: await updateBlackout(ctxOf(c), c.req.param("id"), body.blackout, body.version),
    });
  });
  app.delete("/api/v1/blackouts/:id", async (c) => {
    await deleteBlackout(ctxOf(c), c.req.param("id"));
    return c.body(null, 204);
  });
  return app;
}
