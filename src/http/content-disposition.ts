/**
 * @module `Content-Disposition` for downloads, per RFC 6266 and RFC 8187: an ASCII `filename="…"` for old
 * clients and `filename*=UTF-8''…` with the real name, so a name in Javanese script, Turkish or Chinese
 * downloads intact (a raw non-Latin-1 header value makes the platform throw).
 */

/** Printable ASCII only, no quote or backslash; anything else becomes `_`. */
function asciiFallback(name: string): string {
  return name.replace(/[^ -~]|["\\]/g, "_");
}

/** RFC 8187 `attr-char` encoding: encodeURIComponent leaves `'()*` and `!`, which must be escaped too. */
function encodeExtValue(name: string): string {
  return encodeURIComponent(name).replace(
    /['()*!]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function contentDisposition(kind: "attachment" | "inline", fileName: string): string {
  const clean = fileName.replace(/[\r\n]/g, " ");
  return `${kind}; filename="${asciiFallback(clean)}"; filename*=UTF-8''${encodeExtValue(clean)}`;
}
