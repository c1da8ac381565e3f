import { sha256OfBlob } from '../../../lib/sha256';
import type { HashWorkerMessage } from './sha256.worker';

/**
 * SHA-256 of a (large) file as hex, with progress. In a Web Worker so hashing 2 GB does not freeze
 * the page; on the page's thread, slice by slice, where workers are unavailable.
 * Rejects with an AbortError when `signal` aborts.
 */
export function hashFile(file: Blob, onProgress: (hashed: number) => void, signal: AbortSignal): Promise<string> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./sha256.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return sha256OfBlob(file, { onProgress, signal });
  }
  return new Promise<string>((resolve, reject) => {
    const abort = () => {
      worker.terminate();
      reject(new DOMException('已取消', 'AbortError'));
    };
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    const finish = () => {
      signal.removeEventListener('abort', abort);
      worker.terminate();
    };
    worker.onmessage = (e: MessageEvent<HashWorkerMessage>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress(m.hashed);
      else if (m.type === 'done') {
        finish();
        resolve(m.hex);
      } else {
        finish();
        reject(new Error(m.message));
      }
    };
    // the worker could not start (e.g. a blocked script): hash here instead
    worker.onerror = (e) => {
      e.preventDefault();
      finish();
      sha256OfBlob(file, { onProgress, signal }).then(resolve, reject);
    };
    worker.postMessage({ file });
  });
}
