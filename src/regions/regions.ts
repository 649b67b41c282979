/**
 * @module Indonesia's provinces and regencies/cities (Kemendagri codes, from idn-area-data via the
 * generated `data.generated.ts`) and the legal time zone of each province. Pure data, no fs: it runs on
 * Node and on Cloudflare Workers alike. Codes are strings: province "35", regency "35.10" (Banyuwangi).
 *
 * Time zones follow Keputusan Presiden No. 41 Tahun 1987 tentang Pembagian Wilayah Republik Indonesia
 * menjadi 3 (tiga) Wilayah Waktu (WIB UTC+7, WITA UTC+8, WIT UTC+9, in force since 1 January 1988).
 * Provinces created after 1987 keep the zone of the territory they were split from (Kepulauan Riau from
 * Riau, Banten from Jawa Barat, Gorontalo from Sulawesi Utara, Sulawesi Barat from Sulawesi Selatan,
 * Kalimantan Utara from Kalimantan Timur, Maluku Utara from Maluku, the Papua provinces from Papua).
 * NOTE: West and Central Kalimantan are WIB but map to the IANA zone `Asia/Pontianak` (tzdata's zone for
 * "Borneo (west, central)"); it has had the same offset as `Asia/Jakarta` since 1988, so any code that
 * only needs the offset or the WIB/WITA/WIT label can treat them alike (see `provinceTimeZoneLabel`).
 */
import { REGION_DATA } from "./data.generated.js";

type IndonesianTimeZone = "Asia/Jakarta" | "Asia/Pontianak" | "Asia/Makassar" | "Asia/Jayapura";
type IndonesianZoneLabel = "WIB" | "WITA" | "WIT";

export interface Province {
  /** Two digits, e.g. "35". */
  code: string;
  name: string;
}

export interface Regency {
  /** Province code, a dot, two digits, e.g. "35.10". */
  code: string;
  provinceCode: string;
  /** Full official name, e.g. "Kabupaten Banyuwangi", "Kota Surabaya". */
  name: string;
  kind: "kabupaten" | "kota";
}

/** Province code → IANA zone, per Keppres 41/1987 (see the module comment). */
const PROVINCE_TIME_ZONES: Readonly<Record<string, IndonesianTimeZone>> = {
  // WIB (UTC+7): Sumatra and its islands, Java, West and Central Kalimantan.
  "11": "Asia/Jakarta", // Aceh
  "12": "Asia/Jakarta", // Sumatera Utara
  "13": "Asia/Jakarta", // Sumatera Barat
  "14": "Asia/Jakarta", // Riau
  "15": "Asia/Jakarta", // Jambi
  "16": "Asia/Jakarta", // Sumatera Selatan
  "17": "Asia/Jakarta", // Bengkulu
  "18": "Asia/Jakarta", // Lampung
  "19": "Asia/Jakarta", // Kepulauan Bangka Belitung
  "21": "Asia/Jakarta", // Kepulauan Riau
  "31": "Asia/Jakarta", // DKI Jakarta
  "32": "Asia/Jakarta", // Jawa Barat
  "33": "Asia/Jakarta", // Jawa Tengah
  "34": "Asia/Jakarta", // DI Yogyakarta
  "35": "Asia/Jakarta", // Jawa Timur
  "36": "Asia/Jakarta", // Banten
  "61": "Asia/Pontianak", // Kalimantan Barat
  "62": "Asia/Pontianak", // Kalimantan Tengah
  // WITA (UTC+8): Bali, Nusa Tenggara, South/East/North Kalimantan, all of Sulawesi.
  "51": "Asia/Makassar", // Bali
  "52": "Asia/Makassar", // Nusa Tenggara Barat
  "53": "Asia/Makassar", // Nusa Tenggara Timur
  "63": "Asia/Makassar", // Kalimantan Selatan
  "64": "Asia/Makassar", // Kalimantan Timur
  "65": "Asia/Makassar", // Kalimantan Utara
  "71": "Asia/Makassar", // Sulawesi Utara
  "72": "Asia/Makassar", // Sulawesi Tengah
  "73": "Asia/Makassar", // Sulawesi Selatan
  "74": "Asia/Makassar", // Sulawesi Tenggara
  "75": "Asia/Makassar", // Gorontalo
  "76": "Asia/Makassar", // Sulawesi Barat
  // WIT (UTC+9): Maluku, Maluku Utara and all Papua provinces.
  "81": "Asia/Jayapura", // Maluku
  "82": "Asia/Jayapura", // Maluku Utara
  "91": "Asia/Jayapura", // Papua
  "92": "Asia/Jayapura", // Papua Barat
  "93": "Asia/Jayapura", // Papua Selatan
  "94": "Asia/Jayapura", // Papua Tengah
  "95": "Asia/Jayapura", // Papua Pegunungan
  "96": "Asia/Jayapura", // Papua Barat Daya
};

const ZONE_LABELS: Readonly<Record<IndonesianTimeZone, IndonesianZoneLabel>> = {
  "Asia/Jakarta": "WIB",
  "Asia/Pontianak": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
};

const provinces: readonly Province[] = Object.freeze(
  REGION_DATA.map(([code, name]) => Object.freeze({ code, name })),
);
const regenciesByProvince = new Map<string, readonly Regency[]>(
  REGION_DATA.map(([provinceCode, , packed]) => [
    provinceCode,
    Object.freeze(
      packed.split("|").map(
        (entry): Regency =>
          Object.freeze({
            code: `${provinceCode}.${entry.slice(0, 2)}`,
            provinceCode,
            name: `${entry[2] === "K" ? "Kabupaten" : "Kota"} ${entry.slice(3)}`,
            kind: entry[2] === "K" ? "kabupaten" : "kota",
          }),
      ),
    ),
  ]),
);
const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
const regencyByCode = new Map([...regenciesByProvince.values()].flat().map((r) => [r.code, r]));

/** All 38 provinces, in code order. */
export function listProvinces(): readonly Province[] {
  return provinces;
}

/** Regencies and cities of a province, in code order; empty for an unknown province. */
export function listRegencies(provinceCode: string): readonly Regency[] {
  return regenciesByProvince.get(provinceCode) ?? [];
}

export function findProvince(code: string): Province | undefined {
  return provinceByCode.get(code);
}

export function findRegency(code: string): Regency | undefined {
  return regencyByCode.get(code);
}

/** IANA zone of a province (Keppres 41/1987); undefined for an unknown code. */
export function provinceTimeZone(provinceCode: string): IndonesianTimeZone | undefined {
  return PROVINCE_TIME_ZONES[provinceCode];
}

/** "WIB" | "WITA" | "WIT" for a province; undefined for an unknown code. */
export function provinceTimeZoneLabel(provinceCode: string): IndonesianZoneLabel | undefined {
  const zone = PROVINCE_TIME_ZONES[provinceCode];
  return zone && ZONE_LABELS[zone];
}

/**
 * Zone and label of a listed province. Every province of `listProvinces()` has one (the table above covers
 * all 38), so an unknown code is a programming error, not a reason to guess a zone.
 */
export function listedProvinceZone(provinceCode: string): {
  timeZone: IndonesianTimeZone;
  zoneLabel: IndonesianZoneLabel;
} {
  const timeZone = PROVINCE_TIME_ZONES[provinceCode];
  if (!timeZone) throw new Error(`regions: no time zone for province ${provinceCode}`);
  return { timeZone, zoneLabel: ZONE_LABELS[timeZone] };
}
