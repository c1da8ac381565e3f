import type { FastifyReply } from 'fastify';
import type { BlobStore } from './blob-store';

/** RFC 6266 / 5987: an ASCII fallback plus the original (Chinese) name, UTF-8 percent-encoded. */
export function contentDisposition(name: string, kind: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Sends a stored file as a download: never sniffed, never rendered in our origin. */
export function sendStoredFile(reply: FastifyReply, blobs: BlobStore, f: { sha256: string; size: number; mime: string; name: string }) {
  return reply
    .header('Content-Type', f.mime)
    .header('Content-Length', String(f.size))
    .header('Content-Disposition', contentDisposition(f.name))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store')
    .send(blobs.get(f.sha256));
}
