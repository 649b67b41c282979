/**
 * @module Admin API-token management: pages under /admin/tokens and the API under /api/v1/tokens.
 */
import { Hono } from "hono";
import { z } from "zod";
import { TokensPage } from "../../views/pages/admin/tokens";
import type { AppContext, AppEnv } from "../http/context";
import type { RouteDoc } from "../http/openapi";
import { pageContext, renderPage } from "../http/render";
import { msg, readForm, readJson } from "../http/validate";
import { listUsers } from "../users/service";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens";
import { actorOf, requireRole } from "./guard";
import { ADMIN } from "./roles";

const tokenInput = z.strictObject({
  name: z.string().trim().min(1, msg("error.required")).max(100),
  userId: z.string().min(1).optional(),
});
const tokenOut = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  ownerId: z.string(),
  ownerEmail: z.string(),
  ownerRole: z.string(),
});

export const tokensApiDocs: RouteDoc[] = [
  {
    method: "get",
    path: "/tokens",
    summary: "List API tokens (never the secrets)",
    tag: "tokens",
    roles: ADMIN,
    response: z.object({ tokens: z.array(tokenOut) }),
  },
  {
    method: "post",
    path: "/tokens",
    summary: "Create a token for a user (default: yourself); the secret is returned once",
    tag: "tokens",
    roles: ADMIN,
    body: tokenInput,
    status: 201,
    response: z.object({ id: z.string(), token: z.string() }),
  },
  {
    method: "delete",
    path: "/tokens/{id}",
    summary: "Revoke a token",
    tag: "tokens",
    roles: ADMIN,
    status: 204,
  },
];

async function showPage(
  c: AppContext,
  extra: { created?: string; notice?: string } = {},
  status: 200 | 400 = 200,
  errors?: Record<string, string[]>,
) {
  const { db } = c.get("deps");
  const [tokens, users] = await Promise.all([listApiTokens(db), listUsers(db)]);
  const owners = users.filter((u) => !u.disabledAt).map((u) => ({ id: u.id, email: u.email }));
  return renderPage(
    c,
    c.get("t")("tokens.title"),
    <TokensPage ctx={pageContext(c)} tokens={tokens} owners={owners} errors={errors} {...extra} />,
    status,
  );
}

export function tokenRoutes() {
  const app = new Hono<AppEnv>();
  for (const path of ["/admin/tokens", "/admin/tokens/*", "/api/v1/tokens", "/api/v1/tokens/*"])
    app.use(path, requireRole(ADMIN));

  app.get("/admin/tokens", (c) => showPage(c));
  app.post("/admin/tokens", async (c) => {
    const form = await readForm(c, tokenInput);
    if (!form.ok) return showPage(c, {}, 400, form.errors);
    const actor = actorOf(c);
    const { db, clock } = c.get("deps");
    const { token } = await createApiToken(db, {
      owner: form.data.userId ?? actor.id,
      name: form.data.name,
      actor,
      now: clock(),
    });
    return showPage(c, { created: token });
  });
  app.post("/admin/tokens/:id/revoke", async (c) => {
    const { db, clock } = c.get("deps");
    await revokeApiToken(db, { id: c.req.param("id"), actor: actorOf(c), now: clock() });
    return showPage(c, { notice: c.get("t")("tokens.revoked") });
  });

  app.get("/api/v1/tokens", async (c) => c.json({ tokens: await listApiTokens(c.get("deps").db) }));
  app.post("/api/v1/tokens", async (c) => {
    const body = await readJson(c, tokenInput);
    const actor = actorOf(c);
    const { db, clock } = c.get("deps");
    const created = await createApiToken(db, {
      owner: body.userId ?? actor.id,
      name: body.name,
      actor,
      now: clock(),
    });
    return c.json(created, 201);
  });
  app.delete("/api/v1/tokens/:id", async (c) => {
    const { db, clock } = c.get("deps");
    await revokeApiToken(db, { id: c.req.param("id"), actor: actorOf(c), now: clock() });
    return c.body(null, 204);
  });
  return app;
}
