/**
 * @module Import and export of a delegation's participant roster as CSV, for protocol staff and visiting
 * officials who keep the list in Excel. Headers may be Indonesian or English (nama/name, jabatan/title,
 * instansi/institution, email, telepon/phone/hp/whatsapp, kebutuhan/needs, urutan/rank); a "No" column of
 * running numbers is ignored, any other unknown column is an error. Every problem is reported at once,
 * with the ROW NUMBER THE USER SEES IN THE SPREADSHEET (the header is row 1, the first participant row 2)
 * and a message in Indonesian and English. An empty rank is suggested from the title (`precedence.ts`).
 *
 * NOTE: export neutralises spreadsheet formulas (`=`, `+`, `-`, `@` get a leading apostrophe) and import
 * removes that apostrophe again, so an exported roster imports unchanged; phone numbers are stored as
 * "+62…", which is why they appear as "'+62…" in the raw file.
 */
import { type CsvSeparator, readCsvRecords } from "../csv/parse";
import { restoreNeutralised, writeCsv } from "../csv/write";
import { suggestPrecedenceRank } from "./precedence.js";
import {
  type BilingualMessage,
  FIELD_ORDER,
  fieldForHeader,
  isRosterMessage,
  LABELS,
  messages,
  type RosterField,
  rowSchema,
} from "./roster-fields.js";

export { type BilingualMessage, normalisePhone, type RosterField } from "./roster-fields.js";

export const MAX_ROSTER_ROWS = 500;
export const MAX_ROSTER_CSV_CHARS = 1_000_000;

export interface ParticipantInput {
  name: string;
  title: string;
  institution: string | null;
  email: string | null;
  /** Normalised: "+62" followed by digits. */
  phone: string | null;
  needs: string | null;
  /** Protocol precedence, lower = more senior. */
  rank: number;
  /** "file" when the CSV gave a rank, "suggested" when it was derived from the title. */
  rankSource: "file" | "suggested";
}

export interface RosterCsvError {
  /**
   * Spreadsheet row number as the user sees it: the header is row 1, the first data row is row 2 (a cell
   * spanning several text lines is still one row). 0 only when the whole file is too large to read.
   */
  row: number;
  /** The column at fault; "header" for the header row, "row" for a malformed row, "file" for the file. */
  field: RosterField | "header" | "row" | "file";
  message: BilingualMessage;
}

interface RosterCsvResult {
  /** Valid rows, in file order. Import only when `errors` is empty. */
  rows: ParticipantInput[];
  errors: RosterCsvError[];
}

const fileError = (row: number, field: RosterCsvError["field"], id: string, en: string): RosterCsvError => ({
  row,
  field,
  message: { id, en },
});

const isBlank = (record: readonly string[]) => record.every((cell) => cell.trim() === "");

/** Parses and validates a roster CSV. Never throws on bad input: every problem comes back in `errors`. */
export function parseRosterCsv(input: string): RosterCsvResult {
  const read = readCsvRecords(input, MAX_ROSTER_CSV_CHARS);
  if (!read.ok) return { rows: [], errors: [{ row: read.row, field: "file", message: read.message }] };
  const records = read.records;

  const headerIndex = records.findIndex((r) => !isBlank(r));
  const header = records[headerIndex];
  if (headerIndex < 0 || !header) {
    return { rows: [], errors: [fileError(1, "file", "Berkas kosong.", "The file is empty.")] };
  }
  const headerRow = headerIndex + 1;
  const dataRecords = records.slice(headerIndex + 1).map((cells, i) => ({ cells, row: headerRow + 1 + i }));

  const errors: RosterCsvError[] = [];
  const columns: (RosterField | "ignored")[] = [];
  header.forEach((raw, column) => {
    const field = raw.trim() === "" ? undefined : fieldForHeader(raw);
    const columnEmpty = dataRecords.every((r) => (r.cells[column] ?? "").trim() === "");
    if (raw.trim() === "" && columnEmpty) {
      columns.push("ignored"); // Excel's trailing separators
    } else if (!field) {
      errors.push(
        fileError(
          headerRow,
          "header",
          `Kolom "${raw.trim()}" (kolom ${column + 1}) tidak dikenal. Kolom yang diterima: ${FIELD_ORDER.map((f) => LABELS[f].id).join(", ")}.`,
          `Unknown column "${raw.trim()}" (column ${column + 1}). Accepted columns: ${FIELD_ORDER.map((f) => LABELS[f].en).join(", ")}.`,
        ),
      );
      columns.push("ignored");
    } else if (field !== "ignored" && columns.includes(field)) {
      errors.push(
        fileError(
          headerRow,
          "header",
          `Kolom ${LABELS[field].id} muncul lebih dari sekali.`,
          `The ${LABELS[field].en} column appears more than once.`,
        ),
      );
      columns.push("ignored");
    } else {
      columns.push(field);
    }
  });
  for (const field of ["name", "title"] as const) {
    if (!columns.includes(field)) {
      errors.push(
        fileError(
          headerRow,
          "header",
          `Kolom ${LABELS[field].id} tidak ada di baris judul.`,
          `The header has no ${LABELS[field].en} column.`,
        ),
      );
    }
  }
  if (errors.length > 0) return { rows: [], errors };

  const filled = dataRecords.filter((r) => !isBlank(r.cells));
  const firstExcess = filled[MAX_ROSTER_ROWS];
  if (firstExcess) {
    return {
      rows: [],
      errors: [
        fileError(
          firstExcess.row,
          "file",
          `Terlalu banyak peserta: ${filled.length} baris, maksimal ${MAX_ROSTER_ROWS}.`,
          `Too many participants: ${filled.length} rows, at most ${MAX_ROSTER_ROWS}.`,
        ),
      ],
    };
  }

  const rows: ParticipantInput[] = [];
  for (const { cells, row } of filled) {
    const extra = cells.slice(columns.length).some((c) => c.trim() !== "");
    if (extra) {
      errors.push(
        fileError(
          row,
          "row",
          `Baris ${row} memiliki lebih banyak sel daripada baris judul (periksa pemisah di dalam teks).`,
          `Row ${row} has more cells than the header (check for separators inside a value).`,
        ),
      );
      continue;
    }
    const values: Record<RosterField, string> = {
      name: "",
      title: "",
      institution: "",
      email: "",
      phone: "",
      needs: "",
      rank: "",
    };
    columns.forEach((field, column) => {
      if (field !== "ignored") values[field] = restoreNeutralised(cells[column] ?? "");
    });
    const parsed = rowSchema.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as RosterField;
        const key = isRosterMessage(issue.message) ? issue.message : "required";
        errors.push({ row, field, message: messages[key](field) });
      }
      continue;
    }
    const { rank, ...rest } = parsed.data;
    rows.push(
      rank === null
        ? { ...rest, rank: suggestPrecedenceRank(rest.title).rank, rankSource: "suggested" }
        : { ...rest, rank, rankSource: "file" },
    );
  }
  return { rows, errors };
}

export interface RosterCsvParticipant {
  name: string;
  title: string;
  institution?: string | null;
  email?: string | null;
  phone?: string | null;
  needs?: string | null;
  rank?: number | null;
}

/**
 * Writes a roster as CSV with a UTF-8 BOM and a header in the chosen language (default Indonesian),
 * neutralising formulas. Pass `separator: ";"` for Excel with Indonesian regional settings.
 */
export function rosterToCsv(
  participants: readonly RosterCsvParticipant[],
  options: { language?: "id" | "en"; separator?: CsvSeparator } = {},
): string {
  const language = options.language ?? "id";
  const header = FIELD_ORDER.map((f) => LABELS[f][language]);
  const body = participants.map((p) =>
    FIELD_ORDER.map((f) => {
      const value = p[f];
      return value === null || value === undefined ? "" : String(value);
    }),
  );
  return writeCsv([header, ...body], {
    separator: options.separator ?? ",",
    bom: true,
    neutraliseFormulas: true,
  });
}
