/**
 * @module The staff download of a delegation's calendar, mounted at /api/v1/delegations/{id}/calendar.ics:
 * METHOD:PUBLISH, one VEVENT per agenda item (cancelled ones STATUS:CANCELLED), built once per agenda
 * version and language and served from the cache with ETag / 304.
 */
import { z } from "zod";
import { type FreshMemo, freshMemo } from "../../db/fresh-memo";
import { agendaVersionKey } from "../agenda/agenda-version";
import { loadDelegationAgenda } from "../agenda/load-agenda";
import { STAFF } from "../auth/roles";
import { apiRoute, featureApi } from "../http/api";
import { AppError } from "../http/errors";
import { delegationCalendar } from "./delegation-calendar";
import { IcsCache } from "./ics-cache";
import { serveCalendar } from "./serve-calendar";

const download = apiRoute({
  method: "get",
  path: "/",
  operationId: "getDelegationCalendar",
  summary:
    "The delegation's calendar (METHOD:PUBLISH, one VEVENT per agenda item, cancelled ones STATUS:CANCELLED); ETag / If-None-Match → 304",
  tag: "calendar",
  roles: STAFF,
  request: {
    params: z.object({ id: z.string() }),
    query: z.object({ lang: z.enum(["id", "en"]).optional() }),
  },
  responses: {
    200: {
      description: "The calendar (iCalendar)",
      content: { "text/calendar": { schema: z.string().openapi({ format: "binary" }) } },
    },
    304: { description: "Not modified since the ETag sent in If-None-Match" },
  },
});

export function delegationCalendarApi() {
  const app = featureApi();
  const cache = new IcsCache({ maxEntries: 1000 });
  let versionKeys: FreshMemo<string> | undefined;

  app.openapi(download, async (c) => {
    const { db, clock, config } = c.get("deps");
    const { id } = c.req.valid("param");
    const locale = c.get("locale");
    versionKeys ??= freshMemo<string>({ db, clock, ttlMs: 1_000 });
    const versionKey = await versionKeys.get(id, () => agendaVersionKey(db.orm, id));
    if (versionKey === null) throw new AppError("not_found");
    const key = { kind: "delegation-ics", id: `${id}:${locale}`, version: versionKey };
    const entry = await cache.getOrBuild(key, async () => {
      const agenda = await loadDelegationAgenda(db.orm, id, config.hostTimeZone);
      if (!agenda) throw new AppError("not_found");
      return delegationCalendar({
        delegation: agenda.delegation,
        items: agenda.items,
        locale,
        now: clock(),
        url: `${config.baseUrl}/delegations/${id}/agenda`,
      });
    });
    return serveCalendar(c, entry, `delegation-${id.slice(0, 8)}.ics`) as never;
  });
  return app;
}
