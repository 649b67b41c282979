/**
 * @module Pages for protocol staff (admin, protocol): venues (list, add, edit with its closures), hosts
 * (list, add, edit) and closures for all venues. Posts redirect back (303) on success and re-render with
 * errors beside the fields on failure; a stale edit re-renders with the current values.
 */
import { Hono } from "hono";
import { HostForm, HostsPage } from "../../views/pages/venues/hosts";
import { VenueEditPage, VenuesPage } from "../../views/pages/venues/venues";
import { actorOf, requireRole } from "../auth/guard";
import { PROTOCOL } from "../auth/roles";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { pageContext, renderPage } from "../http/render";
import { createBlackout, deleteBlackout, getBlackout, listBlackouts } from "./blackouts";
import {
  blackoutFromForm,
  blackoutItems,
  hostFromForm,
  hostToForm,
  venueFromForm,
  venueToForm,
} from "./forms";
import {
  createHost,
  createVenue,
  getHost,
  getVenue,
  listHosts,
  listVenues,
  updateHost,
  updateVenue,
} from "./service";

type Values = Record<string, string | string[]>;

async function formValues(c: AppContext): Promise<Values> {
  const body = await c.req.parseBody({ all: true });
  const out: Values = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === "string") out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === "string");
  }
  return out;
}

const flat = (v: Values): Record<string, string> =>
  Object.fromEntries(Object.entries(v).map(([k, x]) => [k, Array.isArray(x) ? x.join(",") : x]));

function ctxOf(c: AppContext) {
  const { db, clock, config } = c.get("deps");
  return { db, actor: actorOf(c), now: clock(), config };
}

export function venuePageRoutes() {
  const app = new Hono<AppEnv>();
  for (const p of ["/venues", "/venues/*", "/hosts", "/hosts/*", "/blackouts", "/blackouts/*"]) {
    app.use(p, requireRole(PROTOCOL));
  }
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

  app.get("/venues", (c) => venuesPage(c));
  app.post("/venues", async (c) => {
    const values = await formValues(c);
    const parsed = venueFromForm(values, c.get("locale"), c.get("t"));
    if (!parsed.ok) return venuesPage(c, { values: flat(values), errors: parsed.errors }, 400);
    const venue = await createVenue(ctxOf(c), parsed.data);
    return c.redirect(`/venues/${venue.id}?saved=1`, 303);
  });
  app.get("/venues/:id", (c) => venuePage(c, c.req.param("id")));
  app.post("/venues/:id", async (c) => {
    const id = c.req.param("id");
    const values = await formValues(c);
    const parsed = venueFromForm(values, c.get("locale"), c.get("t"));
    if (!parsed.ok) return venuePage(c, id, { values: flat(values), errors: parsed.errors }, 400);
    try {
      await updateVenue(ctxOf(c), id, { ...parsed.data, version: Number(values.version) });
    } catch (error) {
      if (error instanceof AppError && error.code === "stale") {
        return venuePage(c, id, { errors: { _: [c.get("t")("error.stale")] } }, 409);
      }
      throw error;
    }
    return c.redirect(`/venues/${id}?saved=1`, 303);
  });
  app.post("/venues/:id/blackouts", async (c) => {
    const id = c.req.param("id");
    const venue = await getVenue(orm(c), id);
    const values = await formValues(c);
    const parsed = blackoutFromForm(values, id, venue.timeZone, c.get("locale"), c.get("t"));
    if (!parsed.ok) {
      return venuePage(c, id, { blackoutValues: flat(values), blackoutErrors: parsed.errors }, 400);
    }
    await createBlackout(ctxOf(c), parsed.data);
    return c.redirect(`/venues/${id}?saved=1`, 303);
  });
  app.post("/blackouts", async (c) => {
    const values = await formValues(c);
    const parsed = blackoutFromForm(
      values,
      null,
      c.get("deps").config.hostTimeZone,
      c.get("locale"),
      c.get("t"),
    );
    if (!parsed.ok)
      return venuesPage(c, { blackoutValues: flat(values), blackoutErrors: parsed.errors }, 400);
    await createBlackout(ctxOf(c), parsed.data);
    return c.redirect("/venues?saved=1", 303);
  });
  app.post("/blackouts/:id/delete", async (c) => {
    const blackout = await getBlackout(orm(c), c.req.param("id"));
    await deleteBlackout(ctxOf(c), blackout.id);
    return c.redirect(blackout.venueId ? `/venues/${blackout.venueId}` : "/venues", 303);
  });

  const hostsPage = async (
    c: AppContext,
    extra: Partial<Parameters<typeof HostsPage>[0]> = {},
    status: 200 | 400 = 200,
  ) =>
    renderPage(
      c,
      c.get("t")("hosts.title"),
      <HostsPage ctx={pageContext(c)} hosts={await listHosts(orm(c))} {...extra} />,
      status,
    );
  const hostPage = async (
    c: AppContext,
    id: string,
    extra: { values?: Record<string, string>; errors?: Record<string, string[]> } = {},
    status: 200 | 400 | 409 = 200,
  ) => {
    const host = await getHost(orm(c), id);
    const t = c.get("t");
    return renderPage(
      c,
      `${t("hosts.edit")}: ${host.name}`,
      <>
        {c.req.query("saved") && (
          <div class="alert ok" role="status">
            {t("hosts.saved", { name: host.name })}
          </div>
        )}
        <p>
          <a href={`/calendar/hosts/${host.id}`}>{t("venue.calendar")}</a>
        </p>
        <HostForm
          ctx={pageContext(c)}
          action={`/hosts/${id}`}
          values={extra.values ?? hostToForm(host)}
          errors={extra.errors}
          submitLabel={t("action.save")}
        />
      </>,
      status,
    );
  };
  app.get("/hosts", (c) => hostsPage(c));
  app.post("/hosts", async (c) => {
    const values = await formValues(c);
    const parsed = hostFromForm(values, c.get("locale"), c.get("t"));
    if (!parsed.ok) return hostsPage(c, { values: flat(values), errors: parsed.errors }, 400);
    const host = await createHost(ctxOf(c), parsed.data);
    return c.redirect(`/hosts/${host.id}?saved=1`, 303);
  });
  app.get("/hosts/:id", (c) => hostPage(c, c.req.param("id")));
  app.post("/hosts/:id", async (c) => {
    const id = c.req.param("id");
    const values = await formValues(c);
    const parsed = hostFromForm(values, c.get("locale"), c.get("t"));
    if (!parsed.ok) return hostPage(c, id, { values: flat(values), errors: parsed.errors }, 400);
    try {
      await updateHost(ctxOf(c), id, { ...parsed.data, version: Number(values.version) });
    } catch (error) {
      if (error instanceof AppError && error.code === "stale") {
        return hostPage(c, id, { errors: { _: [c.get("t")("error.stale")] } }, 409);
      }
      throw error;
    }
    return c.redirect(`/hosts/${id}?saved=1`, 303);
  });
  return app;
}
