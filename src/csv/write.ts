/**
 * @module Writing CSV for spreadsheets: UTF-8 with a BOM (so Excel reads Indonesian names right), CRLF line
 * ends, quotes where needed (or on every cell), and cells a spreadsheet would run as a formula — starting
 * with `=`, `+`, `-`, `@`, a tab or a carriage return — neutralised with a leading apostrophe (OWASP "CSV
 * injection"); `restoreNeutralised` undoes that on import, so an export round-trips unchanged.
 */
import { BOM, type CsvSeparator } from "./parse";

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

/** One cell, always quoted and neutralised; `null`/`undefined` are empty. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  return `"${neutraliseFormula(text).replaceAll('"', '""')}"`;
}

export interface WriteCsvOptions {
  separator?: CsvSeparator;
  /** Prefix a UTF-8 BOM so Excel reads the file as UTF-8 (default true). */
  bom?: boolean;
  /** Neutralise cells that would run as formulas (default true). */
  neutraliseFormulas?: boolean;
  /** Quote every cell, not only where needed (default false). */
  quoteAll?: boolean;
}

/** Writes records as CSV with CRLF line ends, quoting only where needed. */
export function writeCsv(rows: readonly (readonly string[])[], options: WriteCsvOptions = {}): string {
  const { separator = ",", bom = true, neutraliseFormulas = true, quoteAll = false } = options;
  const quote = (raw: string) => {
    const cell = neutraliseFormulas ? neutraliseFormula(raw) : raw;
    const needsQuotes = quoteAll || cell.includes(separator) || /["\r\n]/.test(cell) || cell !== cell.trim();
    return needsQuotes ? `"${cell.replaceAll('"', '""')}"` : cell;
  };
  const body = rows.map((row) => row.map(quote).join(separator)).join("\r\n");
  return `${bom ? BOM : ""}${body}\r\n`;
}

/** A whole export file: BOM, header row, data rows, every cell quoted; numbers and booleans as text. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  return writeCsv([header, ...rows.map((r) => r.map(text))], { quoteAll: true });
}
