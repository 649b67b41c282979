/**
 * @module The precedence table itself (data): one row per office, highest precedence first, each citing
 * the letter of UU 9/2010 Pasal 10 ayat (1) / Pasal 11 ayat (1) it rests on or the house convention
 * ("konvensi Sambang N") described in `precedence.ts`, which also explains how titles are matched.
 */
export type PrecedenceScope = "provinsi" | "kabupaten/kota";

export interface PrecedenceRule {
  rank: number;
  /** The office, in Indonesian. */
  office: string;
  /** Where the rank comes from: an article of UU 9/2010, or "Konvensi Sambang" for a house convention. */
  basis: string;
  /** Only for offices that exist at both levels. */
  scope?: PrecedenceScope;
  /** Tested against the normalised title (see `normaliseTitle`); each must start with `^`. */
  patterns: readonly RegExp[];
}

export const UNKNOWN_RANK = 1000;

const DPRD = "(?:dprd|dpra|dprk|dprp|dprpb)";
const CHAIR = "(?:chair|chairman|chairwoman|chairperson|speaker)";
const EN_LEVEL = "(?:(?:provincial|regency|city|regional) )?";
/** Sub-bodies of a DPRD: their chairs are ordinary members for seating. */
const NOT_SUBBODY = "(?!.*\\b(?:commission|faction|committee)\\b)";

const re = (source: string) => new RegExp(`^(?:${source})\\b`);

const dprdChair = [
  re(`ketua ${DPRD}`),
  re(`${CHAIR} (?:of )?${NOT_SUBBODY}.*?\\bdprd`),
  re(`${EN_LEVEL}dprd ${CHAIR}`),
];
const dprdViceChair = [
  re(`wakil ketua (?:[ivx]+ |[1-9] )?${DPRD}`),
  re(`(?:vice|deputy) ${CHAIR} (?:of )?${NOT_SUBBODY}.*?\\bdprd`),
  re(`${EN_LEVEL}dprd (?:vice|deputy) ${CHAIR}`),
];
const dprdMember = [
  re(`anggota ${DPRD}`),
  re(`(?:ketua|wakil ketua|sekretaris|anggota) (?:komisi|fraksi|badan|pansus|panitia)\\b.*?\\b${DPRD}`),
  re(`member of (?:the )?.*?\\bdprd`),
  re(`${EN_LEVEL}dprd member`),
];
const sekda = [re("sekda|sekdaprov|sekprov|sekdakab|sekkab|sekdakot|sekkot|regional secretary")];
const eselon2 = [
  re("kepala (?:dinas|badan|biro|perangkat daerah|satuan polisi pamong praja|satpol pp|inspektorat)"),
  re("kadis|kadin|kaban|karo|kasatpol pp|kasatpol|inspektur|inspektur daerah|asisten|staf ahli"),
  re(`sekretaris ${DPRD}|sekretaris dewan|sekwan|direktur rsud|direktur rumah sakit|kepala pelaksana bpbd`),
  re(
    "head of (?:the )?(?!.*\\b(?:division|section|subdivision|subsection|unit|village|district)\\b).*?\\b(?:agency|department|service|bureau|board|inspectorate)",
  ),
  re("regional inspector|expert staff|assistant to the regional secretary|assistant regional secretary"),
];
const eselon3 = [
  re("kepala (?:bagian|bidang|kantor|upt|unit pelaksana teknis)|kabag|kabid|camat|inspektur pembantu|irban"),
  re("sekretaris (?:dinas|badan|inspektorat|kecamatan)|sekdis|sekban"),
  re("head of (?:the )?(?:division|office|technical unit|sub ?district)|district head|agency secretary"),
];
const forkopimdaProvinsi = [
  re("kapolda|kepala kepolisian daerah|pangdam|panglima (?:kodam|komando daerah militer)"),
  re("kajati|kepala kejaksaan tinggi|ketua pengadilan tinggi"),
];
const forkopimdaKabKota = [
  re("kapolres|kapolresta|kepala kepolisian resor|dandim|komandan (?:kodim|distrik militer)"),
  re("kajari|kepala kejaksaan negeri|ketua pengadilan negeri"),
];

/** The table, highest precedence first. Ranks leave gaps of 10 so local rules can be inserted. */
export const PRECEDENCE_TABLE: readonly PrecedenceRule[] = [
  {
    rank: 10,
    office: "Gubernur",
    basis: "UU 9/2010 Pasal 10 ayat (1) huruf a",
    patterns: [re("gubernur|governor")],
  },
  {
    rank: 20,
    office: "Wakil Gubernur",
    basis: "UU 9/2010 Pasal 10 ayat (1) huruf b",
    patterns: [re("wakil gubernur|wagub|(?:vice|deputy|lieutenant) governor")],
  },
  {
    rank: 30,
    office: "Mantan Gubernur / Mantan Wakil Gubernur",
    basis: "UU 9/2010 Pasal 10 ayat (1) huruf c",
    patterns: [re("(?:mantan|former|ex) (?:wakil gubernur|wagub|gubernur|(?:vice |deputy )?governor)")],
  },
  {
    rank: 40,
    office: "Ketua DPRD Provinsi",
    basis: "UU 9/2010 Pasal 10 ayat (1) huruf d",
    scope: "provinsi",
    patterns: dprdChair,
  },
  {
    rank: 50,
    office: "Wakil Ketua DPRD Provinsi",
    basis: "UU 9/2010 Pasal 10 ayat (1) huruf f",
    scope: "provinsi",
    patterns: dprdViceChair,
  },
  {
    rank: 60,
    office: "Sekretaris Daerah Provinsi",
    basis: "UU 9/2010 Pasal 10 ayat (1) huruf g",
    scope: "provinsi",
    patterns: sekda,
  },
  {
    rank: 60,
    office: "Forkopimda Provinsi (Kapolda, Pangdam, Kajati, Ketua Pengadilan Tinggi)",
    basis: "UU 9/2010 Pasal 10 ayat (1) huruf g",
    patterns: forkopimdaProvinsi,
  },
  {
    rank: 70,
    office: "Anggota DPRD Provinsi",
    basis: "UU 9/2010 Pasal 10 ayat (1) huruf i",
    scope: "provinsi",
    patterns: dprdMember,
  },
  {
    rank: 80,
    office: "Bupati / Wali Kota",
    basis: "UU 9/2010 Pasal 10 ayat (1) huruf j; Pasal 11 ayat (1) huruf a",
    patterns: [re("bupati|walikota|wako|walkot|regent|mayor")],
  },
  {
    rank: 90,
    office: "Wakil Bupati / Wakil Wali Kota",
    basis: "UU 9/2010 Pasal 11 ayat (1) huruf b (konvensi Sambang 1: di atas Ketua DPRD kab/kota)",
    patterns: [
      re("wakil bupati|wakil walikota|wabup|wawali|wawako|wawalkot|(?:vice|deputy) (?:regent|mayor)"),
    ],
  },
  {
    rank: 100,
    office: "Mantan Bupati / Wali Kota dan wakilnya",
    basis: "UU 9/2010 Pasal 11 ayat (1) huruf c",
    patterns: [
      re(
        "(?:mantan|former|ex) (?:wakil bupati|wakil walikota|wabup|bupati|walikota|(?:vice |deputy )?(?:regent|mayor))",
      ),
    ],
  },
  {
    rank: 110,
    office: "Ketua DPRD Kabupaten/Kota",
    basis: "UU 9/2010 Pasal 11 ayat (1) huruf d",
    scope: "kabupaten/kota",
    patterns: dprdChair,
  },
  {
    rank: 120,
    office: "Wakil Ketua DPRD Kabupaten/Kota",
    basis: "UU 9/2010 Pasal 11 ayat (1) huruf e",
    scope: "kabupaten/kota",
    patterns: dprdViceChair,
  },
  {
    rank: 130,
    office: "Sekretaris Daerah Kabupaten/Kota",
    basis: "UU 9/2010 Pasal 11 ayat (1) huruf f",
    scope: "kabupaten/kota",
    patterns: sekda,
  },
  {
    rank: 130,
    office: "Forkopimda Kabupaten/Kota (Kapolres, Dandim, Kajari, Ketua Pengadilan Negeri)",
    basis: "UU 9/2010 Pasal 11 ayat (1) huruf f",
    patterns: forkopimdaKabKota,
  },
  {
    rank: 140,
    office: "Anggota DPRD Kabupaten/Kota",
    basis: "UU 9/2010 Pasal 11 ayat (1) huruf h",
    scope: "kabupaten/kota",
    patterns: dprdMember,
  },
  {
    rank: 150,
    office: "Kepala Dinas/Badan/Biro, Asisten Sekda, pejabat eselon II Provinsi",
    basis: "UU 9/2010 Pasal 10 ayat (1) huruf p (konvensi Sambang 3)",
    scope: "provinsi",
    patterns: eselon2,
  },
  {
    rank: 160,
    office: "Kepala Dinas/Badan/Perangkat Daerah, Asisten Sekda, pejabat eselon II Kabupaten/Kota",
    basis: "UU 9/2010 Pasal 11 ayat (1) huruf j",
    scope: "kabupaten/kota",
    patterns: eselon2,
  },
  {
    rank: 170,
    office: "Kepala Bagian/Bidang, pejabat eselon III Provinsi",
    basis: "UU 9/2010 Pasal 10 ayat (1) huruf q (konvensi Sambang 3)",
    scope: "provinsi",
    patterns: eselon3,
  },
  {
    rank: 180,
    office: "Kepala Bagian/Bidang, Camat, pejabat eselon III Kabupaten/Kota",
    basis: "UU 9/2010 Pasal 11 ayat (1) huruf l",
    scope: "kabupaten/kota",
    patterns: eselon3,
  },
  {
    rank: 190,
    office: "Kepala Seksi/Subbagian, Lurah, Kepala Desa, pejabat eselon IV",
    basis: "UU 9/2010 Pasal 11 ayat (1) huruf m",
    patterns: [
      re(
        "kepala (?:seksi|sub ?bagian|sub ?bidang|desa|kelurahan)|kasi|kasie|kasubbag|kasubag|kasubbid|lurah|kades",
      ),
      re("head of (?:the )?(?:section|sub ?section|sub ?division|village)|village head"),
    ],
  },
  {
    rank: 900,
    office: "Staf / pejabat fungsional / pendamping",
    basis: "Konvensi Sambang 5",
    patterns: [
      re(
        "staf|staff|pelaksana|pegawai|asn|pns|pejabat fungsional|fungsional|analis|pranata|protokol|ajudan|sespri|sekretaris pribadi|pendamping|pengemudi|sopir",
      ),
      re("aide|officer|analyst|operator|driver|protocol|assistant"),
    ],
  },
];
