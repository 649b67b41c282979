/**
 * @module WhatsApp click-to-chat links (`https://wa.me/<digits>`) from Indonesian phone numbers as people
 * type them: "0812-3456-7890", "+62 812 3456 7890", "62812…", "812…". wa.me wants the international
 * number, digits only, no `+` or leading zero. Anything that is not a plausible number gives null (no link).
 */

/** "628123456789", or null when the text is not a phone number. */
export function normalisePhone(raw: string): string | null {
  const trimmed = raw.trim();
  if (!/^[+\d][\d\s().-]*$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, "");
  if (trimmed.startsWith("+")) {
    // already international
  } else if (digits.startsWith("00")) {
    digits = digits.slice(2);
  } else if (digits.startsWith("0")) {
    digits = `62${digits.slice(1)}`;
  } else if (digits.startsWith("8")) {
    digits = `62${digits}`;
  }
  if (digits.length < 9 || digits.length > 15 || digits.startsWith("0")) return null;
  return digits;
}

export function whatsappUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const digits = normalisePhone(raw);
  return digits ? `https://wa.me/${digits}` : null;
}

/** The first phone number written inside free text ("Bu Sari (0812-3456-7890)"), if any. */
export function phoneInText(text: string | null | undefined): string | null {
  if (!text) return null;
  const match = /(?:\+62|62|0)8[\d\s.-]{7,16}\d/.exec(text);
  return match ? match[0] : null;
}

/** A WhatsApp share (no recipient: the sender picks the chat) with `text` prepared. */
export function whatsappShareUrl(text: string): string {
  return `https://wa.me/?text=${encodeURIComponent(text)}`;
}
