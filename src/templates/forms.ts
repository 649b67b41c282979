/**
 * @module Form ↔ API shape for tour templates. The page posts strings with item rows named
 * `items.<row>.<field>` (a fixed number of rows; empty rows are skipped); this maps them onto
 * `templateCreateSchema` so the page and the API validate alike, and maps errors back onto the row's fields.
 */
import type { FieldErrors } from "../http/validate";
import { fieldErrors, parseWith } from "../http/validate";
import type { Locale, Translate } from "../i18n/dictionary";
import { type TemplateCreate, templateCreateSchema } from "./schemas";
import type { TemplateView } from "./service";

export type FormValues = Record<string, string | string[]>;

/** Empty rows offered below a template's items. */
export const EMPTY_ROWS = 3;
/** Upper bound on the rows read from a post (the schema allows 50 items). */
const MAX_ROWS = 60;

const str = (v: FormValues, k: string): string => {
  const x = v[k];
  return (Array.isArray(x) ? (x[0] ?? "") : (x ?? "")).trim();
};
const list = (v: FormValues, k: string): string[] => {
  const x = v[k];
  return (Array.isArray(x) ? x : x ? [x] : []).filter((s) => s !== "");
};
const checked = (v: FormValues, k: string) => str(v, k) === "on" || str(v, k) === "true";
export const rowField = (row: number, field: string) => `items.${row}.${field}`;

/** How many item rows a submitted form had (the highest `items.<row>.` index + 1). */
export function submittedRows(values: FormValues): number {
  let rows = 0;
  for (const key of Object.keys(values)) {
    const m = /^items\.(\d+)\./.exec(key);
    if (m) rows = Math.max(rows, Number(m[1]) + 1);
  }
  return Math.min(rows, MAX_ROWS);
}

type Parsed = { ok: true; data: TemplateCreate } | { ok: false; errors: FieldErrors };

export function templateFromForm(values: FormValues, locale: Locale, t: Translate): Parsed {
  const own: FieldErrors = {};
  const minutes = (row: number, field: string): number | undefined => {
    const raw = str(values, rowField(row, field));
    if (raw === "") own[rowField(row, field)] = [t("error.required")];
    else if (!/^\d+$/.test(raw)) own[rowField(row, field)] = [t("templates.minutesInvalid")];
    else return Number(raw);
    return undefined;
  };
  const items: Record<string, unknown>[] = [];
  /** `items[i]` came from form row `rowOf[i]`. */
  const rowOf: number[] = [];
  for (let row = 0; row < submittedRows(values); row++) {
    const f = (field: string) => str(values, rowField(row, field));
    const hostIds = list(values, rowField(row, "hostIds"));
    const blank =
      ["offsetMinutes", "durationMinutes", "titleId", "titleEn", "venueId"].every((k) => f(k) === "") &&
      hostIds.length === 0;
    if (blank) continue;
    rowOf.push(row);
    items.push({
      offsetMinutes: minutes(row, "offsetMinutes"),
      durationMinutes: minutes(row, "durationMinutes"),
      kind: f("kind") || "other",
      venueId: f("venueId") || null,
      hostIds,
      titleId: f("titleId"),
      titleEn: f("titleEn"),
    });
  }
  if (items.length === 0) own.items = [t("templates.itemsRequired")];
  const input = {
    name: str(values, "name"),
    nameEn: str(values, "nameEn") || null,
    description: str(values, "description") || null,
    defaultStartTime: str(values, "defaultStartTime") || "08:30",
    timeZone: str(values, "timeZone") || undefined,
    active: checked(values, "active"),
    items,
  };
  const result = parseWith(templateCreateSchema, input, locale);
  const errors: FieldErrors = {};
  if (!result.success) {
    for (const [path, messages] of Object.entries(fieldErrors(result.error.issues, locale))) {
      const m = /^items\.(\d+)\.(\w+)/.exec(path);
      const key = m ? rowField(rowOf[Number(m[1])] ?? 0, m[2] as string) : path;
      errors[key] = [...(errors[key] ?? []), ...messages];
    }
  }
  // Our own messages (required, whole minutes) replace zod's for the same field.
  Object.assign(errors, own);
  if (!result.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, data: result.data };
}

export function templateToForm(tpl: TemplateView): FormValues {
  const out: FormValues = {
    name: tpl.name,
    nameEn: tpl.nameEn ?? "",
    description: tpl.description ?? "",
    defaultStartTime: tpl.defaultStartTime,
    timeZone: tpl.timeZone,
    active: tpl.active ? "on" : "",
    version: String(tpl.version),
  };
  tpl.items.forEach((item, row) => {
    out[rowField(row, "offsetMinutes")] = String(item.offsetMinutes);
    out[rowField(row, "durationMinutes")] = String(item.durationMinutes);
    out[rowField(row, "kind")] = item.kind;
    out[rowField(row, "venueId")] = item.venueId ?? "";
    out[rowField(row, "hostIds")] = item.hostIds;
    out[rowField(row, "titleId")] = item.titleId;
    out[rowField(row, "titleEn")] = item.titleEn;
  });
  return out;
}
