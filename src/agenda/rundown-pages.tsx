/**
 * @module The printable rundown (run-of-show), mounted at /delegations/{id}/rundown for any staff: the
 * host's letterhead from the host settings, the visit's items per day in their venues' zones, items
 * outside the confirmed dates flagged, the reception's seating order, and when it was printed.
 */
import { Hono } from "hono";
import { RundownPage } from "../../views/pages/agenda/rundown-page";
import { requireRole } from "../auth/guard";
import { STAFF } from "../auth/roles";
import { getHostSettings } from "../host-settings/service";
import type { AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { prefixParam } from "../http/feature";
import { pageContext, renderPage } from "../http/render";
import { loadDelegationAgenda, loadParticipants } from "./load-agenda";
import { itemsOutside } from "./outside-dates";

export function rundownPages() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(STAFF));

  app.get("/", async (c) => {
    const { db, config, clock } = c.get("deps");
    const id = prefixParam(c, "id");
    const agenda = await loadDelegationAgenda(db.orm, id, config.hostTimeZone);
    if (!agenda) throw new AppError("not_found");
    const [participants, host] = await Promise.all([loadParticipants(db.orm, id), getHostSettings(db.orm)]);
    return renderPage(
      c,
      c.get("t")("rundown.title", { code: agenda.delegation.code }),
      <RundownPage
        ctx={pageContext(c)}
        agenda={agenda}
        participants={participants}
        outsideDates={itemsOutside(agenda.items, agenda.delegation.confirmedDates).map((i) => i.id)}
        host={host}
        printedAt={clock()}
      />,
    );
  });
  return app;
}
