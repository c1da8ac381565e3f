import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/**
 * A small toolkit for the printable forms and documents the system generates: A4, Noto Sans SC
 * (forms) or Noto Serif SC (licences, notices) embedded as a subset (only the glyphs used, so a
 * form is tens of KB, not 10 MB), bordered label/value grids, tables that repeat their header across pages, long text that flows
 * over pages, page numbers and signature lines.
 */

const require = createRequire(import.meta.url);
/** The two faces of each family: Noto Sans SC for forms, Noto Serif SC (宋体-style) for official documents. */
const FONT_FILES = {
  sans: {
    regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  },
  serif: {
    regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  },
} as const;

/** Which family a document is set in: forms in sans, licences and notices (official documents) in serif. */
export type FontFace = keyof typeof FONT_FILES;

/** A parsed font as pdfkit's font engine (fontkit) makes it; pdfkit accepts one in place of the file. */
interface ParsedFont {
  layout(text: string): unknown;
}
// pdfkit's own fontkit, resolved from pdfkit's folder so it is the copy pdfkit was installed with
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Uint8Array): ParsedFont };

const fontCache: Partial<Record<FontFace, { regular: ParsedFont; bold: ParsedFont }>> = {};

/**
 * A family's two TTFs (~10 MB each), read and parsed once per process, and only when a document
 * first uses that family. Parsing is cheap, but the first text layout with a font object reads
 * its large CJK substitution tables (tens of ms per font), so documents share the parsed fonts
 * instead of handing pdfkit the bytes each time. pdfkit still embeds a fresh subset per document.
 */
export function cjkFonts(face: FontFace = 'sans'): { regular: ParsedFont; bold: ParsedFont } {
  const files = FONT_FILES[face];
  return (fontCache[face] ??= {
    regular: fontkit.create(readFileSync(require.resolve(files.regular))),
    bold: fontkit.create(readFileSync(require.resolve(files.bold))),
  });
}

/**
 * Registers a family as the document's `regular` and `bold` fonts (every generated PDF uses these
 * two names, so a document changes family in one place).
 */
export function registerCjkFonts(doc: PDFKit.PDFDocument, face: FontFace = 'sans'): void {
  const fonts = cjkFonts(face);
  // pdfkit takes a parsed font as well as bytes (its typings only list the bytes)
  doc.registerFont('regular', fonts.regular as unknown as Buffer);
  doc.registerFont('bold', fonts.bold as unknown as Buffer);
}

/** The bytes pdfkit writes for `doc`, once `doc.end()` has been called. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Options printed with ■ for the chosen ones and □ for the others, so a blank form can be ticked by hand. */
export interface Choice {
  options: readonly string[];
  chosen: ReadonlySet<string>;
}

export type CellValue = string | number | null | undefined | Choice;

export interface Field {
  label: string;
  value: CellValue;
  /** the whole row: label, then the value across the other three columns */
  full?: boolean;
}

export interface Column {
  header: string;
  /** relative width */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

export interface GridOptions {
  /** tighter rows (a staff member's block, three to a page) */
  compact?: boolean;
}

const PAGE_MARGINS = { top: 60, bottom: 64, left: 50, right: 50 };
const FONT_SIZE = 9.5;
const PAD = 4;
/** room to write by hand in an empty cell */
const MIN_ROW = 22;
const LABEL_WIDTH = 108;
const BORDER = '#555555';
const SHADE = '#eef1f5';


export function choices(options: readonly string[], chosen: readonly string[] | string | null | undefined): Choice {
  return { options, chosen: new Set(typeof chosen === 'string' ? [chosen] : (chosen ?? [])) };
}

const CHOICE_GAP = '    ';

export class FormPdf {
  readonly doc: PDFKit.PDFDocument;
  private readonly done: Promise<Buffer>;
  private readonly left = PAGE_MARGINS.left;
  private readonly width: number;

  constructor(private readonly meta: { title: string; subject?: string; createdAt: Date }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: PAGE_MARGINS,
      bufferPages: true,
      info: { Title: meta.title, Subject: meta.subject ?? meta.title, Author: '吉林人力资源市场管理', Creator: '吉林人力资源市场管理', CreationDate: meta.createdAt },
    });
    registerCjkFonts(this.doc);
    this.doc.font('regular').fontSize(FONT_SIZE).fillColor('black').strokeColor(BORDER).lineWidth(0.6);
    this.width = this.doc.page.width - PAGE_MARGINS.left - PAGE_MARGINS.right;
    this.done = pdfBytes(this.doc);
  }

  /** A cell's text; choices wrap between options, never inside one. */
  private str(v: CellValue, width: number): string {
    if (v === null || v === undefined) return '';
    if (typeof v !== 'object') return String(v);
    this.doc.font('regular').fontSize(FONT_SIZE);
    const lines: string[] = [];
    let line = '';
    for (const o of v.options) {
      const item = `${v.chosen.has(o) ? '■' : '□'}${o}`;
      const next = line ? line + CHOICE_GAP + item : item;
      if (line && this.doc.widthOfString(next) > width) {
        lines.push(line);
        line = item;
      } else line = next;
    }
    if (line) lines.push(line);
    return lines.join('\n');
  }

  private get bottom() {
    return this.doc.page.height - PAGE_MARGINS.bottom;
  }

  private get pageContentHeight() {
    return this.doc.page.height - PAGE_MARGINS.top - PAGE_MARGINS.bottom;
  }

  private newPage() {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = PAGE_MARGINS.top;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number) {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  private heightOf(s: string, width: number, font: 'regular' | 'bold' = 'regular', size = FONT_SIZE) {
    if (!s) return 0;
    return this.doc.font(font).fontSize(size).heightOfString(s, { width, lineGap: 1 });
  }

  private cell(x: number, y: number, w: number, h: number, s: string, opts: { shade?: boolean; bold?: boolean; align?: Column['align'] } = {}) {
    const doc = this.doc;
    if (opts.shade) doc.save().rect(x, y, w, h).fill(SHADE).restore();
    doc.rect(x, y, w, h).stroke();
    if (s) {
      const font = opts.bold ? 'bold' : 'regular';
      const th = this.heightOf(s, w - 2 * PAD, font);
      const ty = y + Math.max(2, (h - th) / 2);
      doc.font(font).fontSize(FONT_SIZE).fillColor('black').text(s, x + PAD, ty, { width: w - 2 * PAD, lineGap: 1, align: opts.align ?? 'left' });
    }
  }

  title(title: string, subtitle?: string) {
    const doc = this.doc;
    doc.font('bold').fontSize(18).fillColor('black').text(title, this.left, doc.y, { width: this.width, align: 'center' });
    if (subtitle) {
      doc.moveDown(0.3);
      doc.font('regular').fontSize(10).text(subtitle, this.left, doc.y, { width: this.width, align: 'center' });
    }
    doc.moveDown(0.8);
    doc.font('regular').fontSize(FONT_SIZE);
  }

  /** A section heading (一、机构基本信息), kept on one page with the first `keep` points that follow it. */
  section(heading: string, keep = 64) {
    this.ensure(24 + keep);
    const doc = this.doc;
    doc.y += 6;
    doc.font('bold').fontSize(11).fillColor('black').text(heading, this.left, doc.y, { width: this.width });
    doc.y += 3;
    doc.font('regular').fontSize(FONT_SIZE);
  }

  /** A line of plain text (notes, the undertaking). */
  paragraph(s: string, opts: { size?: number; color?: string } = {}) {
    const size = opts.size ?? FONT_SIZE;
    this.doc.y += 4;
    this.ensure(this.heightOf(s, this.width, 'regular', size) + 4);
    this.doc.font('regular').fontSize(size).fillColor(opts.color ?? 'black').text(s, this.left, this.doc.y, { width: this.width, lineGap: 2 });
    this.doc.fillColor('black').fontSize(FONT_SIZE);
    this.doc.y += 4;
  }

  private gridRows(fields: Field[], opts: GridOptions = {}) {
    const minRow = opts.compact ? 0 : MIN_ROW;
    const vpad = opts.compact ? 2.5 : PAD + 1;
    const valueWidth = (this.width - 2 * LABEL_WIDTH) / 2;
    const rows: { cells: { x: number; w: number; s: string; label: boolean }[]; h: number }[] = [];
    let pending: Field | null = null;
    const push = (cells: { x: number; w: number; s: string; label: boolean }[]) => {
      const h = Math.max(minRow, ...cells.map((c) => this.heightOf(c.s, c.w - 2 * PAD, c.label ? 'bold' : 'regular') + 2 * vpad));
      rows.push({ cells, h });
    };
    const half = (a: Field, b: Field | null) => {
      let x = this.left;
      const cells = [];
      for (const f of [a, b]) {
        cells.push({ x, w: LABEL_WIDTH, s: f?.label ?? '', label: true });
        x += LABEL_WIDTH;
        cells.push({ x, w: valueWidth, s: this.str(f?.value, valueWidth - 2 * PAD), label: false });
        x += valueWidth;
      }
      push(cells);
    };
    for (const f of fields) {
      if (f.full) {
        if (pending) half(pending, null);
        pending = null;
        push([
          { x: this.left, w: LABEL_WIDTH, s: f.label, label: true },
          { x: this.left + LABEL_WIDTH, w: this.width - LABEL_WIDTH, s: this.str(f.value, this.width - LABEL_WIDTH - 2 * PAD), label: false },
        ]);
      } else if (pending) {
        half(pending, f);
        pending = null;
      } else pending = f;
    }
    if (pending) half(pending, null);
    return rows;
  }

  /** Height a grid needs, to keep a block (one staff member) on one page. */
  gridHeight(fields: Field[], opts: GridOptions = {}) {
    return this.gridRows(fields, opts).reduce((sum, r) => sum + r.h, 0);
  }

  /** Label/value pairs, two per row (or one across the row), as a bordered form. */
  grid(fields: Field[], opts: GridOptions = {}) {
    for (const row of this.gridRows(fields, opts)) {
      this.ensure(row.h);
      const y = this.doc.y;
      for (const c of row.cells) this.cell(c.x, y, c.w, row.h, c.s, { shade: c.label, bold: c.label });
      this.doc.y = y + row.h;
    }
    this.doc.x = this.left;
  }

  /** A bordered table; its header repeats on every page; at least `minRows` rows, blank ones to fill by hand. */
  table(columns: Column[], rows: CellValue[][], opts: { minRows?: number } = {}) {
    const total = columns.reduce((s, c) => s + c.weight, 0);
    const widths = columns.map((c) => (c.weight / total) * this.width);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const measure = (cells: string[], font: 'regular' | 'bold') =>
      Math.max(MIN_ROW, ...cells.map((s, i) => this.heightOf(s, widths[i]! - 2 * PAD, font) + 2 * PAD + 2));
    const headers = columns.map((c) => c.header);
    const headerHeight = measure(headers, 'bold');
    const drawHeader = () => {
      const y = this.doc.y;
      headers.forEach((h, i) => this.cell(xs[i]!, y, widths[i]!, headerHeight, h, { shade: true, bold: true, align: 'center' }));
      this.doc.y = y + headerHeight;
    };
    const body = rows.map((r) => columns.map((_, i) => this.str(r[i], widths[i]! - 2 * PAD)));
    while (body.length < (opts.minRows ?? 0)) body.push(columns.map(() => ''));
    this.ensure(headerHeight + (body.length ? measure(body[0]!, 'regular') : 0));
    drawHeader();
    for (const cells of body) {
      const h = measure(cells, 'regular');
      if (this.doc.y + h > this.bottom) {
        this.newPage();
        drawHeader();
      }
      const y = this.doc.y;
      cells.forEach((s, i) => this.cell(xs[i]!, y, widths[i]!, h, s, { align: columns[i]!.align }));
      this.doc.y = y + h;
    }
    this.doc.x = this.left;
  }

  /** A labelled box of free text that flows over as many pages as it needs; empty, it is room to write. */
  textBox(label: string, value: CellValue, minHeight = 60) {
    const doc = this.doc;
    const w = this.width - 2 * PAD;
    const labelHeight = MIN_ROW;
    this.ensure(labelHeight + Math.min(minHeight, 80));
    const ly = doc.y;
    this.cell(this.left, ly, this.width, labelHeight, label, { shade: true, bold: true });
    doc.y = ly + labelHeight;
    let rest = Array.from(this.str(value, w).replace(/\r\n?/g, '\n'));
    let first = true;
    while (first || rest.length) {
      first = false;
      let avail = this.bottom - doc.y - 2 * PAD;
      if (avail < 3 * FONT_SIZE) {
        this.newPage();
        avail = this.bottom - doc.y - 2 * PAD;
      }
      const all = rest.join('');
      const need = this.heightOf(all, w);
      let chunk = all;
      if (need > avail) {
        // the longest prefix that fits this page (binary search over characters)
        let lo = 1;
        let hi = rest.length;
        while (lo < hi) {
          const mid = Math.ceil((lo + hi) / 2);
          if (this.heightOf(rest.slice(0, mid).join(''), w) <= avail) lo = mid;
          else hi = mid - 1;
        }
        chunk = rest.slice(0, lo).join('');
        rest = rest.slice(lo);
        if (rest[0] === '\n') rest = rest.slice(1);
      } else rest = [];
      const h = rest.length ? this.bottom - doc.y : Math.min(Math.max(minHeight, this.heightOf(chunk, w) + 2 * PAD + 2), this.bottom - doc.y);
      const y = doc.y;
      doc.rect(this.left, y, this.width, h).stroke();
      if (chunk) doc.font('regular').fontSize(FONT_SIZE).fillColor('black').text(chunk, this.left + PAD, y + PAD + 1, { width: w, lineGap: 1 });
      doc.y = y + h;
      if (rest.length) this.newPage();
    }
    doc.x = this.left;
  }

  /** 单位（盖章） / 法定代表人（签字） / 填表日期 lines, kept together at the end. */
  signatures(lines: { unit?: boolean; legalRep?: boolean; date?: boolean } = { unit: true, legalRep: true, date: true }) {
    const doc = this.doc;
    this.ensure(110);
    doc.y += 24;
    const half = this.width / 2;
    const y = doc.y;
    doc.font('regular').fontSize(10.5).fillColor('black');
    if (lines.unit) doc.text('单位（盖章）：', this.left, y, { width: half, lineBreak: false });
    if (lines.legalRep) doc.text('法定代表人（签字）：', this.left + half, y, { width: half, lineBreak: false });
    doc.y = y + 48;
    if (lines.date) doc.text('填表日期：          年        月        日', this.left + half, doc.y, { width: half, lineBreak: false });
    doc.y += 20;
    doc.x = this.left;
    doc.fontSize(FONT_SIZE);
  }

  /** Page numbers (第 n 页 共 m 页) and the form's name on every page after the first; then the bytes. */
  async finish(): Promise<Buffer> {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // writing inside the bottom margin must not start a new page
      const margins = doc.page.margins;
      const saved = margins.bottom;
      margins.bottom = 0;
      doc.font('regular').fontSize(8.5).fillColor('#555555');
      doc.text(`第 ${i - range.start + 1} 页  共 ${range.count} 页`, this.left, doc.page.height - 40, { width: this.width, align: 'center', lineBreak: false });
      if (i > range.start) doc.text(this.meta.title, this.left, 30, { width: this.width, align: 'right', lineBreak: false });
      margins.bottom = saved;
    }
    doc.end();
    return this.done;
  }
}
