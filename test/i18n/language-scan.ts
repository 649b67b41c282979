/**
 * @module What a reader sees of a page or a mail, and what must never be in it: a catalogue key, a raw
 * code (snake_case or an audit action), a protocol field, or a marker word of the other language. The
 * marker lists are kept here, next to the scanner, and grow with every leak found.
 */
import { NOTICE_KINDS } from "../../db/schema/outbox";
import { AUDIT_ACTIONS } from "../../src/audit/actions";
import { hasMessage, type Locale } from "../../src/i18n/dictionary";

/**
 * English words that have no place on an Indonesian page (enum values shown raw, untranslated messages).
 * Whole words, case-sensitive, so proper names and data in capitals do not trip them.
 */
export const ENGLISH_MARKERS = [
  "the",
  "and",
  "with",
  "already",
  "outside",
  "opening hours",
  "group(s)",
  "holds",
  "booked",
  "closed",
  "queued",
  "sending",
  "sent",
  "failed",
  "retrying",
  "pending",
  "requested",
  "confirmed",
  "declined",
  "cancelled",
  "completed",
  "invitation",
  "presentation",
  "reception",
  "discussion",
  "scheduled",
  "withdrawal",
  "reminder",
  "protocol",
  "public",
  "system",
  "via",
  "written to",
  "not sent",
  "from",
  "to",
  "SEQUENCE",
  "sequence",
  "Revisi kalender",
  "revision",
  "Revision",
  "urutan 0",
];

/** Indonesian words of the interface that must not appear on an English page (data may be Indonesian). */
export const INDONESIAN_MARKERS = [
  "Simpan",
  "Batal",
  "Kembali",
  "Beranda",
  "Keluar",
  "Saring",
  "antre",
  "terkirim",
  "dikirim",
  "gagal",
  "dibatalkan",
  "belum",
  "sudah",
  "tidak",
  "perubahan",
  "Tanggal",
  "Pukul",
  "ditulis",
  "berkas",
  "dicoba",
  "Narasumber",
  "Tempat",
  "Tamu",
  "Kirim",
  "Ubah",
  "Hapus",
  "Tambah",
  "sistem",
];

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(e[1] === "x" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? m;
  });
}

/**
 * The text a person reads: element text plus the attributes read aloud or shown (aria-label, title,
 * placeholder, alt), without scripts, styles and anything marked as the other language (`lang="…"`, the
 * language switch) or as machine text (`translate="no"`: e-mail addresses, codes a person copies).
 */
export function visibleText(html: string, locale: Locale): string {
  const other = locale === "id" ? "en" : "id";
  let s = html
    .replace(/<script\b[\s\S]*?<\/script>/gi, " ")
    .replace(/<style\b[\s\S]*?<\/style>/gi, " ")
    .replace(/<head\b[\s\S]*?<\/head>/gi, " ");
  const marked = new RegExp(
    `<(\\w+)\\b[^>]*\\b(?:lang="${other}"|translate="no")[^>]*>[\\s\\S]*?</\\1>`,
    "gi",
  );
  s = s.replace(marked, " ");
  const attrs: string[] = [];
  s.replace(/\b(?:aria-label|title|placeholder|alt)="([^"]*)"/gi, (_m, v: string) => {
    attrs.push(v);
    return "";
  });
  const text = s.replace(/<[^>]*>/g, " ");
  return decode(`${text} ${attrs.join(" ")}`).replace(/\s+/g, " ");
}

const AUDIT_CODES = new Set<string>(AUDIT_ACTIONS);
const KIND_CODES = new Set<string>(NOTICE_KINDS);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function markerRe(word: string) {
  return new RegExp(`(?<![\\p{L}\\p{N}_@.-])${escapeRe(word)}(?![\\p{L}\\p{N}_@-])`, "u");
}
const english = ENGLISH_MARKERS.map((w) => [w, markerRe(w)] as const);
const indonesian = INDONESIAN_MARKERS.map((w) => [w, markerRe(w)] as const);

/** Every problem in one reader-facing text, as short strings naming the word and its surroundings. */
export function languageProblems(text: string, locale: Locale): string[] {
  const problems: string[] = [];
  const around = (i: number) => text.slice(Math.max(0, i - 40), i + 40).trim();
  for (const m of text.matchAll(/(?<![\w@./-])[a-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+(?![\w@/-])/g)) {
    const token = m[0].replace(/\.$/, "");
    if (hasMessage(token)) problems.push(`catalogue key "${token}" in "${around(m.index)}"`);
    else if (AUDIT_CODES.has(token)) problems.push(`action code "${token}" in "${around(m.index)}"`);
  }
  for (const m of text.matchAll(/(?<![\w@./:-])[a-z]+(?:_[a-z]+)+(?![\w@-])/g)) {
    const token = m[0];
    problems.push(
      `${KIND_CODES.has(token) ? "mail kind" : "snake_case code"} "${token}" in "${around(m.index)}"`,
    );
  }
  for (const [word, re] of locale === "id" ? english : indonesian) {
    const m = re.exec(text);
    if (m) problems.push(`${locale === "id" ? "English" : "Indonesian"} "${word}" in "${around(m.index)}"`);
  }
  return problems;
}
