/**
 * @module The agenda and availability API: a delegation's agenda (/api/v1/delegations/{id}/agenda: list,
 * book), its items (/api/v1/agenda/{itemId}: read, move, cancel, join) and the free-slot search
 * (/api/v1/availability). Writes are for protocol staff (admin, protocol); reads for all staff.
 */
import { z } from "zod";
import { PROTOCOL, STAFF } from "../auth/roles";
import { apiRoute, featureApi, json, selfValidatedBody } from "../http/api";
import { readJson } from "../http/validate";
import { agendaItemOut, availabilityOut, itemOut } from "./api-schemas";
import { availabilityQuerySchema, searchAvailability } from "./availability";
import { bookingContext } from "./context";
import { getItemView, listDelegationAgenda } from "./items";
import { cancelSchema, itemCreateSchema, itemPatchSchema, joinSchema, leaveSchema } from "./schemas";
import { assertDelegationExists, bookItem, cancelItem, changeItem, joinItem, leaveItem } from "./service";

const tag = "agenda";
const conflictNote =
  "409 `conflict`: details list every conflict {kind: venue|capacity|host|delegation|closed|unavailable, hard, itemId?, closureId?, hostId?, title?, startsAt, endsAt}. Soft ones (closed, unavailable) may be overridden with force + reason.";
const idParam = z.object({ id: z.string() });
const itemParam = z.object({ itemId: z.string() });
const jsonBody = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { "application/json": { schema } },
});

const list = apiRoute({
  method: "get",
  path: "/",
  operationId: "listDelegationAgenda",
  summary: "A delegation's agenda (merged sessions included)",
  tag,
  roles: STAFF,
  request: { params: idParam },
  responses: { 200: json(z.object({ items: z.array(agendaItemOut) })) },
});

const book = apiRoute({
  method: "post",
  path: "/",
  operationId: "bookAgendaItem",
  summary: `Book an agenda item. ${conflictNote}`,
  tag,
  roles: PROTOCOL,
  errors: [409],
  request: { params: idParam, body: jsonBody(itemCreateSchema) },
  responses: { 201: json(itemOut, "Booked") },
});

export function delegationAgendaApi() {
  const app = featureApi();
  app.openapi(list, async (c) => {
    const { db } = c.get("deps");
    const { id } = c.req.valid("param");
    await assertDelegationExists(db.orm, id);
    return c.json({ items: await listDelegationAgenda(db.orm, id, c.get("deps").config.hostTimeZone) }, 200);
  });
  app.openapi(book, async (c) =>
    c.json({ item: await bookItem(bookingContext(c), c.req.valid("param").id, c.req.valid("json")) }, 201),
  );
  return app;
}

const one = apiRoute({
  method: "get",
  path: "/{itemId}",
  operationId: "getAgendaItem",
  summary: "One agenda item",
  tag,
  roles: STAFF,
  request: { params: itemParam },
  responses: { 200: json(itemOut) },
});

const change = apiRoute({
  method: "patch",
  path: "/{itemId}",
  operationId: "changeAgendaItem",
  summary: `Move, resize or edit an item (with its version; stale → 409 stale). ${conflictNote}`,
  tag,
  roles: PROTOCOL,
  errors: [409],
  request: { params: itemParam, body: jsonBody(itemPatchSchema) },
  responses: { 200: json(itemOut) },
});

const cancel = apiRoute({
  method: "delete",
  path: "/{itemId}",
  operationId: "cancelAgendaItem",
  summary:
    "Cancel an item (status cancelled, SEQUENCE raised; the row stays for calendars). The version may come in the body or as ?version=",
  tag,
  roles: PROTOCOL,
  errors: [409],
  request: {
    params: itemParam,
    query: z.object({ version: z.coerce.number().int().min(1).optional() }),
    // Optional, and an empty body with a JSON Content-Type is fine: read by the handler.
    body: selfValidatedBody(["application/json"], cancelSchema, false),
  },
  responses: { 200: json(itemOut) },
});

const join = apiRoute({
  method: "post",
  path: "/{itemId}/join",
  operationId: "joinAgendaItem",
  summary: "Add a delegation to an existing session (merged tour) when capacity allows",
  tag,
  roles: PROTOCOL,
  errors: [409],
  request: { params: itemParam, body: jsonBody(joinSchema) },
  responses: { 200: json(itemOut) },
});

const leave = apiRoute({
  method: "post",
  path: "/{itemId}/leave",
  operationId: "leaveAgendaItem",
  summary:
    "Take one delegation out of a merged session (the session goes on for the others; its people who were invited get a calendar CANCEL)",
  tag,
  roles: PROTOCOL,
  errors: [409],
  request: { params: itemParam, body: jsonBody(leaveSchema) },
  responses: { 200: json(itemOut) },
});

export function agendaItemsApi() {
  const app = featureApi();
  app.openapi(one, async (c) =>
    c.json(
      {
        item: await getItemView(
          c.get("deps").db.orm,
          c.req.valid("param").itemId,
          c.get("deps").config.hostTimeZone,
        ),
      },
      200,
    ),
  );
  app.openapi(change, async (c) =>
    c.json(
      { item: await changeItem(bookingContext(c), c.req.valid("param").itemId, c.req.valid("json")) },
      200,
    ),
  );
  app.openapi(cancel, async (c) => {
    const hasBody = (c.req.header("Content-Length") ?? "0") !== "0";
    const body = hasBody ? await readJson(c, cancelSchema) : {};
    const version = body.version ?? c.req.valid("query").version;
    return c.json({ item: await cancelItem(bookingContext(c), c.req.valid("param").itemId, version) }, 200);
  });
  app.openapi(join, async (c) =>
    c.json(
      { item: await joinItem(bookingContext(c), c.req.valid("param").itemId, c.req.valid("json")) },
      200,
    ),
  );
  app.openapi(leave, async (c) => {
    const { itemId } = c.req.valid("param");
    const { delegationId, version } = c.req.valid("json");
    const ctx = bookingContext(c);
    await leaveItem(ctx, itemId, delegationId, version);
    return c.json({ item: await getItemView(c.get("deps").db.orm, itemId, ctx.config.hostTimeZone) }, 200);
  });
  return app;
}

const search = apiRoute({
  method: "get",
  path: "/",
  operationId: "searchAvailability",
  summary:
    "Free start times for a venue and/or hosts (range ≤ 180 days): UTC plus the venue's wall time and zone label",
  tag,
  roles: STAFF,
  request: { query: availabilityQuerySchema },
  responses: { 200: json(availabilityOut) },
});

export function availabilityApi() {
  const app = featureApi();
  app.openapi(search, async (c) =>
    c.json(
      await searchAvailability(c.get("deps").db.orm, c.req.valid("query"), c.get("deps").config.hostTimeZone),
      200,
    ),
  );
  return app;
}
