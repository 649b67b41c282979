/**
 * @module Protocol staff's agenda pages:
 * `/delegations/{id}/agenda` (builder: add, edit/move, cancel, apply a template; the itinerary links,
 * whose forms the itinerary feature serves) and `/delegations/{id}/rundown` (printable run-of-show with
 * the reception's seating order). Every agenda write goes through the booking service;
 * its 409 conflict details are shown beside the form that caused them.
 */
import { asc, eq } from "drizzle-orm";
import { Hono } from "hono";
import { hosts, venues } from "../../db/schema/venues";
import { AgendaPage, type AgendaPageNotice, type ConflictsShown } from "../../views/pages/agenda/agenda-page";
import { RundownPage } from "../../views/pages/agenda/rundown-page";
import { actorOf, requireRole } from "../auth/guard";
import { PROTOCOL, STAFF } from "../auth/roles";
import type { ConflictDetail } from "../bookings/check";
import { getItemRow } from "../bookings/items";
import { bookItem, cancelItem, changeItem, leaveItem } from "../bookings/service";
import { organizerOf } from "../calendar/invitation";
import { isRealDate } from "../delegations/dates";
import { confirmStep, isConfirmed } from "../http/confirm-step";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { pageContext, renderPage } from "../http/render";
import { type FieldErrors, readForm } from "../http/validate";
import { translate } from "../i18n/dictionary";
import { localToInstant } from "../scheduling/zoned-time";
import { applyTemplate } from "../templates/apply";
import { listTemplates } from "../templates/service";
import { itemForm, templateForm, toCreate, toPatch } from "./forms";
import { findAgendaDelegation, loadDelegationAgenda, loadParticipants } from "./load-agenda";
import { itemsOutside } from "./outside-dates";
import { listShareLinks } from "./share-links";

interface PageExtras {
  notice?: AgendaPageNotice;
  errors?: FieldErrors;
  conflicts?: ConflictsShown;
  values?: Record<string, string>;
}

/** Visits whose agenda may still change; a declined, cancelled or completed visit's agenda is read-only. */
const OPEN = new Set(["requested", "confirmed"]);

async function showAgenda(c: AppContext, extras: PageExtras = {}, status: 200 | 400 | 404 | 409 = 200) {
  const { db } = c.get("deps");
  const id = c.req.param("id") ?? "";
  const agenda = await loadDelegationAgenda(db.orm, id, c.get("deps").config.hostTimeZone);
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
    listShareLinks(db.orm, id, c.get("deps").config),
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

/** Runs a booking-service call; a 409 or 400 is shown on the page beside the form that sent it. */
async function withConflicts(
  c: AppContext,
  formId: string,
  values: Record<string, string>,
  run: () => Promise<unknown>,
  notice: AgendaPageNotice,
) {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError && (error.code === "conflict" || error.code === "stale")) {
      const details = Array.isArray(error.details) ? (error.details as ConflictDetail[]) : [];
      const message = translate(c.get("locale"), error.messageKey, error.params);
      const requested = await requestedOf(c, values);
      return showAgenda(
        c,
        {
          conflicts: { formId, details, ...(requested ? { requested } : {}) },
          values,
          errors: { _: [message] },
        },
        409,
      );
    }
    if (error instanceof AppError && error.code === "validation_failed") {
      const fields = (error.details as { fields?: FieldErrors } | undefined)?.fields ?? {};
      const message = translate(c.get("locale"), error.messageKey, error.params);
      return showAgenda(
        c,
        { conflicts: { formId, details: [] }, values, errors: { _: [message], ...fields } },
        400,
      );
    }
    throw error;
  }
  return c.redirect(`/delegations/${c.req.param("id")}/agenda?done=${notice}`, 303);
}

/** The times the user asked for (to show beside the conflicts), when the form had a valid date and times. */
async function requestedOf(c: AppContext, values: Record<string, string>) {
  const { date, start, end } = values;
  if (!date || !start || !end || !isRealDate(date) || !/^\d\d:\d\d$/.test(start) || !/^\d\d:\d\d$/.test(end))
    return undefined;
  const timeZone = await zoneOfVenue(c, values.venueId || null);
  const startsAt = localToInstant({ date, time: start, timeZone });
  const endsAt = localToInstant({ date, time: end, timeZone });
  return endsAt > startsAt ? { startsAt: new Date(startsAt), endsAt: new Date(endsAt), timeZone } : undefined;
}

async function zoneOfVenue(c: AppContext, venueId: string | null): Promise<string> {
  if (!venueId) return c.get("deps").config.hostTimeZone;
  const row = await c
    .get("deps")
    .db.orm.select({ timeZone: venues.timeZone })
    .from(venues)
    .where(eq(venues.id, venueId))
    .get();
  return row?.timeZone ?? c.get("deps").config.hostTimeZone;
}

function bookingCtx(c: AppContext) {
  const { db, clock, config } = c.get("deps");
  return {
    db,
    actor: actorOf(c),
    now: clock(),
    config,
    notify: { baseUrl: config.baseUrl, organizer: organizerOf(config) },
  };
}

export function agendaRoutes() {
  const app = new Hono<AppEnv>();
  app.use("/delegations/:id/agenda", requireRole(STAFF));
  // Not "/agenda/*": in Hono that pattern also matches "/agenda" itself, which viewers may read.
  app.use("/delegations/:id/agenda/items", requireRole(PROTOCOL));
  app.use("/delegations/:id/agenda/items/*", requireRole(PROTOCOL));
  app.use("/delegations/:id/agenda/template", requireRole(PROTOCOL));
  app.use("/delegations/:id/rundown", requireRole(STAFF));

  app.get("/delegations/:id/agenda", (c) => {
    const done = c.req.query("done");
    const notice =
      done === "saved" || done === "removed" || done === "template" || done === "left" ? done : undefined;
    return showAgenda(c, { notice });
  });

  app.post("/delegations/:id/agenda/items", async (c) => {
    const form = await readForm(c, itemForm);
    if (!form.ok)
      return showAgenda(
        c,
        { errors: form.errors, values: form.values, conflicts: { formId: "new", details: [] } },
        400,
      );
    const input = toCreate(form.data, await zoneOfVenue(c, form.data.venueId));
    return withConflicts(
      c,
      "new",
      form.values,
      () => bookItem(bookingCtx(c), c.req.param("id"), input),
      "saved",
    );
  });

  app.post("/delegations/:id/agenda/items/:itemId", async (c) => {
    const itemId = c.req.param("itemId");
    const form = await readForm(c, itemForm);
    if (!form.ok)
      return showAgenda(
        c,
        { errors: form.errors, values: form.values, conflicts: { formId: itemId, details: [] } },
        400,
      );
    const patch = toPatch(form.data, await zoneOfVenue(c, form.data.venueId), form.data.version ?? 0);
    return withConflicts(c, itemId, form.values, () => changeItem(bookingCtx(c), itemId, patch), "saved");
  });

  app.post("/delegations/:id/agenda/items/:itemId/cancel", async (c) => {
    const itemId = c.req.param("itemId");
    const body = await c.req.parseBody();
    const version = Number(body.version) || undefined;
    return withConflicts(c, itemId, {}, () => cancelItem(bookingCtx(c), itemId, version), "removed");
  });

  app.post("/delegations/:id/agenda/items/:itemId/leave", async (c) => {
    const id = c.req.param("id");
    const itemId = c.req.param("itemId");
    if (!(await isConfirmed(c))) {
      const d = await findAgendaDelegation(c.get("deps").db.orm, id);
      const item = await getItemRow(c.get("deps").db.orm, itemId);
      if (!d) throw new AppError("not_found");
      return confirmStep(c, {
        message: c.get("t")("confirm.leave", { code: d.code, title: item.title }),
        back: `/delegations/${id}/agenda`,
      });
    }
    const body = await c.req.parseBody();
    const version = Number(body.version) || undefined;
    return withConflicts(c, itemId, {}, () => leaveItem(bookingCtx(c), itemId, id, version), "left");
  });

  app.post("/delegations/:id/agenda/template", async (c) => {
    const form = await readForm(c, templateForm);
    if (!form.ok)
      return showAgenda(
        c,
        { errors: form.errors, values: form.values, conflicts: { formId: "template", details: [] } },
        400,
      );
    const { reason, ...rest } = form.data;
    return withConflicts(
      c,
      "template",
      form.values,
      () =>
        applyTemplate(bookingCtx(c), c.req.param("id"), {
          ...rest,
          ...(reason ? { force: true, reason } : {}),
        }),
      "template",
    );
  });

  app.get("/delegations/:id/rundown", async (c) => {
    const { db } = c.get("deps");
    const id = c.req.param("id");
    const agenda = await loadDelegationAgenda(db.orm, id, c.get("deps").config.hostTimeZone);
    if (!agenda) throw new AppError("not_found");
    const participants = await loadParticipants(db.orm, id);
    return renderPage(
      c,
      c.get("t")("rundown.title", { code: agenda.delegation.code }),
      <RundownPage
        ctx={pageContext(c)}
        agenda={agenda}
        participants={participants}
        outsideDates={itemsOutside(agenda.items, agenda.delegation.confirmedDates).map((i) => i.id)}
      />,
    );
  });

  return app;
}
