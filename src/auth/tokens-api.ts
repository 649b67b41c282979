/**
 * @module The API-token API for admins, under /api/v1/tokens: list (never the secrets), create (the
 * secret is answered once) and revoke.
 */
import { z } from "zod";
import { ROLES } from "../../db/schema/auth";
import { apiRoute, featureApi, json } from "../http/api";
import { auditedTransaction } from "../http/service-context";
import { createApiToken, listApiTokens, revokeApiToken, tokenInput } from "./api-tokens";
import { actorOf } from "./guard";
import { ADMIN } from "./roles";

const tag = "tokens";

const tokenOut = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().openapi({ description: "The secret's first characters, to recognise it" }),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  ownerId: z.string(),
  ownerEmail: z.email(),
  ownerRole: z.enum(ROLES),
});

const list = apiRoute({
  method: "get",
  path: "/",
  operationId: "listApiTokens",
  summary: "List API tokens (never the secrets)",
  tag,
  roles: ADMIN,
  responses: { 200: json(z.object({ tokens: z.array(tokenOut) })) },
});

const create = apiRoute({
  method: "post",
  path: "/",
  operationId: "createApiToken",
  summary: "Create a token for a user (default: yourself); the secret is returned once",
  tag,
  roles: ADMIN,
  request: { body: { required: true, content: { "application/json": { schema: tokenInput } } } },
  responses: {
    201: json(z.object({ id: z.string(), token: z.string().openapi({ example: "sbg_…" }) }), "Created"),
  },
});

const revoke = apiRoute({
  method: "delete",
  path: "/{id}",
  operationId: "revokeApiToken",
  summary: "Revoke a token",
  tag,
  roles: ADMIN,
  request: { params: z.object({ id: z.string() }) },
  responses: { 204: { description: "Revoked" } },
});

export function tokensApi() {
  const app = featureApi();
  app.openapi(list, async (c) => c.json({ tokens: await listApiTokens(c.get("deps").db) }, 200));
  app.openapi(create, async (c) => {
    const body = c.req.valid("json");
    const actor = actorOf(c);
    const { db, clock } = c.get("deps");
    const now = clock();
    const created = await createApiToken(
      { now, transaction: auditedTransaction(db, actor, now) },
      { owner: body.userId ?? actor.id, name: body.name },
    );
    return c.json(created, 201);
  });
  app.openapi(revoke, async (c) => {
    const { db, clock } = c.get("deps");
    const now = clock();
    await revokeApiToken(
      { now, transaction: auditedTransaction(db, actorOf(c), now) },
      c.req.valid("param").id,
    );
    return c.body(null, 204);
  });
  return app;
}
