/**
 * @module Admin page for yearly targets at /admin/targets (admins only): pick a year, set its figures.
 */
import { Hono } from "hono";
import { TargetsPage } from "../../views/pages/targets/targets-page";
import { requireRole } from "../auth/guard";
import { ADMIN } from "../auth/roles";
import type { AppContext, AppEnv } from "../http/context";
import { pageContext, renderPage } from "../http/render";
import { serviceContext } from "../http/service-context";
import { parseWith, readForm } from "../http/validate";
import { hostToday } from "../reports/summary";
import { targetFormSchema, yearParam } from "./schemas";
import { getTarget, saveTarget } from "./service";

async function show(
  c: AppContext,
  year: number,
  extra: Partial<Parameters<typeof TargetsPage>[0]> = {},
  status: 200 | 400 = 200,
) {
  const target = await getTarget(c.get("deps").db.orm, year);
  return renderPage(
    c,
    c.get("t")("targets.titleYear", { year }),
    <TargetsPage ctx={pageContext(c)} year={year} target={target} {...extra} />,
    status,
  );
}

export function targetsPages() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(ADMIN));

  app.get("/", async (c) => {
    const ctx = serviceContext(c);
    const parsed = parseWith(yearParam, { year: c.req.query("year") }, c.get("locale"));
    const year = parsed.success
      ? parsed.data.year
      : Number((await hostToday(ctx.db.orm, ctx.now)).today.slice(0, 4));
    return show(c, year, c.req.query("saved") ? { notice: c.get("t")("targets.saved") } : {});
  });

  app.post("/:year", async (c) => {
    const parsed = parseWith(yearParam, { year: c.req.param("year") }, c.get("locale"));
    if (!parsed.success) return c.redirect("/admin/targets", 303);
    const year = parsed.data.year;
    const form = await readForm(c, targetFormSchema);
    if (!form.ok) return show(c, year, { errors: form.errors, values: form.values }, 400);
    await saveTarget(serviceContext(c), year, form.data as never);
    return c.redirect(`/admin/targets?year=${year}&saved=1`, 303);
  });

  return app;
}
