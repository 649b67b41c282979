/**
 * @module The host-settings admin page at /admin/host-settings: one multipart form (the logo is a file),
 * saved with `version`; the stored logo is served back at /admin/host-settings/logo for the preview.
 */

import { Hono } from "hono";
import { HostSettingsPage } from "../../views/pages/admin/host-settings";
import { requireRole } from "../auth/guard";
import { ADMIN } from "../auth/roles";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { pageContext, renderPage } from "../http/render";
import { serviceContext } from "../http/service-context";
import { type FieldErrors, fieldErrors, parseWith } from "../http/validate";
import { hasMessage } from "../i18n/dictionary";
import {
  getHostSettings,
  type HostSettings,
  hostSettingsInputSchema,
  LOGO_MAX_BYTES,
  saveHostSettings,
} from "./service";

const ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;
const TEXT_FIELDS = [
  "governmentName",
  "officeName",
  "address",
  "city",
  "phone",
  "whatsapp",
  "email",
  "website",
  "signatoryName",
  "signatoryTitle",
  "signatoryNip",
  "letterNumberFormat",
  "defaultTimeZone",
] as const;

function valuesOf(s: HostSettings): Record<string, string> {
  const v: Record<string, string> = { version: String(s.version) };
  for (const k of TEXT_FIELDS) v[k] = (s[k] as string | null) ?? "";
  return v;
}

async function show(
  c: AppContext,
  extra: { values?: Record<string, string>; errors?: FieldErrors; notice?: string } = {},
  status: 200 | 400 | 409 = 200,
) {
  const s = await getHostSettings(c.get("deps").db.orm);
  return renderPage(
    c,
    c.get("t")("hostSettings.title"),
    <HostSettingsPage
      ctx={pageContext(c)}
      values={extra.values ?? valuesOf(s)}
      hasLogo={!!s.logo}
      saved={s.version > 0}
      errors={extra.errors}
      notice={extra.notice}
      zones={ZONES}
    />,
    status,
  );
}

export function hostSettingsPages() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(ADMIN));

  app.get("/", (c) =>
    show(c, { notice: c.req.query("saved") ? c.get("t")("hostSettings.saved") : undefined }),
  );

  app.get("/logo", async (c) => {
    const s = await getHostSettings(c.get("deps").db.orm);
    if (!s.logo || !s.logoType) throw new AppError("not_found");
    return c.body(s.logo.slice().buffer as ArrayBuffer, 200, {
      "Content-Type": s.logoType,
      "Cache-Control": "private, no-store",
    });
  });

  app.post("/", async (c) => {
    const body = await c.req.parseBody();
    const values: Record<string, string> = {};
    const input: Record<string, unknown> = {};
    for (const k of TEXT_FIELDS) {
      const v = typeof body[k] === "string" ? (body[k] as string) : "";
      values[k] = v;
      input[k] =
        v.trim() ||
        ([
          "governmentName",
          "officeName",
          "address",
          "city",
          "signatoryName",
          "signatoryTitle",
          "letterNumberFormat",
          "defaultTimeZone",
        ].includes(k)
          ? ""
          : null);
    }
    values.version = typeof body.version === "string" ? body.version : "0";
    input.version = Number(values.version);
    input.removeLogo = body.removeLogo === "on";
    const parsed = parseWith(hostSettingsInputSchema, input, c.get("locale"));
    if (!parsed.success)
      return show(c, { values, errors: fieldErrors(parsed.error.issues, c.get("locale")) }, 400);
    const file = body.logo instanceof File && body.logo.size > 0 ? body.logo : null;
    const t = c.get("t");
    if (file && file.size > LOGO_MAX_BYTES)
      return show(c, { values, errors: { logo: [t("hostSettings.logoTooBig")] } }, 400);
    try {
      await saveHostSettings(
        serviceContext(c),
        parsed.data,
        file ? new Uint8Array(await file.arrayBuffer()) : undefined,
      );
    } catch (error) {
      if (error instanceof AppError && error.code === "stale")
        return show(c, { values, errors: { _: [t("hostSettings.stale")] } }, 409);
      if (error instanceof AppError && error.code === "validation_failed") {
        const fields = (error.details as { fields: Record<string, string[]> }).fields;
        return show(
          c,
          {
            values,
            errors: Object.fromEntries(
              Object.entries(fields).map(([k, v]) => [k, v.map((m) => (hasMessage(m) ? t(m) : m))]),
            ),
          },
          400,
        );
      }
      throw error;
    }
    return c.redirect("/admin/host-settings?saved=1", 303);
  });
  return app;
}
