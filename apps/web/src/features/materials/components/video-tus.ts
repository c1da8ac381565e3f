/** Pure pieces of the tus upload: the fingerprint, and what to tell people about an error. */

/** Where tus creates uploads (apps/server VIDEO_UPLOAD_PATH). */
export const VIDEO_UPLOAD_ENDPOINT = '/api/uploads/video';

/**
 * The key tus stores an unfinished upload's URL under (localStorage). It includes the application,
 * so the same file chosen for another application never resumes into this one.
 */
export function videoFingerprint(applicationId: string, file: { name: string; type: string; size: number; lastModified: number }): string {
  return ['jhrm-video', applicationId, file.name, file.type, file.size, file.lastModified].join('::');
}

export const NETWORK_LOST = '网络连接中断，上传已暂停。请检查网络后点击“继续”，将从中断处继续上传';

/** The parts of tus' DetailedError this looks at. */
export interface TusErrorLike {
  message?: string;
  originalResponse?: { getStatus(): number; getBody(): string } | null;
}

export function statusOf(err: TusErrorLike): number {
  return err.originalResponse?.getStatus() ?? 0;
}

/** tus' retry rule (no response, 5xx, 409 offset mismatch, 423 locked); offline never retries. */
export function shouldRetryStatus(status: number, online: boolean): boolean {
  return online && (status === 0 || status >= 500 || status === 409 || status === 423);
}

/** Can 继续 pick the upload up again (no answer, server busy, conflict), or must the person choose a file again? */
export function isResumableStatus(status: number): boolean {
  return status === 0 || status >= 500 || status === 409 || status === 423 || status === 408 || status === 429;
}

/** The server's JSON error body, if it is one of ours. */
function serverError(body: string): { code: string; message: string } | null {
  try {
    const parsed = JSON.parse(body) as { code?: unknown; message?: unknown };
    return typeof parsed.code === 'string' && typeof parsed.message === 'string' && parsed.message ? { code: parsed.code, message: parsed.message } : null;
  } catch {
    return null;
  }
}

/**
 * The last chunk arrived but the server could not check the file (its malware scan is down) and
 * dropped the upload: retrying at once would send the whole file again, so the person chooses it
 * again later instead.
 */
export function droppedByServer(err: TusErrorLike): boolean {
  return statusOf(err) === 503 && serverError(err.originalResponse?.getBody() ?? '')?.code === 'UNAVAILABLE';
}

/** What to show when an upload stops for good (after tus' own retries). */
export function uploadErrorMessage(err: TusErrorLike): string {
  const status = statusOf(err);
  if (status === 0) return NETWORK_LOST;
  if (status === 401) return '登录已过期，请重新登录后再上传视频';
  const fromServer = serverError(err.originalResponse?.getBody() ?? '')?.message;
  if (fromServer) return status >= 500 && !droppedByServer(err) ? `${fromServer}。可稍后点击“继续”` : fromServer;
  if (status === 413) return '视频文件超过允许的大小（2 GB）';
  if (status === 415) return '只接受 MP4 格式的视频';
  if (status >= 500) return '服务器暂时无法处理上传，请稍后点击“继续”';
  return '视频上传失败，请重新选择文件上传';
}
