import { describe, expect, it } from "vitest";
import { CsvSyntaxError, detectSeparator, parseCsv, readCsvRecords } from "../../src/csv/parse";
import { neutraliseFormula, restoreNeutralised, writeCsv } from "../../src/csv/write";

describe("parseCsv", () => {
  it("reads plain comma-separated records with LF or CRLF and no trailing empty record", () => {
    expect(parseCsv("a,b\n1,2\n").records).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseCsv("a,b\r\n1,2").records).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseCsv("a,b\r1,2\r").records).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("handles quoted fields: separators, doubled quotes, embedded newlines, empty quoted cells", () => {
    const { records } = parseCsv('name,note\r\n"Sari, S.E.","He said ""hi""\r\nthen left"\r\n"",x\r\n');
    expect(records).toEqual([
      ["name", "note"],
      ["Sari, S.E.", 'He said "hi"\nthen left'],
      ["", "x"],
    ]);
  });

  it("keeps empty cells and blank lines, so record index + 1 is the spreadsheet row", () => {
    expect(parseCsv("a,,c\n\n,,\n").records).toEqual([["a", "", "c"], [""], ["", "", ""]]);
    expect(parseCsv('a\n"x\ny"\nz').records).toEqual([["a"], ["x\ny"], ["z"]]);
  });

  it("strips a UTF-8 BOM and keeps non-ASCII text", () => {
    const { records } = parseCsv("\uFEFFnama,kota\nI Gusti Ngurah Rai,Denpasar\nĀ,ü\n");
    expect(records[0]).toEqual(["nama", "kota"]);
    expect(records[2]).toEqual(["Ā", "ü"]);
  });

  it("detects a semicolon separator from the header, ignoring separators inside quotes", () => {
    expect(detectSeparator("nama;jabatan;instansi\n1,5;2;3")).toBe(";");
    expect(detectSeparator('"a;b;c",d\n')).toBe(",");
    expect(detectSeparator('"x,y,z";"p";q\n')).toBe(";");
    expect(detectSeparator("\uFEFFnama;jabatan\n")).toBe(";");
    expect(detectSeparator("single\n")).toBe(",");
    const parsed = parseCsv('nama;jabatan\n"Budi; Jr.";Bupati, Kab. Lingga\n');
    expect(parsed.separator).toBe(";");
    expect(parsed.records[1]).toEqual(["Budi; Jr.", "Bupati, Kab. Lingga"]);
  });

  it("honours Excel's sep= hint line", () => {
    const parsed = parseCsv("sep=;\r\na,b;c\r\n");
    expect(parsed.separator).toBe(";");
    expect(parsed.records).toEqual([["a,b", "c"]]);
  });

  it("rejects an unterminated quote or text after a closing quote, naming the row", () => {
    expect(() => parseCsv('a\nb\n"open\nstill open')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a\nb\n"open\nstill open');
    } catch (e) {
      expect(e).toMatchObject({ code: "unterminated_quote", row: 3 });
    }
    expect(() => parseCsv('a\n"x"y,z')).toThrow(
      expect.objectContaining({ code: "text_after_quote", row: 2 }),
    );
  });

  it("keeps a quote inside an unquoted field literally (as Excel does)", () => {
    expect(parseCsv('layar 5" lebar,b').records).toEqual([['layar 5" lebar', "b"]]);
  });
});

describe("writeCsv", () => {
  it("writes a BOM, CRLF, and quotes only what needs quoting", () => {
    const csv = writeCsv([
      ["a", "b,c", 'say "x"'],
      ["line\nbreak", " padded", ""],
    ]);
    expect(csv).toBe('\uFEFFa,"b,c","say ""x"""\r\n"line\nbreak"," padded",\r\n');
    expect(writeCsv([["a;b", "c,d"]], { separator: ";", bom: false })).toBe('"a;b";c,d\r\n');
  });

  it("neutralises formula cells and round-trips through parseCsv", () => {
    const rows = [
      ['=HYPERLINK("http://x")', "+62812", "-1", "@SUM(A1)", "plain", "a=b"],
      ['quote "q"', "multi\nline", "semi;colon", "comma,here", "", "ok"],
    ];
    const csv = writeCsv(rows);
    expect(csv).toContain("'=HYPERLINK");
    expect(csv).toContain("'+62812");
    expect(csv).toContain("'-1");
    expect(csv).toContain("'@SUM(A1)");
    expect(csv).not.toContain("'plain");
    expect(csv).not.toContain("'a=b");
    const back = parseCsv(csv).records.map((r) => r.map(restoreNeutralised));
    expect(back).toEqual(rows);
  });

  it("neutraliseFormula / restoreNeutralised are inverse and leave ordinary apostrophes alone", () => {
    for (const cell of ["=1+1", "+1", "-x", "@a", "\tx", "normal", "'quoted", "O'Brien"]) {
      expect(restoreNeutralised(neutraliseFormula(cell))).toBe(cell);
    }
    expect(neutraliseFormula("=1+1")).toBe("'=1+1");
    expect(restoreNeutralised("'quoted")).toBe("'quoted");
  });
});

describe("readCsvRecords", () => {
  it("gives the records, or a bilingual reason with the row: too large, a quote never closed, text after a quote", () => {
    expect(readCsvRecords("a;b\n1;2\n", 100)).toEqual({
      ok: true,
      records: [
        ["a", "b"],
        ["1", "2"],
      ],
    });
    const big = readCsvRecords("x".repeat(101), 100);
    expect(big).toMatchObject({ ok: false, row: 0 });
    expect(big.ok ? "" : big.message.id).toBe("Berkas terlalu besar (maksimal 100 karakter).");
    const open = readCsvRecords('a;b\n1;"2\n', 100);
    expect(open).toMatchObject({ ok: false, row: 2 });
    expect(open.ok ? "" : open.message.en).toBe('A quote (") opened in row 2 is never closed.');
    const after = readCsvRecords('a;b\n1;"2"x\n', 100);
    expect(after.ok ? "" : after.message.id).toBe("Ada teks setelah tanda kutip penutup di baris 2.");
  });
});
