import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { BlobStore } from './blob-store';

/** RFC 6266 / 5987: an ASCII fallback plus the original (Chinese) name, UTF-8 percent-encoded. */
export function contentDisposition(name: string, kind: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Types a browser may show in place (查看文件); anything else is always a download. */
const INLINE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg']);

/**
 * Sends a stored file: a download by default, or shown in the browser (`inline`, for PDFs and
 * images only). Never sniffed, and sandboxed (no scripts, no same-origin) even when rendered,
 * except an inline PDF: a sandboxed document cannot open Chromium's PDF viewer, so that one may
 * only be framed by our own pages.
 */
export function sendStoredFile(reply: FastifyReply, blobs: BlobStore, f: { sha256: string; size: number; mime: string; name: string }, opts: { inline?: boolean } = {}) {
  const kind = opts.inline && INLINE_TYPES.has(f.mime) ? 'inline' : 'attachment';
  const csp = kind === 'inline' && f.mime === 'application/pdf' ? "frame-ancestors 'self'" : 'sandbox';
  return reply
    .header('Content-Type', f.mime)
    .header('Content-Length', String(f.size))
    .header('Content-Disposition', contentDisposition(f.name, kind))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', csp)
    .header('Cache-Control', 'private, no-store')
    .send(blobs.get(f.sha256));
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a generated file (an import template) as a download, never sniffed, never cached. */
export function sendGenerated(reply: FastifyReply, name: string, type: string, body: Buffer) {
  return reply
    .header('Content-Type', type)
    .header('Content-Disposition', contentDisposition(name))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'no-store')
    .send(body);
}

/** `?inline=1`: a PDF of ours opened in the browser (登记预览, 打印) rather than downloaded. */
export const ZInlineQuery = z.object({ inline: z.enum(['0', '1'], { error: 'inline 只能为 0 或 1' }).optional() });

/**
 * Sends a PDF the system generated (登记表, 许可证, 备案凭证): a download, or with `inline` shown in
 * the browser to read or print. Our own document holds no untrusted content, so our pages may frame
 * it (登记预览) without a sandbox; never sniffed or cached.
 */
export function sendOwnPdf(reply: FastifyReply, pdf: Buffer | Uint8Array, fileName: string, opts: { inline?: boolean } = {}) {
  return reply
    .header('Content-Type', 'application/pdf')
    .header('Content-Disposition', contentDisposition(fileName, opts.inline ? 'inline' : 'attachment'))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', "frame-ancestors 'self'")
    .header('Cache-Control', 'private, no-store')
    .send(pdf);
}
