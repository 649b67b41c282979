/**
 * @module Request validation with zod: JSON bodies, queries and forms. Unknown fields are refused
 * (use `z.strictObject`); every problem is reported per field, in the request's language.
 * A schema's own message may be a dictionary key written as `i18n:<key>` (see `msg`), with params.
 * Field errors are collected in a Map, never a plain object, so a field named `__proto__`, `constructor`
 * or `toString` is reported like any other. Every string in the input is checked for control characters
 * (NUL and other C0/C1 controls except tab and line breaks, bidi overrides and isolates) before the schema
 * runs: they have no business in any field and can disguise text (Trojan Source).
 */
import { z } from "zod";
import { hasMessage, type Locale, translate } from "../i18n/dictionary";
import type { AppContext } from "./context";
import { AppError } from "./errors";

export type FieldErrors = Record<string, string[]>;

const zodLocales = { id: z.locales.id(), en: z.locales.en() };

/** Marks a schema message as a dictionary key: `z.string().min(1, msg("error.required"))`. */
export function msg(key: string): { error: string } {
  return { error: `i18n:${key}` };
}

function messageOf(issue: z.core.$ZodIssue, locale: Locale): string {
  if (issue.message.startsWith("i18n:")) {
    const key = issue.message.slice(5);
    const params = (issue as { params?: Record<string, string | number> }).params;
    return hasMessage(key) ? translate(locale, key, params) : key;
  }
  return issue.message;
}

/** Flattens zod issues into `{ "path.to.field": [messages] }`; unknown keys are listed under their own name. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], locale: Locale): FieldErrors {
  const out = new Map<string, string[]>();
  const add = (path: string, message: string) => {
    const list = out.get(path) ?? [];
    list.push(message);
    out.set(path, list);
  };
  for (const issue of issues) {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      const text = translate(locale, "validation.unknownField");
      for (const key of issue.keys) add(base ? `${base}.${key}` : key, text);
      continue;
    }
    add(base || "_", messageOf(issue, locale));
  }
  // Object.fromEntries defines own properties, so "__proto__" stays a key, not a prototype.
  return Object.fromEntries(out);
}

// C0 controls except tab, LF and CR; DEL and C1 controls; bidi embeddings, overrides and isolates.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Paths of strings (values, or keys) holding a forbidden control character; iterative, so depth can't overflow. */
function controlCharPaths(data: unknown, limit = 20): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  const stack: [unknown, PropertyKey[]][] = [[data, []]];
  while (stack.length > 0 && found.length < limit) {
    const [value, path] = stack.pop() as [unknown, PropertyKey[]];
    if (typeof value === "string") {
      if (FORBIDDEN_CHARS.test(value)) found.push(path);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => {
        stack.push([v, [...path, i]]);
      });
    } else if (value !== null && typeof value === "object" && !(value instanceof Blob)) {
      for (const [k, v] of Object.entries(value)) {
        if (FORBIDDEN_CHARS.test(k)) found.push([...path, k.replace(FORBIDDEN_CHARS, "?")]);
        else stack.push([v, [...path, k]]);
      }
    }
  }
  return found;
}

export function parseWith<S extends z.ZodType>(
  schema: S,
  data: unknown,
  locale: Locale,
): z.ZodSafeParseResult<z.output<S>> {
  const bad = controlCharPaths(data);
  if (bad.length > 0) {
    const issues = bad.map((path) => ({
      code: "custom" as const,
      path,
      message: "i18n:error.controlChars",
      input: undefined,
    }));
    return { success: false, error: new z.ZodError(issues) as z.ZodError<z.output<S>> };
  }
  return schema.safeParse(data, {
    error: zodLocales[locale].localeError,
  } as z.core.ParseContext<z.core.$ZodIssue>);
}

/** `application/json` or a `+json` type, any parameters. */
function isJsonContentType(header: string | undefined): boolean {
  const type = (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || /^application\/[\w.-]+\+json$/.test(type);
}

function validationError(issues: readonly z.core.$ZodIssue[], locale: Locale): AppError {
  return new AppError("validation_failed", { details: { fields: fieldErrors(issues, locale) } });
}

/** Reads and validates a JSON body; malformed JSON and schema failures are `validation_failed`. */
export async function readJson<S extends z.ZodType>(c: AppContext, schema: S): Promise<z.output<S>> {
  const locale = c.get("locale");
  // A form or text/plain body is what a cross-site <form> can send; JSON endpoints take JSON only.
  if (!isJsonContentType(c.req.header("Content-Type"))) {
    throw new AppError("validation_failed", {
      messageKey: "error.jsonContentType",
      details: { fields: { _: [translate(locale, "error.jsonContentType")] } },
    });
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new AppError("validation_failed", {
      messageKey: "error.malformedJson",
      details: { fields: { _: [translate(locale, "error.malformedJson")] } },
    });
  }
  const result = parseWith(schema, body, locale);
  if (!result.success) throw validationError(result.error.issues, locale);
  return result.data;
}

/** Validates the query string (single values; repeated keys arrive as arrays). */
export function readQuery<S extends z.ZodType>(c: AppContext, schema: S): z.output<S> {
  const locale = c.get("locale");
  const raw: Record<string, string | string[]> = Object.create(null);
  for (const [key, values] of Object.entries(c.req.queries())) {
    raw[key] = values.length === 1 ? (values[0] as string) : values;
  }
  const result = parseWith(schema, raw, locale);
  if (!result.success) throw validationError(result.error.issues, locale);
  return result.data;
}

export type FormResult<T> =
  | { ok: true; data: T; values: Record<string, string> }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Validates a submitted form without throwing, so the page can show errors next to fields. */
export async function readForm<S extends z.ZodType>(
  c: AppContext,
  schema: S,
): Promise<FormResult<z.output<S>>> {
  const locale = c.get("locale");
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string> = Object.create(null);
  const data: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries(body)) {
    if (key === "_csrf") continue;
    if (Array.isArray(value)) {
      data[key] = value.filter((v) => typeof v === "string");
      values[key] = String(value[0] ?? "");
    } else if (typeof value === "string") {
      data[key] = value;
      values[key] = value;
    } else {
      data[key] = value;
    }
  }
  const result = parseWith(schema, data, locale);
  if (!result.success) return { ok: false, errors: fieldErrors(result.error.issues, locale), values };
  return { ok: true, data: result.data, values };
}
