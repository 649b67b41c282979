/**
 * @module A QR code of a link as an SVG string, rendered server-side (no script, CSP-safe). Encoding is
 * qrcode 1.5.4's pure core (`lib/core/qrcode`: segments, Reed–Solomon, masking); only the drawing is
 * ours: one `<path>` of unit squares, so the SVG stays small and prints sharp. The core has no Node
 * imports, so this runs on Workers too (the package's main entry pulls in PNG and file output; we skip it).
 */
import QRCodeCore from "qrcode/lib/core/qrcode.js";

const create = QRCodeCore.create;

/** The module matrix (true = dark) of `text` at error correction level M. */
export function qrMatrix(text: string): boolean[][] {
  const { modules } = create(text, { errorCorrectionLevel: "M" });
  const rows: boolean[][] = [];
  for (let r = 0; r < modules.size; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < modules.size; c++) row.push(Boolean(modules.get(r, c)));
    rows.push(row);
  }
  return rows;
}

/** SVG markup with a 4-module quiet zone; `title` becomes the accessible name. */
export function qrSvg(text: string, title: string): string {
  const matrix = qrMatrix(text);
  const quiet = 4;
  const size = matrix.length + quiet * 2;
  let path = "";
  matrix.forEach((row, r) => {
    let c = 0;
    while (c < row.length) {
      if (!row[c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < row.length && row[c]) c++;
      path += `M${start + quiet} ${r + quiet}h${c - start}v1h-${c - start}z`;
    }
  });
  const safeTitle = title.replace(/[<>&"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="${safeTitle}" shape-rendering="crispEdges">` +
    `<title>${safeTitle}</title><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}
