/**
 * @module Generic CSV reading and writing (RFC 4180) for spreadsheets people make in Excel or Google
 * Sheets: quoted fields, doubled quotes, CRLF/LF/CR line ends, newlines inside quotes, UTF-8 with or without
 * a BOM, and comma OR semicolon separators — Excel with Indonesian regional settings writes semicolons
 * because the comma is the decimal mark there. The separator is detected from the header line, counting
 * only characters outside quotes; Excel's optional first line `sep=;` is honoured.
 *
 * Record i (0-based) of `parseCsv` is spreadsheet row i + 1, even when a quoted cell spans several text
 * lines, so callers can report errors by the row number a user sees.
 */

export type CsvSeparator = "," | ";";

interface ParsedCsv {
  separator: CsvSeparator;
  /** Every record, blank ones included (a blank line is an empty spreadsheet row): `[""]`. */
  records: string[][];
}

/** The text is not valid CSV (e.g. a quote that is never closed). `row` is the spreadsheet row. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly code: "unterminated_quote" | "text_after_quote",
    readonly row: number,
  ) {
    super(`CSV syntax error (${code}) in row ${row}`);
    this.name = "CsvSyntaxError";
  }
}

const BOM = "\uFEFF";
const SEP_HINT = /^sep=([,;])\r?\n?/i;

/** Comma or semicolon, whichever occurs more often outside quotes in the first record (comma on a tie). */
export function detectSeparator(text: string): CsvSeparator {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const hint = SEP_HINT.exec(body);
  if (hint) return hint[1] as CsvSeparator;
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of body) {
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === ",") commas++;
    else if (ch === ";") semicolons++;
    else if (ch === "\n" || ch === "\r") break;
  }
  return semicolons > commas ? ";" : ",";
}

/** Parses CSV text; throws CsvSyntaxError on malformed quoting. */
export function parseCsv(input: string, options: { separator?: CsvSeparator } = {}): ParsedCsv {
  let text = input.startsWith(BOM) ? input.slice(1) : input;
  const hint = SEP_HINT.exec(text);
  if (hint) text = text.slice(hint[0].length);
  const separator = options.separator ?? (hint ? (hint[1] as CsvSeparator) : detectSeparator(text));

  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let wasQuoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = "";
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };

  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && field === "" && !wasQuoted) {
      // Quoted field: runs to the next lone quote; "" is a literal quote.
      const startRow = records.length + 1;
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvSyntaxError("unterminated_quote", startRow);
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === "\r" && text[i + 1] === "\n") {
          field += "\n";
          i += 2;
          continue;
        }
        field += c;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== separator && next !== "\r" && next !== "\n") {
        throw new CsvSyntaxError("text_after_quote", records.length + 1);
      }
      wasQuoted = true;
      continue;
    }
    if (ch === separator) {
      endField();
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== "" || wasQuoted || record.length > 0) endRecord();
  return { separator, records };
}

/** A cell starting with one of these is run as a formula by spreadsheet programs (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes an apostrophe to a cell a spreadsheet would evaluate; Excel and Sheets hide the apostrophe. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Undoes `neutraliseFormula` on import, so an export round-trips unchanged. */
export function restoreNeutralised(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

interface WriteCsvOptions {
  separator?: CsvSeparator;
  /** Prefix a UTF-8 BOM so Excel reads the file as UTF-8 (default true). */
  bom?: boolean;
  /** Neutralise cells that would run as formulas (default true). */
  neutraliseFormulas?: boolean;
}

/** Writes records as CSV with CRLF line ends, quoting only where needed. */
export function writeCsv(rows: readonly (readonly string[])[], options: WriteCsvOptions = {}): string {
  const { separator = ",", bom = true, neutraliseFormulas = true } = options;
  const quote = (raw: string) => {
    const cell = neutraliseFormulas ? neutraliseFormula(raw) : raw;
    const needsQuotes = cell.includes(separator) || /["\r\n]/.test(cell) || cell !== cell.trim();
    return needsQuotes ? `"${cell.replaceAll('"', '""')}"` : cell;
  };
  const body = rows.map((row) => row.map(quote).join(separator)).join("\r\n");
  return `${bom ? BOM : ""}${body}\r\n`;
}
