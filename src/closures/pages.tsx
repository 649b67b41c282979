/**
 * @module The working calendar pages under /admin/closures: any staff member reads a year; admins add a
 * date or a range, edit or delete one day, mark the whole year reviewed, and upload the official list.
 * A successful post redirects (303) back to the year with a notice; bad input re-renders the page with
 * the errors beside the fields and the input kept; deleting and marking a year reviewed ask first.
 */
import { Hono } from "hono";
import { z } from "zod";
import { ClosuresPage, type ClosuresPageProps } from "../../views/pages/closures/list";
import { requireRole } from "../auth/guard";
import { ADMIN, hasRole, STAFF } from "../auth/roles";
import { confirmStep, isConfirmed } from "../http/confirm-step";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { pageContext, renderPage } from "../http/render";
import { serviceContext } from "../http/service-context";
import { readForm, readQuery } from "../http/validate";
import { formatLocalDate } from "../i18n/format";
import { thisYear, yearQuery } from "./api";
import type { ClosureCsvError } from "./closures-csv";
import {
  closureEditSchema,
  closureInputSchema,
  createClosures,
  deleteClosure,
  getClosure,
  importClosuresCsv,
  listClosures,
  reviewYear,
  updateClosure,
} from "./service";

const DONE = ["created", "updated", "deleted", "reviewed", "imported"] as const;
const pageQuery = yearQuery.extend({
  done: z.enum(DONE).optional(),
  n: z.coerce.number().int().min(0).optional(),
  m: z.coerce.number().int().min(0).optional(),
});

function noticeOf(c: AppContext, q: z.output<typeof pageQuery>): string | undefined {
  const t = c.get("t");
  const n = q.n ?? 0;
  switch (q.done) {
    case "created":
      return t("closures.created", { count: n });
    case "updated":
      return t("closures.updated");
    case "deleted":
      return t("closures.deleted");
    case "reviewed":
      return t("closures.reviewedAll", { count: n });
    case "imported":
      return t("closures.csvImported", { created: n, updated: q.m ?? 0 });
    default:
      return undefined;
  }
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

const yearOf = (date: string) => Number(date.slice(0, 4));
/** The year a typed (possibly invalid) date belongs to, else `fallback`. */
const yearOfTyped = (date: string | undefined, fallback: number) =>
  /^\d{4}-/.test(date ?? "") ? yearOf(date ?? "") : fallback;
const back = (year: number, done: (typeof DONE)[number], n?: number, m?: number) =>
  `/admin/closures?year=${year}&done=${done}${n === undefined ? "" : `&n=${n}`}${m === undefined ? "" : `&m=${m}`}`;

export function closurePages() {
  const app = new Hono<AppEnv>();
  const admin = requireRole(ADMIN);
  app.use("*", requireRole(STAFF));

  app.get("/", (c) => {
    const q = readQuery(c, pageQuery);
    return showPage(c, q.year ?? thisYear(c), { notice: noticeOf(c, q) });
  });

  app.post("/", admin, async (c) => {
    const form = await readForm(c, closureInputSchema);
    if (!form.ok)
      return showPage(
        c,
        yearOfTyped(form.values.date, thisYear(c)),
        { errors: form.errors, values: form.values },
        400,
      );
    const year = yearOf(form.data.date);
    try {
      const rows = await createClosures(serviceContext(c), form.data);
      return c.redirect(back(year, "created", rows.length), 303);
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
  });

  app.post("/import", admin, async (c) => {
    const year = readQuery(c, yearQuery).year ?? thisYear(c);
    const body = await c.req.parseBody();
    const file = body.file;
    const text = file instanceof File ? await file.text() : typeof file === "string" ? file : "";
    try {
      const result = await importClosuresCsv(serviceContext(c), year, text);
      return c.redirect(back(year, "imported", result.created, result.updated), 303);
    } catch (error) {
      if (error instanceof AppError && error.code === "validation_failed") {
        const rows = (error.details as { rows: ClosureCsvError[] }).rows;
        return showPage(c, year, { csvErrors: rows }, 400);
      }
      throw error;
    }
  });

  app.post("/review", admin, async (c) => {
    const year = readQuery(c, yearQuery).year ?? thisYear(c);
    if (!(await isConfirmed(c))) {
      return confirmStep(c, {
        message: c.get("t")("confirm.reviewClosures", { year }),
        back: `/admin/closures?year=${year}`,
        action: `/admin/closures/review?year=${year}`,
        danger: false,
      });
    }
    const count = await reviewYear(serviceContext(c), year);
    return c.redirect(back(year, "reviewed", count), 303);
  });

  app.get("/:id/edit", admin, async (c) => {
    const row = await getClosure(c.get("deps").db, c.req.param("id"));
    return showPage(c, yearOf(row.date), { editing: row });
  });

  app.post("/:id/review", admin, async (c) => {
    const row = await updateClosure(serviceContext(c), c.req.param("id"), { reviewed: true });
    return c.redirect(back(yearOf(row.date), "updated"), 303);
  });

  app.post("/:id/delete", admin, async (c) => {
    const row = await getClosure(c.get("deps").db, c.req.param("id"));
    if (!(await isConfirmed(c))) {
      return confirmStep(c, {
        message: c.get("t")("confirm.deleteClosure", {
          name: row.name,
          date: formatLocalDate(row.date, c.get("locale")),
        }),
        back: `/admin/closures?year=${yearOf(row.date)}`,
      });
    }
    await deleteClosure(serviceContext(c), row.id);
    return c.redirect(back(yearOf(row.date), "deleted"), 303);
  });

  app.post("/:id", admin, async (c) => {
    const editing = await getClosure(c.get("deps").db, c.req.param("id"));
    const form = await readForm(c, closureEditSchema);
    if (!form.ok)
      return showPage(c, yearOf(editing.date), { editing, errors: form.errors, values: form.values }, 400);
    try {
      const row = await updateClosure(serviceContext(c), editing.id, { ...form.data, reviewed: true });
      return c.redirect(back(yearOf(row.date), "updated"), 303);
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

  return app;
}
