/**
 * @module The targets API: `GET /api/v1/targets/{year}` (staff) and `PUT` (admins).
 */
import { z } from "zod";
import { ADMIN, STAFF } from "../auth/roles";
import { apiRoute, featureApi, json } from "../http/api";
import { serviceContext } from "../http/service-context";
import { targetInputSchema, targetOutSchema, yearParam } from "./schemas";
import { getTarget, saveTarget } from "./service";

const tag = "targets";
const body = z.object({ target: targetOutSchema });

const read = apiRoute({
  method: "get",
  path: "/{year}",
  operationId: "getTarget",
  summary: "A year's targets (visits, visitors, commitments on time %, average rating)",
  tag,
  roles: STAFF,
  request: { params: yearParam },
  responses: { 200: json(body) },
});

const write = apiRoute({
  method: "put",
  path: "/{year}",
  operationId: "setTarget",
  summary: "Set a year's targets (null: no target for that figure)",
  tag,
  roles: ADMIN,
  request: {
    params: yearParam,
    body: { required: true, content: { "application/json": { schema: targetInputSchema } } },
  },
  responses: { 200: json(body) },
});

export function targetsApi() {
  const app = featureApi();
  app.openapi(read, async (c) =>
    c.json({ target: await getTarget(c.get("deps").db.orm, c.req.valid("param").year) }, 200),
  );
  app.openapi(write, async (c) =>
    c.json(
      { target: await saveTarget(serviceContext(c), c.req.valid("param").year, c.req.valid("json")) },
      200,
    ),
  );
  return app;
}
