/**
 * @module Humas pages under /delegations/{id}/publication: the form that publishes a completed visit on
 * the public log (or updates it) after a confirmation step showing what becomes public, and the
 * confirmation step before unpublishing. Successful POSTs 303 back
 * to the delegation page; bad input comes back beside its field with nothing saved.
 */
import { Hono } from "hono";
import {
  LINK_ROWS,
  PublicationFormPage,
  PublishConfirmPage,
  UnpublishConfirmPage,
} from "../../views/pages/publicity/publication-form";
import { requireRole } from "../auth/guard";
import { HUMAS } from "../auth/roles";
import { getDelegation } from "../delegations/queries";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { pageContext, renderPage } from "../http/render";
import { serviceContext } from "../http/service-context";
import { type FieldErrors, fieldErrors, parseWith } from "../http/validate";
import { getOutcome } from "../outcomes/service";
import { publicationInputSchema } from "./schemas";
import { getPublication, publishVisit, unpublishVisit } from "./service";

function formInput(body: Record<string, unknown>) {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string") values[k] = v;
  const s = (k: string) => (values[k] ?? "").trim();
  const links = Array.from({ length: LINK_ROWS }, (_, i) => ({
    label: s(`links.${i}.label`),
    url: s(`links.${i}.url`),
  })).filter((l) => l.label || l.url);
  return {
    values,
    input: {
      title: s("title"),
      summary: s("summary"),
      photoUrl: s("photoUrl") || null,
      photoAlt: s("photoAlt") || null,
      links,
    },
  };
}

async function showForm(
  c: AppContext,
  given?: Record<string, string>,
  errors: FieldErrors = {},
  status: 200 | 400 | 409 = 200,
) {
  const { db } = c.get("deps");
  const d = await getDelegation(db, c.req.param("id") ?? "");
  const current = await getPublication(db.orm, d.id);
  let values = given;
  if (!values) {
    const outcome = await getOutcome(db.orm, d.id);
    values = current
      ? {
          title: current.title,
          summary: current.summary,
          photoUrl: current.photoUrl ?? "",
          photoAlt: current.photoAlt ?? "",
          ...Object.fromEntries(
            current.links.flatMap((l, i) => [
              [`links.${i}.label`, l.label],
              [`links.${i}.url`, l.url],
            ]),
          ),
        }
      : { title: `Kunjungan ${d.institution}`, summary: outcome?.summary ?? "" };
  }
  return renderPage(
    c,
    c.get("t")("publication.title", { code: d.code }),
    <PublicationFormPage ctx={pageContext(c)} d={d} values={values} errors={errors} published={!!current} />,
    status,
  );
}

export function publicationPages() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(HUMAS));

  app.get("/", (c) => showForm(c));

  app.post("/", async (c) => {
    const id = c.req.param("id") ?? "";
    const { input, values } = formInput(await c.req.parseBody());
    const parsed = parseWith(publicationInputSchema, input, c.get("locale"));
    if (!parsed.success) return showForm(c, values, fieldErrors(parsed.error.issues, c.get("locale")), 400);
    if (values.confirm !== "yes") {
      const d = await getDelegation(c.get("deps").db, id);
      const { confirm: _c, ...shown } = values;
      return renderPage(
        c,
        c.get("t")("publication.title", { code: d.code }),
        <PublishConfirmPage ctx={pageContext(c)} d={d} values={shown} />,
      );
    }
    try {
      await publishVisit(serviceContext(c), id, parsed.data);
    } catch (error) {
      if (error instanceof AppError && error.code === "conflict")
        return showForm(c, values, { _: [c.get("t")("publication.notCompleted")] }, 409);
      throw error;
    }
    return c.redirect(`/delegations/${id}#publication`, 303);
  });

  app.get("/unpublish", async (c) => {
    const d = await getDelegation(c.get("deps").db, c.req.param("id") ?? "");
    return renderPage(
      c,
      c.get("t")("publication.unpublish"),
      <UnpublishConfirmPage ctx={pageContext(c)} d={d} />,
    );
  });

  app.post("/unpublish", async (c) => {
    const d = await getDelegation(c.get("deps").db, c.req.param("id") ?? "");
    await unpublishVisit(serviceContext(c), d.id);
    return c.redirect(`/delegations/${d.id}#publication`, 303);
  });

  return app;
}
