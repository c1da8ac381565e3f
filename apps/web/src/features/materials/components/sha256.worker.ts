/// <reference lib="webworker" />
import { sha256OfBlob } from '../../../lib/sha256';

/** Hashes a File off the page's thread: `{ file }` in; `progress` messages, then `done` or `error`. */
export type HashWorkerMessage = { type: 'progress'; hashed: number } | { type: 'done'; hex: string } | { type: 'error'; message: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<{ file: Blob }>) => void) | null; postMessage(m: HashWorkerMessage): void };

scope.onmessage = (e) => {
  sha256OfBlob(e.data.file, { onProgress: (hashed) => scope.postMessage({ type: 'progress', hashed }) })
    .then((hex) => scope.postMessage({ type: 'done', hex }))
    .catch((err: unknown) => scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
};
