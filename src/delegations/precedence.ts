/**
 * @module Protocol precedence (tata tempat) suggested from a participant's job title, so a visiting
 * delegation's roster can be seated and introduced in order. A LOWER rank means HIGHER precedence. It is a
 * suggestion only: protocol staff can always override a participant's rank.
 *
 * Sources and what is taken from them:
 * - UU No. 9 Tahun 2010 tentang Keprotokolan. Pasal 9 ayat (1) orders officials at national level;
 *   Pasal 10 ayat (1) orders officials at an official event in a province (huruf a–q) and Pasal 11 ayat (1)
 *   at an event in a kabupaten/kota (huruf a–m); Pasal 11 ayat (2) seats officials of Pasal 9 (1) and
 *   Pasal 10 (1) before the kabupaten/kota's own. The `basis` of each row below names the letter it rests on.
 * - PP No. 62 Tahun 1990 tentang Ketentuan Keprotokolan mengenai Tata Tempat, Tata Upacara, dan Tata
 *   Penghormatan, as amended by PP No. 39 Tahun 2018, is the implementing regulation in force for seating,
 *   ceremonies and honours. No rank below relies on a specific article of it; cited for completeness.
 *
 * The table (data in `precedence-table.ts`; "P10 a" = UU 9/2010 Pasal 10 ayat (1) huruf a):
 *    10 Gubernur (P10 a)                          20 Wakil Gubernur (P10 b)
 *    30 Mantan Gubernur / Wakil Gubernur (P10 c)  40 Ketua DPRD Provinsi (P10 d)
 *    50 Wakil Ketua DPRD Provinsi (P10 f)         60 Sekda Provinsi + Forkopimda provinsi (P10 g)
 *    70 Anggota DPRD Provinsi (P10 i)             80 Bupati / Wali Kota (P10 j, P11 a)
 *    90 Wakil Bupati / Wakil Wali Kota (P11 b)    100 Mantan Bupati / Wali Kota (P11 c)
 *   110 Ketua DPRD Kab/Kota (P11 d)               120 Wakil Ketua DPRD Kab/Kota (P11 e)
 *   130 Sekda Kab/Kota + Forkopimda kab/kota (P11 f)
 *   140 Anggota DPRD Kab/Kota (P11 h)
 *   150 Kepala Dinas/Badan/Biro, Asisten, Staf Ahli, eselon II — provinsi (P10 p)
 *   160 Kepala Dinas/Badan/Perangkat Daerah, Asisten, eselon II — kab/kota (P11 j)
 *   170 Kepala Bagian/Bidang, eselon III — provinsi (P10 q)
 *   180 Kepala Bagian/Bidang, Camat, eselon III — kab/kota (P11 l)
 *   190 Kepala Seksi/Subbagian, Lurah, Kepala Desa, eselon IV (P11 m)
 *   900 staff, functional officials, aides (house)   1000 UNKNOWN_RANK (house)
 *
 * House conventions (NOT from the regulations; choices of this app, recorded so they can be challenged):
 * 1. A studi banding is hosted by a kabupaten (Banyuwangi), so kabupaten/kota officials are ordered by
 *    Pasal 11 (1) — Wakil Bupati above Ketua DPRD kab/kota — while provincial officials come first, in the
 *    order of Pasal 10 (1) a–i (Pasal 10 (1) itself puts Ketua DPRD kab/kota, huruf m, above Wakil Bupati,
 *    huruf n; we do not follow that inside the kabupaten block).
 * 2. Where one letter of the law groups several offices (Sekda with the Forkopimda heads), they share a
 *    rank; `compareByPrecedence` then orders by name.
 * 3. Provincial eselon II/III officials (Pasal 10 (1) p, q) sit just above their kabupaten/kota peers
 *    (Pasal 11 (1) j, l); eselon IV, lurah and kepala desa (Pasal 11 (1) m) follow.
 * 4. Acting holders — Plt. (pelaksana tugas), Plh. (pelaksana harian), Pj./Pjs. (penjabat) — rank as the
 *    office they hold: "Pj. Bupati Bintan" ranks as Bupati. Protocol practice seats whoever holds the office
 *    in its place; the basis says "acting" so staff can see it.
 * 5. Staff and functional officials rank 900; an unrecognised title gets UNKNOWN_RANK (1000), last.
 * Letters of Pasal 10/11 with no counterpart in a delegation's roster are left out (former officials are
 *   kept so "Mantan Gubernur" does not match "Gubernur"; consular heads, party leaders, BPK/BI/KPU heads,
 *   religious and adat leaders are not recognised and fall to UNKNOWN_RANK).
 *
 * Matching: the title is normalised (case, accents, punctuation, common Indonesian and English
 * abbreviations), an acting prefix is stripped, and every rule is tried ANCHORED AT THE START of the title —
 * Indonesian and English titles both lead with the office ("Ajudan Gubernur" is an aide, not a governor) —
 * and the longest match wins, so "Wakil Ketua DPRD" never loses to "Ketua DPRD". Rules that exist at both
 * levels (DPRD, Sekda, eselon II/III) pick provincial or kabupaten/kota from the first level word in the
 * title ("Ketua DPRD Kabupaten Karimun Provinsi Kepulauan Riau" is kabupaten), else from a bare province
 * name ("Sekda Kepulauan Riau"), else kabupaten/kota.
 */
import { listProvinces } from "../regions/regions.js";
import {
  PRECEDENCE_TABLE,
  type PrecedenceRule,
  type PrecedenceScope,
  UNKNOWN_RANK,
} from "./precedence-table.js";

export { PRECEDENCE_TABLE, type PrecedenceRule, type PrecedenceScope, UNKNOWN_RANK };

/** Lower-cases, strips accents and punctuation, and spells out abbreviations the rules rely on. */
export function normaliseTitle(title: string): string {
  return ` ${title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()} `
    .replace(/['’`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/ dewan perwakilan rakyat daerah /g, " dprd ")
    .replace(/ dewan perwakilan rakyat aceh /g, " dpra ")
    .replace(/ dewan perwakilan rakyat papua barat /g, " dprpb ")
    .replace(/ dewan perwakilan rakyat papua /g, " dprp ")
    .replace(
      / (regional|provincial|regency|city|municipal) (parliament|legislature|legislative council|house of representatives|peoples representative council) /g,
      " $1 dprd ",
    )
    .replace(/ wali kota /g, " walikota ")
    .replace(/ sekretaris daerah /g, " sekda ")
    .replace(/ ibu kota /g, " ibukota ")
    .replace(/ prov /g, " provinsi ")
    .replace(/ (kab|kabu) /g, " kabupaten ")
    .replace(/ (vice|deputy) (chair|chairman|chairwoman|chairperson|speaker) /g, " $1 $2 ")
    .replace(/\s+/g, " ")
    .trim();
}

const UNKNOWN_BASIS = "Jabatan tidak dikenali — urutan terakhir (konvensi Sambang)";

const ACTING_PREFIX =
  /^(?:(?:the|yth) )?(?:plt|plh|pj|pjs|pelaksana tugas|pelaksana harian|penjabat sementara|penjabat|acting|interim) /;
const LEADING_NOISE = /^(?:the|yth|bapak|ibu) /;

/** Level words; an office of the governor (staf ahli gubernur) or the regent counts as one too. */
const PROVINCE_WORDS =
  /\b(?:provinsi|province|provincial|sekdaprov|sekprov|setdaprov|pemprov|gubernur|governor|dki|diy|daerah khusus|daerah istimewa)\b/;
const KABKOTA_WORDS =
  /\b(?:kabupaten|kota|regency|city|municipal|municipality|sekdakab|sekkab|sekdakot|sekkot|setdakab|setdakot|pemkab|pemkot|bupati|walikota|regent|mayor|dprk)\b/;
/** Province names and common short forms, normalised, for a bare "Sekda Kepulauan Riau". */
const PROVINCE_NAMES = new Set([
  ...listProvinces().map((p) => normaliseTitle(p.name)),
  ...[
    "dki jakarta",
    "jakarta",
    "diy",
    "kepri",
    "riau islands",
    "babel",
    "sumut",
    "sumbar",
    "sumsel",
    "jabar",
  ],
  ...[
    "jateng",
    "jatim",
    "east java",
    "central java",
    "west java",
    "ntb",
    "ntt",
    "kalbar",
    "kalteng",
    "kalsel",
  ],
  ...["kaltim", "kaltara", "sulut", "sulteng", "sulsel", "sultra", "sulbar", "malut", "aceh", "papua"],
]);

/** The first level word decides ("... Kabupaten Karimun Provinsi Kepulauan Riau" is kabupaten). */
function scopeOf(title: string, matchedLength: number): PrecedenceScope {
  const province = title.search(PROVINCE_WORDS);
  const kabKota = title.search(KABKOTA_WORDS);
  if (province >= 0 && (kabKota < 0 || province < kabKota)) return "provinsi";
  if (kabKota >= 0) return "kabupaten/kota";
  if (/\b(?:dpra|dprp|dprpb)\b/.test(title)) return "provinsi";
  const place = title
    .slice(matchedLength)
    .replace(/^(?:of )?(?:the )?/, "")
    .trim();
  return PROVINCE_NAMES.has(place) ? "provinsi" : "kabupaten/kota";
}

/**
 * Suggests a precedence rank for a job title (lower = more senior) and says which rule gave it.
 * Never throws; an empty or unrecognised title gets UNKNOWN_RANK.
 */
export function suggestPrecedenceRank(title: string): { rank: number; basis: string } {
  let text = normaliseTitle(title);
  let acting = false;
  for (;;) {
    const noise = LEADING_NOISE.exec(text) ?? ACTING_PREFIX.exec(text);
    if (!noise) break;
    if (ACTING_PREFIX.test(text)) acting = true;
    text = text.slice(noise[0].length);
  }

  let best: { rule: PrecedenceRule; length: number } | undefined;
  for (const rule of PRECEDENCE_TABLE) {
    for (const pattern of rule.patterns) {
      const match = pattern.exec(text);
      if (!match) continue;
      if (rule.scope) {
        if (rule.scope !== scopeOf(text, match[0].length)) continue;
      }
      if (!best || match[0].length > best.length) best = { rule, length: match[0].length };
    }
  }
  if (!best) return { rank: UNKNOWN_RANK, basis: UNKNOWN_BASIS };
  const basis = `${best.rule.office} — ${best.rule.basis}`;
  return {
    rank: best.rule.rank,
    basis: acting ? `${basis}; pejabat Plt./Plh./Pj. (acting) — konvensi Sambang 4` : basis,
  };
}

interface Ranked {
  /** Missing ranks sort last, as UNKNOWN_RANK. */
  rank?: number | null;
  name: string;
}

const collator = new Intl.Collator("id", { sensitivity: "base", numeric: true });

/** For `Array.prototype.sort`: by rank (most senior first), then by name (Indonesian collation). */
export function compareByPrecedence(a: Ranked, b: Ranked): number {
  const byRank = (a.rank ?? UNKNOWN_RANK) - (b.rank ?? UNKNOWN_RANK);
  return byRank !== 0 ? byRank : collator.compare(a.name, b.name);
}
