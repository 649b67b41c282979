/**
 * @module Reading and checking a submitted visit request, from the HTML form (multipart, flat names) or the
 * API (JSON with an optional base64 `letterFile`, or multipart like the form): schema, honeypot, letter
 * file type by content, then the rules that need the database. Errors come back per field (API paths).
 */

import { base64url } from "../auth/encoding";
import type { AppContext } from "../http/context";
import { AppError } from "../http/errors";
import { type FieldErrors, fieldErrors, parseWith } from "../http/validate";
import { translate } from "../i18n/dictionary";
import { dateRangeSchema, isRealDate } from "./dates";
import { type DelegationInput, delegationInputSchema, formToInput } from "./input-schema";
import { checkIntakeRules } from "./intake";
import { checkLetter, type LetterUpload, MAX_LETTER_BYTES } from "./letter-file";

/** Paths whose body may carry a letter file (bigger than the global body limit). */
export const UPLOAD_PATHS: readonly string[] = ["/kunjungan/ajukan", "/api/v1/requests"];
/** 5 MB file, base64 overhead for JSON, and the other fields. */
export const UPLOAD_BODY_LIMIT = Math.ceil(MAX_LETTER_BYTES * 1.4) + 256 * 1024;

interface RawSubmission {
  input: Record<string, unknown>;
  file: { name: string; data: Uint8Array } | null;
  /** The flat form values, to re-render the form. */
  values: Record<string, string>;
  topics: string[];
}

function decodeBase64(text: string): Uint8Array | null {
  try {
    return base64url.decode(text.replace(/\s+/g, "").replace(/=+$/, ""));
  } catch {
    return null;
  }
}

export async function readSubmission(c: AppContext): Promise<RawSubmission> {
  const type = c.req.header("Content-Type") ?? "";
  if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")) {
    const body = await c.req.parseBody({ all: true });
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) if (typeof v === "string") values[k] = v;
    const upload = body.letterFile;
    const file =
      upload instanceof File && upload.size > 0
        ? { name: upload.name, data: new Uint8Array(await upload.arrayBuffer()) }
        : null;
    const input = formToInput(body);
    input.language ??= c.get("locale");
    return { input, file, values, topics: input.topics as string[] };
  }
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw new AppError("validation_failed", { messageKey: "error.malformedJson" });
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw new AppError("validation_failed");
  const { letterFile, ...input } = json as Record<string, unknown>;
  let file: RawSubmission["file"] = null;
  if (letterFile !== undefined && letterFile !== null) {
    const lf = letterFile as { fileName?: unknown; dataBase64?: unknown };
    const data = typeof lf.dataBase64 === "string" ? decodeBase64(lf.dataBase64) : null;
    file = { name: typeof lf.fileName === "string" ? lf.fileName : "surat", data: data ?? new Uint8Array() };
  }
  return { input, file, values: {}, topics: [] };
}

type CheckedSubmission =
  | { ok: true; input: DelegationInput; letter: LetterUpload | null }
  | { ok: false; errors: FieldErrors };

/** Validates a submission; throws only for the honeypot (a bot, not a person to help). */
export async function checkSubmission(
  c: AppContext,
  raw: RawSubmission,
  options: { leadTime: boolean },
): Promise<CheckedSubmission> {
  const locale = c.get("locale");
  const { db, clock, config } = c.get("deps");
  if (typeof raw.input.website === "string" && raw.input.website.trim() !== "")
    throw new AppError("validation_failed", { messageKey: "requests.spam" });
  const parsed = parseWith(delegationInputSchema, raw.input, locale);
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error.issues, locale);
  let letter: LetterUpload | null = null;
  if (raw.file) {
    const checked = checkLetter(raw.file.name, raw.file.data);
    if (checked.ok) letter = checked.letter;
    else {
      const key =
        checked.error === "tooLarge"
          ? "requests.letterTooLarge"
          : checked.error === "empty"
            ? "requests.letterEmpty"
            : "requests.letterBadType";
      errors.letterFile = [translate(locale, key)];
    }
  }
  // The date, letter-date and topic rules run on whatever parts parsed, so every problem shows at once.
  const parts = parsed.success ? parsed.data : parsePartly(raw.input, errors);
  if (parts) {
    const ruleErrors = await checkIntakeRules(db, parts, {
      now: clock(),
      locale,
      minWorkingDays: config.requestMinWorkingDays,
      hostTimeZone: config.hostTimeZone,
      leadTime: options.leadTime,
    });
    for (const [k, v] of Object.entries(ruleErrors)) if (!errors[k]) errors[k] = v;
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: parsed.data, letter };
}

/** The rule-checked fields of an input that failed the schema as a whole, where they are valid themselves. */
function parsePartly(input: Record<string, unknown>, errors: FieldErrors) {
  const ok = <T>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, v: unknown) => {
    const r = schema.safeParse(v);
    return r.success ? (r.data as T) : undefined;
  };
  const preferred = ok<DelegationInput["preferredDates"]>(dateRangeSchema, input.preferredDates);
  const alternatives = Array.isArray(input.alternativeDates)
    ? input.alternativeDates.map((r) => ok<DelegationInput["preferredDates"]>(dateRangeSchema, r))
    : [];
  const topics = Array.isArray(input.topics)
    ? input.topics.filter((x): x is string => typeof x === "string")
    : [];
  const letterDate =
    typeof input.letterDate === "string" && isRealDate(input.letterDate) ? input.letterDate : null;
  const has = (prefix: string) => Object.keys(errors).some((k) => k === prefix || k.startsWith(`${prefix}.`));
  return {
    // A far-future placeholder never trips a rule; only fields that parsed are checked.
    preferredDates:
      preferred && !has("preferredDates") ? preferred : { start: "9999-12-31", end: "9999-12-31" },
    alternativeDates: alternatives.map((r, i) =>
      r && !has(`alternativeDates.${i}`) ? r : { start: "9999-12-31", end: "9999-12-31" },
    ),
    topics: has("topics") ? [] : topics,
    letterDate,
  };
}
