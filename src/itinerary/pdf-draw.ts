/**
 * @module Draws the itinerary as an A4 PDF (pdf-lib 1.17.1: pure JavaScript, no fs or native code, so it runs on
 * Node and Workers; see docs/decisions/007-pdf-and-qr.md). It draws the same `ItineraryView` the phone page
 * shows, with the QR code of the link in the header. Loaded on first use through `./pdf` (pdf-lib costs
 * the server a noticeable start-up time, and most processes never draw a PDF).
 *
 * NOTE: the standard Helvetica font only encodes WinAnsi (Latin-1 plus a few signs). Indonesian and English
 * text fits; anything else is transliterated (→ becomes "->", accents are dropped) or replaced by "?",
 * because pdf-lib throws on a character the font cannot encode and user text may contain anything.
 */

import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import { INTL_LOCALE } from "../i18n/format";
import { hostLabel } from "../venues/host-label";
import type { ItineraryPdfInput } from "./pdf";
import { qrMatrix } from "./qr-svg";

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const GREY = rgb(0.36, 0.39, 0.44);
const ACCENT = rgb(0.04, 0.24, 0.43);

const REPLACEMENTS: Record<string, string> = { "→": "->", "←": "<-", "≤": "<=", "≥": ">=", "\u00a0": " " };

export function encoder(font: PDFFont) {
  const supported = new Set(font.getCharacterSet());
  return (text: string): string => {
    let out = "";
    for (const ch of text.replace(/[\r\n\t]+/g, " ")) {
      const code = ch.codePointAt(0) ?? 63;
      if (supported.has(code)) out += ch;
      else if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
      else {
        const stripped = ch.normalize("NFD").replace(/\p{M}/gu, "");
        out += stripped && [...stripped].every((c) => supported.has(c.codePointAt(0) ?? 0)) ? stripped : "?";
      }
    }
    return out;
  };
}

class Writer {
  page: PDFPage;
  y: number;
  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: { regular: PDFFont; bold: PDFFont },
    private readonly clean: (text: string) => string,
  ) {
    this.page = doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }

  ensure(height: number) {
    if (this.y - height < MARGIN) {
      this.page = this.doc.addPage([A4.width, A4.height]);
      this.y = A4.height - MARGIN;
    }
  }

  /** Writes wrapped text at `x`, up to the right margin (or `right`). */
  text(
    raw: string,
    opts: { size?: number; bold?: boolean; x?: number; color?: ReturnType<typeof rgb>; right?: number } = {},
  ) {
    const size = opts.size ?? 10;
    const font = opts.bold ? this.fonts.bold : this.fonts.regular;
    const x = opts.x ?? MARGIN;
    const width = (opts.right ?? A4.width - MARGIN) - x;
    const lineHeight = size * 1.3;
    for (const line of wrap(this.clean(raw), font, size, width)) {
      this.ensure(lineHeight);
      this.page.drawText(line, {
        x,
        y: this.y - size,
        size,
        font,
        color: opts.color ?? rgb(0.1, 0.12, 0.14),
      });
      this.y -= lineHeight;
    }
  }

  gap(points: number) {
    this.y -= points;
  }

  rule() {
    this.ensure(6);
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: A4.width - MARGIN, y: this.y },
      thickness: 0.5,
      color: rgb(0.8, 0.83, 0.86),
    });
    this.y -= 6;
  }
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width || !line) {
      line = candidate;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [""];
}

function drawQr(page: PDFPage, url: string, x: number, y: number, size: number) {
  const matrix = qrMatrix(url);
  const cell = size / matrix.length;
  for (const [r, row] of matrix.entries()) {
    for (const [c, dark] of row.entries()) {
      if (!dark) continue;
      page.drawRectangle({
        x: x + c * cell,
        y: y + size - (r + 1) * cell,
        width: cell,
        height: cell,
        color: rgb(0, 0, 0),
      });
    }
  }
}

export async function drawItineraryPdf(input: ItineraryPdfInput): Promise<Uint8Array> {
  const { view, t } = input;
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const clean = encoder(regular);
  doc.setTitle(clean(`${t("itinerary.title")} ${view.code}`));
  doc.setCreator("Sambang");
  doc.setProducer("Sambang (pdf-lib)");
  doc.setLanguage(INTL_LOCALE[view.locale]);
  doc.setCreationDate(input.now);
  doc.setModificationDate(input.now);

  const w = new Writer(doc, { regular, bold }, clean);
  const qrSize = 84;
  drawQr(w.page, input.url, A4.width - MARGIN - qrSize, A4.height - MARGIN - qrSize, qrSize);
  const right = A4.width - MARGIN - qrSize - 12;
  w.text(t("itinerary.title"), { size: 18, bold: true, color: ACCENT, right });
  w.text(t("itinerary.for", { institution: view.institution, code: view.code }), {
    size: 12,
    bold: true,
    right,
  });
  w.text(view.leader, { size: 10, color: GREY, right });
  if (view.homeZoneLabel)
    w.text(t("itinerary.homeTimeNote", { zone: view.homeZoneLabel }), { size: 9, color: GREY, right });
  w.text(input.url, { size: 8, color: GREY, right });
  w.y = Math.min(w.y, A4.height - MARGIN - qrSize - 8);
  w.gap(6);

  if (view.withdrawn) {
    w.text(t("itinerary.cancelledTitle"), { size: 14, bold: true });
    w.text(
      t(view.withdrawn === "declined" ? "itinerary.declinedBody" : "itinerary.cancelledBody", {
        code: view.code,
      }),
    );
    drawHost(w, view, t);
    return doc.save();
  }
  if (view.changes.length > 0) {
    w.text(t("itinerary.changes"), { size: 11, bold: true });
    for (const change of view.changes) w.text(`• ${change}`, { size: 9.5, x: MARGIN + 6 });
    w.gap(6);
  }
  if (view.days.length === 0) w.text(t("itinerary.empty"));
  const col = MARGIN + 120;
  for (const day of view.days) {
    w.ensure(60);
    w.gap(4);
    w.text(day.label, { size: 13, bold: true, color: ACCENT });
    w.rule();
    for (const item of day.items) {
      w.ensure(40);
      const top = w.y;
      w.text(item.time, { size: 10, bold: true, right: col - 6 });
      if (item.homeTime) w.text(`(${item.homeTime})`, { size: 9, color: GREY, right: col - 6 });
      const leftBottom = w.y;
      w.y = top;
      const heading = item.cancelled ? `${item.title} (${t("itinerary.itemCancelled")})` : item.title;
      w.text(heading, { size: 10.5, bold: true, x: col });
      if (item.venue) {
        w.text(item.venue.name, { size: 9.5, x: col });
        w.text(item.venue.address, { size: 9, x: col, color: GREY });
      }
      if (item.dressCode) w.text(`${t("itinerary.dressCode")}: ${item.dressCode}`, { size: 9, x: col });
      if (item.personInCharge)
        w.text(`${t("itinerary.personInCharge")}: ${item.personInCharge}`, { size: 9, x: col });
      if (item.hosts.length > 0)
        w.text(`${t("itinerary.hosts")}: ${item.hosts.map((h) => hostLabel(h)).join(", ")}`, {
          size: 9,
          x: col,
        });
      if (item.notes) w.text(item.notes, { size: 9, x: col, color: GREY });
      w.y = Math.min(w.y, leftBottom);
      w.gap(6);
    }
  }
  if (view.contacts.length > 0) {
    w.ensure(40);
    w.gap(6);
    w.text(t("itinerary.contacts"), { size: 12, bold: true, color: ACCENT });
    w.rule();
    for (const c of view.contacts) w.text(`${c.name} (${c.role}): ${c.phone}`, { size: 9.5 });
  }
  drawHost(w, view, t);
  return doc.save();
}

/** The host's protocol contact (host settings) at the foot of the itinerary. */
function drawHost(w: Writer, view: ItineraryPdfInput["view"], t: ItineraryPdfInput["t"]) {
  const host = view.host;
  if (!host) return;
  w.ensure(60);
  w.gap(6);
  w.text(t("itinerary.hostContact"), { size: 12, bold: true, color: ACCENT });
  w.rule();
  w.text(host.government, { size: 9.5, bold: true });
  w.text(host.office, { size: 9.5 });
  w.text(host.address, { size: 9, color: GREY });
  if (host.phone) w.text(`${t("itinerary.hostPhone")}: ${host.phone}`, { size: 9.5 });
  if (host.whatsapp) w.text(`${t("itinerary.hostWhatsapp")}: ${host.whatsapp}`, { size: 9.5 });
  if (host.email) w.text(`${t("itinerary.hostEmail")}: ${host.email}`, { size: 9.5 });
}
