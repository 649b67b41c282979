/**
 * @module Calendar feed tokens for admins, mounted at /api/v1/feeds: list (never the secrets), create (the
 * secret URL and its webcal:// form are returned once) and revoke. `feedInput` is shared with the page.
 */
import { z } from "zod";
import { FEED_SCOPES } from "../../db/schema/sharing";
import { ADMIN } from "../auth/roles";
import { apiRoute, featureApi, json } from "../http/api";
import { AppError } from "../http/errors";
import { serviceContext } from "../http/service-context";
import { msg } from "../http/validate";
import { translate } from "../i18n/dictionary";
import { createFeedToken, listFeedTokens, revokeFeedToken } from "./feed-tokens";

const tag = "calendar";

/** A feed: all bookings, or one venue or host (then `scopeId` names it). */
export const feedInput = z
  .strictObject({
    label: z.string().trim().min(1, msg("error.required")).max(100),
    scope: z.enum(FEED_SCOPES),
    scopeId: z.string().trim().max(100).optional(),
  })
  .refine((f) => f.scope === "all" || !!f.scopeId, { ...msg("feeds.targetRequired"), path: ["scopeId"] });

const feedOut = z.object({
  id: z.string(),
  label: z.string(),
  scope: z.enum(FEED_SCOPES),
  scopeId: z.string().nullable(),
  scopeName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
});

const list = apiRoute({
  method: "get",
  path: "/",
  operationId: "listFeeds",
  summary: "List calendar feed tokens (never the secrets)",
  tag,
  roles: ADMIN,
  responses: { 200: json(z.object({ feeds: z.array(feedOut) })) },
});

const create = apiRoute({
  method: "post",
  path: "/",
  operationId: "createFeed",
  summary:
    "Create a subscription feed for all bookings, one venue or one host; the secret URL (and webcal:// URL) is returned once",
  tag,
  roles: ADMIN,
  request: { body: { required: true, content: { "application/json": { schema: feedInput } } } },
  responses: {
    201: json(z.object({ id: z.string(), url: z.url(), webcal: z.url() }), "Created"),
  },
});

const revoke = apiRoute({
  method: "delete",
  path: "/{id}",
  operationId: "revokeFeed",
  summary: "Revoke a feed token (its URL answers 404 from then on)",
  tag,
  roles: ADMIN,
  request: { params: z.object({ id: z.string() }) },
  responses: { 204: { description: "Revoked" } },
});

export function feedsApi() {
  const app = featureApi();
  app.openapi(list, async (c) => {
    const feeds = await listFeedTokens(c.get("deps").db.orm);
    return c.json(
      {
        feeds: feeds.map((f) => ({
          ...f,
          createdAt: f.createdAt.toISOString(),
          revokedAt: f.revokedAt?.toISOString() ?? null,
        })),
      },
      200,
    );
  });
  app.openapi(create, async (c) => {
    const ctx = serviceContext(c);
    const created = await createFeedToken(ctx, {
      ...c.req.valid("json"),
      baseUrl: ctx.config.baseUrl,
    }).catch((error: unknown) => {
      // The scope's venue or host is checked in the write; its message in the request language.
      if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
      const message = translate(c.get("locale"), error.messageKey);
      throw new AppError("validation_failed", {
        messageKey: error.messageKey,
        details: { fields: { scopeId: [message] } },
      });
    });
    return c.json({ id: created.id, url: created.url, webcal: created.webcal }, 201);
  });
  app.openapi(revoke, async (c) => {
    const ctx = serviceContext(c);
    await revokeFeedToken(ctx, c.req.valid("param").id);
    return c.body(null, 204);
  });
  return app;
}
