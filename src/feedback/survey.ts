/**
 * @module The survey behind `/f/{token}`: find the link by the token's hash, what the page shows (the
 * delegation, its scheduled sessions to rate, the response so far and whether it can still be changed),
 * and saving a response — one per link, edited in place (version + 1) within the edit window, refused after.
 * An unknown token and an expired, unanswered link are the same `null`.
 */
import { and, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { agendaItemDelegations, agendaItems } from "../../db/schema/agenda";
import { delegations } from "../../db/schema/delegations";
import { feedbackLinks, feedbackResponses } from "../../db/schema/feedback";
import { getHostSettings } from "../host-settings/service";
import { AppError } from "../http/errors";
import { auditedTransaction, PUBLIC_ACTOR, type ServiceContext } from "../http/service-context";
import type { SurveyAnswers } from "./form";
import { hashSurveyToken, TOKEN_PATTERN } from "./tokens";
import { editDeadline, type SurveyState, surveyState } from "./window";

export type FeedbackResponseRow = typeof feedbackResponses.$inferSelect;

export interface SurveySession {
  id: string;
  title: string;
  titleEn: string | null;
  startsAt: Date;
}

export interface Survey {
  linkId: string;
  state: Exclude<SurveyState, "expired">;
  delegation: { id: string; code: string; institution: string; language: "id" | "en" };
  host: string;
  hostTimeZone: string;
  sessions: SurveySession[];
  response: FeedbackResponseRow | null;
  editUntil: Date | null;
}

async function findLink(db: Queryable, token: string) {
  if (!TOKEN_PATTERN.test(token)) return null;
  return (
    (await db
      .select()
      .from(feedbackLinks)
      .where(eq(feedbackLinks.tokenHash, hashSurveyToken(token)))
      .get()) ?? null
  );
}

/** The survey a token opens at `now`, or null (unknown, malformed or expired unanswered). */
export async function loadSurvey(db: Queryable, token: string, now: Date): Promise<Survey | null> {
  const link = await findLink(db, token);
  if (!link) return null;
  const response =
    (await db.select().from(feedbackResponses).where(eq(feedbackResponses.linkId, link.id)).get()) ?? null;
  const state = surveyState(link, response, now);
  if (state === "expired") return null;
  const d = await db
    .select({
      id: delegations.id,
      code: delegations.code,
      institution: delegations.institution,
      language: delegations.language,
    })
    .from(delegations)
    .where(eq(delegations.id, link.delegationId))
    .get();
  if (!d) return null;
  const sessions = await db
    .select({
      id: agendaItems.id,
      title: agendaItems.title,
      titleEn: agendaItems.titleEn,
      startsAt: agendaItems.startsAt,
    })
    .from(agendaItems)
    .innerJoin(agendaItemDelegations, eq(agendaItemDelegations.itemId, agendaItems.id))
    .where(and(eq(agendaItemDelegations.delegationId, d.id), eq(agendaItems.status, "scheduled")))
    .orderBy(agendaItems.startsAt);
  const host = await getHostSettings(db);
  return {
    linkId: link.id,
    state,
    delegation: d,
    host: host.governmentName,
    hostTimeZone: host.defaultTimeZone,
    sessions,
    response,
    editUntil: response ? editDeadline(response.createdAt) : null,
  };
}

/**
 * Saves the answers of the link `token` in one write transaction. Session ratings for items that are not
 * the delegation's scheduled sessions are dropped. Throws `not_found` for an unknown or expired link and
 * `conflict` once the edit window is over.
 */
export async function saveResponse(
  ctx: Pick<ServiceContext, "db" | "now">,
  token: string,
  answers: SurveyAnswers,
): Promise<FeedbackResponseRow> {
  // Always the public: whoever holds the link answers for the visit, even a signed-in staff member.
  const transaction = auditedTransaction(ctx.db, PUBLIC_ACTOR, ctx.now);
  return transaction(async (tx, audit) => {
    const survey = await loadSurvey(tx, token, ctx.now);
    if (!survey) throw new AppError("not_found");
    if (survey.state === "read_only")
      throw new AppError("conflict", { messageKey: "feedback.readOnly", details: { reason: "read_only" } });
    const known = new Set(survey.sessions.map((s) => s.id));
    const sessionRatings = Object.fromEntries(
      Object.entries(answers.sessionRatings).filter(([id]) => known.has(id)),
    );
    const before = survey.response;
    const fields = { ...answers, sessionRatings };
    const row: FeedbackResponseRow = {
      linkId: survey.linkId,
      delegationId: survey.delegation.id,
      ...fields,
      version: (before?.version ?? 0) + 1,
      createdAt: before?.createdAt ?? ctx.now,
      updatedAt: ctx.now,
    };
    if (before)
      await tx
        .update(feedbackResponses)
        .set({ ...fields, version: row.version, updatedAt: ctx.now })
        .where(eq(feedbackResponses.linkId, survey.linkId));
    else await tx.insert(feedbackResponses).values(row);
    await audit(
      before ? "feedback.update" : "feedback.respond",
      { type: "delegation", id: survey.delegation.id },
      undefined,
      { linkId: survey.linkId, version: row.version, overallRating: row.overallRating },
    );
    return row;
  });
}
