/**
 * @module The host-settings JSON API at /api/v1/host-settings: any staff role reads, admins write (with
 * `version`, 0 for the first save). The logo is uploaded on the admin page; `removeLogo` drops it.
 */
import { z } from "zod";
import { ADMIN, STAFF } from "../auth/roles";
import { apiRoute, featureApi, json } from "../http/api";
import { serviceContext } from "../http/service-context";
import { getHostSettings, hostSettingsInputSchema, hostSettingsOut, saveHostSettings } from "./service";

const tag = "host-settings";
const out = z.object({
  settings: z.object({
    governmentName: z.string(),
    officeName: z.string(),
    address: z.string(),
    city: z.string(),
    phone: z.string().nullable(),
    whatsapp: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    signatoryName: z.string(),
    signatoryTitle: z.string(),
    signatoryNip: z.string().nullable(),
    letterNumberFormat: z.string(),
    logoType: z.enum(["image/png", "image/jpeg"]).nullable(),
    hasLogo: z.boolean(),
    defaultTimeZone: z.string(),
    version: z.number().int(),
    updatedAt: z.iso.datetime(),
  }),
});

const read = apiRoute({
  method: "get",
  path: "/",
  operationId: "getHostSettings",
  summary: "The host organisation used on papers and letters (built-in defaults with version 0 until saved)",
  tag,
  roles: STAFF,
  responses: { 200: json(out) },
});

const write = apiRoute({
  method: "put",
  path: "/",
  operationId: "putHostSettings",
  summary: "Save the host organisation; `version` as read (0 the first time), a stale one gets 409",
  tag,
  roles: ADMIN,
  errors: [409],
  request: { body: { required: true, content: { "application/json": { schema: hostSettingsInputSchema } } } },
  responses: { 200: json(out) },
});

export function hostSettingsApi() {
  const app = featureApi();
  app.openapi(read, async (c) =>
    c.json({ settings: hostSettingsOut(await getHostSettings(c.get("deps").db.orm)) }, 200),
  );
  app.openapi(write, async (c) =>
    c.json(
      { settings: hostSettingsOut(await saveHostSettings(serviceContext(c), c.req.valid("json"))) },
      200,
    ),
  );
  return app;
}
