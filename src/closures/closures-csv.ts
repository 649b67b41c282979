/**
 * @module Reads a year's official list of closed dates (the SKB 3 Menteri's holidays and *cuti bersama* —
 * collective leave days — or a regent's local holidays) from CSV: `date;name;kind`, comma or semicolon,
 * with or without a BOM and a header row; the kind in Indonesian ("Libur nasional", "Cuti bersama",
 * "Libur daerah"), in English or as its code, in any case. Pure: all-or-nothing is the caller's job; every bad row is
 * reported by its spreadsheet row number, in Indonesian and English.
 */
import { type BilingualMessage, readCsvRecords } from "../csv/parse";
import { type Locale, translator } from "../i18n/dictionary";
import { closureKindKey } from "../i18n/keys";
import { CLOSURE_KINDS, type ClosureKind } from "./kinds";

/** "A, B atau C" / "A, B or C". */
const orList = (items: readonly string[], or: string) =>
  `${items.slice(0, -1).join(", ")} ${or} ${items[items.length - 1] ?? ""}`;

export const MAX_CLOSURE_CSV_CHARS = 200_000;

export interface ClosureCsvRow {
  row: number;
  date: string;
  name: string;
  kind: ClosureKind;
}

export interface ClosureCsvError {
  row: number;
  field: "date" | "name" | "kind" | "row" | "file";
  message: BilingualMessage;
}

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

/** The kind names the page shows, in each language ("Libur nasional, Cuti bersama atau Libur daerah"). */
const kindNames = (locale: Locale) => CLOSURE_KINDS.map((k) => translator(locale)(closureKindKey(k)));

/** Codes, the catalogue's names in both languages (so what the page shows is accepted), and short forms. */
const KIND_ALIASES: ReadonlyMap<string, ClosureKind> = new Map<string, ClosureKind>([
  ...CLOSURE_KINDS.map((k) => [k, k] as const),
  ...(["id", "en"] as const).flatMap((locale) =>
    CLOSURE_KINDS.map((k, i) => [normalise(kindNames(locale)[i] ?? k), k] as const),
  ),
  ["nasional", "national_holiday"],
  ["national", "national_holiday"],
  ["cuti bersama", "cuti_bersama"],
  ["collective leave", "cuti_bersama"],
  ["libur lokal", "local_holiday"],
  ["local", "local_holiday"],
  ["daerah", "local_holiday"],
]);

/** "2026-03-20", "20/03/2026" or "20-03-2026" → "2026-03-20"; null if not a real date. */
export function parseLocalDate(raw: string): string | null {
  const text = raw.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  let ymd: [string, string, string] | null = m ? [m[1] as string, m[2] as string, m[3] as string] : null;
  if (!ymd) {
    m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    if (m) ymd = [m[3] as string, (m[2] as string).padStart(2, "0"), (m[1] as string).padStart(2, "0")];
  }
  if (!ymd) return null;
  const iso = `${ymd[0]}-${ymd[1]}-${ymd[2]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

const err = (row: number, field: ClosureCsvError["field"], id: string, en: string): ClosureCsvError => ({
  row,
  field,
  message: { id, en },
});

/** Parses the CSV for `year`; rows outside that year are errors. */
export function parseClosuresCsv(
  input: string,
  year: number,
): { rows: ClosureCsvRow[]; errors: ClosureCsvError[] } {
  const read = readCsvRecords(input, MAX_CLOSURE_CSV_CHARS);
  if (!read.ok) return { rows: [], errors: [{ row: read.row, field: "file", message: read.message }] };
  const records = read.records;
  const rows: ClosureCsvRow[] = [];
  const errors: ClosureCsvError[] = [];
  const seen = new Set<string>();
  records.forEach((cells, index) => {
    const row = index + 1;
    if (cells.every((c) => c.trim() === "")) return;
    const first = (cells[0] ?? "").trim().toLowerCase();
    if (row === 1 && (first === "date" || first === "tanggal")) return;
    if (cells.length < 3 || cells.slice(3).some((c) => c.trim() !== "")) {
      errors.push(
        err(
          row,
          "row",
          `Baris ${row} harus berisi 3 kolom: tanggal;nama;jenis.`,
          `Row ${row} must have 3 columns: date;name;kind.`,
        ),
      );
      return;
    }
    const date = parseLocalDate(cells[0] ?? "");
    const name = (cells[1] ?? "").trim();
    const kind = KIND_ALIASES.get(normalise(cells[2] ?? ""));
    if (!date)
      errors.push(
        err(
          row,
          "date",
          `Tanggal di baris ${row} tidak valid (pakai YYYY-MM-DD).`,
          `The date in row ${row} is not valid (use YYYY-MM-DD).`,
        ),
      );
    else if (!date.startsWith(`${year}-`))
      errors.push(
        err(
          row,
          "date",
          `Tanggal di baris ${row} bukan tahun ${year}.`,
          `The date in row ${row} is not in ${year}.`,
        ),
      );
    if (!name || name.length > 200)
      errors.push(
        err(
          row,
          "name",
          `Nama di baris ${row} wajib diisi (maksimal 200 karakter).`,
          `The name in row ${row} is required (at most 200 characters).`,
        ),
      );
    if (!kind)
      errors.push(
        err(
          row,
          "kind",
          `Jenis di baris ${row} harus ${orList(kindNames("id"), "atau")}.`,
          `The kind in row ${row} must be ${orList(kindNames("en"), "or")}.`,
        ),
      );
    if (date && name && kind && name.length <= 200 && date.startsWith(`${year}-`)) {
      const key = `${date}|${kind}`;
      if (seen.has(key)) {
        errors.push(
          err(
            row,
            "date",
            `Tanggal dan jenis di baris ${row} sudah ada di baris sebelumnya.`,
            `Row ${row} repeats an earlier date and kind.`,
          ),
        );
        return;
      }
      seen.add(key);
      rows.push({ row, date, name, kind });
    }
  });
  if (rows.length === 0 && errors.length === 0)
    errors.push(err(1, "file", "Berkas kosong.", "The file is empty."));
  return { rows, errors };
}
