/**
 * @module Renders a delegation's agenda page (the builder) with what a request adds to it: a notice, the
 * errors and conflicts of the form that was sent (with its input kept), and the live itinerary links.
 * It reads, never writes.
 */
import { asc, eq } from "drizzle-orm";
import { hosts, venues } from "../../db/schema/venues";
import { AgendaPage, type AgendaPageNotice, type ConflictsShown } from "../../views/pages/agenda/agenda-page";
import { PROTOCOL } from "../auth/roles";
import type { AppContext } from "../http/context";
import { AppError } from "../http/errors";
import { pageContext, renderPage } from "../http/render";
import type { FieldErrors } from "../http/validate";
import { listTemplates } from "../templates/service";
import { loadDelegationAgenda } from "./load-agenda";
import { itemsOutside } from "./outside-dates";
import { listShareLinks } from "./share-links";

export interface AgendaExtras {
  notice?: AgendaPageNotice;
  errors?: FieldErrors;
  conflicts?: ConflictsShown;
  values?: Record<string, string>;
}

/** Visits whose agenda may still change; a declined, cancelled or completed visit's agenda is read-only. */
const OPEN = new Set(["requested", "confirmed"]);

export async function showAgenda(
  c: AppContext,
  delegationId: string,
  extras: AgendaExtras = {},
  status: 200 | 400 | 404 | 409 = 200,
) {
  const { db, config } = c.get("deps");
  const agenda = await loadDelegationAgenda(db.orm, delegationId, config.hostTimeZone);
  if (!agenda) throw new AppError("not_found");
  const [venueList, hostList, templates, links] = await Promise.all([
    db.orm
      .select({ id: venues.id, name: venues.name, timeZone: venues.timeZone })
      .from(venues)
      .where(eq(venues.active, true))
      .orderBy(asc(venues.name)),
    db.orm
      .select({ id: hosts.id, name: hosts.name, title: hosts.title })
      .from(hosts)
      .where(eq(hosts.active, true))
      .orderBy(asc(hosts.name)),
    listTemplates(db.orm),
    listShareLinks(db.orm, delegationId, config),
  ]);
  const t = c.get("t");
  return renderPage(
    c,
    t("agenda.title", { code: agenda.delegation.code }),
    <AgendaPage
      ctx={pageContext(c)}
      agenda={agenda}
      venues={venueList}
      hosts={hostList}
      templates={templates
        .filter((tpl) => tpl.active)
        .map((tpl) => ({ id: tpl.id, name: tpl.name, nameEn: tpl.nameEn }))}
      shareLinks={links}
      canEdit={PROTOCOL.includes(c.get("user")?.role ?? "viewer")}
      readOnly={!OPEN.has(agenda.delegation.status)}
      outsideDates={itemsOutside(agenda.items, agenda.delegation.confirmedDates).map((i) => i.id)}
      {...extras}
    />,
    status,
  );
}
