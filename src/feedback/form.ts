/**
 * @module The survey form ↔ the answers: `overall` (1–5, required), `session.{itemId}` (1–5 or empty for
 * "no rating"), four optional texts (at most 2000 characters each) and the respondent's name and title
 * (at most 200). Checked with zod; the raw values go back into the form when something is wrong.
 */
import { z } from "zod";
import { msg } from "../http/validate";
import type { FeedbackResponseRow } from "./survey";

const rating = z.coerce
  .number(msg("feedback.ratingRequired"))
  .int(msg("feedback.ratingRequired"))
  .min(1, msg("feedback.ratingRequired"))
  .max(5, msg("feedback.ratingRequired"));

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, msg("feedback.textTooLong"))
    .transform((s) => s || null);

export const surveyAnswersSchema = z.strictObject({
  overallRating: rating,
  sessionRatings: z.record(z.string().max(64), rating),
  mostUseful: optionalText(2000),
  willReplicate: optionalText(2000),
  comments: optionalText(2000),
  respondentName: optionalText(200),
  respondentTitle: optionalText(200),
});
export type SurveyAnswers = z.output<typeof surveyAnswersSchema>;

type FormBody = Record<string, string | File | (string | File)[]>;

const TEXTS = ["mostUseful", "willReplicate", "comments", "respondentName", "respondentTitle"] as const;

/** The form's fields as answers to check, and the raw values to show again. */
export function answersFromForm(form: FormBody) {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) if (typeof v === "string") values[k] = v;
  const sessionRatings: Record<string, string> = {};
  for (const [k, v] of Object.entries(values))
    if (k.startsWith("session.") && v.trim() !== "") sessionRatings[k.slice("session.".length)] = v.trim();
  const input = {
    overallRating: (values.overall ?? "").trim() || undefined,
    sessionRatings,
    ...Object.fromEntries(TEXTS.map((f) => [f, values[f] ?? ""])),
  };
  return { input, values };
}

/** A saved response as the form's values. */
export function answersToValues(r: FeedbackResponseRow | null): Record<string, string> {
  if (!r) return {};
  const values: Record<string, string> = { overall: String(r.overallRating) };
  for (const [id, n] of Object.entries(r.sessionRatings)) values[`session.${id}`] = String(n);
  for (const f of TEXTS) values[f] = r[f] ?? "";
  return values;
}

/** Maps a zod issue path to the form field it belongs to. */
export function formFieldOf(path: string): string {
  if (path === "overallRating") return "overall";
  if (path.startsWith("sessionRatings.")) return `session.${path.slice("sessionRatings.".length)}`;
  return path;
}
