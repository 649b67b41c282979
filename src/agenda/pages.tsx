/**
 * @module The agenda builder, mounted at /delegations/{id}/agenda: the page (any staff) and its forms
 * (protocol staff): add an item, edit/move one, cancel one, leave a merged session (after a confirmation),
 * apply a tour template. Every write goes through the booking service; a success redirects back (303), and
 * bad input or a conflict re-renders the page with the errors beside the form that sent it, input kept.
 */
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { venues } from "../../db/schema/venues";
import type { AgendaPageNotice } from "../../views/pages/agenda/agenda-page";
import { requireRole } from "../auth/guard";
import { PROTOCOL, STAFF } from "../auth/roles";
import type { ConflictDetail } from "../bookings/check";
import { bookingContext } from "../bookings/context";
import { getItemRow } from "../bookings/items";
import { bookItem, cancelItem, changeItem, leaveItem } from "../bookings/service";
import { confirmStep, isConfirmed } from "../http/confirm-step";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { prefixParam } from "../http/feature";
import { type FormResult, readForm } from "../http/validate";
import { translate } from "../i18n/dictionary";
import { applyTemplate } from "../templates/apply";
import { showAgenda } from "./agenda-view";
import { formFieldsOf, type ItemForm, itemForm, templateForm, toCreate, toPatch } from "./forms";
import { findAgendaDelegation } from "./load-agenda";

const NOTICES = new Set<string>(["saved", "removed", "template", "left"]);

/** The item form, with every ticked host kept in the values (`hostIds`, comma-separated) for a re-render. */
async function readItemForm(c: AppContext): Promise<FormResult<ItemForm>> {
  const form = await readForm(c, itemForm);
  const ticked = (await c.req.parseBody({ all: true })).hostIds;
  const hostIds = (Array.isArray(ticked) ? ticked : ticked ? [ticked] : []).filter(
    (v): v is string => typeof v === "string" && v.length > 0,
  );
  form.values.hostIds = hostIds.join(",");
  return form;
}

/** The zone an item's local times are read in: its venue's, the host's without one (or an unknown one). */
async function zoneOfVenue(c: AppContext, venueId: string | null): Promise<string> {
  const { db, config } = c.get("deps");
  if (!venueId) return config.hostTimeZone;
  const row = await db.orm
    .select({ timeZone: venues.timeZone })
    .from(venues)
    .where(eq(venues.id, venueId))
    .get();
  return row?.timeZone ?? config.hostTimeZone;
}

/** The times the user asked for (shown beside the conflicts), read from a valid item form. */
function requestedOf(input: { startsAt: Date; endsAt: Date }, timeZone: string) {
  return { startsAt: input.startsAt, endsAt: input.endsAt, timeZone };
}

/**
 * Runs a booking-service write for the form `formId`: 303 back to the agenda on success; a conflict or a
 * stale version → 409 and a validation failure → 400, both shown beside that form with its input kept.
 */
async function write(
  c: AppContext,
  spec: {
    formId: string;
    values: Record<string, string>;
    run: () => Promise<unknown>;
    notice: AgendaPageNotice;
    requested?: ReturnType<typeof requestedOf>;
  },
) {
  const id = prefixParam(c, "id");
  const { formId, values } = spec;
  try {
    await spec.run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const locale = c.get("locale");
    if (error.code === "conflict" || error.code === "stale") {
      const details = Array.isArray(error.details) ? (error.details as ConflictDetail[]) : [];
      const message = translate(locale, error.messageKey, error.params);
      const requested = details.length > 0 ? spec.requested : undefined;
      return showAgenda(
        c,
        id,
        {
          conflicts: { formId, details, ...(requested ? { requested } : {}) },
          values,
          errors: { _: [message] },
        },
        409,
      );
    }
    if (error.code === "validation_failed") {
      const errors = formFieldsOf(error, locale);
      return showAgenda(c, id, { conflicts: { formId, details: [] }, values, errors }, 400);
    }
    throw error;
  }
  return c.redirect(`/delegations/${id}/agenda?done=${spec.notice}`, 303);
}

export function agendaPages() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(STAFF));
  const protocol = requireRole(PROTOCOL);

  app.get("/", (c) => {
    const done = c.req.query("done") ?? "";
    const notice = NOTICES.has(done) ? (done as AgendaPageNotice) : undefined;
    return showAgenda(c, prefixParam(c, "id"), { notice });
  });

  // A form's re-rendered page has the POST's path; its language switch (and a reload) lands here: back to
  // the agenda, never a 404.
  for (const path of [
    "/items",
    "/items/:itemId",
    "/items/:itemId/cancel",
    "/items/:itemId/leave",
    "/template",
  ])
    app.get(path, (c) => c.redirect(`/delegations/${prefixParam(c, "id")}/agenda`, 303));

  app.post("/items", protocol, async (c) => {
    const id = prefixParam(c, "id");
    const form = await readItemForm(c);
    if (!form.ok)
      return showAgenda(
        c,
        id,
        { errors: form.errors, values: form.values, conflicts: { formId: "new", details: [] } },
        400,
      );
    const zone = await zoneOfVenue(c, form.data.venueId);
    const input = toCreate(form.data, zone);
    return write(c, {
      formId: "new",
      values: form.values,
      run: () => bookItem(bookingContext(c), id, input),
      notice: "saved",
      requested: requestedOf(input, zone),
    });
  });

  app.post("/items/:itemId", protocol, async (c) => {
    const id = prefixParam(c, "id");
    const itemId = c.req.param("itemId");
    const form = await readItemForm(c);
    if (!form.ok)
      return showAgenda(
        c,
        id,
        { errors: form.errors, values: form.values, conflicts: { formId: itemId, details: [] } },
        400,
      );
    const zone = await zoneOfVenue(c, form.data.venueId);
    const patch = toPatch(form.data, zone, form.data.version ?? 0);
    return write(c, {
      formId: itemId,
      values: form.values,
      run: () => changeItem(bookingContext(c), itemId, patch),
      notice: "saved",
      requested: requestedOf(toCreate(form.data, zone), zone),
    });
  });

  app.post("/items/:itemId/cancel", protocol, async (c) => {
    const itemId = c.req.param("itemId");
    const body = await c.req.parseBody();
    const version = Number(body.version) || undefined;
    return write(c, {
      formId: itemId,
      values: {},
      run: () => cancelItem(bookingContext(c), itemId, version),
      notice: "removed",
    });
  });

  app.post("/items/:itemId/leave", protocol, async (c) => {
    const id = prefixParam(c, "id");
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
    return write(c, {
      formId: itemId,
      values: {},
      run: () => leaveItem(bookingContext(c), itemId, id, version),
      notice: "left",
    });
  });

  app.post("/template", protocol, async (c) => {
    const id = prefixParam(c, "id");
    const form = await readForm(c, templateForm);
    if (!form.ok)
      return showAgenda(
        c,
        id,
        { errors: form.errors, values: form.values, conflicts: { formId: "template", details: [] } },
        400,
      );
    const { reason, ...rest } = form.data;
    return write(c, {
      formId: "template",
      values: form.values,
      run: () =>
        applyTemplate(bookingContext(c), id, { ...rest, ...(reason ? { force: true, reason } : {}) }),
      notice: "template",
    });
  });
  return app;
}
