/**
 * @module Feedback from visitors: one private survey link per recipient (the contact person, and each
 * participant with an e-mail when staff ask for it), stored as the SHA-256 of its token, and at most one
 * response per link. A link can be answered until `expiresAt`; a response can be edited for 14 days after
 * it was first sent, then it is read-only (the rule is in src/feedback/window.ts).
 */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { delegations, participants } from "./delegations";

export const feedbackLinks = sqliteTable(
  "feedback_links",
  {
    id: text("id").primaryKey(),
    delegationId: text("delegation_id")
      .notNull()
      .references(() => delegations.id, { onDelete: "cascade" }),
    participantId: text("participant_id").references(() => participants.id, { onDelete: "set null" }),
    /** SHA-256 (hex) of the ≥128-bit token in `/f/{token}`. */
    tokenHash: text("token_hash").notNull(),
    recipientName: text("recipient_name").notNull(),
    recipientEmail: text("recipient_email").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    /** Until when an unanswered link can be answered. */
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("feedback_links_token_idx").on(t.tokenHash),
    uniqueIndex("feedback_links_recipient_idx").on(t.delegationId, t.recipientEmail),
  ],
);

/** Ratings per agenda session: item id → 1..5. */
export type SessionRatings = Record<string, number>;

export const feedbackResponses = sqliteTable(
  "feedback_responses",
  {
    linkId: text("link_id")
      .primaryKey()
      .references(() => feedbackLinks.id, { onDelete: "cascade" }),
    delegationId: text("delegation_id")
      .notNull()
      .references(() => delegations.id, { onDelete: "cascade" }),
    overallRating: integer("overall_rating").notNull(),
    sessionRatings: text("session_ratings", { mode: "json" }).$type<SessionRatings>().notNull(),
    mostUseful: text("most_useful"),
    willReplicate: text("will_replicate"),
    comments: text("comments"),
    respondentName: text("respondent_name"),
    respondentTitle: text("respondent_title"),
    version: integer("version").notNull().default(1),
    /** When the response was first sent: the edit window counts from here. */
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("feedback_responses_delegation_idx").on(t.delegationId, t.overallRating)],
);
