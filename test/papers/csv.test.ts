/**
 * CSV as a spreadsheet reads it: BOM, every field quoted, quotes doubled, and formula starters neutralised.
 */
import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../../src/csv/write";
import { readCsv } from "../helpers/read-csv";

describe("CSV cells", () => {
  it("quotes every field and doubles quotes", () => {
    expect(csvCell('Kepala "Dinas", Kominfo')).toBe('"Kepala ""Dinas"", Kominfo"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(3)).toBe('"3"');
  });

  it.each(['=HYPERLINK("http://x")', "+62 812", "-1+2", "@SUM(A1)", "\tTab", "\rCR"])(
    "neutralises %j",
    (value) => {
      expect(csvCell(value)).toBe(`"'${value.replaceAll('"', '""')}"`);
    },
  );

  it("writes a BOM, CRLF lines, and reads back to the same cells", () => {
    const text = toCsv(
      ["Nama", "Catatan"],
      [
        ["Sri Ayu", "baris 1\nbaris 2"],
        ["=1+1", 'kata "kutip"'],
      ],
    );
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(readCsv(text.slice(1))).toEqual([
      ["Nama", "Catatan"],
      ["Sri Ayu", "baris 1\nbaris 2"],
      ["'=1+1", 'kata "kutip"'],
    ]);
  });
});
