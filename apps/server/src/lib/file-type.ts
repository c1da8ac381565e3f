/** Document types accepted as uploads, judged by the first bytes, never by the file name. */
export type DocumentMime = 'application/pdf' | 'image/png' | 'image/jpeg';
export const DOCUMENT_EXTENSIONS: Record<DocumentMime, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

export function sniffDocument(head: Buffer): DocumentMime | null {
  if (head.length >= 5 && head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  return null;
}

export const DOCUMENT_TYPES_LABEL = 'PDF、JPG、PNG';
