/**
 * @module What other pages show of the humas work: the delegation page's sections (outcome, attendance,
 * papers, commitments, visitors' feedback, publication), and the "to write up" and "commitments due" lists of the home page and inbox.
 * Loaders and their views together, so a page adds one call.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Child } from "hono/jsx";
import type { Queryable } from "../../db/client";
import { delegations } from "../../db/schema/delegations";
import { visitOutcomes } from "../../db/schema/outcomes";
import { FeedbackSection } from "../../views/pages/feedback/results";
import { HumasSections } from "../../views/pages/outcomes/delegation-sections";
import { HumasHome, type HumasHomeData, WriteUpList } from "../../views/pages/outcomes/humas-home";
import { PublicationSection } from "../../views/pages/publicity/publication-form";
import { FOLLOW_UP, HUMAS, hasRole, PROTOCOL } from "../auth/roles";
import { listCommitments } from "../commitments/queries";
import { hostToday } from "../commitments/service";
import { loadFeedbackResults } from "../feedback/results";
import type { AppContext } from "../http/context";
import { pageContext } from "../http/render";
import { getPublication } from "../publicity/service";
import { addDays } from "../scheduling/zoned-time";
import { canComplete } from "./complete";
import { attendanceCount, getOutcome } from "./service";

const writes = (c: AppContext) => {
  const user = c.get("user");
  return !!user && hasRole(user.role, FOLLOW_UP);
};

/** The humas sections of a delegation's page. */
export async function followUpSections(
  c: AppContext,
  d: {
    id: string;
    code: string;
    status: string;
    version: number;
    confirmedDates: { start: string; end: string } | null;
  },
): Promise<Child> {
  const db = c.get("deps").db.orm;
  const now = c.get("deps").clock();
  const user = c.get("user");
  const [outcome, attendance, commitments, completion, feedback] = await Promise.all([
    getOutcome(db, d.id),
    attendanceCount(db, d.id),
    listCommitments(db, { delegationId: d.id }, await hostToday(db, now)),
    canComplete(db, d, now),
    loadFeedbackResults(db, d.id),
  ]);
  const publication = await getPublication(db, d.id);
  const publicUrl = publication ? `${c.get("deps").config.baseUrl}/kunjungan/${publication.slug}` : null;
  return (
    <>
      <HumasSections
        ctx={pageContext(c)}
        d={d}
        outcome={outcome}
        attendance={attendance}
        commitments={commitments}
        canWrite={writes(c)}
        canReopen={!!user && hasRole(user.role, PROTOCOL)}
        completion={completion}
      />
      <FeedbackSection ctx={pageContext(c)} r={feedback} />
      <PublicationSection
        ctx={pageContext(c)}
        d={d}
        url={publicUrl}
        canWrite={!!user && hasRole(user.role, HUMAS)}
      />
    </>
  );
}

/** Confirmed visits whose last day has come (host zone) and that have no outcome yet. */
async function visitsToWriteUp(db: Queryable, today: string) {
  const rows = await db
    .select({
      id: delegations.id,
      code: delegations.code,
      institution: delegations.institution,
      confirmedDates: delegations.confirmedDates,
    })
    .from(delegations)
    .leftJoin(visitOutcomes, eq(visitOutcomes.delegationId, delegations.id))
    .where(and(inArray(delegations.status, ["confirmed", "completed"]), isNull(visitOutcomes.delegationId)));
  return rows
    .filter((r) => r.confirmedDates && r.confirmedDates.end <= today)
    .map((r) => ({
      id: r.id,
      code: r.code,
      institution: r.institution,
      lastDay: r.confirmedDates?.end ?? "",
    }))
    .sort((a, b) => a.lastDay.localeCompare(b.lastDay));
}

async function loadFollowUpHome(db: Queryable, now: Date, userId: string): Promise<HumasHomeData> {
  const today = await hostToday(db, now);
  const [toWriteUp, due] = await Promise.all([
    visitsToWriteUp(db, today),
    listCommitments(db, { dueTo: addDays(today, 30) }, today),
  ]);
  const active = due.filter((c) => c.status === "open" || c.status === "in_progress");
  active.sort(
    (a, b) =>
      Number(b.ownerUserId === userId) - Number(a.ownerUserId === userId) ||
      a.targetDate.localeCompare(b.targetDate),
  );
  return { toWriteUp, due: active };
}

/** The inbox's "to write up" list (linking to each delegation's outcome section). */
export async function followUpInbox(c: AppContext): Promise<Child> {
  const db = c.get("deps").db.orm;
  const rows = await visitsToWriteUp(db, await hostToday(db, c.get("deps").clock()));
  return <WriteUpList ctx={pageContext(c)} rows={rows} />;
}

/** The home page's humas part, for roles that do the follow-up; nothing for the others. */
export async function followUpHome(c: AppContext): Promise<Child> {
  const user = c.get("user");
  if (!user || !hasRole(user.role, FOLLOW_UP)) return null;
  const data = await loadFollowUpHome(c.get("deps").db.orm, c.get("deps").clock(), user.id);
  return <HumasHome ctx={pageContext(c)} data={data} />;
}
