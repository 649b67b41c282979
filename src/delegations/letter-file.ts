/**
 * @module The optional request letter: PDF, JPEG or PNG up to 5 MB, its type decided by the file's first
 * bytes (magic numbers), never by the name or the browser's claimed type, so a renamed executable or
 * HTML page is refused. Pure; works on Node and Workers (Uint8Array only).
 */
export const MAX_LETTER_BYTES = 5 * 1024 * 1024;
type LetterType = "application/pdf" | "image/jpeg" | "image/png";

const SIGNATURES: readonly { type: LetterType; bytes: readonly number[] }[] = [
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
];

/** The file's real type from its content, or null when it is none of the accepted ones. */
function sniffLetterType(data: Uint8Array): LetterType | null {
  for (const sig of SIGNATURES) {
    if (data.length >= sig.bytes.length && sig.bytes.every((b, i) => data[i] === b)) return sig.type;
  }
  return null;
}

export interface LetterUpload {
  fileName: string;
  contentType: LetterType;
  data: Uint8Array;
}

type LetterCheck =
  | { ok: true; letter: LetterUpload }
  | { ok: false; error: "tooLarge" | "badType" | "empty" };

/** Checks an uploaded letter; the stored name keeps only safe characters. */
export function checkLetter(fileName: string, data: Uint8Array): LetterCheck {
  if (data.length === 0) return { ok: false, error: "empty" };
  if (data.length > MAX_LETTER_BYTES) return { ok: false, error: "tooLarge" };
  const contentType = sniffLetterType(data);
  if (!contentType) return { ok: false, error: "badType" };
  const ext = contentType === "application/pdf" ? "pdf" : contentType === "image/png" ? "png" : "jpg";
  const base =
    fileName
      .replace(/\.[^.]*$/, "")
      .replace(/[^\p{L}\p{M}\p{N}._ -]+/gu, "_")
      .trim()
      .slice(0, 80) || "surat";
  return { ok: true, letter: { fileName: `${base}.${ext}`, contentType, data } };
}
