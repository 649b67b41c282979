/**
 * @module The audit log pages for admins: /admin/audit (numbered pages) and /admin/audit.csv (the same
 * filters as a file for an auditor). The JSON API is in `api.ts`.
 */
import { inArray } from "drizzle-orm";
import { Hono } from "hono";
import { users } from "../../db/schema/auth";
import { AuditPage } from "../../views/pages/admin/audit";
import { requireRole } from "../auth/guard";
import { ADMIN } from "../auth/roles";
import { contentDisposition } from "../http/content-disposition";
import type { AppEnv } from "../http/context";
import { pageContext, renderPage } from "../http/render";
import { readQuery } from "../http/validate";
import { localDateOf } from "../scheduling/zoned-time";
import { auditCsv } from "./csv";
import { describeEvent } from "./describe";
import { loadAuditNames } from "./names";
import { auditActorIds, auditFilterSchema, countAudit, queryAudit } from "./query";

export function auditPage() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(ADMIN));

  app.get("/", async (c) => {
    const { db, config } = c.get("deps");
    const filter = readQuery(c, auditFilterSchema);
    const page = filter.page ?? 1;
    const tz = config.hostTimeZone;
    const [result, total, actorIds] = await Promise.all([
      queryAudit(db.orm, { ...filter, before: undefined, page }, tz),
      countAudit(db.orm, filter, tz),
      auditActorIds(db.orm),
    ]);
    const names = await loadAuditNames(db.orm, result.events);
    const ctx = pageContext(c);
    const actors =
      actorIds.length === 0
        ? []
        : await db.orm
            .select({ id: users.id, name: users.name })
            .from(users)
            .where(inArray(users.id, actorIds));
    const rows = result.events.map((e) => ({
      id: e.id,
      at: e.at,
      ...describeEvent(e, { t: ctx.t, locale: ctx.locale, timeZone: tz, names }),
    }));
    const query = new URLSearchParams(
      Object.entries(c.req.query()).filter(([k, v]) => k !== "page" && k !== "before" && v !== ""),
    );
    const pageHref = (n: number) => {
      const q = new URLSearchParams(query);
      if (n > 1) q.set("page", String(n));
      const s = q.toString();
      return s ? `/admin/audit?${s}` : "/admin/audit";
    };
    const csvQuery = new URLSearchParams(query);
    csvQuery.delete("lang");
    return renderPage(
      c,
      ctx.t("audit.title"),
      <AuditPage
        ctx={ctx}
        rows={rows}
        filter={filter}
        actors={actors.sort((a, b) => a.name.localeCompare(b.name))}
        paging={{
          from: result.events.length > 0 ? result.offset + 1 : 0,
          to: result.offset + result.events.length,
          total,
          previousHref: page > 1 ? pageHref(page - 1) : undefined,
          nextHref: result.hasMore ? pageHref(page + 1) : undefined,
        }}
        csvHref={`/admin/audit.csv${csvQuery.size > 0 ? `?${csvQuery}` : ""}`}
      />,
    );
  });

  return app;
}

export function auditCsvFile() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(ADMIN));

  app.get("/", async (c) => {
    const { db, config, clock } = c.get("deps");
    const filter = readQuery(c, auditFilterSchema);
    const body = await auditCsv(db.orm, filter, {
      t: c.get("t"),
      locale: c.get("locale"),
      timeZone: config.hostTimeZone,
    });
    const today = localDateOf(clock().getTime(), config.hostTimeZone);
    return c.body(body, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition("attachment", `jejak-audit-${today}.csv`),
    });
  });

  return app;
}
