import { inflateSync } from 'node:zlib';

/** Every stream of a PDF, inflated when FlateDecode (pdfkit compresses them all). */
export function pdfStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const s = text.indexOf('stream', at);
    if (s < 0) break;
    if (text.startsWith('endstream', s - 3)) {
      at = s + 6;
      continue;
    }
    const begin = text[s + 6] === '\r' ? s + 8 : s + 7;
    const dict = text.slice(text.lastIndexOf(' obj', s), s);
    const end = text.indexOf('endstream', begin);
    if (end < 0) break;
    const raw = pdf.subarray(begin, end);
    try {
      out.push((dict.includes('FlateDecode') ? inflateSync(raw) : raw).toString('latin1'));
    } catch {
      // not a stream we look into
    }
    at = end + 'endstream'.length;
  }
  return out;
}

/** The Unicode code points the PDF's ToUnicode CMaps map glyphs to (what copy/paste and search see). */
export function mappedCodePoints(pdf: Buffer): Set<number> {
  const set = new Set<number>();
  for (const s of pdfStreams(pdf).filter((x) => x.includes('begincmap'))) {
    for (const section of s.split(/beginbf(?:char|range)/).slice(1)) {
      const body = section.split(/endbf(?:char|range)/)[0]!;
      const hexes = [...body.matchAll(/<([0-9a-fA-F]+)>/g)].map((m) => m[1]!);
      for (const h of hexes) if (h.length === 4) set.add(parseInt(h, 16));
    }
  }
  return set;
}

/** The characters of `text` the PDF does not contain (empty: all of them are there). */
export const covers = (pdf: Buffer, text: string) => {
  const mapped = mappedCodePoints(pdf);
  return [...text].filter((ch) => !mapped.has(ch.codePointAt(0)!));
};

export interface PdfImage {
  width: number;
  height: number;
  colorSpace: string;
  /** the samples, inflated: width × height × components bytes */
  data: Buffer;
}

/** The image XObjects of a PDF with their inflated samples (pdfkit writes them FlateDecode, no predictor for decoded PNGs). */
export function pdfImages(pdf: Buffer): PdfImage[] {
  const text = pdf.toString('latin1');
  const out: PdfImage[] = [];
  for (const m of text.matchAll(/<<([^<>]*)>>\s*stream\r?\n/g)) {
    const dict = m[1]!;
    if (!/\/Subtype \/Image/.test(dict)) continue;
    const begin = m.index! + m[0].length;
    const end = text.indexOf('endstream', begin);
    const raw = pdf.subarray(begin, end);
    out.push({
      width: Number(/\/Width (\d+)/.exec(dict)![1]),
      height: Number(/\/Height (\d+)/.exec(dict)![1]),
      colorSpace: /\/ColorSpace \/(\w+)/.exec(dict)?.[1] ?? '',
      data: dict.includes('FlateDecode') ? inflateSync(raw) : raw,
    });
  }
  return out;
}

/** The inflated stream of object `num` of a pdfkit PDF. */
function objectStream(pdf: Buffer, text: string, num: string): string | null {
  const start = text.search(new RegExp(`(^|[^0-9])${num} 0 obj`));
  if (start < 0) return null;
  const s = text.indexOf('stream', start);
  const end = text.indexOf('endstream', s);
  if (s < 0 || end < 0 || text.indexOf('endobj', start) < s) return null;
  const begin = text[s + 6] === '\r' ? s + 8 : s + 7;
  const dict = text.slice(start, s);
  const raw = pdf.subarray(begin, end);
  return (dict.includes('FlateDecode') ? inflateSync(raw) : raw).toString('latin1');
}

/** A ToUnicode CMap as glyph code → text. */
function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const unhex = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
  for (const section of cmap.split('beginbfrange').slice(1)) {
    const body = section.split('endbfrange')[0]!;
    for (const m of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const from = parseInt(m[1]!, 16);
      const to = parseInt(m[2]!, 16);
      if (m[3]!.startsWith('[')) {
        [...m[3]!.matchAll(/<([0-9a-fA-F]+)>/g)].forEach((u, i) => map.set(from + i, unhex(u[1]!)));
      } else {
        const base = parseInt(m[3]!.slice(1, -1), 16);
        for (let c = from; c <= to; c++) map.set(c, String.fromCodePoint(base + c - from));
      }
    }
  }
  for (const section of cmap.split('beginbfchar').slice(1)) {
    for (const m of section.split('endbfchar')[0]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1]!, 16), unhex(m[2]!));
  }
  return map;
}

/**
 * The text a pdfkit PDF shows, in the order it is drawn (each font's glyphs read through its
 * ToUnicode CMap), lines joined without separators, so a sentence wrapped over lines reads whole.
 */
export function pdfText(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const fonts = new Map<string, Map<number, string>>();
  for (const m of text.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    if (fonts.has(m[1]!)) continue;
    const at = text.search(new RegExp(`(^|[^0-9])${m[2]} 0 obj`));
    const ref = /\/ToUnicode (\d+) 0 R/.exec(text.slice(at, text.indexOf('endobj', at)));
    const cmap = ref ? objectStream(pdf, text, ref[1]!) : null;
    if (cmap) fonts.set(m[1]!, parseCmap(cmap));
  }
  const pages = [...text.matchAll(/\/Contents (\d+) 0 R/g)].map((m) => objectStream(pdf, text, m[1]!) ?? '');
  let out = '';
  for (const content of pages) {
    let font: Map<number, string> | undefined;
    for (const m of content.matchAll(/\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (m[1]) {
        font = fonts.get(m[1]);
        continue;
      }
      const hexes = m[2] !== undefined ? [...m[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!) : [m[3]!];
      for (const h of hexes) for (const code of h.match(/.{4}/g) ?? []) out += font?.get(parseInt(code, 16)) ?? '';
    }
  }
  return out;
}

/** The base fonts a PDF embeds (subset prefixes removed): NotoSerifSC-Regular … */
export const pdfFonts = (pdf: Buffer): string[] => [...new Set([...pdf.toString('latin1').matchAll(/\/FontName \/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]!))].sort();
