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
