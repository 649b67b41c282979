import { describe, expect, it } from "vitest";
import { suggestPrecedenceRank } from "../../src/delegations/precedence.js";
import {
  MAX_ROSTER_ROWS,
  normalisePhone,
  parseRosterCsv,
  type RosterCsvParticipant,
  rosterToCsv,
} from "../../src/delegations/roster-csv.js";

const GOOD_COMMA = [
  "Nama,Jabatan,Instansi,Email,Telepon,Kebutuhan,Urutan",
  "Ahmad Fauzi,Gubernur Kepulauan Riau,Pemprov Kepri,ahmad@kepriprov.go.id,0812-3456-7890,,",
  "Rina Kusuma,Kepala Dinas Pariwisata,Pemkab Karimun,,+62 813 1111 2222,Vegetarian,5",
  "",
].join("\r\n");

describe("parseRosterCsv", () => {
  it("reads a good comma file with Indonesian headers, suggesting missing ranks from the title", () => {
    const { rows, errors } = parseRosterCsv(GOOD_COMMA);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        name: "Ahmad Fauzi",
        title: "Gubernur Kepulauan Riau",
        institution: "Pemprov Kepri",
        email: "ahmad@kepriprov.go.id",
        phone: "+6281234567890",
        needs: null,
        rank: suggestPrecedenceRank("Gubernur").rank,
        rankSource: "suggested",
      },
      {
        name: "Rina Kusuma",
        title: "Kepala Dinas Pariwisata",
        institution: "Pemkab Karimun",
        email: null,
        phone: "+6281311112222",
        needs: "Vegetarian",
        rank: 5,
        rankSource: "file",
      },
    ]);
  });

  it("accepts English headers, a BOM, and columns in any order; ignores a 'No' column", () => {
    const csv =
      "\uFEFFNo,Title,Name,E-mail,WhatsApp,Institution,Needs,Rank\n1,Regent of Lingga,Hendra Wijaya,,,,,\n";
    const { rows, errors } = parseRosterCsv(csv);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      name: "Hendra Wijaya",
      title: "Regent of Lingga",
      rankSource: "suggested",
    });
    expect(rows[0]?.rank).toBe(suggestPrecedenceRank("Bupati").rank);
  });

  it("reads a semicolon file as Excel writes it in the Indonesian locale", () => {
    const csv =
      "nama;jabatan;hp\r\nSiti Aminah;Wakil Ketua DPRD Provinsi Kepulauan Riau, Fraksi X;081311112222\r\n;;\r\n";
    const { rows, errors } = parseRosterCsv(csv);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({
        name: "Siti Aminah",
        title: "Wakil Ketua DPRD Provinsi Kepulauan Riau, Fraksi X",
        phone: "+6281311112222",
        rank: suggestPrecedenceRank("Wakil Ketua DPRD Provinsi Kepulauan Riau").rank,
      }),
    ]);
  });

  it("reads quoted fields holding separators, quotes and newlines", () => {
    const csv =
      'nama,jabatan,kebutuhan\n"Dr. Yusuf, M.Si.","Pj. Bupati Bintan","Kursi roda;\nmakanan ""halal"""\n';
    const { rows, errors } = parseRosterCsv(csv);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      name: "Dr. Yusuf, M.Si.",
      title: "Pj. Bupati Bintan",
      needs: 'Kursi roda;\nmakanan "halal"',
      rank: suggestPrecedenceRank("Bupati").rank,
    });
  });

  it("lists every bad row by spreadsheet row number (header = row 1) and field, in both languages", () => {
    const csv = [
      "nama,jabatan,email,telepon,urutan",
      "Good Person,Bupati Lingga,good@example.go.id,08123456789,", // row 2
      ",Kepala Bagian,,,", // row 3: no name
      "No Title,,not-an-email,12345,abc", // row 4: title, email, phone, rank
      '"Multi\nLine",Camat,,6.28123E+12,', // row 5 (spans two text lines): a name with a line break, Excel scientific phone
      `Too Long,${"x".repeat(201)},,,`, // row 6
      "Extra,Staf,,,,surplus", // row 7: more cells than header
    ].join("\n");
    const { rows, errors } = parseRosterCsv(csv);
    expect(rows.map((r) => r.name)).toEqual(["Good Person"]);
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [3, "name"],
      [4, "title"],
      [4, "email"],
      [4, "phone"],
      [4, "rank"],
      [5, "name"],
      [5, "phone"],
      [6, "title"],
      [7, "row"],
    ]);
    for (const e of errors) {
      expect(e.message.id.length).toBeGreaterThan(5);
      expect(e.message.en.length).toBeGreaterThan(5);
      expect(e.message.id).not.toBe(e.message.en);
    }
    expect(errors[0]?.message).toEqual({
      id: "Kolom nama wajib diisi.",
      en: "The name column is required.",
    });
    expect(errors[5]?.message.en).toMatch(/single line/);
    expect(errors[6]?.message.en).toMatch(/scientific/);
    expect(errors[7]?.message.en).toMatch(/at most 200/);
  });

  it("rejects unknown, duplicate and missing columns at the header (row 1)", () => {
    const { rows, errors } = parseRosterCsv("nama,golongan,nama\nBudi,IV/a,Budi\n");
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [1, "header"],
      [1, "header"],
      [1, "header"],
    ]);
    expect(errors[0]?.message.en).toContain('Unknown column "golongan"');
    expect(errors[1]?.message.en).toMatch(/more than once/);
    expect(errors[2]?.message.en).toMatch(/no title column/);
  });

  it("refuses more than the maximum number of rows, naming the first row too many", () => {
    const line = "Peserta,Staf";
    const ok = parseRosterCsv(["nama,jabatan", ...Array(MAX_ROSTER_ROWS).fill(line)].join("\n"));
    expect(ok.errors).toEqual([]);
    expect(ok.rows).toHaveLength(MAX_ROSTER_ROWS);
    const tooMany = parseRosterCsv(["nama,jabatan", ...Array(MAX_ROSTER_ROWS + 1).fill(line)].join("\n"));
    expect(tooMany.rows).toEqual([]);
    expect(tooMany.errors).toEqual([expect.objectContaining({ row: MAX_ROSTER_ROWS + 2, field: "file" })]);
  });

  it("reports empty files and broken quoting instead of throwing", () => {
    expect(parseRosterCsv("").errors[0]?.field).toBe("file");
    expect(parseRosterCsv("\uFEFF\r\n\r\n").errors[0]?.message.en).toBe("The file is empty.");
    const broken = parseRosterCsv('nama,jabatan\nBudi,"Bupati\n');
    expect(broken.rows).toEqual([]);
    expect(broken.errors).toEqual([expect.objectContaining({ row: 2, field: "file" })]);
  });
});

describe("normalisePhone", () => {
  it.each([
    ["0812-3456-7890", "+6281234567890"],
    ["+62 812 3456 7890", "+6281234567890"],
    ["+62 (0)812 3456 7890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
    ["81234567890", "+6281234567890"], // Excel dropped the leading zero
    ["(0333) 424-888", "+62333424888"],
  ])("%s → %s", (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
  });

  it.each(["12345", "+60123456789", "0812-ABC", "", "08123"])("rejects %j", (raw) => {
    expect(normalisePhone(raw)).toBeNull();
  });
});

describe("rosterToCsv", () => {
  const roster: RosterCsvParticipant[] = [
    {
      name: "Ahmad Fauzi",
      title: "Gubernur Kepulauan Riau",
      institution: "Pemprov Kepri",
      email: "ahmad@kepriprov.go.id",
      phone: "+6281234567890",
      needs: null,
      rank: 10,
    },
    {
      name: '=HYPERLINK("http://evil","klik")',
      title: "Kepala Bagian, Protokol",
      institution: "@Setda",
      email: null,
      phone: null,
      needs: 'Halal; "tanpa" udang\nkursi roda',
      rank: 180,
    },
    { name: "-Budi", title: "+Staf", rank: null },
  ];

  it("writes a BOM, an Indonesian header and neutralised, quoted cells", () => {
    const csv = rosterToCsv(roster);
    expect(csv.startsWith("\uFEFFnama,jabatan,instansi,email,telepon,kebutuhan,urutan\r\n")).toBe(true);
    expect(csv).toContain("'+6281234567890");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""klik"")"`);
    expect(csv).toContain("'@Setda");
    expect(csv).toContain("'-Budi,'+Staf");
    expect(csv).toContain('"Kepala Bagian, Protokol"');
    expect(rosterToCsv([], { language: "en", separator: ";" })).toBe(
      "\uFEFFname;title;institution;email;phone;needs;rank\r\n",
    );
  });

  it("round-trips: export → import gives the same participants", () => {
    for (const options of [{}, { separator: ";" as const, language: "en" as const }]) {
      const { rows, errors } = parseRosterCsv(rosterToCsv(roster, options));
      expect(errors).toEqual([]);
      expect(rows).toEqual([
        { ...roster[0], rankSource: "file" },
        { ...roster[1], rankSource: "file" },
        {
          name: "-Budi",
          title: "+Staf",
          institution: null,
          email: null,
          phone: null,
          needs: null,
          rank: suggestPrecedenceRank("+Staf").rank,
          rankSource: "suggested",
        },
      ]);
    }
  });
});
