import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Below this a compressed answer saves less than it costs (decision 0019). */
export const COMPRESS_THRESHOLD = 1024;

type Encoding = 'br' | 'gzip';

/**
 * The encoding to answer with: brotli when the client accepts it, else gzip, else none. Honours
 * `q=0` (refused) and `*` (anything); the client's order of preference is not weighed beyond that,
 * as every browser that sends br prefers it.
 */
export function negotiateEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q) || 0);
  }
  const ok = (name: Encoding) => (accepted.get(name) ?? (accepted.get('*') ?? 0)) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return undefined;
}

const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } };

/**
 * Compresses API JSON answers of 1 KB and more, in memory, when the client accepts br or gzip.
 * Only JSON that is already serialised (a string or Buffer) qualifies: streamed downloads, PDFs,
 * videos, tus and ranged answers pass untouched, and so does anything already carrying a
 * Content-Encoding. The SPA's assets are precompressed at build time (plugins/spa.ts).
 * Registered after every other onSend hook, so nothing changes the body after it.
 */
export const compressJsonPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onSend', async (req, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reply.statusCode === 206 || reply.statusCode === 204 || reply.statusCode === 304) return payload;
    if (reply.hasHeader('content-encoding') || reply.hasHeader('content-range')) return payload;
    if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
    if (size < COMPRESS_THRESHOLD) return payload;
    // the answer depends on Accept-Encoding from here on, whether compressed or not
    const vary = reply.getHeader('vary');
    if (!vary) reply.header('vary', 'accept-encoding');
    else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(String(vary))) reply.header('vary', `${String(vary)}, accept-encoding`);
    const encoding = negotiateEncoding(req.headers['accept-encoding']);
    if (!encoding) return payload;
    const body = encoding === 'br' ? brotliCompressSync(payload, BROTLI_OPTIONS) : gzipSync(payload, { level: 6 });
    reply.header('content-encoding', encoding);
    reply.header('content-length', body.length);
    return body;
  });
});
