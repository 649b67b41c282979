/**
 * @module The report page at /reports and its CSV exports at /reports/{visits,participants,commitments,
 * feedback}.csv (staff: admin, protocol, humas, viewer), for `?from=&to=` or `?preset=`.
 */
import { Hono } from "hono";
import { ReportPage } from "../../views/pages/reports/report-page";
import { requireRole } from "../auth/guard";
import { ADMIN, STAFF } from "../auth/roles";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { pageContext, renderPage } from "../http/render";
import { serviceContext } from "../http/service-context";
import { fieldErrors, parseWith } from "../http/validate";
import { EXPORTS, type ExportName, exportCsv } from "./exports";
import { rangeQuerySchema, resolveRange } from "./range";
import { buildReport, hostToday } from "./summary";
import { visitScope } from "./visit-scope";

async function readRange(c: AppContext) {
  const ctx = serviceContext(c);
  const { today } = await hostToday(ctx.db.orm, ctx.now);
  const parsed = parseWith(rangeQuerySchema, c.req.query(), c.get("locale"));
  return { ctx, today, parsed };
}

export function reportsPages() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(STAFF));

  app.get("/", async (c) => {
    const { ctx, today, parsed } = await readRange(c);
    const canSetTargets = ADMIN.includes(c.get("user")?.role ?? "viewer");
    const t = c.get("t");
    if (!parsed.success) {
      const q = c.req.query();
      return renderPage(
        c,
        t("reports.title"),
        <ReportPage
          ctx={pageContext(c)}
          report={null}
          preset={null}
          values={{ from: q.from ?? "", to: q.to ?? "" }}
          errors={fieldErrors(parsed.error.issues, c.get("locale"))}
          canSetTargets={canSetTargets}
        />,
        400,
      );
    }
    const range = resolveRange(parsed.data, today);
    const report = await buildReport(ctx.db.orm, { range, now: ctx.now });
    return renderPage(
      c,
      t("reports.title"),
      <ReportPage
        ctx={pageContext(c)}
        report={report}
        preset={range.preset}
        values={{ from: range.from, to: range.to }}
        canSetTargets={canSetTargets}
      />,
    );
  });

  app.get("/:file", async (c) => {
    const file = c.req.param("file");
    const name = file.replace(/\.csv$/, "");
    if (!file.endsWith(".csv") || !(EXPORTS as readonly string[]).includes(name))
      throw new AppError("not_found");
    const { ctx, today, parsed } = await readRange(c);
    if (!parsed.success)
      throw new AppError("validation_failed", {
        details: { fields: fieldErrors(parsed.error.issues, c.get("locale")) },
      });
    const range = resolveRange(parsed.data, today);
    const csv = await exportCsv(name as ExportName, ctx.db.orm, visitScope(range, today), c.get("t"));
    c.header("Cache-Control", "no-store");
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="${name}-${range.from}-${range.to}.csv"`);
    return c.body(csv);
  });

  return app;
}
