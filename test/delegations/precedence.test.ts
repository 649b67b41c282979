import { describe, expect, it } from "vitest";
import {
  compareByPrecedence,
  PRECEDENCE_TABLE,
  suggestPrecedenceRank,
  UNKNOWN_RANK,
} from "../../src/delegations/precedence.js";

const rank = (title: string) => suggestPrecedenceRank(title).rank;
const rankOf = (office: string, scope?: string) => {
  const rule = PRECEDENCE_TABLE.find((r) => r.office.startsWith(office) && (!scope || r.scope === scope));
  if (!rule) throw new Error(`no rule for ${office}`);
  return rule.rank;
};

describe("suggestPrecedenceRank", () => {
  it("follows the documented chain for regional officials (lower = more senior)", () => {
    const chain = [
      "Gubernur Jawa Timur",
      "Wakil Gubernur Jawa Timur",
      "Ketua DPRD Provinsi Jawa Timur",
      "Wakil Ketua DPRD Provinsi Jawa Timur",
      "Sekretaris Daerah Provinsi Jawa Timur",
      "Anggota DPRD Provinsi Jawa Timur",
      "Bupati Banyuwangi",
      "Wakil Bupati Banyuwangi",
      "Ketua DPRD Kabupaten Banyuwangi",
      "Wakil Ketua DPRD Kabupaten Banyuwangi",
      "Sekretaris Daerah Kabupaten Banyuwangi",
      "Anggota DPRD Kabupaten Banyuwangi",
      "Kepala Dinas Pariwisata Provinsi Jawa Timur",
      "Kepala Dinas Pariwisata Kabupaten Banyuwangi",
      "Kepala Bagian Protokol Setda Provinsi Jawa Timur",
      "Kepala Bagian Protokol dan Komunikasi Pimpinan",
      "Kepala Desa Kemiren",
      "Staf Bagian Protokol",
      "Wartawan",
    ];
    const ranks = chain.map(rank);
    for (let i = 1; i < ranks.length; i++) {
      expect(ranks[i], `${chain[i - 1]} should precede ${chain[i]}`).toBeGreaterThan(ranks[i - 1] ?? 0);
    }
    expect(rank("Wartawan")).toBe(UNKNOWN_RANK);
  });

  it("gives a wali kota and a bupati, and their deputies, the same rank", () => {
    expect(rank("Wali Kota Batam")).toBe(rank("Bupati Karimun"));
    expect(rank("Walikota Tanjung Pinang")).toBe(rank("Bupati Karimun"));
    expect(rank("Wakil Wali Kota Batam")).toBe(rank("Wakil Bupati Natuna"));
    expect(rank("Mayor of Batam")).toBe(rank("Regent of Karimun"));
  });

  it("matches the most specific rule: 'Wakil Ketua DPRD' is not 'Ketua DPRD', 'Wakil Bupati' is not 'Bupati'", () => {
    expect(rank("Wakil Ketua DPRD Provinsi Kepulauan Riau")).toBe(rankOf("Wakil Ketua DPRD Provinsi"));
    expect(rank("Ketua DPRD Provinsi Kepulauan Riau")).toBe(rankOf("Ketua DPRD Provinsi"));
    expect(rank("Wakil Bupati Kepulauan Anambas")).toBe(rankOf("Wakil Bupati"));
    expect(rank("Wakil Gubernur Kepulauan Riau")).toBe(rankOf("Wakil Gubernur"));
    expect(rank("Mantan Gubernur Kepulauan Riau")).toBe(rankOf("Mantan Gubernur"));
    expect(rank("Sekretaris DPRD Kabupaten Karimun")).toBe(rankOf("Kepala Dinas/Badan/Perangkat"));
    expect(rank("Inspektur Pembantu Wilayah I")).toBe(rankOf("Kepala Bagian/Bidang, Camat"));
  });

  it("reads the title from its head: an aide or an expert of the governor is not the governor", () => {
    expect(rank("Ajudan Gubernur Kepulauan Riau")).toBe(900);
    expect(rank("Aide to the Governor")).toBe(900);
    expect(rank("Staf Ahli Gubernur Bidang Ekonomi")).toBe(rankOf("Kepala Dinas/Badan/Biro", "provinsi"));
    expect(rank("Ketua Komisi II DPRD Provinsi Kepulauan Riau")).toBe(rankOf("Anggota DPRD Provinsi"));
    expect(rank("Ketua TP PKK Kabupaten Lingga")).toBe(UNKNOWN_RANK);
  });

  it("is case-insensitive and understands English titles and abbreviations", () => {
    expect(rank("GUBERNUR KEPULAUAN RIAU")).toBe(rankOf("Gubernur"));
    expect(rank("Governor of the Riau Islands")).toBe(rankOf("Gubernur"));
    expect(rank("Vice Governor")).toBe(rankOf("Wakil Gubernur"));
    expect(rank("Vice-Governor of Riau Islands")).toBe(rankOf("Wakil Gubernur"));
    expect(rank("Wagub Kepri")).toBe(rankOf("Wakil Gubernur"));
    expect(rank("Regent of Karimun")).toBe(rankOf("Bupati"));
    expect(rank("Vice Regent of Natuna")).toBe(rankOf("Wakil Bupati"));
    expect(rank("Deputy Mayor of Batam")).toBe(rankOf("Wakil Bupati"));
    expect(rank("Wabup Anambas")).toBe(rankOf("Wakil Bupati"));
    expect(rank("Sekda Kab. Karimun")).toBe(rankOf("Sekretaris Daerah Kabupaten"));
    expect(rank("Sekda Kepri")).toBe(rankOf("Sekretaris Daerah Provinsi"));
    expect(rank("Regional Secretary of Riau Islands Province")).toBe(rankOf("Sekretaris Daerah Provinsi"));
    expect(rank("Kadis Pariwisata Kab. Lingga")).toBe(rankOf("Kepala Dinas/Badan/Perangkat"));
    expect(rank("Kadis Pariwisata Prov. Kepri")).toBe(rankOf("Kepala Dinas/Badan/Biro", "provinsi"));
    expect(rank("Head of Agency")).toBe(rankOf("Kepala Dinas/Badan/Perangkat"));
    expect(rank("Head of the Regional Development Planning Agency")).toBe(
      rankOf("Kepala Dinas/Badan/Perangkat"),
    );
    expect(rank("Head of Division, Tourism Agency")).toBe(rankOf("Kepala Bagian/Bidang, Camat"));
    expect(rank("Vice Chair of the Provincial DPRD")).toBe(rankOf("Wakil Ketua DPRD Provinsi"));
    expect(rank("Vice-Chair, Riau Islands Provincial Parliament")).toBe(rankOf("Wakil Ketua DPRD Provinsi"));
    expect(rank("Chairman of Karimun Regency DPRD")).toBe(rankOf("Ketua DPRD Kabupaten"));
    expect(rank("Wakil Ketua Dewan Perwakilan Rakyat Daerah Kota Batam")).toBe(
      rankOf("Wakil Ketua DPRD Kabupaten"),
    );
    expect(rank("Ketua DPRA")).toBe(rankOf("Ketua DPRD Provinsi"));
    expect(rank("Wakil Ketua II DPRD Kab. Natuna")).toBe(rankOf("Wakil Ketua DPRD Kabupaten"));
    expect(rank("Kepala Dinas Pariwisata Daerah Khusus Ibu Kota Jakarta")).toBe(
      rankOf("Kepala Dinas/Badan/Biro", "provinsi"),
    );
  });

  it("picks the level from the first level word: a regency DPRD 'in' a province is a regency DPRD", () => {
    expect(rank("Ketua DPRD Kabupaten Karimun Provinsi Kepulauan Riau")).toBe(rankOf("Ketua DPRD Kabupaten"));
    expect(rank("Ketua DPRD Karimun")).toBe(rankOf("Ketua DPRD Kabupaten"));
    expect(rank("Ketua DPRD Kepulauan Riau")).toBe(rankOf("Ketua DPRD Provinsi"));
  });

  it("ranks acting officials (Plt., Plh., Pj.) as the office and says so", () => {
    const pj = suggestPrecedenceRank("Pj. Bupati Bintan");
    expect(pj.rank).toBe(rankOf("Bupati"));
    expect(pj.basis).toMatch(/acting/);
    expect(rank("Plt. Kepala Dinas Pariwisata Kabupaten Natuna")).toBe(
      rankOf("Kepala Dinas/Badan/Perangkat"),
    );
    expect(rank("Plh Sekda Provinsi Kepulauan Riau")).toBe(rankOf("Sekretaris Daerah Provinsi"));
    expect(rank("Acting Regent of Bintan")).toBe(rankOf("Bupati"));
    expect(rank("Penjabat Gubernur Papua Pegunungan")).toBe(rankOf("Gubernur"));
    expect(suggestPrecedenceRank("Bupati Bintan").basis).not.toMatch(/acting/);
  });

  it("cites its basis and gives unknown or empty titles the default low rank", () => {
    expect(suggestPrecedenceRank("Gubernur").basis).toContain("UU 9/2010 Pasal 10 ayat (1) huruf a");
    expect(suggestPrecedenceRank("Bupati Lingga").basis).toContain("Pasal 11 ayat (1) huruf a");
    expect(suggestPrecedenceRank("")).toEqual({
      rank: UNKNOWN_RANK,
      basis: expect.stringMatching(/tidak dikenali/),
    });
    expect(rank("Konsultan")).toBe(UNKNOWN_RANK);
    expect(rank("Pj.")).toBe(UNKNOWN_RANK);
  });

  it("documents every rule with a basis and anchored patterns, ranks ascending", () => {
    let previous = 0;
    for (const rule of PRECEDENCE_TABLE) {
      expect(rule.basis).toMatch(/UU 9\/2010|Konvensi Sambang/);
      expect(rule.rank).toBeGreaterThanOrEqual(previous);
      expect(rule.rank).toBeLessThan(UNKNOWN_RANK);
      for (const pattern of rule.patterns) expect(pattern.source.startsWith("^")).toBe(true);
      previous = rule.rank;
    }
  });
});

describe("compareByPrecedence — the Kepulauan Riau delegation (seed story)", () => {
  const roster = [
    { name: "Rina Kusuma", title: "Kepala Dinas Pariwisata Kabupaten Karimun" },
    { name: "Bambang Sutrisno", title: "Wakil Bupati Kepulauan Anambas" },
    { name: "Yusuf Hamzah", title: "Pj. Bupati Bintan" },
    { name: "Dedi Firmansyah", title: "Head of Agency, Regional Development Planning (Bappeda) Lingga" },
    { name: "Siti Aminah", title: "Wakil Ketua DPRD Provinsi Kepulauan Riau" },
    { name: "Agus Salim", title: "Vice Regent of Natuna" },
    { name: "Hendra Wijaya", title: "Regent of Lingga" },
    { name: "Ahmad Fauzi", title: "Governor of Kepulauan Riau" },
    { name: "Fitri Handayani", title: "Staf Protokol Pemprov Kepri" },
    { name: "Muhammad Rizal", title: "Bupati Karimun" },
  ].map((p) => ({ ...p, rank: suggestPrecedenceRank(p.title).rank }));

  it("sorts governor, DPRD vice-chair, regents (by name), vice-regents, agency heads, staff", () => {
    const sorted = [...roster].sort(compareByPrecedence).map((p) => p.name);
    expect(sorted).toEqual([
      "Ahmad Fauzi", // Governor
      "Siti Aminah", // Wakil Ketua DPRD Provinsi
      "Hendra Wijaya", // Regent of Lingga
      "Muhammad Rizal", // Bupati Karimun
      "Yusuf Hamzah", // Pj. Bupati Bintan
      "Agus Salim", // Vice Regent of Natuna
      "Bambang Sutrisno", // Wakil Bupati Anambas
      "Dedi Firmansyah", // agency head
      "Rina Kusuma", // agency head
      "Fitri Handayani", // staff
    ]);
  });

  it("puts a missing rank last and breaks ties by name, ignoring case", () => {
    const people = [
      { name: "zaenal", rank: null },
      { name: "Budi" },
      { name: "ani", rank: 80 },
      { name: "Bayu", rank: 80 },
    ];
    expect([...people].sort(compareByPrecedence).map((p) => p.name)).toEqual([
      "ani",
      "Bayu",
      "Budi",
      "zaenal",
    ]);
    expect(compareByPrecedence({ name: "A", rank: 10 }, { name: "A", rank: 10 })).toBe(0);
  });
});
