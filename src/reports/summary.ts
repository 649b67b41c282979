/**
 * @module The whole report for a period: every figure (from figures-sql.ts), with its target and the
 * progress towards it, region and topic names, and the monthly series with the target line. The API,
 * the page and the bench all call `buildReport`, so they show the same numbers.
 */
import type { Queryable } from "../../db/client";
import { getHostSettings } from "../host-settings/service";
import { findProvince } from "../regions/regions";
import { localDateOf, localTimeOf } from "../scheduling/zoned-time";
import { getTargets } from "../targets/service";
import {
  byTopic,
  commitmentCounts,
  hostsInDemand,
  leadTime,
  monthlyCounts,
  ratings,
  upcomingCount,
  venuesInDemand,
  visitCounts,
} from "./figures-sql";
import { monthsOf, type ReportRange, yearShares } from "./range";
import { monthlyTargets, periodTargets, progress } from "./targets-in-range";
import { visitScope } from "./visit-scope";

/** The host's local date today and its zone's offset from UTC in whole hours (Indonesia has no DST). */
export async function hostToday(db: Queryable, now: Date) {
  const timeZone = (await getHostSettings(db)).defaultTimeZone;
  const today = localDateOf(now.getTime(), timeZone);
  const wall = Date.parse(`${today}T${localTimeOf(now.getTime(), timeZone)}:00Z`);
  const offsetHours = Math.round((wall - now.getTime()) / 3_600_000);
  return { today, timeZone, offsetHours };
}

export async function buildMonthly(
  db: Queryable,
  range: ReportRange,
  today: string,
  /** The month counts when the caller has them already (the whole report counts them with provinces). */
  known?: Awaited<ReturnType<typeof monthlyCounts>>,
) {
  const scope = visitScope(range, today);
  const [counts, targets] = await Promise.all([
    known ?? monthlyCounts(db, scope),
    getTargets(
      db,
      yearShares(range).map((y) => y.year),
    ),
  ]);
  const byMonth = new Map(counts.map((c) => [c.month, c]));
  const lines = new Map(monthlyTargets(range, targets).map((t) => [t.month, t]));
  return monthsOf(range).map((month) => ({
    month,
    visits: byMonth.get(month)?.visits ?? 0,
    visitors: byMonth.get(month)?.visitors ?? 0,
    targetVisits: lines.get(month)?.visits ?? null,
    targetVisitors: lines.get(month)?.visitors ?? null,
  }));
}

export async function buildReport(db: Queryable, input: { range: ReportRange; now: Date }) {
  const { range } = input;
  const { today, timeZone, offsetHours } = await hostToday(db, input.now);
  const scope = visitScope(range, today);
  const counts = await visitCounts(db, scope);
  const [targets, monthly, topics, venues, hosts, lead, commitments, rating, upcoming] = await Promise.all([
    getTargets(
      db,
      yearShares(range).map((y) => y.year),
    ),
    buildMonthly(db, range, today, counts.monthly),
    byTopic(db, scope),
    venuesInDemand(db, scope),
    hostsInDemand(db, scope),
    leadTime(db, scope, offsetHours),
    commitmentCounts(db, scope, today),
    ratings(db, scope),
    upcomingCount(db, range, today),
  ]);
  const target = periodTargets(range, targets);
  const visits = monthly.reduce((n, m) => n + m.visits, 0);
  const visitors = monthly.reduce((n, m) => n + m.visitors, 0);
  const due = commitments.onTime + commitments.late + commitments.overdue;
  const onTimePct = due > 0 ? Math.round((commitments.onTime / due) * 1000) / 10 : null;
  return {
    range: { from: range.from, to: range.to, countedUntil: scope.until < scope.from ? null : scope.until },
    timeZone,
    visits: { value: visits, target: target.visits, progressPct: progress(visits, target.visits), upcoming },
    visitors: { value: visitors, target: target.visitors, progressPct: progress(visitors, target.visitors) },
    commitments: {
      ...commitments,
      onTimePct,
      target: target.commitmentsOnTimePct,
      progressPct: progress(onTimePct, target.commitmentsOnTimePct),
    },
    rating: {
      ...rating,
      target: target.averageRating,
      progressPct: progress(rating.average, target.averageRating),
    },
    leadTime: lead,
    monthly,
    byProvince: counts.provinces.map((p) => ({
      code: p.code,
      name: p.code ? (findProvince(p.code)?.name ?? p.code) : null,
      visits: p.visits,
      visitors: p.visitors,
    })),
    byTopic: topics.map((t) => ({
      id: t.id,
      nameId: t.nameId ?? t.id,
      nameEn: t.nameEn ?? t.id,
      visits: t.visits,
    })),
    venues,
    hosts,
  };
}

export type Report = Awaited<ReturnType<typeof buildReport>>;
