import { Upload, defaultOptions, type HttpRequest, type PreviousUpload, type UploadOptions } from 'tus-js-client';
import { currentCsrfToken } from '../../../lib/api-client';
import { hashFile } from './hash-file';
import { SpeedMeter, VIDEO_CHUNK_BYTES, VIDEO_RETRY_DELAYS, videoFileProblem } from './video-files';
import { INITIAL_VIDEO_UPLOAD, isBusy, videoUploadReducer, type VideoUploadAction, type VideoUploadState } from './video-upload-state';
import { VIDEO_UPLOAD_ENDPOINT, droppedByServer, isResumableStatus, shouldRetryStatus, statusOf, uploadErrorMessage, videoFingerprint } from './video-tus';

const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Progress re-renders at most this often (XHR reports far more often). */
const PROGRESS_EVERY_MS = 250;

/** The CSRF header on every tus request, read when the request is made (the server may rotate it). */
export function addCsrfHeader(req: HttpRequest): void {
  const token = currentCsrfToken();
  if (token) req.setHeader('x-csrf-token', token);
}

const newestFirst = (a: PreviousUpload, b: PreviousUpload) => String(b.creationTime).localeCompare(String(a.creationTime));

/** This application's interrupted uploads the browser remembers (localStorage), newest first. */
export async function findUnfinished(applicationId: string): Promise<PreviousUpload[]> {
  try {
    const all = await defaultOptions.urlStorage.findAllUploads();
    return all.filter((u) => u.metadata?.applicationId === applicationId && !!u.uploadUrl).sort(newestFirst);
  } catch {
    return [];
  }
}

async function forgetFingerprint(fingerprint: string): Promise<void> {
  try {
    for (const u of await defaultOptions.urlStorage.findUploadsByFingerprint(fingerprint)) {
      await defaultOptions.urlStorage.removeUpload(u.urlStorageKey);
    }
  } catch {
    // storage unavailable (private mode): nothing was remembered
  }
}

/** Forgets an interrupted upload and asks the server to delete its partial bytes. */
export async function discardUnfinished(previous: PreviousUpload): Promise<void> {
  if (previous.uploadUrl) {
    await Upload.terminate(previous.uploadUrl, { onBeforeRequest: addCsrfHeader, retryDelays: null }).catch(() => undefined);
  }
  await defaultOptions.urlStorage.removeUpload(previous.urlStorageKey).catch(() => undefined);
}

/**
 * One application's 场所视频 upload: the SHA-256 (in a worker), then tus (8 MiB chunks, retries,
 * 暂停/继续, resume after a reload by the file's fingerprint). It lives outside React, one per
 * application, so closing the drawer does not stop the upload and reopening it shows the progress.
 */
export class VideoUploadController {
  private state: VideoUploadState = INITIAL_VIDEO_UPLOAD;
  private readonly listeners = new Set<() => void>();
  private upload: Upload | null = null;
  private hashAbort: AbortController | null = null;
  private readonly meter = new SpeedMeter();
  private lastProgress = 0;
  /** The newest view's callback (refreshes the video list). */
  onUploaded: () => void = () => undefined;

  constructor(readonly applicationId: string) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): VideoUploadState => this.state;

  private dispatch(action: VideoUploadAction): void {
    const next = videoUploadReducer(this.state, action);
    if (next === this.state) return;
    const wasBusy = isBusy(this.state);
    this.state = next;
    if (isBusy(next) !== wasBusy) this.watchUnload(isBusy(next));
    this.watchOnline(next.phase === 'failed' && next.resumable);
    for (const l of this.listeners) l();
  }

  // the browser asks before a reload or close would interrupt the work
  private readonly warnUnload = (e: BeforeUnloadEvent) => {
    e.preventDefault();
    e.returnValue = '';
  };
  private watchUnload(on: boolean): void {
    if (on) window.addEventListener('beforeunload', this.warnUnload);
    else window.removeEventListener('beforeunload', this.warnUnload);
  }

  // back online after the connection dropped for good: carry on by itself
  private readonly onOnline = () => this.resume();
  private watchOnline(on: boolean): void {
    if (on) window.addEventListener('online', this.onOnline);
    else window.removeEventListener('online', this.onOnline);
  }

  private stopCurrent(): void {
    this.hashAbort?.abort();
    this.hashAbort = null;
    const upload = this.upload;
    this.upload = null;
    // not terminated: the server keeps the bytes, so choosing the file again resumes
    if (upload) void upload.abort(false).catch(() => undefined);
  }

  /** Checks the file, hashes it (读取校验中) unless an interrupted upload of it can resume, then uploads. */
  start(file: File): void {
    this.stopCurrent();
    this.dispatch({ type: 'hash-start', name: file.name, size: file.size });
    const problem = videoFileProblem(file);
    if (problem) {
      this.dispatch({ type: 'fail', message: problem, resumable: false });
      return;
    }
    void this.run(file);
  }

  private options(fingerprint: string, isCurrent: () => boolean): UploadOptions {
    return {
      endpoint: VIDEO_UPLOAD_ENDPOINT,
      chunkSize: VIDEO_CHUNK_BYTES,
      retryDelays: VIDEO_RETRY_DELAYS,
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      fingerprint: () => Promise.resolve(fingerprint),
      onBeforeRequest: addCsrfHeader,
      onProgress: (sent, total) => {
        if (!isCurrent()) return;
        const now = Date.now();
        const speed = this.meter.add(sent, now);
        if (sent < total && now - this.lastProgress < PROGRESS_EVERY_MS) return;
        this.lastProgress = now;
        this.dispatch({ type: 'progress', sent, speed });
      },
      onChunkComplete: (_chunk, accepted) => isCurrent() && this.dispatch({ type: 'chunk-complete', accepted }),
      onShouldRetry: (err, attempt) => {
        const retry = !droppedByServer(err) && shouldRetryStatus(statusOf(err), typeof navigator === 'undefined' || navigator.onLine);
        if (retry && isCurrent()) this.dispatch({ type: 'retrying', attempt: attempt + 1, of: VIDEO_RETRY_DELAYS.length });
        return retry;
      },
      onSuccess: () => {
        if (!isCurrent()) return;
        this.upload = null;
        this.dispatch({ type: 'done' });
        this.onUploaded();
      },
      onError: (err) => {
        const resumable = !droppedByServer(err) && isResumableStatus(statusOf(err));
        // refused (not an MP4, checksum, too large, no longer editable, malware scan down): the server dropped it
        if (!resumable) void forgetFingerprint(fingerprint);
        if (!isCurrent()) return;
        if (!resumable) this.upload = null;
        this.dispatch({ type: 'fail', message: uploadErrorMessage(err), resumable });
      },
    };
  }

  private async run(file: File): Promise<void> {
    const fingerprint = videoFingerprint(this.applicationId, file);
    let upload: Upload | null = null;
    const options = this.options(fingerprint, () => upload !== null && this.upload === upload);
    const abort = new AbortController();
    this.hashAbort = abort;

    let previous: PreviousUpload | undefined;
    try {
      previous = (await new Upload(file, options).findPreviousUploads())
        .filter((p) => p.metadata?.applicationId === this.applicationId && SHA256_HEX.test(p.metadata?.sha256 ?? ''))
        .sort(newestFirst)[0];
    } catch {
      previous = undefined;
    }
    if (abort.signal.aborted) return;

    let sha256: string;
    if (previous) {
      // the same file (name, size, modified time) was being uploaded: the server checks the hash at the end anyway
      sha256 = previous.metadata.sha256!;
    } else {
      try {
        sha256 = await hashFile(file, (hashed) => !abort.signal.aborted && this.dispatch({ type: 'hash-progress', hashed }), abort.signal);
      } catch (e) {
        if (abort.signal.aborted) return;
        this.dispatch({ type: 'fail', message: `读取文件失败（${e instanceof Error ? e.message : String(e)}），请重新选择文件`, resumable: false });
        return;
      }
    }
    if (abort.signal.aborted) return;
    this.hashAbort = null;

    upload = new Upload(file, { ...options, metadata: { applicationId: this.applicationId, filename: file.name, sha256 } });
    if (previous) upload.resumeFromPreviousUpload(previous);
    this.upload = upload;
    this.meter.reset();
    this.lastProgress = 0;
    this.dispatch({ type: 'upload-start', resumed: !!previous });
    upload.start();
  }

  /** 暂停: stops sending; the bytes the server has are kept. */
  pause(): void {
    if (!this.upload || this.state.phase !== 'uploading') return;
    this.dispatch({ type: 'pause' });
    void this.upload.abort(false).catch(() => undefined);
  }

  /** 继续 after 暂停 or after a dropped connection. */
  resume(): void {
    const s = this.state;
    if (!this.upload || !(s.phase === 'paused' || (s.phase === 'failed' && s.resumable))) return;
    this.meter.reset();
    this.dispatch({ type: 'resume' });
    this.upload.start();
  }

  /** Stops hashing, or abandons the upload: the server deletes the partial bytes, the browser forgets it. */
  cancel(): void {
    this.hashAbort?.abort();
    this.hashAbort = null;
    const upload = this.upload;
    this.upload = null;
    if (upload) void upload.abort(true).catch(() => undefined);
    this.dispatch({ type: 'reset' });
  }

  /** Back to idle after done / failed. */
  reset(): void {
    if (isBusy(this.state) || this.state.phase === 'paused' || (this.state.phase === 'failed' && this.state.resumable)) return;
    this.dispatch({ type: 'reset' });
  }
}

const controllers = new Map<string, VideoUploadController>();

/** The one controller of an application's video upload in this browser tab. */
export function videoUploadController(applicationId: string): VideoUploadController {
  let c = controllers.get(applicationId);
  if (!c) {
    c = new VideoUploadController(applicationId);
    controllers.set(applicationId, c);
  }
  return c;
}
