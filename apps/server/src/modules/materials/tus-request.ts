import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { TusRequest } from './video.service';

/**
 * The Node request as a web Request for tus' `handleWeb`: headers as sent, and the body (only for
 * tus' `application/offset+octet-stream`) still unread, streamed with backpressure.
 */
export function tusRequestOf(req: FastifyRequest): TusRequest {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of [value].flat()) headers.append(name, v);
  }
  const streamed = (req.method === 'PATCH' || req.method === 'POST') && String(req.headers['content-type'] ?? '').startsWith('application/offset+octet-stream');
  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers };
  let discardBody = () => {};
  if (streamed) {
    const body = bodyStream(req.raw);
    init.body = body.stream;
    init.duplex = 'half';
    discardBody = body.discard;
  }
  return { request: new Request(new URL(req.url, 'http://localhost'), init), discardBody, log: req.log };
}

/**
 * The request body as a web stream, chunks passed on as they are. `Readable.toWeb` copies every
 * chunk into a fresh Uint8Array (for transferability we do not need): measured, that copy and its
 * garbage cost about 20 % more server CPU per uploaded byte than piping to a file. Backpressure:
 * the socket pauses once 16 chunks (~1 MiB) wait unread.
 */
function bodyStream(raw: Readable): { stream: ReadableStream<Uint8Array>; discard: () => void } {
  let settled = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        raw.on('data', (chunk: Buffer) => {
          if (settled) return;
          controller.enqueue(chunk);
          if ((controller.desiredSize ?? 0) <= 0) raw.pause();
        });
        raw.once('end', () => {
          if (settled) return;
          settled = true;
          controller.close();
        });
        const fail = (err?: Error) => {
          if (settled) return;
          settled = true;
          controller.error(err ?? new Error('request aborted'));
        };
        raw.once('error', fail);
        // a connection closed before the body ended is an interrupted upload
        raw.once('close', () => fail());
      },
      pull() {
        raw.resume();
      },
      cancel(reason) {
        settled = true;
        raw.destroy(reason instanceof Error ? reason : undefined);
      },
    },
    { highWaterMark: 16 },
  );
  const discard = () => {
    if (raw.readableEnded || raw.destroyed) return;
    settled = true;
    raw.resume();
  };
  return { stream, discard };
}
