/**
 * @module Tour template pages for protocol staff (admin, protocol): the list, add, edit (items included)
 * and delete. Posts redirect (303) on success and re-render with errors beside the fields on failure;
 * a stale edit re-renders the current version with a message saying the changes were not saved.
 */
import { Hono } from "hono";
import { TemplateEditPage, TemplateForm } from "../../views/pages/bookings/template-form";
import { TemplatesPage } from "../../views/pages/bookings/templates";
import { actorOf, requireRole } from "../auth/guard";
import { PROTOCOL } from "../auth/roles";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { pageContext, renderPage } from "../http/render";
import type { FieldErrors } from "../http/validate";
import { listHosts, listVenues } from "../venues/service";
import { EMPTY_ROWS, type FormValues, submittedRows, templateFromForm, templateToForm } from "./forms";
import { createTemplate, deleteTemplate, getTemplate, listTemplates, updateTemplate } from "./service";

async function formValues(c: AppContext): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true });
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === "_csrf") continue;
    if (typeof v === "string") out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === "string");
  }
  return out;
}

function ctxOf(c: AppContext) {
  const { db, clock, config } = c.get("deps");
  return { db, actor: actorOf(c), now: clock(), config };
}

async function choices(c: AppContext) {
  const db = c.get("deps").db.orm;
  const [venues, hosts] = await Promise.all([listVenues(db), listHosts(db)]);
  return {
    venues: venues.map((v) => ({ id: v.id, name: v.name })),
    hosts: hosts.map((h) => ({ id: h.id, name: h.name, title: h.title })),
  };
}

export function templatePageRoutes() {
  const app = new Hono<AppEnv>();
  app.use("/templates", requireRole(PROTOCOL));
  app.use("/templates/*", requireRole(PROTOCOL));

  app.get("/templates", async (c) => {
    const db = c.get("deps").db.orm;
    const t = c.get("t");
    const [templates, venues, hosts] = await Promise.all([listTemplates(db), listVenues(db), listHosts(db)]);
    return renderPage(
      c,
      t("templates.title"),
      <TemplatesPage
        ctx={pageContext(c)}
        templates={templates}
        venueNames={Object.fromEntries(venues.map((v) => [v.id, v.name]))}
        hostNames={Object.fromEntries(hosts.map((h) => [h.id, h.name]))}
        notice={c.req.query("deleted") ? t("templates.deleted") : undefined}
      />,
    );
  });

  const newPage = async (
    c: AppContext,
    values: FormValues,
    errors?: FieldErrors,
    status: 200 | 400 = 200,
  ) => {
    const t = c.get("t");
    return renderPage(
      c,
      t("templates.new"),
      <>
        <p>
          <a href="/templates">{t("templates.back")}</a>
        </p>
        <TemplateForm
          ctx={pageContext(c)}
          action="/templates"
          values={values}
          rows={Math.max(submittedRows(values), 2 + EMPTY_ROWS)}
          errors={errors}
          submitLabel={t("action.create")}
          {...(await choices(c))}
        />
      </>,
      status,
    );
  };

  const editPage = async (
    c: AppContext,
    id: string,
    extra: { values?: FormValues; errors?: FieldErrors; deleteErrors?: FieldErrors } = {},
    status: 200 | 400 | 409 = 200,
  ) => {
    const t = c.get("t");
    const tpl = await getTemplate(c.get("deps").db.orm, id);
    const values = extra.values ?? templateToForm(tpl);
    return renderPage(
      c,
      `${t("templates.edit")}: ${tpl.name}`,
      <TemplateEditPage
        ctx={pageContext(c)}
        templateId={tpl.id}
        action={`/templates/${tpl.id}`}
        values={values}
        rows={Math.max(submittedRows(values), tpl.items.length + EMPTY_ROWS)}
        errors={extra.errors}
        deleteErrors={extra.deleteErrors}
        notice={c.req.query("saved") ? t("templates.saved", { name: tpl.name }) : undefined}
        submitLabel={t("action.save")}
        {...(await choices(c))}
      />,
      status,
    );
  };

  app.get("/templates/new", (c) => newPage(c, { active: "on" }));
  app.post("/templates", async (c) => {
    const values = await formValues(c);
    const parsed = templateFromForm(values, c.get("locale"), c.get("t"));
    if (!parsed.ok) return newPage(c, values, parsed.errors, 400);
    const tpl = await createTemplate(ctxOf(c), parsed.data);
    return c.redirect(`/templates/${tpl.id}?saved=1`, 303);
  });

  app.get("/templates/:id", (c) => editPage(c, c.req.param("id")));
  app.post("/templates/:id", async (c) => {
    const id = c.req.param("id");
    const values = await formValues(c);
    const parsed = templateFromForm(values, c.get("locale"), c.get("t"));
    if (!parsed.ok) return editPage(c, id, { values, errors: parsed.errors }, 400);
    try {
      await updateTemplate(ctxOf(c), id, { ...parsed.data, version: Number(values.version) });
    } catch (error) {
      if (error instanceof AppError && error.code === "stale") {
        return editPage(c, id, { errors: { _: [c.get("t")("templates.stale")] } }, 409);
      }
      throw error;
    }
    return c.redirect(`/templates/${id}?saved=1`, 303);
  });

  app.post("/templates/:id/delete", async (c) => {
    const id = c.req.param("id");
    const values = await formValues(c);
    if (values.confirm !== "on") {
      return editPage(c, id, { deleteErrors: { confirm: [c.get("t")("error.required")] } }, 400);
    }
    await deleteTemplate(ctxOf(c), id);
    return c.redirect("/templates?deleted=1", 303);
  });
  return app;
}
