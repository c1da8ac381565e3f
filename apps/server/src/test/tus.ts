import { createHash } from 'node:crypto';
import http from 'node:http';
import { expect } from 'vitest';
import { VIDEO_UPLOAD_PATH } from '../modules/materials/video.service';
import type { TestClient, TestContext } from './harness';

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export const tusMetadata = (m: Record<string, string>) =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${Buffer.from(v, 'utf8').toString('base64')}`)
    .join(',');

type Method = 'POST' | 'PATCH' | 'HEAD' | 'DELETE' | 'GET';

/** tus requests as tus-js-client sends them, against the app of the context `ctx()` returns. */
export function tusHelpers(ctx: () => TestContext) {
  /** A tus request: session cookie, CSRF header, Tus-Resumable. */
  async function tusRequest(c: TestClient, method: Method, url: string, headers: Record<string, string> = {}, payload?: Buffer) {
    if (!c.cookies.has('jhrm_csrf')) await c.get('/api/auth/csrf');
    return ctx().app.inject({
      method,
      url,
      remoteAddress: c.ip,
      cookies: Object.fromEntries(c.cookies),
      headers: { 'tus-resumable': '1.0.0', 'x-csrf-token': c.cookies.get('jhrm_csrf')!, ...headers },
      ...(payload ? { payload } : {}),
    });
  }

  function create(c: TestClient, applicationId: string, file: Buffer, opts: { filename?: string; sha?: string; length?: number } = {}) {
    return tusRequest(c, 'POST', VIDEO_UPLOAD_PATH, {
      'upload-length': String(opts.length ?? file.length),
      'upload-metadata': tusMetadata({ applicationId, filename: opts.filename ?? '办公场所视频.mp4', sha256: opts.sha ?? sha256(file) }),
    });
  }

  const patch = (c: TestClient, url: string, offset: number, chunk: Buffer) =>
    tusRequest(c, 'PATCH', url, { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }, chunk);

  /** create + PATCH in `chunks` pieces; returns the last response and the upload URL */
  async function uploadVideo(c: TestClient, applicationId: string, file: Buffer, opts: { filename?: string; sha?: string; chunks?: number } = {}) {
    const created = await create(c, applicationId, file, opts);
    expect(created.statusCode, created.body).toBe(201);
    const url = created.headers.location as string;
    const n = opts.chunks ?? 1;
    const size = Math.ceil(file.length / n);
    let res = created;
    for (let offset = 0; offset < file.length; offset += size) {
      res = await patch(c, url, offset, file.subarray(offset, offset + size));
      if (res.statusCode !== 204) break;
    }
    return { res, url };
  }

  return { tusRequest, create, patch, uploadVideo };
}

/**
 * A PATCH over a real connection to `port` that declares `declared` bytes, sends `bytes` and then dies
 * (the client's network gone mid-chunk); resolves once the connection is closed.
 */
export function cutOffPatch(c: TestClient, port: string | number, url: string, offset: number, declared: number, bytes: Buffer): Promise<void> {
  return new Promise<void>((resolve) => {
    const req = http.request({
      port,
      host: '127.0.0.1',
      method: 'PATCH',
      path: url,
      headers: {
        'tus-resumable': '1.0.0',
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
        'content-length': String(declared),
        'x-csrf-token': c.cookies.get('jhrm_csrf')!,
        cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    req.on('error', () => resolve());
    req.write(bytes, () => setTimeout(() => req.destroy(), 200));
  });
}
