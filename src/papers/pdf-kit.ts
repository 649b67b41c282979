/**
 * @module Drawing official papers with pdf-lib on A4: the letterhead (*kop surat*: logo, government,
 * office, address and contacts, a double rule), wrapped paragraphs, tables whose header repeats on every
 * page, and "Halaman n dari N" footers. Text goes through the itinerary's WinAnsi encoder (Helvetica
 * covers Indonesian; other characters are transliterated or replaced, never thrown on).
 */
import { PDFDocument, type PDFFont, type PDFImage, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import type { HostSettings } from "../host-settings/service";
import { encoder } from "../itinerary/pdf-draw";

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = 50;
const INK = rgb(0.08, 0.09, 0.1);
const LINE = rgb(0.25, 0.27, 0.3);

export interface Column {
  title: string;
  width: number;
  align?: "left" | "center";
}

export class Paper {
  page!: PDFPage;
  y = 0;
  readonly pages: PDFPage[] = [];
  private constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
    private readonly clean: (text: string) => string,
    private readonly logo: PDFImage | null,
  ) {}

  static async create(settings: HostSettings, meta: { title: string; subject: string; now: Date }) {
    const doc = await PDFDocument.create();
    doc.setTitle(meta.title);
    doc.setSubject(meta.subject);
    doc.setAuthor(settings.governmentName);
    doc.setProducer("Sambang");
    doc.setCreationDate(meta.now);
    doc.setModificationDate(meta.now);
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    let logo: PDFImage | null = null;
    if (settings.logo && settings.logoType) {
      try {
        logo =
          settings.logoType === "image/png"
            ? await doc.embedPng(settings.logo)
            : await doc.embedJpg(settings.logo);
      } catch {
        // A logo the library cannot read is left out rather than failing the paper.
        logo = null;
      }
    }
    const paper = new Paper(doc, regular, bold, encoder(regular), logo);
    paper.newPage();
    return paper;
  }

  newPage() {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = A4.height - MARGIN;
  }

  /** Starts a new page when fewer than `height` points are left above the footer. */
  ensure(height: number): boolean {
    if (this.y - height < MARGIN + 20) {
      this.newPage();
      return true;
    }
    return false;
  }

  font(bold?: boolean) {
    return bold ? this.bold : this.regular;
  }

  /** Wrapped lines of `raw` within `width` (a word longer than the width is cut). */
  lines(raw: string, width: number, size: number, bold = false): string[] {
    const font = this.font(bold);
    const out: string[] = [];
    let line = "";
    const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
    for (let word of this.clean(raw).split(/\s+/).filter(Boolean)) {
      while (!fits(word)) {
        let cut = word.length - 1;
        while (cut > 1 && !fits(word.slice(0, cut))) cut -= 1;
        if (line) {
          out.push(line);
          line = "";
        }
        out.push(word.slice(0, cut));
        word = word.slice(cut);
      }
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) line = candidate;
      else {
        out.push(line);
        line = word;
      }
    }
    if (line) out.push(line);
    return out.length > 0 ? out : [""];
  }

  /** A wrapped paragraph from `x` to the right margin (or `right`), optionally centred. */
  text(
    raw: string,
    opts: {
      size?: number;
      bold?: boolean;
      x?: number;
      right?: number;
      center?: boolean;
      underline?: boolean;
    } = {},
  ) {
    const size = opts.size ?? 11;
    const x = opts.x ?? MARGIN;
    const right = opts.right ?? A4.width - MARGIN;
    const font = this.font(opts.bold);
    for (const line of this.lines(raw, right - x, size, opts.bold)) {
      this.ensure(size * 1.4);
      const w = font.widthOfTextAtSize(line, size);
      const lx = opts.center ? x + (right - x - w) / 2 : x;
      this.page.drawText(line, { x: lx, y: this.y - size, size, font, color: INK });
      if (opts.underline)
        this.page.drawLine({
          start: { x: lx, y: this.y - size - 2 },
          end: { x: lx + w, y: this.y - size - 2 },
          thickness: 0.7,
          color: INK,
        });
      this.y -= size * 1.4;
    }
  }

  gap(points: number) {
    this.y -= points;
  }

  /** The letterhead: logo at the left, the names centred, contacts, and a thick-thin double rule. */
  letterhead(s: HostSettings) {
    const top = this.y;
    const logoSize = 62;
    if (this.logo) {
      const scale = Math.min(logoSize / this.logo.width, logoSize / this.logo.height);
      const w = this.logo.width * scale;
      const h = this.logo.height * scale;
      this.page.drawImage(this.logo, { x: MARGIN, y: top - h, width: w, height: h });
    }
    const left = this.logo ? MARGIN + logoSize + 8 : MARGIN;
    const right = A4.width - MARGIN - (this.logo ? logoSize / 2 : 0);
    this.text(s.governmentName.toLocaleUpperCase("id"), {
      size: 14,
      bold: true,
      x: left,
      right,
      center: true,
    });
    this.text(s.officeName.toLocaleUpperCase("id"), { size: 12, bold: true, x: left, right, center: true });
    this.text(s.address, { size: 9, x: left, right, center: true });
    const contacts = [
      s.phone ? `Telp. ${s.phone}` : null,
      s.whatsapp ? `WhatsApp ${s.whatsapp}` : null,
      s.email ? `E-mail ${s.email}` : null,
      s.website,
    ].filter(Boolean);
    if (contacts.length > 0) this.text(contacts.join(" · "), { size: 9, x: left, right, center: true });
    this.y = Math.min(this.y, top - logoSize) - 4;
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: A4.width - MARGIN, y: this.y },
      thickness: 2,
      color: INK,
    });
    this.page.drawLine({
      start: { x: MARGIN, y: this.y - 3 },
      end: { x: A4.width - MARGIN, y: this.y - 3 },
      thickness: 0.6,
      color: INK,
    });
    this.y -= 18;
  }

  /** "Label : value" lines with aligned colons. */
  facts(rows: [string, string][], opts: { labelWidth?: number; size?: number } = {}) {
    const size = opts.size ?? 11;
    const labelWidth = opts.labelWidth ?? 120;
    for (const [label, value] of rows) {
      const lines = this.lines(value, A4.width - MARGIN * 2 - labelWidth - 10, size);
      this.ensure(lines.length * size * 1.4);
      this.page.drawText(this.clean(label), {
        x: MARGIN,
        y: this.y - size,
        size,
        font: this.regular,
        color: INK,
      });
      this.page.drawText(":", {
        x: MARGIN + labelWidth,
        y: this.y - size,
        size,
        font: this.regular,
        color: INK,
      });
      for (const line of lines) {
        this.page.drawText(line, {
          x: MARGIN + labelWidth + 10,
          y: this.y - size,
          size,
          font: this.regular,
          color: INK,
        });
        this.y -= size * 1.4;
      }
    }
  }

  /** A bordered table; rows break across pages and the header repeats. `minRow` leaves room to sign. */
  table(
    columns: Column[],
    rows: string[][],
    opts: {
      size?: number;
      minRow?: number;
      cell?: (
        page: PDFPage,
        row: number,
        col: number,
        box: { x: number; y: number; w: number; h: number },
      ) => void;
    } = {},
  ) {
    const size = opts.size ?? 10;
    const pad = 4;
    const lineH = size * 1.3;
    const header = () => {
      const heights = columns.map((c) => this.lines(c.title, c.width - pad * 2, size, true).length);
      const h = Math.max(...heights) * lineH + pad * 2;
      this.ensure(h + 20);
      this.drawRow(
        columns,
        columns.map((c) => c.title),
        h,
        size,
        true,
      );
    };
    header();
    rows.forEach((cells, r) => {
      const wrapped = cells.map((cell, i) => this.lines(cell, (columns[i]?.width ?? 50) - pad * 2, size));
      const h = Math.max(opts.minRow ?? 0, Math.max(...wrapped.map((l) => l.length)) * lineH + pad * 2);
      if (this.ensure(h)) header();
      const top = this.y;
      this.drawRow(columns, cells, h, size, false);
      if (opts.cell) {
        let x = MARGIN;
        columns.forEach((c, i) => {
          opts.cell?.(this.page, r, i, { x, y: top - h, w: c.width, h });
          x += c.width;
        });
      }
    });
  }

  private drawRow(columns: Column[], cells: string[], h: number, size: number, bold: boolean) {
    const pad = 4;
    const lineH = size * 1.3;
    let x = MARGIN;
    const font = this.font(bold);
    columns.forEach((c, i) => {
      this.page.drawRectangle({
        x,
        y: this.y - h,
        width: c.width,
        height: h,
        borderColor: LINE,
        borderWidth: 0.6,
      });
      let ty = this.y - pad - size;
      for (const line of this.lines(cells[i] ?? "", c.width - pad * 2, size, bold)) {
        const w = font.widthOfTextAtSize(line, size);
        const tx = c.align === "center" ? x + (c.width - w) / 2 : x + pad;
        this.page.drawText(line, { x: tx, y: ty, size, font, color: INK });
        ty -= lineH;
      }
      x += c.width;
    });
    this.y -= h;
  }

  /** Draws small text at a point (no wrapping). */
  label(raw: string, x: number, y: number, size = 8) {
    this.page.drawText(this.clean(raw), { x, y, size, font: this.regular, color: INK });
  }

  /** Page footers ("Halaman 1 dari 2") and the generated-by line, then the bytes. */
  async finish(footer: (n: number, total: number) => string): Promise<Uint8Array> {
    const total = this.pages.length;
    this.pages.forEach((page, i) => {
      const text = this.clean(footer(i + 1, total));
      const w = this.regular.widthOfTextAtSize(text, 8);
      page.drawText(text, {
        x: A4.width - MARGIN - w,
        y: MARGIN - 18,
        size: 8,
        font: this.regular,
        color: rgb(0.4, 0.42, 0.45),
      });
    });
    return this.doc.save();
  }
}

export const PAGE_WIDTH = A4.width - MARGIN * 2;
