/**
 * @module The report's CSV exports for a period (the visits the report counts): visits, participants,
 * commitments and feedback, headed in the reader's language. Written by the project's CSV helper (UTF-8
 * BOM, every cell quoted, formula cells neutralised). Contact details are not exported.
 */

import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import type { DelegationStatus } from "../../db/schema/delegations";
import type { CommitmentParty, CommitmentStatus } from "../../db/schema/outcomes";
import { toCsv } from "../csv/write";
import type { Translate } from "../i18n/dictionary";
import { commitmentPartyKey, commitmentStatusKey, statusKey } from "../i18n/keys";
import { findProvince, findRegency } from "../regions/regions";
import { inScope, VISITORS_OF_D, type VisitScope } from "./visit-scope";

export const EXPORTS = ["visits", "participants", "commitments", "feedback"] as const;
export type ExportName = (typeof EXPORTS)[number];

const province = (code: string | null) => (code ? (findProvince(code)?.name ?? code) : "");
const regency = (code: string | null) => (code ? (findRegency(code)?.name ?? code) : "");

async function visitsCsv(db: Queryable, scope: VisitScope, t: Translate) {
  const rows = await db.all<Record<string, string | number | null>>(sql`
    SELECT d.code, d.status, d.institution, d.province_code AS province, d.regency_code AS regency,
      d.leader_name AS leader, d.leader_title AS leaderTitle, d.topics,
      d.confirmed_dates ->> '$.start' AS start, d.confirmed_dates ->> '$.end' AS "end",
      ${VISITORS_OF_D} AS visitors,
      (SELECT ROUND(AVG(r.overall_rating), 2) FROM feedback_responses r WHERE r.delegation_id = d.id) AS rating
    FROM delegations d WHERE ${inScope(scope)} ORDER BY start, d.code`);
  return toCsv(
    [
      t("reports.csv.code"),
      t("reports.csv.status"),
      t("reports.csv.institution"),
      t("reports.csv.province"),
      t("reports.csv.regency"),
      t("reports.csv.leader"),
      t("reports.csv.leaderTitle"),
      t("reports.csv.topics"),
      t("reports.csv.start"),
      t("reports.csv.end"),
      t("reports.csv.visitors"),
      t("reports.csv.rating"),
    ],
    rows.map((r) => [
      r.code,
      t(statusKey(r.status as DelegationStatus)),
      r.institution,
      province(r.province as string | null),
      regency(r.regency as string | null),
      r.leader,
      r.leaderTitle,
      (JSON.parse(String(r.topics)) as string[]).join("; "),
      r.start,
      r.end,
      r.visitors,
      r.rating ?? "",
    ]),
  );
}

async function participantsCsv(db: Queryable, scope: VisitScope, t: Translate) {
  const rows = await db.all<Record<string, string | number | null>>(sql`
    SELECT d.code, d.institution AS delegation, p.name, p.title, p.institution, p.attended, p.walk_in AS walkIn
    FROM delegations d JOIN participants p ON p.delegation_id = d.id
    WHERE ${inScope(scope)} ORDER BY d.confirmed_dates ->> '$.start', d.code, p.precedence_rank, p.name`);
  const yesNo = (v: unknown) => (v === null ? "" : t(v ? "reports.csv.yes" : "reports.csv.no"));
  return toCsv(
    [
      t("reports.csv.code"),
      t("reports.csv.institution"),
      t("reports.csv.name"),
      t("reports.csv.title"),
      t("reports.csv.participantInstitution"),
      t("reports.csv.attended"),
      t("reports.csv.walkIn"),
    ],
    rows.map((r) => [
      r.code,
      r.delegation,
      r.name,
      r.title,
      r.institution ?? "",
      yesNo(r.attended),
      yesNo(r.walkIn),
    ]),
  );
}

async function commitmentsCsv(db: Queryable, scope: VisitScope, t: Translate) {
  const rows = await db.all<Record<string, string | number | null>>(sql`
    SELECT d.code, d.institution, c.party, c.what, c.target_date AS targetDate, c.status,
      c.completed_on AS completedOn, c.evidence_url AS evidenceUrl, c.drop_reason AS dropReason
    FROM delegations d JOIN commitments c ON c.delegation_id = d.id
    WHERE ${inScope(scope)} ORDER BY c.target_date, d.code`);
  return toCsv(
    [
      t("reports.csv.code"),
      t("reports.csv.institution"),
      t("commitments.party"),
      t("commitments.what"),
      t("commitments.targetDate"),
      t("commitments.status"),
      t("reports.csv.completedOn"),
      t("commitments.evidenceUrl"),
      t("commitments.reason"),
    ],
    rows.map((r) => [
      r.code,
      r.institution,
      t(commitmentPartyKey(r.party as CommitmentParty)),
      r.what,
      r.targetDate,
      t(commitmentStatusKey(r.status as CommitmentStatus)),
      r.completedOn ?? "",
      r.evidenceUrl ?? "",
      r.dropReason ?? "",
    ]),
  );
}

async function feedbackCsv(db: Queryable, scope: VisitScope, t: Translate) {
  const rows = await db.all<Record<string, string | number | null>>(sql`
    SELECT d.code, d.institution, r.overall_rating AS rating, r.most_useful AS mostUseful,
      r.will_replicate AS willReplicate, r.comments, r.respondent_name AS respondent,
      r.respondent_title AS respondentTitle, r.updated_at AS updatedAt
    FROM delegations d JOIN feedback_responses r ON r.delegation_id = d.id
    WHERE ${inScope(scope)} ORDER BY d.confirmed_dates ->> '$.start', d.code, r.created_at`);
  return toCsv(
    [
      t("reports.csv.code"),
      t("reports.csv.institution"),
      t("feedback.overall"),
      t("feedback.mostUseful"),
      t("feedback.willReplicate"),
      t("feedback.comments"),
      t("feedback.respondentName"),
      t("feedback.respondentTitle"),
      t("reports.csv.answeredAt"),
    ],
    rows.map((r) => [
      r.code,
      r.institution,
      r.rating,
      r.mostUseful ?? "",
      r.willReplicate ?? "",
      r.comments ?? "",
      r.respondent ?? "",
      r.respondentTitle ?? "",
      new Date(Number(r.updatedAt)).toISOString(),
    ]),
  );
}

export function exportCsv(name: ExportName, db: Queryable, scope: VisitScope, t: Translate): Promise<string> {
  switch (name) {
    case "visits":
      return visitsCsv(db, scope, t);
    case "participants":
      return participantsCsv(db, scope, t);
    case "commitments":
      return commitmentsCsv(db, scope, t);
    case "feedback":
      return feedbackCsv(db, scope, t);
  }
}
