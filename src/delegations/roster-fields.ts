/**
 * @module The roster's columns: accepted header spellings (Indonesian and English), field limits, the
 * bilingual validation messages, phone normalisation and the zod schema of one row. Used by
 * `roster-csv.ts`; kept apart so forms that edit one participant can share the same rules.
 */

import { z } from "zod";
import type { BilingualMessage } from "../csv/parse";
import { isSingleLine } from "../http/single-line";

export type RosterField = "name" | "title" | "institution" | "email" | "phone" | "needs" | "rank";

export type { BilingualMessage };

const MAX_LENGTH: Record<RosterField, number> = {
  name: 200,
  title: 200,
  institution: 200,
  email: 254,
  phone: 30,
  needs: 1000,
  rank: 4,
};

export const LABELS: Record<RosterField, BilingualMessage> = {
  name: { id: "nama", en: "name" },
  title: { id: "jabatan", en: "title" },
  institution: { id: "instansi", en: "institution" },
  email: { id: "email", en: "email" },
  phone: { id: "telepon", en: "phone" },
  needs: { id: "kebutuhan", en: "needs" },
  rank: { id: "urutan", en: "rank" },
};
export const FIELD_ORDER: readonly RosterField[] = [
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

export function fieldForHeader(raw: string): RosterField | "ignored" | undefined {
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

export const messages = {
  required: (f: RosterField) => ({
    id: `Kolom ${LABELS[f].id} wajib diisi.`,
    en: `The ${LABELS[f].en} column is required.`,
  }),
  tooLong: (f: RosterField) => ({
    id: `Kolom ${LABELS[f].id} terlalu panjang (maksimal ${MAX_LENGTH[f]} karakter).`,
    en: `The ${LABELS[f].en} column is too long (at most ${MAX_LENGTH[f]} characters).`,
  }),
  singleLine: (f: RosterField) => ({
    id: `Kolom ${LABELS[f].id} harus satu baris: tanpa ganti baris, tab, atau karakter kontrol.`,
    en: `The ${LABELS[f].en} column must be a single line: no line breaks, tabs or control characters.`,
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
type RosterMessage = keyof typeof messages;
export const isRosterMessage = (value: string): value is RosterMessage => Object.hasOwn(messages, value);

const text = (field: RosterField) => z.string().trim().max(MAX_LENGTH[field], { error: "tooLong" });
const line = (field: RosterField) => text(field).refine(isSingleLine, { error: "singleLine" });
const requiredText = (field: RosterField) => line(field).min(1, { error: "required", abort: true });
const optionalText = (field: RosterField) => text(field).transform((v) => (v === "" ? null : v));
const optionalLine = (field: RosterField) => line(field).transform((v) => (v === "" ? null : v));

export const rowSchema = z.object({
  name: requiredText("name"),
  title: requiredText("title"),
  institution: optionalLine("institution"),
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
