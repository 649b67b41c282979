/**
 * @module What a visit request contains, as one zod schema shared by the public form, the public API,
 * staff creation and edits; plus the mapping between the flat HTML form (preferredStart, alt1Start, …)
 * and the nested API shape (preferredDates.start, alternativeDates[0].start, …).
 * Rules that need the database or the clock (topics exist, lead time) live in `intake-rules.ts`.
 */
import { z } from "zod";
import { LOCALES } from "../../db/schema/auth";
import { SINGLE_LINE } from "../http/single-line";
import { msg } from "../http/validate";
import { findProvince, findRegency } from "../regions/regions";
import { dateRangeSchema, isRealDate } from "./dates";
import { normalisePhone } from "./roster-fields";

const required = (max: number) =>
  z.string(msg("error.required")).trim().min(1, msg("error.required")).max(max, msg("requests.textTooLong"));
const requiredLine = (max: number) => required(max).refine(...SINGLE_LINE);
const optional = (max: number, oneLine = false) =>
  z
    .string()
    .trim()
    .max(max, msg("requests.textTooLong"))
    .refine((v) => !oneLine || SINGLE_LINE[0](v), SINGLE_LINE[1])
    .optional()
    .transform((v) => (v ? v : null));

const delegationFields = {
  institution: requiredLine(200),
  provinceCode: z
    .string(msg("requests.provinceInvalid"))
    .refine((v) => !!findProvince(v), msg("requests.provinceInvalid")),
  regencyCode: z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || !!findRegency(v), msg("requests.regencyInvalid")),
  leaderName: requiredLine(120),
  leaderTitle: requiredLine(200),
  purpose: required(2000),
  topics: z
    .array(z.string().max(60), msg("requests.topicsRequired"))
    .min(1, msg("requests.topicsRequired"))
    .max(20),
  expectedSize: z.coerce
    .number(msg("requests.sizeInvalid"))
    .int(msg("requests.sizeInvalid"))
    .min(1, msg("requests.sizeInvalid"))
    .max(500, msg("requests.sizeInvalid")),
  preferredDates: dateRangeSchema,
  alternativeDates: z.array(dateRangeSchema).max(2, msg("requests.tooManyAlternatives")),
  contactName: requiredLine(120),
  contactEmail: z
    .string(msg("requests.emailInvalid"))
    .trim()
    .toLowerCase()
    .pipe(z.email(msg("requests.emailInvalid")).max(254)),
  contactPhone: z
    .string(msg("requests.phoneInvalid"))
    .refine((v) => normalisePhone(v) !== null, msg("requests.phoneInvalid"))
    .transform((v) => normalisePhone(v) as string),
  letterNumber: optional(100, true),
  letterDate: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isRealDate(v), msg("requests.dateInvalid")),
  language: z.enum(LOCALES),
  notes: optional(2000),
};

const regencyInProvince = (
  v: { provinceCode?: string; regencyCode?: string | null },
  ctx: z.RefinementCtx,
) => {
  if (v.provinceCode && v.regencyCode && findRegency(v.regencyCode)?.provinceCode !== v.provinceCode)
    ctx.addIssue({ code: "custom", path: ["regencyCode"], message: "i18n:requests.regencyNotInProvince" });
};

/** A new request or a staff-created delegation. `website` is the honeypot: people leave it empty. */
export const delegationInputSchema = z
  .strictObject({
    ...delegationFields,
    alternativeDates: delegationFields.alternativeDates.default([]),
    language: delegationFields.language.default("id"),
    website: z.string().optional(),
  })
  .superRefine(regencyInProvince);
export type DelegationInput = z.output<typeof delegationInputSchema>;

/** A staff edit: any subset of the fields, based on `version`. */
export const delegationPatchSchema = z
  .strictObject(delegationFields)
  .partial()
  .extend({ version: z.number(msg("delegations.versionRequired")).int().min(1) })
  .superRefine(regencyInProvince);
export type DelegationPatch = z.output<typeof delegationPatchSchema>;

/** Flat form names of the nested date fields, both ways. */
const FORM_DATE_FIELDS = [
  ["preferredStart", "preferredDates", "start"],
  ["preferredEnd", "preferredDates", "end"],
  ["alt1Start", "alternativeDates.0", "start"],
  ["alt1End", "alternativeDates.0", "end"],
  ["alt2Start", "alternativeDates.1", "start"],
  ["alt2End", "alternativeDates.1", "end"],
] as const;

/** Builds the API-shaped input from a submitted form (strings, repeated `topics`). */
export function formToInput(body: Record<string, unknown>): Record<string, unknown> {
  const str = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : undefined);
  const topicsRaw = body.topics;
  const topics = Array.isArray(topicsRaw)
    ? topicsRaw.filter((t) => typeof t === "string")
    : typeof topicsRaw === "string"
      ? [topicsRaw]
      : [];
  const range = (s?: string, e?: string) =>
    s?.trim() ? { start: s, end: e?.trim() ? e : undefined } : undefined;
  const alternatives = [
    range(str("alt1Start"), str("alt1End")),
    range(str("alt2Start"), str("alt2End")),
  ].filter((r) => r !== undefined);
  const preferred = range(str("preferredStart"), str("preferredEnd"));
  const out: Record<string, unknown> = {
    institution: str("institution") ?? "",
    provinceCode: str("provinceCode") ?? "",
    regencyCode: str("regencyCode"),
    leaderName: str("leaderName") ?? "",
    leaderTitle: str("leaderTitle") ?? "",
    purpose: str("purpose") ?? "",
    topics,
    expectedSize: str("expectedSize") ?? "",
    preferredDates: preferred ?? { start: "" },
    alternativeDates: alternatives,
    contactName: str("contactName") ?? "",
    contactEmail: str("contactEmail") ?? "",
    contactPhone: str("contactPhone") ?? "",
    letterNumber: str("letterNumber"),
    letterDate: str("letterDate"),
    notes: str("notes"),
  };
  if (str("language")) out.language = str("language");
  if (str("website") !== undefined) out.website = str("website");
  return out;
}

/** The form field an API error path belongs to ("alternativeDates.1.end" → "alt2End"). */
export function formFieldOf(path: string): string {
  if (path.startsWith("topics")) return "topics";
  for (const [form, prefix, part] of FORM_DATE_FIELDS) {
    if (path === `${prefix}.${part}`) return form;
  }
  if (path === "preferredDates") return "preferredStart";
  if (path === "alternativeDates") return "alt1Start";
  // Alternatives are compacted; an error on alternativeDates.N maps to the Nth filled pair.
  return path;
}

/** Form values of a stored delegation, for re-rendering an edit form. */
export function inputToFormValues(d: {
  preferredDates: { start: string; end: string };
  alternativeDates: { start: string; end: string }[];
  [key: string]: unknown;
}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d))
    if (typeof v === "string" || typeof v === "number") out[k] = String(v);
  out.preferredStart = d.preferredDates.start;
  out.preferredEnd = d.preferredDates.end === d.preferredDates.start ? "" : d.preferredDates.end;
  d.alternativeDates.forEach((r, i) => {
    out[`alt${i + 1}Start`] = r.start;
    out[`alt${i + 1}End`] = r.end === r.start ? "" : r.end;
  });
  return out;
}
