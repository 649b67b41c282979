/**
 * @module What the staff home page shows: delegations per status, confirmed visits still to come, and the
 * agenda of today (in the host's zone, HOST_TIME_ZONE), so protocol staff start the day from one page.
 */
import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agendaItemDelegations, agendaItems } from "../../db/schema/agenda";
import { delegations } from "../../db/schema/delegations";
import { venues } from "../../db/schema/venues";
import { countByStatus } from "../delegations/queries";
import { addDays, localDateOf, localToInstant } from "../scheduling";

const UPCOMING_LIMIT = 10;

export async function loadDashboard(db: Db, now: Date, hostTimeZone: string) {
  const today = localDateOf(now.getTime(), hostTimeZone);
  const dayStart = new Date(localToInstant({ date: today, time: "00:00", timeZone: hostTimeZone }));
  const dayEnd = new Date(localToInstant({ date: addDays(today, 1), time: "00:00", timeZone: hostTimeZone }));
  const [counts, upcoming, todayItems] = await Promise.all([
    countByStatus(db),
    db.orm
      .select({
        id: delegations.id,
        code: delegations.code,
        institution: delegations.institution,
        leaderName: delegations.leaderName,
        leaderTitle: delegations.leaderTitle,
        expectedSize: delegations.expectedSize,
        confirmedDates: delegations.confirmedDates,
      })
      .from(delegations)
      .where(
        and(
          eq(delegations.status, "confirmed"),
          sql`json_extract(${delegations.confirmedDates}, '$.end') >= ${today}`,
        ),
      )
      .orderBy(sql`json_extract(${delegations.confirmedDates}, '$.start')`)
      .limit(UPCOMING_LIMIT)
      .all(),
    db.orm
      .select({
        id: agendaItems.id,
        title: agendaItems.title,
        titleEn: agendaItems.titleEn,
        startsAt: agendaItems.startsAt,
        endsAt: agendaItems.endsAt,
        venueName: venues.name,
        venueTimeZone: venues.timeZone,
        delegationId: delegations.id,
        code: delegations.code,
        institution: delegations.institution,
      })
      .from(agendaItems)
      .innerJoin(agendaItemDelegations, eq(agendaItemDelegations.itemId, agendaItems.id))
      .innerJoin(delegations, eq(delegations.id, agendaItemDelegations.delegationId))
      .leftJoin(venues, eq(venues.id, agendaItems.venueId))
      .where(
        and(
          eq(agendaItems.status, "scheduled"),
          gte(agendaItems.startsAt, dayStart),
          lt(agendaItems.startsAt, dayEnd),
        ),
      )
      .orderBy(asc(agendaItems.startsAt))
      .all(),
  ]);
  return { today, counts, upcoming, todayItems };
}

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
