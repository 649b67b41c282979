/**
 * @module The availability page for protocol staff: search (GET, bookmarkable), then book a slot for a
 * requested or confirmed delegation (POST → booking service → redirect back with a notice, or the same
 * results with the conflicts shown inline). Opened from a visit's agenda (`?delegationId=`), it books for
 * that visit by default; a slot outside the visit's dates (confirmed, else requested) is booked only after
 * the warning beside it is confirmed.
 */
import { asc, inArray } from "drizzle-orm";
import { Hono } from "hono";
import { AGENDA_KINDS } from "../../db/schema/agenda";
import type { DateRange } from "../../db/schema/delegations";
import { delegations } from "../../db/schema/delegations";
import { AvailabilityPage, type AvailabilitySearch } from "../../views/pages/bookings/availability";
import { outsideAll, visitRanges } from "../agenda/outside-dates";
import { requireRole } from "../auth/guard";
import { PROTOCOL } from "../auth/roles";
import type { AppContext, AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { pageContext, renderPage } from "../http/render";
import { type FieldErrors, fieldErrors, parseWith } from "../http/validate";
import { dateRangeText } from "../mail/compose";
import { addDays, localDateOf } from "../scheduling/index";
import { getVenue, listHosts, listVenues } from "../venues/service";
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
        confirmedDates: delegations.confirmedDates,
        preferredDates: delegations.preferredDates,
        alternativeDates: delegations.alternativeDates,
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
    visits: new Map(
      open.map((d) => [d.id, { id: d.id, code: d.code, size: d.size, ranges: visitRanges(d) }]),
    ),
  };
}

/** "10 Maret 2026; 17 Maret 2026 – 18 Maret 2026": every range of the visit, in the reader's language. */
const rangesText = (ranges: readonly DateRange[], locale: "id" | "en") =>
  ranges.map((r) => dateRangeText({ start: r.start, end: r.end || r.start }, locale)).join("; ");

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

/** The zone a slot is read in: its venue's, the host's without one. */
async function zoneOf(c: AppContext, venueId: string): Promise<string> {
  const fallback = c.get("deps").config.hostTimeZone;
  if (!venueId) return fallback;
  const venue = await getVenue(c.get("deps").db.orm, venueId).catch(() => null);
  return venue?.timeZone ?? fallback;
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
      /** The slot the user chose outside the visit's dates, to confirm. */
      outside?: { startsAt: string; message: string };
    },
    status: 200 | 400 | 409 = 200,
  ) => {
    let result: AvailabilityResult | undefined;
    let errors: FieldErrors | undefined;
    if (extra.run) ({ result, errors } = await runSearch(c, search));
    const { visits, ...choices } = await options(c);
    const visit = visits.get(extra.bookValues?.delegationId ?? "");
    const locale = c.get("locale");
    return renderPage(
      c,
      c.get("t")("availability.title"),
      <AvailabilityPage
        ctx={pageContext(c)}
        {...choices}
        visit={
          visit
            ? { id: visit.id, code: visit.code, size: visit.size, range: rangesText(visit.ranges, locale) }
            : undefined
        }
        outside={extra.outside}
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
    const delegationId = c.req.query("delegationId");
    // From a visit's agenda (no venue or host chosen yet) the form is only filled in, not searched.
    const fillOnly = !!delegationId && !search.venueId && search.hostIds.length === 0;
    return show(c, search, {
      run: c.req.query("from") !== undefined && !fillOnly,
      booked,
      ...(delegationId ? { bookValues: { delegationId } } : {}),
    });
  });

  // The page re-rendered after a booking attempt has the POST's path: its language switch lands back here.
  app.get("/book", (c) => c.redirect("/availability", 303));

  app.post("/book", async (c) => {
    const body = (await c.req.parseBody({ all: true })) as Record<string, string | string[]>;
    const today = localDateOf(c.get("deps").clock().getTime(), c.get("deps").config.hostTimeZone);
    const search = searchOf(body, today);
    const one = (k: string) => all(body[k])[0] ?? "";
    const kind = (AGENDA_KINDS as readonly string[]).includes(one("kind")) ? one("kind") : "tour";
    const bookValues = { delegationId: one("delegationId"), title: one("title"), kind };
    // "Book anyway" under the outside-dates warning sends the slot as `confirmOutside`.
    const startsAt = one("startsAt") || one("confirmOutside");
    const start = Date.parse(startsAt);
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
    const visit = (await options(c)).visits.get(bookValues.delegationId);
    const timeZone = await zoneOf(c, search.venueId);
    if (
      visit &&
      one("confirmOutside") !== startsAt &&
      outsideAll(
        { startsAt: new Date(start), endsAt: new Date(start + duration * 60_000), timeZone },
        visit.ranges,
      )
    ) {
      const message = c.get("t")("dates.availabilityOutside", {
        code: visit.code,
        range: rangesText(visit.ranges, c.get("locale")),
      });
      return show(c, search, { run: true, bookValues, outside: { startsAt, message } }, 409);
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
      const back = new URLSearchParams({ delegationId: bookValues.delegationId, booked: item.id });
      return c.redirect(`/availability?${searchQuery(search)}&${back}`, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === "conflict" && Array.isArray(error.details)) {
        return show(c, search, { run: true, bookValues, conflicts: error.details as ConflictDetail[] }, 409);
      }
      throw error;
    }
  });
  return app;
}
