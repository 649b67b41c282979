/**
 * @module The agenda and availability API: book / move / cancel / join items of a delegation, list its
 * agenda, and search free slots. Writes are for protocol staff (admin, protocol); reads for all staff.
 */
import { Hono } from "hono";
import { actorOf, requireRole } from "../auth/guard";
import { PROTOCOL, STAFF } from "../auth/roles";
import { organizerOf } from "../calendar/invitation";
import type { AppContext, AppEnv } from "../http/context";
import type { RouteDoc } from "../http/openapi";
import { readJson, readQuery } from "../http/validate";
import { availabilityQuerySchema, searchAvailability } from "./availability";
import { getItemView, listDelegationAgenda } from "./items";
import { cancelSchema, itemCreateSchema, itemPatchSchema, joinSchema } from "./schemas";
import {
  assertDelegationExists,
  type BookingCtx,
  bookItem,
  cancelItem,
  changeItem,
  joinItem,
} from "./service";

const conflictNote =
  "409 `conflict`: details list every conflict {kind: venue|capacity|host|delegation|closed|unavailable, hard, itemId?, closureId?, hostId?, title?, startsAt, endsAt}. Soft ones (closed, unavailable) may be overridden with force + reason.";

export const bookingsApiDocs: RouteDoc[] = [
  {
    method: "get",
    path: "/delegations/{id}/agenda",
    summary: "A delegation's agenda (merged sessions included)",
    tag: "agenda",
    roles: STAFF,
  },
  {
    method: "post",
    path: "/delegations/{id}/agenda",
    summary: `Book an agenda item. ${conflictNote}`,
    tag: "agenda",
    roles: PROTOCOL,
    body: itemCreateSchema,
    status: 201,
  },
  { method: "get", path: "/agenda/{itemId}", summary: "One agenda item", tag: "agenda", roles: STAFF },
  {
    method: "patch",
    path: "/agenda/{itemId}",
    summary: `Move, resize or edit an item (with its version; stale → 409 stale). ${conflictNote}`,
    tag: "agenda",
    roles: PROTOCOL,
    body: itemPatchSchema,
  },
  {
    method: "delete",
    path: "/agenda/{itemId}",
    summary: "Cancel an item (status cancelled, SEQUENCE raised; the row stays for calendars)",
    tag: "agenda",
    roles: PROTOCOL,
  },
  {
    method: "post",
    path: "/agenda/{itemId}/join",
    summary: "Add a delegation to an existing session (merged tour) when capacity allows",
    tag: "agenda",
    roles: PROTOCOL,
    body: joinSchema,
  },
  {
    method: "get",
    path: "/availability",
    summary:
      "Free start times for a venue and/or hosts (range ≤ 180 days): UTC plus the venue's wall time and zone label",
    tag: "agenda",
    roles: STAFF,
    query: availabilityQuerySchema,
  },
];

export function bookingCtx(c: AppContext): BookingCtx {
  const { db, clock, config } = c.get("deps");
  return {
    db,
    actor: actorOf(c),
    now: clock(),
    config,
    notify: { baseUrl: config.baseUrl, organizer: organizerOf(config) },
  };
}

export function bookingRoutes() {
  const app = new Hono<AppEnv>();
  app.get("/api/v1/delegations/:id/agenda", requireRole(STAFF), async (c) => {
    const { db } = c.get("deps");
    const id = c.req.param("id");
    await assertDelegationExists(db.orm, id);
    return c.json({ items: await listDelegationAgenda(db.orm, id, c.get("deps").config.hostTimeZone) });
  });
  app.post("/api/v1/delegations/:id/agenda", requireRole(PROTOCOL), async (c) => {
    const body = await readJson(c, itemCreateSchema);
    return c.json({ item: await bookItem(bookingCtx(c), c.req.param("id"), body) }, 201);
  });
  app.get("/api/v1/agenda/:itemId", requireRole(STAFF), async (c) =>
    c.json({
      item: await getItemView(c.get("deps").db.orm, c.req.param("itemId"), c.get("deps").config.hostTimeZone),
    }),
  );
  app.patch("/api/v1/agenda/:itemId", requireRole(PROTOCOL), async (c) => {
    const body = await readJson(c, itemPatchSchema);
    return c.json({ item: await changeItem(bookingCtx(c), c.req.param("itemId"), body) });
  });
  app.delete("/api/v1/agenda/:itemId", requireRole(PROTOCOL), async (c) => {
    const hasBody = (c.req.header("Content-Length") ?? "0") !== "0";
    const body = hasBody ? await readJson(c, cancelSchema) : {};
    const version = body.version ?? (c.req.query("version") ? Number(c.req.query("version")) : undefined);
    return c.json({ item: await cancelItem(bookingCtx(c), c.req.param("itemId"), version) });
  });
  app.post("/api/v1/agenda/:itemId/join", requireRole(PROTOCOL), async (c) => {
    const body = await readJson(c, joinSchema);
    return c.json({ item: await joinItem(bookingCtx(c), c.req.param("itemId"), body) });
  });
  app.get("/api/v1/availability", requireRole(STAFF), async (c) => {
    const query = readQuery(c, availabilityQuerySchema);
    return c.json(await searchAvailability(c.get("deps").db.orm, query, c.get("deps").config.hostTimeZone));
  });
  return app;
}
