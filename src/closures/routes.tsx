/**
 * @module Working calendar routes: the admin pages under /admin/closures and the API under
 * /api/v1/closures. Any staff member may read; only admins change closed dates.
 */
import { Hono } from "hono";
import { z } from "zod";
import { ClosuresPage, type ClosuresPageProps } from "../../views/pages/closures/list";
import { actorOf, requireRole } from "../auth/guard";
import { ADMIN, hasRole, STAFF } from "../auth/roles";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import type { RouteDoc } from "../http/openapi";
import { pageContext, renderPage } from "../http/render";
import { readForm, readJson, readQuery } from "../http/validate";
import type { ClosureCsvError } from "./closures-csv";
import {
  closureInputSchema,
  closureUpdateSchema,
  createClosure,
  deleteClosure,
  getClosure,
  importClosuresCsv,
  listClosures,
  updateClosure,
} from "./service";

const closureOut = z.object({
  id: z.string(),
  date: z.string(),
  kind: z.string(),
  name: z.string(),
  source: z.string(),
  reviewed: z.boolean(),
});
const yearQuery = z.object({ year: z.coerce.number().int().min(1970).max(2200).optional() });

export const closuresApiDocs: RouteDoc[] = [
  {
    method: "get",
    path: "/closures",
    summary: "Closed dates (holidays, cuti bersama, local holidays) of a year (default: this year)",
    tag: "closures",
    roles: STAFF,
    query: yearQuery,
    response: z.object({ year: z.number(), closures: z.array(closureOut) }),
  },
  {
    method: "post",
    path: "/closures",
    summary:
      "Add a closed date (JSON), or import a year's official list with a text/csv body `date;name;kind` and ?year= (all rows or none)",
    tag: "closures",
    roles: ADMIN,
    body: closureInputSchema,
    status: 201,
    response: z.object({ closure: closureOut }),
  },
  {
    method: "patch",
    path: "/closures/{id}",
    summary: "Change a closed date, or mark it reviewed",
    tag: "closures",
    roles: ADMIN,
    body: closureUpdateSchema,
    response: z.object({ closure: closureOut }),
  },
  {
    method: "delete",
    path: "/closures/{id}",
    summary: "Delete a closed date",
    tag: "closures",
    roles: ADMIN,
    status: 204,
  },
];

function ctxOf(c: AppContext) {
  const { db, clock } = c.get("deps");
  return { db, actor: actorOf(c), now: clock() };
}

function thisYear(c: AppContext): number {
  return Number(
    new Intl.DateTimeFormat("en-CA", { timeZone: c.get("deps").config.hostTimeZone, year: "numeric" }).format(
      c.get("deps").clock(),
    ),
  );
}

async function showPage(
  c: AppContext,
  year: number,
  extra: Partial<ClosuresPageProps> = {},
  status: 200 | 400 | 409 = 200,
) {
  const rows = await listClosures(c.get("deps").db, year);
  const user = c.get("user");
  return renderPage(
    c,
    c.get("t")("closures.title", { year }),
    <ClosuresPage
      ctx={pageContext(c)}
      year={year}
      rows={rows}
      canEdit={!!user && hasRole(user.role, ADMIN)}
      {...extra}
    />,
    status,
  );
}

function yearOf(date: string) {
  return Number(date.slice(0, 4));
}

export function closureRoutes() {
  const app = new Hono<AppEnv>();
  // NOTE: Hono's "/x/*" also matches "/x", so reading is guarded per route, not by a wildcard.
  const admin = requireRole(ADMIN);
  const staff = requireRole(STAFF);

  app.get("/admin/closures", staff, (c) => showPage(c, readQuery(c, yearQuery).year ?? thisYear(c)));

  app.post("/admin/closures", admin, async (c) => {
    const form = await readForm(c, closureInputSchema);
    const year = form.ok ? yearOf(form.data.date) : thisYear(c);
    if (!form.ok)
      return showPage(
        c,
        /^\d{4}/.test(form.values.date ?? "") ? yearOf(form.values.date ?? "") : year,
        { errors: form.errors, values: form.values },
        400,
      );
    try {
      await createClosure(ctxOf(c), form.data);
    } catch (error) {
      if (error instanceof AppError && error.code === "conflict")
        return showPage(
          c,
          year,
          { errors: { date: [c.get("t")("closures.duplicate")] }, values: form.values },
          409,
        );
      throw error;
    }
    return showPage(c, year, { notice: c.get("t")("closures.created") });
  });

  app.get("/admin/closures/:id/edit", admin, async (c) => {
    const row = await getClosure(c.get("deps").db, c.req.param("id"));
    return showPage(c, yearOf(row.date), { editing: row });
  });

  app.post("/admin/closures/import", admin, async (c) => {
    const year = readQuery(c, yearQuery).year ?? thisYear(c);
    const body = await c.req.parseBody();
    const file = body.file;
    const text = file instanceof File ? await file.text() : typeof file === "string" ? file : "";
    try {
      const result = await importClosuresCsv(ctxOf(c), year, text);
      return showPage(c, year, { notice: c.get("t")("closures.csvImported", result) });
    } catch (error) {
      if (error instanceof AppError && error.code === "validation_failed") {
        const rows = (error.details as { rows: ClosureCsvError[] }).rows;
        return showPage(c, year, { csvErrors: rows }, 400);
      }
      throw error;
    }
  });

  app.post("/admin/closures/:id/review", admin, async (c) => {
    const row = await updateClosure(ctxOf(c), c.req.param("id"), { reviewed: true });
    return showPage(c, yearOf(row.date), { notice: c.get("t")("closures.updated") });
  });

  app.post("/admin/closures/:id/delete", admin, async (c) => {
    const row = await getClosure(c.get("deps").db, c.req.param("id"));
    await deleteClosure(ctxOf(c), row.id);
    return showPage(c, yearOf(row.date), { notice: c.get("t")("closures.deleted") });
  });

  app.post("/admin/closures/:id", admin, async (c) => {
    const editing = await getClosure(c.get("deps").db, c.req.param("id"));
    const form = await readForm(c, closureInputSchema);
    if (!form.ok)
      return showPage(c, yearOf(editing.date), { editing, errors: form.errors, values: form.values }, 400);
    try {
      const row = await updateClosure(ctxOf(c), editing.id, { ...form.data, reviewed: true });
      return showPage(c, yearOf(row.date), { notice: c.get("t")("closures.updated") });
    } catch (error) {
      if (error instanceof AppError && error.code === "conflict")
        return showPage(
          c,
          yearOf(editing.date),
          { editing, errors: { date: [c.get("t")("closures.duplicate")] }, values: form.values },
          409,
        );
      throw error;
    }
  });

  app.get("/api/v1/closures", staff, async (c) => {
    const year = readQuery(c, yearQuery).year ?? thisYear(c);
    return c.json({ year, closures: await listClosures(c.get("deps").db, year) });
  });

  app.post("/api/v1/closures", admin, async (c) => {
    const type = c.req.header("Content-Type") ?? "";
    if (type.startsWith("text/csv")) {
      const year = readQuery(c, yearQuery).year ?? thisYear(c);
      const result = await importClosuresCsv(ctxOf(c), year, await c.req.text());
      return c.json({ year, ...result }, 201);
    }
    const body = await readJson(c, closureInputSchema);
    return c.json({ closure: await createClosure(ctxOf(c), body) }, 201);
  });

  app.patch("/api/v1/closures/:id", admin, async (c) => {
    const body = await readJson(c, closureUpdateSchema);
    return c.json({ closure: await updateClosure(ctxOf(c), c.req.param("id"), body) });
  });

  app.delete("/api/v1/closures/:id", admin, async (c) => {
    await deleteClosure(ctxOf(c), c.req.param("id"));
    return c.body(null, 204);
  });

  return app;
}
