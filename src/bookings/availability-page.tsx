/**
 * @module The availability page for protocol staff: search (GET, bookmarkable), then book a slot for a
 * requested or confirmed delegation (POST → booking service → redirect back with a notice, or the same
 * results with the conflicts shown inline).
 */
import { asc, inArray } from "drizzle-orm";
import { Hono } from "hono";
import { AGENDA_KINDS } from "../../db/schema/agenda";
import { delegations } from "../../db/schema/delegations";
import { AvailabilityPage, type AvailabilitySearch } from "../../views/pages/bookings/availability";
import { requireRole } from "../auth/guard";
import { PROTOCOL } from "../auth/roles";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { pageContext, renderPage } from "../http/render";
import { type FieldErrors, fieldErrors, parseWith } from "../http/validate";
import { addDays, localDateOf } from "../scheduling/index";
import { listHosts, listVenues } from "../venues/service";
import { type AvailabilityResult, availabilityQuerySchema, searchAvailability } from "./availability";
import type { ConflictDetail } from "./check";
import { bookingContext } from "./context";
import { getItemView } from "./items";
import { bookItem } from "./service";

const all = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);

function searchOf(values: Record<string, string | string[] | undefined>, today: string): AvailabilitySearch {
  const one = (k: string, d: string) => all(values[k])[0] || d;
  return {
    venueId: one("venueId", ""),
    hostIds: all(values.hostIds).filter(Boolean),
    from: one("from", today),
    to: one("to", addDays(today, 13)),
    durationMinutes: one("durationMinutes", "90"),
    groupSize: one("groupSize", "20"),
    gridMinutes: one("gridMinutes", "15"),
  };
}

async function options(c: AppContext) {
  const db = c.get("deps").db.orm;
  const [venues, hosts, open] = await Promise.all([
    listVenues(db, { activeOnly: true }),
    listHosts(db, { activeOnly: true }),
    db
      .select({
        id: delegations.id,
        code: delegations.code,
        institution: delegations.institution,
        size: delegations.expectedSize,
      })
      .from(delegations)
      .where(inArray(delegations.status, ["requested", "confirmed"]))
      .orderBy(asc(delegations.code))
      .all(),
  ]);
  return {
    venues: venues.map((v) => ({ id: v.id, label: `${v.name} (${v.capacity})` })),
    hosts: hosts.map((h) => ({ id: h.id, label: `${h.name} — ${h.title}` })),
    delegations: open.map((d) => ({ id: d.id, label: `${d.code} — ${d.institution} (${d.size})` })),
  };
}

async function runSearch(c: AppContext, search: AvailabilitySearch) {
  const parsed = parseWith(
    availabilityQuerySchema,
    {
      ...(search.venueId ? { venueId: search.venueId } : {}),
      ...(search.hostIds.length > 0 ? { hostIds: search.hostIds } : {}),
      from: search.from,
      to: search.to,
      durationMinutes: search.durationMinutes,
      groupSize: search.groupSize,
      gridMinutes: search.gridMinutes,
    },
    c.get("locale"),
  );
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues, c.get("locale")) };
  try {
    return {
      result: await searchAvailability(c.get("deps").db.orm, parsed.data, c.get("deps").config.hostTimeZone),
    };
  } catch (error) {
    if (error instanceof AppError && error.code === "validation_failed") {
      return { errors: { _: [c.get("t")(error.messageKey)] } as FieldErrors };
    }
    throw error;
  }
}

function searchQuery(s: AvailabilitySearch): string {
  const q = new URLSearchParams();
  if (s.venueId) q.set("venueId", s.venueId);
  for (const h of s.hostIds) q.append("hostIds", h);
  for (const k of ["from", "to", "durationMinutes", "groupSize", "gridMinutes"] as const) q.set(k, s[k]);
  return q.toString();
}

export function availabilityPages() {
  const app = new Hono<AppEnv>();
  app.use("*", requireRole(PROTOCOL));

  const show = async (
    c: AppContext,
    search: AvailabilitySearch,
    extra: {
      conflicts?: ConflictDetail[];
      bookValues?: { delegationId?: string; title?: string; kind?: string };
      booked?: { title: string; startsAt: string; venueId: string | null; date: string };
      run?: boolean;
    },
    status: 200 | 400 | 409 = 200,
  ) => {
    let result: AvailabilityResult | undefined;
    let errors: FieldErrors | undefined;
    if (extra.run) ({ result, errors } = await runSearch(c, search));
    return renderPage(
      c,
      c.get("t")("availability.title"),
      <AvailabilityPage
        ctx={pageContext(c)}
        {...(await options(c))}
        search={search}
        result={result}
        errors={errors}
        conflicts={extra.conflicts}
        booked={extra.booked}
        bookValues={extra.bookValues}
      />,
      errors ? 400 : status,
    );
  };

  app.get("/", async (c) => {
    const today = localDateOf(c.get("deps").clock().getTime(), c.get("deps").config.hostTimeZone);
    const search = searchOf(c.req.queries(), today);
    const bookedId = c.req.query("booked");
    let booked: { title: string; startsAt: string; venueId: string | null; date: string } | undefined;
    if (bookedId) {
      const item = await getItemView(c.get("deps").db.orm, bookedId, c.get("deps").config.hostTimeZone).catch(
        () => undefined,
      );
      if (item)
        booked = { title: item.title, startsAt: item.startsAt, venueId: item.venueId, date: item.local.date };
    }
    return show(c, search, { run: c.req.query("from") !== undefined, booked });
  });

  app.post("/book", async (c) => {
    const body = (await c.req.parseBody({ all: true })) as Record<string, string | string[]>;
    const today = localDateOf(c.get("deps").clock().getTime(), c.get("deps").config.hostTimeZone);
    const search = searchOf(body, today);
    const one = (k: string) => all(body[k])[0] ?? "";
    const kind = (AGENDA_KINDS as readonly string[]).includes(one("kind")) ? one("kind") : "tour";
    const bookValues = { delegationId: one("delegationId"), title: one("title"), kind };
    const start = Date.parse(one("startsAt"));
    const duration = Number(search.durationMinutes);
    const groupSize = Number(search.groupSize);
    if (
      !Number.isFinite(start) ||
      !Number.isInteger(duration) ||
      duration < 1 ||
      !Number.isInteger(groupSize) ||
      groupSize < 1 ||
      !bookValues.delegationId ||
      !bookValues.title.trim()
    ) {
      return show(c, search, { run: true, bookValues }, 400);
    }
    try {
      const item = await bookItem(bookingContext(c), bookValues.delegationId, {
        title: bookValues.title.trim(),
        kind: kind as (typeof AGENDA_KINDS)[number],
        startsAt: new Date(start),
        endsAt: new Date(start + duration * 60_000),
        venueId: search.venueId || null,
        hostIds: search.hostIds,
        groupSize,
      });
      return c.redirect(`/availability?${searchQuery(search)}&booked=${item.id}`, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === "conflict" && Array.isArray(error.details)) {
        return show(c, search, { run: true, bookValues, conflicts: error.details as ConflictDetail[] }, 409);
      }
      throw error;
    }
  });
  return app;
}
