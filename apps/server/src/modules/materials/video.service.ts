import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import { z } from 'zod';
import { ERRORS, Metadata, Server as TusServer, type Upload } from '@tus/server';
import { AppErrorCode, type TAppErrorCode, type TErrorBody, type TVideo } from '@jhrm/contracts';
import { AppError, HTTP_STATUS } from '../../lib/app-error';
import { contentDisposition } from '../../lib/downloads';
import { S3Objects } from '../../lib/s3-objects';
import { assertClean, cleanFileName } from '../../lib/uploads';
import type { AppDeps } from '../../deps';
import type { SessionUser } from '../accounts/sessions.service';
import { actorUnitId, type Actor } from '../accounts/actor';
import { auditApplication, editableApplication, readableApplication } from '../applications/applications.access';
import { probeMp4File } from './mp4';
import { deleteVideo, findVideo, insertVideo, listVideos, type VideoRow } from './video.repository';
import { BucketTusStore } from './tus-bucket-store';
import { PgLocker } from './tus-locker';
import { DiskTusStore, type VideoUploadStore } from './tus-stores';

/** Where tus clients create uploads; an upload's URL is this plus its id. */
export const VIDEO_UPLOAD_PATH = '/api/uploads/video';
/** tus ids are 16 random bytes in hex (`Uid.rand`): 128 bits, not guessable. */
const UPLOAD_ID = /^[0-9a-f]{32}$/;

export const MP4_ONLY = '只接受 MP4 格式的视频（按文件内容判断）';
export const CHECKSUM_FAILED = '文件校验失败，请重新上传';
const UPLOAD_GONE = '上传不存在或已过期，请重新上传';
/** tus' status for a checksum mismatch (checksum extension) */
const STATUS_CHECKSUM_MISMATCH = 460;

/** Upload-Metadata the client sends on create (tus: comma-separated `key base64(value)`). */
const ZUploadMetadata = z.object({
  applicationId: z.uuid('申请编号（applicationId）格式不正确'),
  // cleaned like every uploaded file's name; the content is judged MP4 on the last byte, so an empty name becomes 文件.mp4
  filename: z.string('请提供文件名').transform((s) => cleanFileName(s, 'mp4')),
  sha256: z
    .string('请提供文件的 SHA-256 校验值')
    .regex(/^[0-9a-fA-F]{64}$/, '文件校验值（SHA-256）格式不正确')
    .transform((s) => s.toLowerCase()),
});
type UploadMetadata = z.infer<typeof ZUploadMetadata>;

/** Who is asking, kept beside the web Request tus hands back to our hooks. */
interface UploadCaller {
  user: SessionUser;
  unitId: string;
  ip: string;
  log: FastifyBaseLogger;
  metadata?: UploadMetadata;
}

/** A tus request as the route hands it over: a web Request (tus' `handleWeb`) whose body streams unread. */
export interface TusRequest {
  request: Request;
  /** drains a body tus did not read, so the connection stays usable */
  discardBody: () => void;
  log: FastifyBaseLogger;
}

/** A refusal tus sends as it is: the status we choose and our JSON error body. */
class TusRefusal extends Error {
  readonly status_code: number;
  readonly body: string;
  constructor(status: number, code: TAppErrorCode, message: string) {
    super(message);
    this.status_code = status;
    this.body = JSON.stringify({ code, message } satisfies TErrorBody);
  }
}

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
export const formatBytes = (n: number) => (n >= GiB && n % GiB === 0 ? `${n / GiB} GB` : n >= MiB ? `${Math.round(n / MiB)} MB` : `${Math.ceil(n / 1024)} KB`);

/** tus' own refusals (plain-text English) in our words, by status. */
function tusErrorBody(status: number, maxBytes: number): TErrorBody {
  switch (status) {
    case 404:
    case 410:
      return { code: AppErrorCode.NOT_FOUND, message: UPLOAD_GONE };
    case 409:
      return { code: AppErrorCode.CONFLICT, message: '上传进度与服务器不一致，请刷新页面后继续上传' };
    case 412:
      return { code: AppErrorCode.VALIDATION, message: '不支持的上传协议版本，请刷新页面后重试' };
    case 413:
      return { code: AppErrorCode.PAYLOAD_TOO_LARGE, message: `视频文件不能超过 ${formatBytes(maxBytes)}，或上传的数据超过了文件大小` };
    case 423:
      return { code: AppErrorCode.LOCKED, message: '该视频正在上传中，请稍后再试' };
    case STATUS_CHECKSUM_MISMATCH:
      return { code: AppErrorCode.VALIDATION, message: CHECKSUM_FAILED };
    default:
      return status >= 500 ? { code: AppErrorCode.INTERNAL, message: '系统繁忙，请稍后再试' } : { code: AppErrorCode.VALIDATION, message: '上传请求不正确，请刷新页面后重新上传' };
  }
}

export type ByteRange = { start: number; end: number };

/**
 * One `bytes=` range of RFC 9110 §14.1.2 against a representation of `size` bytes: a range, `null`
 * to send the whole (no header, a syntax we ignore, or several ranges), or `'unsatisfiable'` (416).
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m) return null;
  const [, first = '', last = ''] = m;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  if (last === '') return { start, end: size - 1 };
  const end = Number(last);
  if (end < start) return null;
  return { start, end: Math.min(end, size - 1) };
}

const toVideo = (f: VideoRow): TVideo => ({
  id: f.id,
  name: f.name,
  size: f.size,
  mime: f.mime,
  uploadedAt: f.createdAt.toISOString(),
  durationSeconds: f.durationSeconds ?? 0,
  sha256: f.sha256,
});

/**
 * 视频材料 (场所视频光盘): resumable upload by the tus protocol, checked on completion (the client's
 * SHA-256, MP4 by content) and moved into the BlobStore; playback with byte ranges. Uploads are the
 * unit's agents' while the application is editable; every request on an upload checks that its
 * application belongs to the caller's unit. An upload in progress lives in `<blobDir>/uploads` (one
 * process), or in the bucket and PostgreSQL when S3_BUCKET is set, so that any process can take its
 * next chunk; its lock is a lease in PostgreSQL either way (decision 0040).
 */
export class VideoService {
  readonly store: VideoUploadStore;
  readonly locker: PgLocker;
  private readonly tus: TusServer;
  private readonly callers = new WeakMap<Request, UploadCaller>();
  /** the bucket's client of the upload store, closed with the app */
  private readonly objects: S3Objects | undefined;

  constructor(
    private readonly deps: AppDeps,
    log?: FastifyBaseLogger,
  ) {
    const { config } = deps;
    this.objects = config.s3 ? new S3Objects(config.s3) : undefined;
    this.store = this.objects
      ? new BucketTusStore({ db: deps.database.db, objects: this.objects, tmpDir: path.join(config.blobDir, 'tmp'), clock: deps.clock })
      : new DiskTusStore(path.join(config.blobDir, 'uploads'));
    this.locker = new PgLocker(deps.database.db, { ...config.uploadLock, onError: (err) => log?.warn({ err }, 'video upload lock: renewal or release failed') });
    this.tus = new TusServer({
      path: VIDEO_UPLOAD_PATH,
      datastore: this.store,
      locker: this.locker,
      relativeLocation: true,
      maxSize: deps.config.maxVideoBytes,
      // same origin only: no Access-Control-Allow-Origin
      allowedOrigins: () => false,
      // the metadata checked by authorizeCreate, normalised, replaces what the client sent
      onUploadCreate: async (req) => ({ metadata: { ...this.caller(req).metadata! } }),
      onUploadFinish: (req, upload) => this.finish(req, upload),
      onResponseError: (req, err) => this.mapError(req, err),
    });
  }

  private get db() {
    return this.deps.database.db;
  }

  /** Stops the bucket client (app close). */
  close(): void {
    this.objects?.close();
  }

  private caller(req: Request): UploadCaller {
    const c = this.callers.get(req);
    if (!c) throw new Error('tus request without a caller');
    return c;
  }

  private get maxBytes() {
    return this.deps.config.maxVideoBytes;
  }

  // -------------------------------------------------------------------------------------------
  // tus

  /** Every request of the tus route group: check who may touch which upload, then let tus answer. */
  async handleTus(actor: Actor, tus: TusRequest, reply: FastifyReply, uploadId: string | undefined): Promise<FastifyReply> {
    const { request, discardBody } = tus;
    const caller: UploadCaller = { user: actor.user, unitId: actorUnitId(actor), ip: actor.ip, log: tus.log };
    if (request.method === 'POST') {
      if (uploadId !== undefined) throw new AppError(AppErrorCode.NOT_FOUND, '请求的资源不存在');
      caller.metadata = await this.authorizeCreate(actor, request.headers);
    } else {
      if (uploadId === undefined) throw new AppError(AppErrorCode.NOT_FOUND, '请求的资源不存在');
      await this.authorizeUpload(actor, uploadId, request.method === 'PATCH');
    }
    this.callers.set(request, caller);
    const res = await this.tus.handleWeb(request);
    // a refusal before the body was read (wrong offset, too long …): drain it, as Node does for
    // handlers that never read, so the connection stays usable
    discardBody();
    return this.send(reply, res);
  }

  /** Create: a known size within the limit, valid metadata, and an editable application of the caller's unit. */
  private async authorizeCreate(actor: Actor, headers: Headers): Promise<UploadMetadata> {
    const lengthHeader = headers.get('upload-length');
    if (lengthHeader === null || !/^\d{1,16}$/.test(lengthHeader)) {
      throw new AppError(AppErrorCode.VALIDATION, '请提供视频文件的大小（Upload-Length）');
    }
    if (Number(lengthHeader) > this.maxBytes) {
      throw new AppError(AppErrorCode.PAYLOAD_TOO_LARGE, `视频文件不能超过 ${formatBytes(this.maxBytes)}，请压缩后再上传`);
    }
    let raw: Record<string, string | null>;
    try {
      raw = Metadata.parse(headers.get('upload-metadata') ?? '');
    } catch {
      throw new AppError(AppErrorCode.VALIDATION, '上传信息（Upload-Metadata）格式不正确');
    }
    const parsed = ZUploadMetadata.safeParse({ applicationId: raw.applicationId ?? undefined, filename: raw.filename ?? undefined, sha256: raw.sha256 ?? undefined });
    if (!parsed.success) {
      const fieldErrors = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      throw new AppError(AppErrorCode.VALIDATION, fieldErrors[0]!.message, fieldErrors);
    }
    await this.db.transaction((tx) => editableApplication(tx, actorUnitId(actor), parsed.data.applicationId));
    return parsed.data;
  }

  /**
   * HEAD / PATCH / DELETE: the upload exists and its application is the caller's unit's (else 404,
   * as if it did not exist); PATCH also needs the application still editable.
   */
  private async authorizeUpload(actor: Actor, uploadId: string, write: boolean): Promise<void> {
    const gone = new AppError(AppErrorCode.NOT_FOUND, UPLOAD_GONE);
    if (!UPLOAD_ID.test(uploadId)) throw gone;
    const info = await this.store.getUpload(uploadId).catch(() => undefined);
    const applicationId = info?.metadata?.applicationId;
    if (!applicationId || !z.uuid().safeParse(applicationId).success) throw gone;
    try {
      if (write) await this.db.transaction((tx) => editableApplication(tx, actorUnitId(actor), applicationId));
      else if ((await readableApplication(this.db, actor, applicationId)).unitId !== actorUnitId(actor)) throw gone;
    } catch (err) {
      if (err instanceof AppError && err.code === AppErrorCode.NOT_FOUND) throw gone;
      throw err;
    }
  }

  /** Sends tus' answer through Fastify (helmet headers and all); its error bodies become ours. */
  private async send(reply: FastifyReply, res: Response): Promise<FastifyReply> {
    for (const [name, value] of res.headers) {
      if (name === 'content-length' || name === 'content-type' || name.startsWith('access-control-')) continue;
      void reply.header(name, value);
    }
    reply.status(res.status);
    if (res.status < 400) {
      await res.body?.cancel();
      return reply.send();
    }
    const text = await res.text();
    let body: TErrorBody | null = null;
    try {
      const parsed = JSON.parse(text) as Partial<TErrorBody>;
      if (typeof parsed.code === 'string' && typeof parsed.message === 'string') body = parsed as TErrorBody;
    } catch {
      // tus' own plain-text refusal
    }
    return reply.type('application/json; charset=utf-8').send(body ?? tusErrorBody(res.status, this.maxBytes));
  }

  /** AppErrors from our hooks keep their status and message; anything unexpected is logged, not shown. */
  private mapError(req: Request, err: Error | { status_code: number; body: string }) {
    if (err instanceof AppError) {
      const body: TErrorBody = { code: err.code, message: err.message };
      return { status_code: HTTP_STATUS[err.code], body: JSON.stringify(body) };
    }
    // waited past the lock's timeout for another request of this upload (tus says 500): busy, try again
    if (err === ERRORS.ERR_LOCK_TIMEOUT) return { status_code: 423, body: JSON.stringify(tusErrorBody(423, this.maxBytes)) };
    if ('status_code' in err && typeof err.status_code === 'number') return undefined;
    this.callers.get(req)?.log.error({ err }, 'video upload failed');
    return { status_code: 500, body: JSON.stringify(tusErrorBody(500, this.maxBytes)) };
  }

  /**
   * The last byte arrived: hash it once, scan it for malware, judge the container, then record the
   * file and move the bytes into the BlobStore in one transaction, in that order. Until then the
   * bytes sit in the upload area, which nothing serves. A refusal deletes the upload, so the client
   * starts over.
   */
  private async finish(req: Request, upload: Upload) {
    const caller = this.caller(req);
    const meta = ZUploadMetadata.parse(upload.metadata ?? {});
    const size = upload.size ?? upload.offset;
    let file: string | undefined;
    try {
      const complete = await this.store.completeFile(upload);
      if (!complete) throw new TusRefusal(404, AppErrorCode.NOT_FOUND, UPLOAD_GONE);
      file = complete.file;
      const { sha256 } = complete;
      if (sha256 !== meta.sha256) {
        throw new TusRefusal(STATUS_CHECKSUM_MISMATCH, AppErrorCode.VALIDATION, CHECKSUM_FAILED);
      }
      // scanned before our own MP4 parser reads it; streamed to clamd in windows, never held in memory
      const uploader = { user: caller.user, ip: caller.ip, unitId: caller.unitId, target: { type: 'application', id: meta.applicationId } };
      const local = file;
      await assertClean(this.deps, caller.log, { name: meta.filename, size, sha256, open: (range) => createReadStream(local, { ...range, highWaterMark: 1024 * 1024 }) }, uploader);
      const probe = await probeMp4File(file);
      if (!probe.ok) {
        caller.log.info({ uploadId: upload.id, reason: probe.reason }, 'video refused: not an MP4');
        throw new TusRefusal(415, AppErrorCode.UNSUPPORTED_MEDIA, MP4_ONLY);
      }
      // fsync outside the transaction; the move into the store is its last step
      const staged = await this.deps.blobs.stageFile(file, sha256, size);
      const row = await this.db.transaction(async (tx) => {
        // locked again: the application may have been submitted while the bytes were arriving
        const app = await editableApplication(tx, caller.unitId, meta.applicationId);
        const v = await insertVideo(tx, { applicationId: app.id, sha256, size, name: meta.filename, durationSeconds: probe.durationSeconds, createdAt: this.deps.clock() });
        await auditApplication(this.deps, tx, caller, 'video.uploaded', app, { fileId: v.id, name: v.name, size, sha256, durationSeconds: probe.durationSeconds });
        await staged.commit();
        return v;
      });
      // the status stays tus' own: 204 after a PATCH, 201 (with Location) after creation-with-upload
      return { headers: { 'X-Video-File-Id': row.id } };
    } finally {
      // done either way: refused (the bytes are deleted here), or its bytes now belong to the BlobStore
      if (file) await rm(file, { force: true });
      await this.store.discard(upload.id);
    }
  }

  // -------------------------------------------------------------------------------------------
  // list, play, delete

  async list(actor: Actor, applicationId: string): Promise<TVideo[]> {
    const app = await readableApplication(this.db, actor, applicationId);
    const rows = await listVideos(this.db, app.id);
    return rows.map(toVideo);
  }

  /** 播放: the whole file or one byte range, shown in the browser (inline), never sniffed. */
  async play(actor: Actor, ranged: { range?: string; ifRange?: string }, reply: FastifyReply, applicationId: string, fileId: string): Promise<FastifyReply> {
    const app = await readableApplication(this.db, actor, applicationId);
    const v = await findVideo(this.db, app.id, fileId);
    const size = v ? await this.deps.blobs.size(v.sha256) : null;
    if (!v || size === null) throw new AppError(AppErrorCode.NOT_FOUND, '视频不存在或已删除');
    const etag = `"${v.sha256}"`;
    const { ifRange } = ranged;
    const range = ifRange === undefined || ifRange === etag ? parseRange(ranged.range, size) : null;
    void reply
      .header('Content-Type', 'video/mp4')
      .header('Accept-Ranges', 'bytes')
      .header('Content-Disposition', contentDisposition(v.name, 'inline'))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store')
      .header('ETag', etag);
    if (range === 'unsatisfiable') {
      return reply
        .status(416)
        .header('Content-Range', `bytes */${size}`)
        .type('application/json; charset=utf-8')
        .send({ code: AppErrorCode.VALIDATION, message: '请求的视频范围无效' } satisfies TErrorBody);
    }
    if (range) {
      return reply
        .status(206)
        .header('Content-Range', `bytes ${range.start}-${range.end}/${size}`)
        .header('Content-Length', String(range.end - range.start + 1))
        .send(this.deps.blobs.get(v.sha256, range));
    }
    return reply.status(200).header('Content-Length', String(size)).send(this.deps.blobs.get(v.sha256));
  }

  /** 删除 while the application is editable. The bytes stay until the cleanup job finds no row referring to them. */
  async remove(actor: Actor, applicationId: string, fileId: string): Promise<void> {
    const unitId = actorUnitId(actor);
    await this.db.transaction(async (tx) => {
      const app = await editableApplication(tx, unitId, applicationId);
      const v = await findVideo(tx, app.id, fileId);
      if (!v) throw new AppError(AppErrorCode.NOT_FOUND, '视频不存在或已删除');
      await deleteVideo(tx, v.id);
      await auditApplication(this.deps, tx, actor, 'video.deleted', app, { fileId: v.id, name: v.name, sha256: v.sha256 });
    });
  }
}
