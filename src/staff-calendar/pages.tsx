/**
 * @module Staff calendar pages: `/calendar` (index), `/calendar/venues/{id}` and `/calendar/hosts/{id}`,
 * week view by default (`?week=YYYY-MM-DD`, any day of the week) or one day (`?day=YYYY-MM-DD`).
 */
import { Hono } from "hono";
import { CalendarIndexPage, type CalendarNav, CalendarPage } from "../../views/pages/bookings/calendar";
import { DayGridPage } from "../../views/pages/calendar/day-grid";
import { requireRole } from "../auth/guard";
import { STAFF } from "../auth/roles";
import type { AppContext, AppEnv } from "../http/context";
import { pageContext, renderPage } from "../http/render";
import { addDays, localDateOf, zoneLabel } from "../scheduling/index";
import { getHost, getVenue, listHosts, listVenues } from "../venues/service";
import { loadDayGrid } from "./day-grid";
import { hostCalendar, mondayOf, venueCalendar } from "./load";

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (v: string | undefined) =>
  v && DATE_RE.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined;

function period(c: AppContext, timeZone: string) {
  const day = validDate(c.req.query("day"));
  const today = localDateOf(c.get("deps").clock().getTime(), timeZone);
  if (day) return { mode: "day" as const, first: day, count: 1, today };
  return { mode: "week" as const, first: mondayOf(validDate(c.req.query("week")) ?? today), count: 7, today };
}

function navOf(base: string, p: ReturnType<typeof period>): CalendarNav {
  const step = p.mode === "day" ? 1 : 7;
  const param = p.mode === "day" ? "day" : "week";
  return {
    mode: p.mode,
    prev: `${base}?${param}=${addDays(p.first, -step)}`,
    next: `${base}?${param}=${addDays(p.first, step)}`,
    today: `${base}?${param}=${p.today}`,
    week: `${base}?week=${p.first}`,
    day: `${base}?day=${p.mode === "day" ? p.first : p.today >= p.first && p.today < addDays(p.first, 7) ? p.today : p.first}`,
  };
}

export function staffCalendarPages() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(STAFF));

  app.get("/", async (c) => {
    const db = c.get("deps").db.orm;
    return renderPage(
      c,
      c.get("t")("calendar.title"),
      <CalendarIndexPage ctx={pageContext(c)} venues={await listVenues(db)} hosts={await listHosts(db)} />,
    );
  });

  // The day grid of all venues; the date is the host's local date (each venue's row in its own zone).
  app.get("/day", async (c) => {
    const { db, clock, config } = c.get("deps");
    const now = clock().getTime();
    const today = localDateOf(now, config.hostTimeZone);
    const asked = c.req.query("date");
    const date = validDate(asked) ?? today;
    const grid = await loadDayGrid(db.orm, date, now);
    return renderPage(
      c,
      c.get("t")("grid.title"),
      <DayGridPage
        ctx={pageContext(c)}
        grid={grid}
        nav={{
          prev: `/calendar/day?date=${addDays(date, -1)}`,
          next: `/calendar/day?date=${addDays(date, 1)}`,
          today: `/calendar/day?date=${today}`,
        }}
        notice={asked && asked !== date ? c.get("t")("grid.dateInvalid") : undefined}
      />,
    );
  });

  app.get("/venues/:id", async (c) => {
    const db = c.get("deps").db.orm;
    const venue = await getVenue(db, c.req.param("id"));
    const p = period(c, venue.timeZone);
    const days = await venueCalendar(db, venue, p.first, p.count);
    return renderPage(
      c,
      c.get("t")("calendar.venue", { name: venue.name }),
      <CalendarPage
        ctx={pageContext(c)}
        subtitle={venue.address}
        zone={`${venue.timeZone} (${zoneLabel(venue.timeZone, c.get("deps").clock().getTime())})`}
        days={days}
        nav={navOf(`/calendar/venues/${venue.id}`, p)}
        showVenue={false}
      />,
    );
  });

  app.get("/hosts/:id", async (c) => {
    const db = c.get("deps").db.orm;
    const host = await getHost(db, c.req.param("id"));
    const p = period(c, host.timeZone);
    const days = await hostCalendar(db, host, p.first, p.count);
    return renderPage(
      c,
      c.get("t")("calendar.host", { name: host.name }),
      <CalendarPage
        ctx={pageContext(c)}
        subtitle={host.title}
        zone={`${host.timeZone} (${zoneLabel(host.timeZone, c.get("deps").clock().getTime())})`}
        days={days}
        nav={navOf(`/calendar/hosts/${host.id}`, p)}
        showVenue={true}
      />,
    );
  });
  return app;
}
