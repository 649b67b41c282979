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
import { z } from "zod";
import { type CsvSeparator, CsvSyntaxError, parseCsv, restoreNeutralised, writeCsv } from "./csv-parse.js";
import { suggestPrecedenceRank } from "./precedence.js";

export const MAX_ROSTER_ROWS = 500;
export const MAX_ROSTER_CSV_CHARS = 1_000_000;

export type RosterField = "name" | "title" | "institution" | "email" | "phone" | "needs" | "rank";

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

export interface BilingualMessage {
  id: string;
  en: string;
}

export interface RosterCsvError {
  /** Spreadsheet row number as the user sees it: the header is row 1, the first data row is row 2. */
  row: number;
  /** The column at fault; "header" for the header row, "row" for a malformed row, "file" for the file. */
  field: RosterField | "header" | "row" | "file";
  message: BilingualMessage;
}

export interface RosterCsvResult {
  /** Valid rows, in file order. Import only when `errors` is empty. */
  rows: ParticipantInput[];
  errors: RosterCsvError[];
}

const MAX_LENGTH: Record<RosterField, number> = {
  name: 200,
  title: 200,
  institution: 200,
  email: 254,
  phone: 30,
  needs: 1000,
  rank: 4,
};

const LABELS: Record<RosterField, BilingualMessage> = {
  name: { id: "nama", en: "name" },
  title: { id: "jabatan", en: "title" },
  institution: { id: "instansi", en: "institution" },
  email: { id: "email", en: "email" },
  phone: { id: "telepon", en: "phone" },
  needs: { id: "kebutuhan", en: "needs" },
  rank: { id: "urutan", en: "rank" },
};
const FIELD_ORDER: readonly RosterField[] = [
  "name",
  "title",
  "institution",
  "email",
  "phone",
  "needs",
  "rank",
];

/** Accepted header spellings, compared after `headerKey` (lower case, letters and digits only). */
const HEADER_ALIASES: Record<RosterField, readonly string[]> = {
  name: ["nama", "name", "namalengkap", "fullname", "namapeserta", "participantname"],
  title: ["jabatan", "title", "position", "jobtitle", "posisi"],
  institution: [
    "instansi",
    "institution",
    "organisasi",
    "organisation",
    "organization",
    "unitkerja",
    "agency",
  ],
  email: ["email", "surel", "emailaddress", "alamatemail", "surat elektronik"],
  phone: [
    "telepon",
    "telp",
    "notelp",
    "phone",
    "hp",
    "nohp",
    "nomorhp",
    "whatsapp",
    "wa",
    "nowa",
    "telephone",
  ],
  needs: ["kebutuhan", "kebutuhankhusus", "needs", "specialneeds", "requirements"],
  rank: ["urutan", "urutanprotokol", "rank", "precedence", "order"],
};
const IGNORED_HEADERS = new Set(["no", "nomor", "nourut", "number"]);

const headerKey = (raw: string) =>
  raw
    .replace(/\(.*?\)/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

function fieldForHeader(raw: string): RosterField | "ignored" | undefined {
  const key = headerKey(raw);
  if (IGNORED_HEADERS.has(key)) return "ignored";
  for (const field of FIELD_ORDER) {
    if (HEADER_ALIASES[field].some((alias) => alias.replace(/[^a-z0-9]/g, "") === key)) return field;
  }
  // "Telepon/WhatsApp", "No. HP / WA": every part must name the phone column.
  const parts = raw.split(/[/|]/).map(headerKey).filter(Boolean);
  if (parts.length > 1 && parts.every((p) => HEADER_ALIASES.phone.includes(p))) return "phone";
  return undefined;
}

/**
 * Normalises an Indonesian phone number to "+62…" (digits only after the plus), or returns null when it
 * is not one. Accepts 0…, 62…, +62…, "+62 0…", separators and, because Excel drops a leading zero from
 * numbers, a bare mobile number starting with 8.
 */
export function normalisePhone(raw: string): string | null {
  const compact = raw.replace(/[\s\-.()/]/g, "");
  let national: string;
  if (compact.startsWith("+62")) national = compact.slice(3);
  else if (compact.startsWith("+")) return null;
  else if (compact.startsWith("62")) national = compact.slice(2);
  else if (compact.startsWith("0")) national = compact.slice(1);
  else if (compact.startsWith("8")) national = compact;
  else return null;
  if (national.startsWith("0")) national = national.slice(1);
  return /^[1-9]\d{6,12}$/.test(national) ? `+62${national}` : null;
}

const messages = {
  required: (f: RosterField) => ({
    id: `Kolom ${LABELS[f].id} wajib diisi.`,
    en: `The ${LABELS[f].en} column is required.`,
  }),
  tooLong: (f: RosterField) => ({
    id: `Kolom ${LABELS[f].id} terlalu panjang (maksimal ${MAX_LENGTH[f]} karakter).`,
    en: `The ${LABELS[f].en} column is too long (at most ${MAX_LENGTH[f]} characters).`,
  }),
  email: () => ({ id: "Alamat email tidak valid.", en: "The e-mail address is not valid." }),
  phone: () => ({
    id: "Nomor telepon tidak valid; gunakan nomor Indonesia yang diawali 0 atau +62.",
    en: "The phone number is not valid; use an Indonesian number starting with 0 or +62.",
  }),
  phoneScientific: () => ({
    id: "Nomor telepon ditulis Excel sebagai angka ilmiah (mis. 6,28E+12); format kolom sebagai teks.",
    en: "Excel wrote the phone number in scientific notation (e.g. 6.28E+12); format the column as text.",
  }),
  rank: () => ({
    id: "Urutan harus bilangan bulat 1–9999 atau dikosongkan.",
    en: "The rank must be a whole number 1–9999, or left empty.",
  }),
};
type MessageKey = keyof typeof messages;

const text = (field: RosterField) => z.string().trim().max(MAX_LENGTH[field], { error: "tooLong" });
const requiredText = (field: RosterField) => text(field).min(1, { error: "required", abort: true });
const optionalText = (field: RosterField) => text(field).transform((v) => (v === "" ? null : v));

const rowSchema = z.object({
  name: requiredText("name"),
  title: requiredText("title"),
  institution: optionalText("institution"),
  email: text("email")
    .refine((v) => v === "" || z.email().safeParse(v).success, { error: "email" })
    .transform((v) => (v === "" ? null : v.toLowerCase())),
  phone: text("phone")
    .refine((v) => !/^\d[.,]?\d*e\+?\d+$/i.test(v), { error: "phoneScientific", abort: true })
    .refine((v) => v === "" || normalisePhone(v) !== null, { error: "phone" })
    .transform((v) => (v === "" ? null : normalisePhone(v))),
  needs: optionalText("needs"),
  rank: z
    .string()
    .trim()
    .refine((v) => v === "" || (/^\d{1,4}$/.test(v) && Number(v) >= 1), { error: "rank" })
    .transform((v) => (v === "" ? null : Number(v))),
});

const fileError = (row: number, field: RosterCsvError["field"], id: string, en: string): RosterCsvError => ({
  row,
  field,
  message: { id, en },
});

const isBlank = (record: readonly string[]) => record.every((cell) => cell.trim() === "");

/** Parses and validates a roster CSV. Never throws on bad input: every problem comes back in `errors`. */
export function parseRosterCsv(input: string): RosterCsvResult {
  if (input.length > MAX_ROSTER_CSV_CHARS) {
    return {
      rows: [],
      errors: [
        fileError(
          0,
          "file",
          `Berkas terlalu besar (maksimal ${MAX_ROSTER_CSV_CHARS.toLocaleString("id-ID")} karakter).`,
          `The file is too large (at most ${MAX_ROSTER_CSV_CHARS.toLocaleString("en-GB")} characters).`,
        ),
      ],
    };
  }
  let records: string[][];
  try {
    records = parseCsv(input).records;
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return {
      rows: [],
      errors: [
        error.code === "unterminated_quote"
          ? fileError(
              error.row,
              "file",
              `Tanda kutip (") di baris ${error.row} tidak ditutup.`,
              `A quote (") opened in row ${error.row} is never closed.`,
            )
          : fileError(
              error.row,
              "file",
              `Ada teks setelah tanda kutip penutup di baris ${error.row}.`,
              `There is text after a closing quote in row ${error.row}.`,
            ),
      ],
    };
  }

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
        const key = (issue.message in messages ? issue.message : "required") as MessageKey;
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
