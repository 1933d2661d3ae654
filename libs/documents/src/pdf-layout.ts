import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { type BarChart, barGeometry } from './bar-chart';
import { formatFigure } from './figures';
import { type FontStyle, fontPaths } from './fonts';
import { placeAndDate } from './format';

/** Who issues a paper: the two lines at its top left, as Vietnamese administrative documents have them. */
export interface DocumentHeader {
  /** The association above the issuing unit: "HỘI CCB QUẬN LONG BIÊN" (printed as given). */
  organization: string;
  /** The issuing unit: "HỘI CCB PHƯỜNG NGỌC THỤY" (printed bold, as given). */
  unit: string;
  /** The place in the date line, "Ngọc Thụy, ngày 17 tháng 10 năm 2025"; without it the line starts "Ngày". */
  place?: string;
}

/** Who signs at the bottom: "T/M BAN CHẤP HÀNH" / "CHỦ TỊCH" / the name. */
export interface Signer {
  /** e.g. "T/M BAN CHẤP HÀNH" (optional first line). */
  onBehalfOf?: string;
  /** e.g. "CHỦ TỊCH", "NGƯỜI NHẬN TIỀN". */
  title: string;
  /** Printed under the space left for the signature; omitted → a blank to fill by hand. */
  name?: string;
}

export type Align = 'left' | 'right' | 'center';

export interface TableColumn {
  header: string;
  /** Relative width: columns share the line in proportion to their weights (default 1). */
  weight?: number;
  align?: Align;
}

/** A table's cell, already written as text (see formatFigure). */
export type TableRow = readonly string[];

const FONT_NAMES: Record<FontStyle, string> = {
  regular: 'NotoSans',
  bold: 'NotoSans-Bold',
  italic: 'NotoSans-Italic',
  boldItalic: 'NotoSans-BoldItalic',
};

let parsedFonts: Record<FontStyle, fontkit.Font> | undefined;
/** The TTFs, parsed once per process: decoding Noto's layout tables costs ~0.3 s a font. */
function parsed(): Record<FontStyle, fontkit.Font> {
  if (!parsedFonts) {
    const paths = fontPaths();
    const load = (path: string) => fontkit.create(readFileSync(path)) as fontkit.Font;
    parsedFonts = { regular: load(paths.regular), bold: load(paths.bold), italic: load(paths.italic), boldItalic: load(paths.boldItalic) };
  }
  return parsedFonts;
}

/**
 * One document's view of a parsed font: it shares the decoded tables but has its own glyph cache,
 * because fontkit's glyph objects keep the code points they were first created with, and a glyph first
 * met as a part of another (the "e" inside "ế" when a subset is written) would otherwise reach the next
 * document with none, and read as nothing when its text is extracted.
 *
 * It also shapes without the `ccmp` feature: Noto Sans has every Vietnamese letter precomposed, but its
 * ccmp splits "ị", "ọ", "ụ" into a base letter and a combining dot that pdfkit maps to no character (a
 * reader would get "Thi\u0010" for "Thị"). Set on the font rather than per call, pdfkit's per-word layout
 * cache keeps working.
 */
function fontForDocument(base: fontkit.Font): fontkit.Font {
  const font = Object.create(base) as fontkit.Font & { _glyphs: Record<number, unknown> };
  font._glyphs = {};
  const layout = (Object.getPrototypeOf(base) as fontkit.Font).layout;
  // A fresh feature object each call: fontkit writes the resolved feature set into the one it is given.
  font.layout = (text, features, ...rest) => layout.call(font, text, features ?? { ccmp: false }, ...rest);
  return font;
}

interface TextStyle {
  style?: FontStyle;
  size?: number;
  align?: Align;
  color?: string;
}

const BODY_SIZE = 11;
const LINE_COLOR = '#555555';
const HEADER_FILL = '#e8e8e8';
const CELL_PAD = 4;
const LINE_GAP = 1;

/**
 * A small layout toolkit over pdfkit for the association's papers: the national header, a title,
 * headings, label–value lines, tables that break across pages with their header repeated, signature
 * blocks, page numbers. Receipts, the campaign disclosure and term reports are built from these.
 *
 * Text goes in as NFC, so every Vietnamese letter is one precomposed glyph of the font.
 */
export class PdfLayout {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  private constructor(meta: { title: string; subject?: string; author?: string }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 48, bottom: 56, left: 64, right: 48 },
      bufferPages: true,
      // pdfkit reads every key of `info`: an undefined one would throw, so absent ones are left out.
      info: {
        Title: nfc(meta.title),
        Creator: 'Liên Thông',
        ...(meta.subject ? { Subject: nfc(meta.subject) } : {}),
        ...(meta.author ? { Author: nfc(meta.author) } : {}),
      },
      lang: 'vi-VN',
    } as PDFKit.PDFDocumentOptions);
    for (const [style, font] of Object.entries(parsed()) as [FontStyle, fontkit.Font][]) {
      // pdfkit takes a parsed font as well as a file (anything with `layout`); its types say Buffer.
      this.doc.registerFont(FONT_NAMES[style], fontForDocument(font) as unknown as Buffer);
    }
    this.doc.font(FONT_NAMES.regular).fontSize(BODY_SIZE).fillColor('black');
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  static start(meta: { title: string; subject?: string; author?: string }): PdfLayout {
    return new PdfLayout(meta);
  }

  get left(): number {
    return this.doc.page.margins.left;
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /**
   * The issuing unit on the left, the national motto on the right, and the place-and-date line under
   * it; `number` ("Số: 12/BN") goes under the unit.
   */
  header(header: DocumentHeader, date: string | Date, number?: string): this {
    const top = this.doc.y;
    const leftWidth = this.width * 0.42;
    const rightX = this.left + leftWidth;
    const rightWidth = this.width - leftWidth;
    let leftY = this.textAt(header.organization, this.left, top, leftWidth, { size: 10, align: 'center' });
    leftY = this.textAt(header.unit, this.left, leftY, leftWidth, { style: 'bold', size: 10, align: 'center' });
    this.rule(this.left + leftWidth * 0.3, leftY + 2, leftWidth * 0.4);
    leftY += 6;
    if (number) leftY = this.textAt(number, this.left, leftY, leftWidth, { size: 10, align: 'center' });
    let rightY = this.textAt('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, rightWidth, { style: 'bold', size: 10, align: 'center' });
    rightY = this.textAt('Độc lập - Tự do - Hạnh phúc', rightX, rightY, rightWidth, { style: 'bold', size: 10.5, align: 'center' });
    this.rule(rightX + rightWidth * 0.25, rightY + 2, rightWidth * 0.5);
    rightY = this.textAt(placeAndDate(header.place, date), rightX, rightY + 8, rightWidth, { style: 'italic', size: 10, align: 'center' });
    this.moveTo(Math.max(leftY, rightY) + 18);
    return this;
  }

  title(text: string, ...sublines: (string | undefined)[]): this {
    this.block(text, { style: 'bold', size: 15, align: 'center' });
    for (const line of sublines) if (line) this.block(line, { style: 'bold', size: 11.5, align: 'center' });
    this.gap(10);
    return this;
  }

  heading(text: string): this {
    this.ensureRoom(40);
    this.gap(6);
    this.block(text, { style: 'bold', size: 12 });
    this.gap(3);
    return this;
  }

  /** A bold line that introduces a table, kept on the same page as the table's first rows. */
  caption(text: string): this {
    this.ensureRoom(70);
    this.block(text, { style: 'bold', size: 10.5 });
    this.gap(2);
    return this;
  }

  paragraph(text: string, style: TextStyle = {}): this {
    this.block(text, style);
    this.gap(2);
    return this;
  }

  /** "Label: value" lines; a value marked strong is bold (the amount on a receipt). */
  fields(rows: readonly { label: string; value: string; strong?: boolean; italic?: boolean }[], labelWidth = 0.3): this {
    const lw = this.width * labelWidth;
    for (const row of rows) {
      const valueStyle: FontStyle = row.strong ? (row.italic ? 'boldItalic' : 'bold') : row.italic ? 'italic' : 'regular';
      const h = Math.max(this.measure(`${row.label}:`, lw - 6, {}), this.measure(row.value, this.width - lw, { style: valueStyle }));
      this.ensureRoom(h);
      const y = this.doc.y;
      this.textAt(`${row.label}:`, this.left, y, lw - 6, {});
      this.textAt(row.value, this.left + lw, y, this.width - lw, { style: valueStyle });
      this.moveTo(y + h + 3);
    }
    return this;
  }

  /**
   * A bordered table; its header row is repeated on every page it runs onto. `totals` is a last row in
   * bold. Cells are text (numbers already written the Vietnamese way).
   */
  table(columns: readonly TableColumn[], rows: readonly TableRow[], totals?: TableRow, size = 9.5): this {
    const total = columns.reduce((s, c) => s + (c.weight ?? 1), 0);
    const widths = columns.map((c) => (this.width * (c.weight ?? 1)) / total);
    const drawRow = (cells: TableRow, style: FontStyle, fill?: string, alignAll?: Align) => {
      const heights = cells.map((cell, i) => this.measure(cell, widths[i] - 2 * CELL_PAD, { size, style }));
      const h = Math.max(...heights, size) + 2 * CELL_PAD;
      if (this.doc.y + h > this.bottom) {
        this.doc.addPage();
        this.moveTo(this.doc.page.margins.top);
        if (cells !== headerCells) drawRow(headerCells, 'bold', HEADER_FILL, 'center');
      }
      const y = this.doc.y;
      let x = this.left;
      cells.forEach((cell, i) => {
        if (fill) this.doc.save().rect(x, y, widths[i], h).fill(fill).restore();
        this.doc.save().lineWidth(0.5).strokeColor(LINE_COLOR).rect(x, y, widths[i], h).stroke().restore();
        this.textAt(cell, x + CELL_PAD, y + CELL_PAD, widths[i] - 2 * CELL_PAD, { size, style, align: alignAll ?? columns[i].align ?? 'left' });
        x += widths[i];
      });
      this.moveTo(y + h);
    };
    const headerCells = columns.map((c) => c.header);
    this.ensureRoom(60);
    drawRow(headerCells, 'bold', HEADER_FILL, 'center');
    for (const row of rows) drawRow(row, 'regular');
    if (totals) drawRow(totals, 'bold');
    this.gap(8);
    return this;
  }

  /** A horizontal bar chart (see BarChart): labels on the left, bars, values at their ends. */
  barChart(chart: BarChart): this {
    const labelWidth = this.width * 0.3;
    const valueWidth = this.width * 0.2;
    const area = this.width - labelWidth - valueWidth - 12;
    const { bars, referenceAt } = barGeometry(chart, area);
    const barHeight = 11;
    const step = 17;
    if (chart.title) this.caption(chart.title);
    this.ensureRoom(Math.min(bars.length, 6) * step + 24);
    const x0 = this.left + labelWidth + 6;
    const start = this.doc.y + (chart.reference ? 12 : 0); // room for the reference line's label
    // The reference line is drawn row by row before each bar, so bars and values stay on top of it.
    const referenceX = referenceAt === null ? null : x0 + referenceAt;
    const referenceSegment = (from: number, to: number) => {
      if (referenceX === null) return;
      this.doc.save().lineWidth(0.8).strokeColor('#b00020').dash(3, { space: 2 }).moveTo(referenceX, from).lineTo(referenceX, to).stroke().undash().restore();
    };
    if (referenceX !== null && chart.reference) {
      const label = `${chart.reference.label}: ${formatFigure(chart.reference.value, chart.kind)}`;
      const labelX = Math.min(Math.max(referenceX - 80, this.left), this.left + this.width - 160);
      this.textAt(label, labelX, start - 12, 160, { size: 8, align: 'center', color: '#b00020' });
    }
    let y = start;
    for (const bar of bars) {
      if (y + step > this.bottom) {
        this.doc.addPage();
        y = this.doc.page.margins.top;
      }
      referenceSegment(y === start ? y - 2 : y, y + step);
      this.textAt(bar.label, this.left, y, labelWidth, { size: 9, align: 'right' });
      this.doc.save().rect(x0, y + 1, Math.max(bar.length, 0.01), barHeight).fill('#4a6fa5').restore();
      this.textAt(bar.text, x0 + bar.length + 4, y, valueWidth + area - bar.length, { size: 9 });
      y += step;
    }
    this.moveTo(y + 8);
    return this;
  }

  /** Signature blocks side by side: title in bold, "(Ký, ghi rõ họ tên)", room to sign, the name. */
  signatures(signers: readonly Signer[]): this {
    if (signers.length === 0) return this;
    this.ensureRoom(120);
    this.gap(14);
    // One signer signs on the right half, as the chair signs a report; several share the line.
    const w = signers.length === 1 ? this.width / 2 : this.width / signers.length;
    const start = signers.length === 1 ? this.left + this.width / 2 : this.left;
    const top = this.doc.y;
    let lowest = top;
    signers.forEach((s, i) => {
      const x = start + i * w;
      let y = top;
      if (s.onBehalfOf) y = this.textAt(s.onBehalfOf, x, y, w, { style: 'bold', size: 10.5, align: 'center' });
      y = this.textAt(s.title, x, y, w, { style: 'bold', size: 10.5, align: 'center' });
      y = this.textAt('(Ký, ghi rõ họ tên)', x, y, w, { style: 'italic', size: 9.5, align: 'center' });
      y += 60;
      if (s.name) y = this.textAt(s.name, x, y, w, { style: 'bold', size: 11, align: 'center' });
      lowest = Math.max(lowest, y);
    });
    this.moveTo(lowest + 8);
    return this;
  }

  gap(points: number): this {
    this.moveTo(this.doc.y + points);
    return this;
  }

  /** Starts a new page when fewer than `points` remain on this one. */
  ensureRoom(points: number): this {
    if (this.doc.y + points > this.bottom) {
      this.doc.addPage();
      this.moveTo(this.doc.page.margins.top);
    }
    return this;
  }

  /** Page numbers ("Trang 1/3") on every page of a document longer than one page, then the bytes. */
  async end(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    if (range.count > 1) {
      for (let i = range.start; i < range.start + range.count; i++) {
        this.doc.switchToPage(i);
        const margin = this.doc.page.margins.bottom;
        // Writing inside the bottom margin would make pdfkit open a new page; lift the margin meanwhile.
        this.doc.page.margins.bottom = 0;
        this.textAt(`Trang ${i - range.start + 1}/${range.count}`, this.left, this.doc.page.height - margin + 18, this.width, {
          size: 8.5,
          align: 'center',
          color: '#666666',
        });
        this.doc.page.margins.bottom = margin;
      }
    }
    this.doc.end();
    return this.done;
  }

  /** Flowing text at the cursor, wrapped to the content width; breaks the page when needed. */
  private block(text: string, style: TextStyle): void {
    const h = this.measure(text, this.width, style);
    this.ensureRoom(h);
    const y = this.textAt(text, this.left, this.doc.y, this.width, style);
    this.moveTo(y);
  }

  /** Writes text in a box of the given width at (x, y); returns the y under it. */
  private textAt(text: string, x: number, y: number, width: number, style: TextStyle): number {
    this.apply(style);
    this.doc.text(nfc(text), x, y, this.options(width, style.align));
    // pdfkit leaves the cursor under what it wrote.
    const after = Math.max(this.doc.y, y);
    this.doc.fillColor('black');
    return after;
  }

  private measure(text: string, width: number, style: TextStyle): number {
    this.apply(style);
    const value = nfc(text);
    // Most cells hold one short line: its width (cached per word by pdfkit) settles it without wrapping.
    if (value && !value.includes('\n') && this.doc.widthOfString(value) <= width) return this.doc.currentLineHeight(true) + LINE_GAP;
    return this.doc.heightOfString(value, this.options(width, style.align));
  }

  private apply(style: TextStyle): void {
    this.doc.font(FONT_NAMES[style.style ?? 'regular']).fontSize(style.size ?? BODY_SIZE);
    this.doc.fillColor(style.color ?? 'black');
  }

  private options(width: number, align: Align = 'left'): PDFKit.Mixins.TextOptions {
    return { width, align, lineGap: LINE_GAP };
  }

  private rule(x: number, y: number, width: number): void {
    this.doc.save().lineWidth(0.6).strokeColor('black').moveTo(x, y).lineTo(x + width, y).stroke().restore();
  }

  private moveTo(y: number): void {
    this.doc.x = this.left;
    this.doc.y = y;
  }
}

export function nfc(text: string): string {
  return text.normalize('NFC');
}
