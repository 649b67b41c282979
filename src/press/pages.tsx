/**
 * @module Humas pages under /delegations/{id}/press-release: the edit form (each save a new version, 303
 * back to the form), and the current version as a Word document and as plain text.
 */
import { Hono } from "hono";
import { PressFormPage, QUOTE_ROWS } from "../../views/pages/press/press-form";
import { requireRole } from "../auth/guard";
import { FOLLOW_UP, HUMAS } from "../auth/roles";
import { getDelegation } from "../delegations/queries";
import { contentDisposition } from "../http/content-disposition";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { pageContext, renderPage } from "../http/render";
import { serviceContext } from "../http/service-context";
import { type FieldErrors, fieldErrors, parseWith } from "../http/validate";
import { formatDateTime } from "../i18n/format";
import { pressDocx, pressText } from "./render";
import { type CurrentPress, currentPressRelease, pressInputSchema, savePressRelease } from "./service";

function toValues(p: CurrentPress): Record<string, string> {
  const { quotes, savedAt: _s, authorLabel: _a, version, ...rest } = p;
  return {
    ...rest,
    version: String(version),
    ...Object.fromEntries(
      quotes.flatMap((q, i) => [
        [`quotes.${i}.speaker`, q.speaker],
        [`quotes.${i}.title`, q.title],
        [`quotes.${i}.text`, q.text],
      ]),
    ),
  };
}

function fromForm(body: Record<string, unknown>) {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string") values[k] = v;
  const s = (k: string) => values[k] ?? "";
  const quotes = Array.from({ length: QUOTE_ROWS }, (_, i) => ({
    speaker: s(`quotes.${i}.speaker`),
    title: s(`quotes.${i}.title`),
    text: s(`quotes.${i}.text`),
  })).filter((q) => q.speaker.trim() || q.title.trim() || q.text.trim());
  return {
    values,
    input: {
      headline: s("headline"),
      dateline: s("dateline"),
      lead: s("lead"),
      body: s("body"),
      quotes,
      commitments: s("commitments"),
      closing: s("closing"),
      version: Number(s("version") || "NaN"),
    },
  };
}

async function load(c: AppContext) {
  const { db, config } = c.get("deps");
  const d = await getDelegation(db, c.req.param("id") ?? "");
  return { d, press: await currentPressRelease(db.orm, d.id, config.hostTimeZone) };
}

async function showForm(
  c: AppContext,
  given?: Record<string, string>,
  errors: FieldErrors = {},
  status: 200 | 400 | 409 = 200,
) {
  const { d, press } = await load(c);
  const t = c.get("t");
  const note = press.savedAt
    ? t("press.savedVersion", {
        version: press.version,
        date: formatDateTime(press.savedAt, c.get("locale"), c.get("deps").config.hostTimeZone),
        author: press.authorLabel ?? "",
      })
    : t("press.draftNote");
  return renderPage(
    c,
    t("press.title", { code: d.code }),
    <PressFormPage
      ctx={pageContext(c)}
      d={d}
      values={given ?? toValues(press)}
      errors={errors}
      note={note}
    />,
    status,
  );
}

export function pressPages() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(FOLLOW_UP));
  app.get("/", (c) => showForm(c));
  app.post("/", requireRole(HUMAS), async (c) => {
    const id = c.req.param("id") ?? "";
    const { input, values } = fromForm(await c.req.parseBody());
    const parsed = parseWith(pressInputSchema, input, c.get("locale"));
    if (!parsed.success) return showForm(c, values, fieldErrors(parsed.error.issues, c.get("locale")), 400);
    try {
      await savePressRelease(serviceContext(c), id, parsed.data);
    } catch (error) {
      if (error instanceof AppError && error.code === "stale") {
        const version = (error.details as { currentVersion: number }).currentVersion;
        return showForm(c, values, { _: [c.get("t")("press.stale", { version })] }, 409);
      }
      throw error;
    }
    return c.redirect(`/delegations/${id}/press-release`, 303);
  });
  app.get("/download.docx", async (c) => {
    const { d, press } = await load(c);
    c.header("Content-Disposition", contentDisposition("attachment", `${d.code}-siaran-pers.docx`));
    c.header("Cache-Control", "no-store");
    return c.body((await pressDocx(press)) as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
  });
  app.get("/download.txt", async (c) => {
    const { d, press } = await load(c);
    c.header("Content-Disposition", contentDisposition("attachment", `${d.code}-siaran-pers.txt`));
    c.header("Cache-Control", "no-store");
    return c.body(pressText(press), 200, { "Content-Type": "text/plain; charset=utf-8" });
  });
  return app;
}
