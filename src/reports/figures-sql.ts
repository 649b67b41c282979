/**
 * @module The report's figures, each one SQL aggregate over the visits in scope (see visit-scope.ts):
 * per month, per province, per topic, venues and hosts in demand, lead time, commitments and ratings.
 * Nothing here loops over visits in JavaScript; every query is a scan of the visit-start index plus
 * indexed lookups per visit.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { inScope, VISITORS_OF_D, type VisitScope } from "./visit-scope";

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/**
 * Visits and visitors per start month and province in one pass over the visits in scope (visitors are
 * counted once per visit, which is the expensive part); `monthlyCounts` and `byProvince` fold these rows.
 */
export async function visitCounts(db: Queryable, scope: VisitScope) {
  const rows = await db.all<{ month: string; code: string | null; visits: number; visitors: number }>(sql`
    SELECT substr(d.confirmed_dates ->> '$.start', 1, 7) AS month, d.province_code AS code,
           COUNT(*) AS visits, SUM(${VISITORS_OF_D}) AS visitors
    FROM delegations d WHERE ${inScope(scope)}
    GROUP BY month, code`);
  const fold = <K extends string | null>(key: (r: (typeof rows)[number]) => K) => {
    const out = new Map<K, { visits: number; visitors: number }>();
    for (const r of rows) {
      const acc = out.get(key(r)) ?? { visits: 0, visitors: 0 };
      acc.visits += num(r.visits);
      acc.visitors += num(r.visitors);
      out.set(key(r), acc);
    }
    return [...out];
  };
  const monthly = fold((r) => r.month)
    .map(([month, c]) => ({ month, ...c }))
    .sort((a, b) => a.month.localeCompare(b.month));
  // As SQL's ORDER BY visits DESC, code: most visits first, then by code with "no province" first.
  const provinces = fold((r) => r.code)
    .map(([code, c]) => ({ code, ...c }))
    .sort((a, b) => b.visits - a.visits || (a.code ?? "").localeCompare(b.code ?? ""));
  return { monthly, provinces };
}

export async function monthlyCounts(db: Queryable, scope: VisitScope) {
  return (await visitCounts(db, scope)).monthly;
}

export async function byProvince(db: Queryable, scope: VisitScope) {
  return (await visitCounts(db, scope)).provinces;
}

export async function byTopic(db: Queryable, scope: VisitScope) {
  const rows = await db.all<{ id: string; nameId: string | null; nameEn: string | null; visits: number }>(sql`
    SELECT t.value AS id, tp.name_id AS nameId, tp.name_en AS nameEn, COUNT(*) AS visits
    FROM delegations d, json_each(d.topics) t LEFT JOIN topics tp ON tp.id = t.value
    WHERE ${inScope(scope)}
    GROUP BY t.value ORDER BY visits DESC, t.value`);
  return rows.map((r) => ({ ...r, visits: num(r.visits) }));
}

/** Scheduled sessions of the visits in scope, each counted once even when two delegations shared it. */
const SESSIONS = (scope: VisitScope) => sql`
  SELECT DISTINCT ai.id, ai.venue_id, ai.starts_at, ai.ends_at
  FROM delegations d
  JOIN agenda_item_delegations aid ON aid.delegation_id = d.id
  JOIN agenda_items ai ON ai.id = aid.item_id AND ai.status = 'scheduled'
  WHERE ${inScope(scope)}`;

export async function venuesInDemand(db: Queryable, scope: VisitScope, limit = 10) {
  const rows = await db.all<{ id: string; name: string; sessions: number; minutes: number }>(sql`
    SELECT v.id, v.name, COUNT(*) AS sessions, SUM(s.ends_at - s.starts_at) / 60000 AS minutes
    FROM (${SESSIONS(scope)}) s JOIN venues v ON v.id = s.venue_id
    GROUP BY v.id ORDER BY sessions DESC, minutes DESC, v.name LIMIT ${limit}`);
  return rows.map((r) => ({ id: r.id, name: r.name, sessions: num(r.sessions), hours: num(r.minutes) / 60 }));
}

export async function hostsInDemand(db: Queryable, scope: VisitScope, limit = 10) {
  const rows = await db.all<{
    id: string;
    name: string;
    title: string;
    sessions: number;
    minutes: number;
  }>(sql`
    SELECT h.id, h.name, h.title, COUNT(*) AS sessions, SUM(s.ends_at - s.starts_at) / 60000 AS minutes
    FROM (${SESSIONS(scope)}) s
    JOIN agenda_item_hosts aih ON aih.item_id = s.id
    JOIN hosts h ON h.id = aih.host_id
    GROUP BY h.id ORDER BY sessions DESC, minutes DESC, h.name LIMIT ${limit}`);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    title: r.title,
    sessions: num(r.sessions),
    hours: num(r.minutes) / 60,
  }));
}

/**
 * Days from the request (its local date, `offsetHours` east of UTC: the host zone's fixed offset) to the
 * first visit day: average, shortest, longest.
 */
export async function leadTime(db: Queryable, scope: VisitScope, offsetHours: number) {
  const shift = `${offsetHours >= 0 ? "+" : ""}${offsetHours} hours`;
  const [row] = await db.all<{ n: number; avg: number | null; min: number | null; max: number | null }>(sql`
    SELECT COUNT(*) AS n, AVG(days) AS avg, MIN(days) AS min, MAX(days) AS max FROM (
      SELECT julianday(d.confirmed_dates ->> '$.start')
           - julianday(date(d.created_at / 1000, 'unixepoch', ${shift})) AS days
      FROM delegations d WHERE ${inScope(scope)})`);
  return {
    visits: num(row?.n),
    averageDays: row?.avg === null || row?.avg === undefined ? null : Math.round(row.avg * 10) / 10,
    minDays: row?.min ?? null,
    maxDays: row?.max ?? null,
  };
}

/**
 * The commitments made on the visits in scope: done on time (on or before the target date), done late,
 * still open (open or in progress; `overdue` those past their target date today), dropped.
 */
export async function commitmentCounts(db: Queryable, scope: VisitScope, today: string) {
  const [row] = await db.all<
    Record<"total" | "onTime" | "late" | "open" | "overdue" | "dropped", number>
  >(sql`
    SELECT COUNT(*) AS total,
      SUM(c.status = 'done' AND c.completed_on <= c.target_date) AS onTime,
      SUM(c.status = 'done' AND (c.completed_on IS NULL OR c.completed_on > c.target_date)) AS late,
      SUM(c.status IN ('open', 'in_progress')) AS open,
      SUM(c.status IN ('open', 'in_progress') AND c.target_date < ${today}) AS overdue,
      SUM(c.status = 'dropped') AS dropped
    FROM delegations d JOIN commitments c ON c.delegation_id = d.id
    WHERE ${inScope(scope)}`);
  return {
    total: num(row?.total),
    onTime: num(row?.onTime),
    late: num(row?.late),
    open: num(row?.open),
    overdue: num(row?.overdue),
    dropped: num(row?.dropped),
  };
}

export async function ratings(db: Queryable, scope: VisitScope) {
  const [row] = await db.all<{ responses: number; average: number | null; links: number }>(sql`
    SELECT
      (SELECT COUNT(*) FROM delegations d JOIN feedback_links l ON l.delegation_id = d.id WHERE ${inScope(scope)}) AS links,
      COUNT(r.link_id) AS responses, AVG(r.overall_rating) AS average
    FROM delegations d JOIN feedback_responses r ON r.delegation_id = d.id
    WHERE ${inScope(scope)}`);
  return {
    links: num(row?.links),
    responses: num(row?.responses),
    average: row?.average === null || row?.average === undefined ? null : Math.round(row.average * 100) / 100,
  };
}

/** Confirmed visits in the period that have not started yet (shown beside the count, never in it). */
export async function upcomingCount(db: Queryable, range: { from: string; to: string }, today: string) {
  const after = range.from > today ? range.from : today;
  const [row] = await db.all<{ n: number }>(sql`
    SELECT COUNT(*) AS n FROM delegations d
    WHERE d.status = 'confirmed' AND (d.confirmed_dates ->> '$.start') > ${after}
      AND (d.confirmed_dates ->> '$.start') <= ${range.to}`);
  return num(row?.n);
}
