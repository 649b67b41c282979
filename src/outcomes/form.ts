/**
 * @module The outcome form ↔ the outcome input: fixed rows `media.N.outlet|title|url|date` and
 * `documentation.N.label|url` become arrays (rows left empty are dropped, so their numbering may shift);
 * an outcome becomes the form's values.
 */
import type { MediaCoverage } from "../../db/schema/outcomes";
import type { OutcomeRow } from "./service";

type FormBody = Record<string, string | File | (string | File)[]>;

export function outcomeFromForm(form: FormBody) {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) if (typeof v === "string") values[k] = v;
  const s = (k: string) => (values[k] ?? "").trim();
  const rows = (prefix: string, fields: string[]) => {
    const indexes = new Set<number>();
    for (const key of Object.keys(values)) {
      const m = new RegExp(`^${prefix}\\.(\\d{1,2})\\.`).exec(key);
      if (m) indexes.add(Number(m[1]));
    }
    return [...indexes]
      .sort((a, b) => a - b)
      .map((i) => Object.fromEntries(fields.map((f) => [f, s(`${prefix}.${i}.${f}`)])))
      .filter((row) => Object.values(row).some(Boolean));
  };
  const input = {
    summary: s("summary"),
    summaryEn: s("summaryEn") || null,
    shown: s("shown") || null,
    discussed: s("discussed") || null,
    pressReleaseUrl: s("pressReleaseUrl") || null,
    media: rows("media", ["outlet", "title", "url", "date"]),
    documentation: rows("documentation", ["label", "url"]),
    internalNotes: s("internalNotes") || null,
    version: Number(s("version") || "0"),
  };
  return { input, values };
}

export function outcomeToValues(o: OutcomeRow | null): Record<string, string> {
  if (!o) return { version: "0" };
  const values: Record<string, string> = {
    summary: o.summary,
    summaryEn: o.summaryEn ?? "",
    shown: o.shown ?? "",
    discussed: o.discussed ?? "",
    pressReleaseUrl: o.pressReleaseUrl ?? "",
    internalNotes: o.internalNotes ?? "",
    version: String(o.version),
  };
  o.media.forEach((m: MediaCoverage, i) => {
    for (const [k, v] of Object.entries(m)) values[`media.${i}.${k}`] = v;
  });
  o.documentation.forEach((l, i) => {
    values[`documentation.${i}.label`] = l.label;
    values[`documentation.${i}.url`] = l.url;
  });
  return values;
}
