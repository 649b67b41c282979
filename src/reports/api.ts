/**
 * @module The reports API (staff): `GET /api/v1/reports/summary` (every figure of the report page with its
 * target) and `GET /api/v1/reports/monthly`, both for `?from=&to=` or `?preset=`.
 */
import { z } from "zod";
import { STAFF } from "../auth/roles";
import { apiRoute, featureApi, json } from "../http/api";
import { serviceContext } from "../http/service-context";
import { monthlySchema, summarySchema } from "./api-schemas";
import { rangeQuerySchema, resolveRange } from "./range";
import { buildMonthly, buildReport, hostToday } from "./summary";

const tag = "reports";

const summary = apiRoute({
  method: "get",
  path: "/summary",
  operationId: "getReportSummary",
  summary:
    "Every report figure for a period (visits, visitors, provinces, topics, venues, hosts, lead time, commitments, rating) with its target",
  tag,
  roles: STAFF,
  request: { query: rangeQuerySchema },
  responses: { 200: json(summarySchema) },
});

const monthly = apiRoute({
  method: "get",
  path: "/monthly",
  operationId: "getReportMonthly",
  summary: "Visits and visitors per month of a period, with the monthly target line",
  tag,
  roles: STAFF,
  request: { query: rangeQuerySchema },
  responses: {
    200: json(z.object({ from: z.iso.date(), to: z.iso.date(), months: z.array(monthlySchema) })),
  },
});

export function reportsApi() {
  const app = featureApi();
  app.openapi(summary, async (c) => {
    const ctx = serviceContext(c);
    const { today } = await hostToday(ctx.db.orm, ctx.now);
    const range = resolveRange(c.req.valid("query"), today);
    return c.json(await buildReport(ctx.db.orm, { range, now: ctx.now }), 200);
  });
  app.openapi(monthly, async (c) => {
    const ctx = serviceContext(c);
    const { today } = await hostToday(ctx.db.orm, ctx.now);
    const range = resolveRange(c.req.valid("query"), today);
    return c.json(
      { from: range.from, to: range.to, months: await buildMonthly(ctx.db.orm, range, today) },
      200,
    );
  });
  return app;
}
