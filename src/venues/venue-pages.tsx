/**
 * @module Pages for protocol staff (admin, protocol): venues at /venues (list, add, edit with its closures)
 * and closures for all venues at /blackouts. Posts redirect back (303) on success and re-render with
 * errors beside the fields on failure; a stale edit re-renders with the current values.
 */
import { Hono } from "hono";
import { VenueEditPage, VenuesPage } from "../../views/pages/venues/venues";
import { requireRole } from "../auth/guard";
import { PROTOCOL } from "../auth/roles";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { pageContext, renderPage } from "../http/render";
import { serviceContext } from "../http/service-context";
import { createBlackout, deleteBlackout, getBlackout, listBlackouts } from "./blackouts";
import { blackoutFromForm, blackoutItems, flat, formValues, venueFromForm, venueToForm } from "./forms";
import { createVenue, getVenue, listVenues, updateVenue } from "./service";

const orm = (c: AppContext) => c.get("deps").db.orm;

const venuesPage = async (
  c: AppContext,
  extra: Partial<Parameters<typeof VenuesPage>[0]> = {},
  status: 200 | 400 = 200,
) =>
  renderPage(
    c,
    c.get("t")("venues.title"),
    <VenuesPage
      ctx={pageContext(c)}
      venues={await listVenues(orm(c))}
      allVenueBlackouts={blackoutItems(await listBlackouts(orm(c), null))}
      notice={c.req.query("saved") ? c.get("t")("blackouts.saved") : undefined}
      {...extra}
    />,
    status,
  );

const venuePage = async (
  c: AppContext,
  id: string,
  extra: Partial<Parameters<typeof VenueEditPage>[0]> = {},
  status: 200 | 400 | 409 = 200,
) => {
  const venue = await getVenue(orm(c), id);
  return renderPage(
    c,
    `${c.get("t")("venues.edit")}: ${venue.name}`,
    <VenueEditPage
      ctx={pageContext(c)}
      venue={venue}
      values={venueToForm(venue)}
      blackouts={blackoutItems(await listBlackouts(orm(c), id))}
      notice={c.req.query("saved") ? c.get("t")("venues.saved", { name: venue.name }) : undefined}
      {...extra}
    />,
    status,
  );
};

export function venuePages() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(PROTOCOL));
  app.get("/", (c) => venuesPage(c));
  app.post("/", async (c) => {
    const values = await formValues(c);
    const parsed = venueFromForm(values, c.get("locale"), c.get("t"));
    if (!parsed.ok) return venuesPage(c, { values: flat(values), errors: parsed.errors }, 400);
    const venue = await createVenue(serviceContext(c), parsed.data);
    return c.redirect(`/venues/${venue.id}?saved=1`, 303);
  });
  app.get("/:id", (c) => venuePage(c, c.req.param("id")));
  app.post("/:id", async (c) => {
    const id = c.req.param("id");
    const values = await formValues(c);
    const parsed = venueFromForm(values, c.get("locale"), c.get("t"));
    if (!parsed.ok) return venuePage(c, id, { values: flat(values), errors: parsed.errors }, 400);
    try {
      await updateVenue(serviceContext(c), id, { ...parsed.data, version: Number(values.version) });
    } catch (error) {
      if (error instanceof AppError && error.code === "stale") {
        return venuePage(c, id, { errors: { _: [c.get("t")("error.stale")] } }, 409);
      }
      throw error;
    }
    return c.redirect(`/venues/${id}?saved=1`, 303);
  });
  app.post("/:id/blackouts", async (c) => {
    const id = c.req.param("id");
    const venue = await getVenue(orm(c), id);
    const values = await formValues(c);
    const parsed = blackoutFromForm(values, id, venue.timeZone, c.get("locale"), c.get("t"));
    if (!parsed.ok) {
      return venuePage(c, id, { blackoutValues: flat(values), blackoutErrors: parsed.errors }, 400);
    }
    await createBlackout(serviceContext(c), parsed.data);
    return c.redirect(`/venues/${id}?saved=1`, 303);
  });
  return app;
}

export function blackoutPages() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(PROTOCOL));
  app.post("/", async (c) => {
    const values = await formValues(c);
    const parsed = blackoutFromForm(values, null, "Asia/Jakarta", c.get("locale"), c.get("t"));
    if (!parsed.ok)
      return venuesPage(c, { blackoutValues: flat(values), blackoutErrors: parsed.errors }, 400);
    await createBlackout(serviceContext(c), parsed.data);
    return c.redirect("/venues?saved=1", 303);
  });
  app.post("/:id/delete", async (c) => {
    const blackout = await getBlackout(orm(c), c.req.param("id"));
    await deleteBlackout(serviceContext(c), blackout.id);
    return c.redirect(blackout.venueId ? `/venues/${blackout.venueId}` : "/venues", 303);
  });
  return app;
}
