/**
 * @module A delegation's survey results for its page: how many links were sent, the responses (newest
 * first) with their session ratings, and the average overall rating (null without responses).
 */
import { count, desc, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { agendaItemDelegations, agendaItems } from "../../db/schema/agenda";
import { feedbackLinks, feedbackResponses } from "../../db/schema/feedback";

export interface FeedbackResults {
  links: number;
  average: number | null;
  responses: (typeof feedbackResponses.$inferSelect)[];
  /** Titles of the sessions rated, by item id. */
  sessions: Map<string, { title: string; titleEn: string | null }>;
}

export async function loadFeedbackResults(db: Queryable, delegationId: string): Promise<FeedbackResults> {
  const [sent] = await db
    .select({ n: count() })
    .from(feedbackLinks)
    .where(eq(feedbackLinks.delegationId, delegationId));
  const responses = await db
    .select()
    .from(feedbackResponses)
    .where(eq(feedbackResponses.delegationId, delegationId))
    .orderBy(desc(feedbackResponses.createdAt));
  const items = await db
    .select({ id: agendaItems.id, title: agendaItems.title, titleEn: agendaItems.titleEn })
    .from(agendaItems)
    .innerJoin(agendaItemDelegations, eq(agendaItemDelegations.itemId, agendaItems.id))
    .where(eq(agendaItemDelegations.delegationId, delegationId));
  const total = responses.reduce((sum, r) => sum + r.overallRating, 0);
  return {
    links: sent?.n ?? 0,
    average: responses.length ? total / responses.length : null,
    responses,
    sessions: new Map(items.map((i) => [i.id, { title: i.title, titleEn: i.titleEn }])),
  };
}
