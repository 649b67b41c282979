/**
 * @module When a survey link can be answered and a response edited (pure: pass `now`). An unanswered link
 * can be answered until its `expiresAt` (LINK_DAYS after it was sent); a response can be changed for
 * EDIT_DAYS after it was first sent, then it is shown read-only. An expired, unanswered link is answered
 * like an unknown one.
 */

const LINK_DAYS = 30;
const EDIT_DAYS = 14;
const DAY_MS = 24 * 3600 * 1000;

export type SurveyState = "open" | "editable" | "read_only" | "expired";

export function linkExpiry(sentAt: Date): Date {
  return new Date(sentAt.getTime() + LINK_DAYS * DAY_MS);
}

/** The end of the edit window of a response first sent at `firstSentAt`. */
export function editDeadline(firstSentAt: Date): Date {
  return new Date(firstSentAt.getTime() + EDIT_DAYS * DAY_MS);
}

export function surveyState(
  link: { expiresAt: Date },
  response: { createdAt: Date } | null,
  now: Date,
): SurveyState {
  if (!response) return now.getTime() < link.expiresAt.getTime() ? "open" : "expired";
  return now.getTime() < editDeadline(response.createdAt).getTime() ? "editable" : "read_only";
}
