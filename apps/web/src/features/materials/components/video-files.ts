import { extensionOf, formatFileSize } from './material-files';

/** 场所视频光盘: MP4 only, at most 2 GiB (the server checks the container again). */
export const VIDEO_MAX_BYTES = 2 * 1024 * 1024 * 1024;
export const VIDEO_ACCEPT = 'video/mp4,.mp4';
/** tus PATCH size: big enough to be fast, small enough that a dropped connection loses little. */
export const VIDEO_CHUNK_BYTES = 8 * 1024 * 1024;
export const VIDEO_RETRY_DELAYS = [0, 1000, 3000, 5000];

export interface VideoFileLike {
  name: string;
  size: number;
  type: string;
}

/** Why a file cannot be uploaded as the video, or null. */
export function videoFileProblem(file: VideoFileLike): string | null {
  const ext = extensionOf(file.name);
  // some systems report no type for .mp4; a declared type must be MP4's
  if (ext !== 'mp4' || (file.type !== '' && file.type !== 'video/mp4')) return `文件“${file.name}”不是 MP4 视频，场所视频只能上传 MP4 格式`;
  if (file.size === 0) return `文件“${file.name}”是空文件，请重新选择`;
  if (file.size > VIDEO_MAX_BYTES) return `视频“${file.name}”为 ${formatFileSize(file.size)}，超过 2 GB，请压缩后再上传`;
  return null;
}

/** mm:ss (minutes keep counting past 59: 75:03); '' when unknown. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '';
  const whole = Math.round(seconds);
  const m = Math.floor(whole / 60);
  const s = whole % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** 3.2 MB/s */
export function formatSpeed(bytesPerSecond: number): string {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0) return '';
  return `${formatFileSize(bytesPerSecond)}/s`;
}

/** Seconds to a short Chinese estimate: 约 45 秒 / 约 3 分钟 / 约 1 小时 20 分钟. */
export function formatEta(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 60) return `约 ${Math.max(1, Math.ceil(seconds))} 秒`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `约 ${minutes} 分钟`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `约 ${h} 小时` : `约 ${h} 小时 ${m} 分钟`;
}

/**
 * Transfer speed over a sliding window of progress samples (bytes, ms), so a pause or a retry
 * does not distort it for long.
 */
export class SpeedMeter {
  private samples: { at: number; bytes: number }[] = [];
  constructor(private readonly windowMs = 5000) {}

  reset(): void {
    this.samples = [];
  }

  /** Records `bytes` (total so far) at time `at` and returns bytes per second (0 until two samples). */
  add(bytes: number, at: number): number {
    this.samples.push({ at, bytes });
    while (this.samples.length > 2 && at - this.samples[0]!.at > this.windowMs) this.samples.shift();
    const first = this.samples[0]!;
    const elapsed = (at - first.at) / 1000;
    return elapsed > 0 ? Math.max(0, (bytes - first.bytes) / elapsed) : 0;
  }
}
