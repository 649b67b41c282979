/**
 * @module Strong ETags for built calendars and the `If-None-Match` test for a 304.
 *
 * The tag is derived from a version key (kind, id, agenda version) rather than the body, so a cached
 * answer costs no hashing of the body. The key includes `ICS_FORMAT_VERSION`: bump it whenever the builder's
 * output changes, or clients would keep a stale calendar through 304s after a deploy. Uses the global Web
 * Crypto (`crypto.subtle`), present on Node 20 and Workers.
 */

/** Bump when `buildCalendar` output changes for the same agenda data. */
export const ICS_FORMAT_VERSION = "ics-1";

function base64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** `"<base64url sha-256 of format version + key>"` — a strong entity-tag, quotes included. */
export async function makeEtag(versionKey: string): Promise<string> {
  const data = new TextEncoder().encode(`${ICS_FORMAT_VERSION}\u0000${versionKey}`);
  const digest = await crypto.subtle.digest("SHA-256", data);
  return `"${base64Url(new Uint8Array(digest))}"`;
}

function opaqueTag(tag: string): string {
  return tag.startsWith("W/") ? tag.slice(2) : tag;
}

/**
 * True when `If-None-Match` matches `etag`, i.e. the answer is 304. Uses the weak comparison RFC 9110
 * §13.1.2 prescribes for this header (`W/"x"` matches `"x"`), accepts lists and `*`.
 */
export function ifNoneMatch(header: string | null | undefined, etag: string): boolean {
  if (!header) return false;
  const value = header.trim();
  if (value === "*") return true;
  const wanted = opaqueTag(etag);
  // A comma may sit inside a quoted tag, so tokens are matched rather than split on commas.
  for (const match of value.matchAll(/(?:W\/)?"[^"]*"/g)) {
    if (opaqueTag(match[0]) === wanted) return true;
  }
  return false;
}
