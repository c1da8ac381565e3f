import { describe, expect, it } from 'vitest';
import { INITIAL_VIDEO_UPLOAD, isBusy, percentOf, videoUploadReducer, type VideoUploadAction, type VideoUploadState } from './video-upload-state';

const run = (...actions: VideoUploadAction[]): VideoUploadState => actions.reduce(videoUploadReducer, INITIAL_VIDEO_UPLOAD);
const MB = 1024 * 1024;

describe('videoUploadReducer', () => {
  it('goes hashing → uploading → done', () => {
    let s = run({ type: 'hash-start', name: 'a.mp4', size: 100 * MB }, { type: 'hash-progress', hashed: 40 * MB });
    expect(s.phase).toBe('hashing');
    expect(percentOf(s.hashed, s.fileSize)).toBe(40);
    expect(isBusy(s)).toBe(true);
    s = videoUploadReducer(s, { type: 'upload-start', resumed: false });
    expect(s).toMatchObject({ phase: 'uploading', sent: 0, resumedAt: null });
    s = videoUploadReducer(s, { type: 'progress', sent: 16 * MB, speed: 2 * MB });
    expect(s).toMatchObject({ sent: 16 * MB, speed: 2 * MB });
    s = videoUploadReducer(s, { type: 'done' });
    expect(s).toMatchObject({ phase: 'done', sent: 100 * MB, speed: 0 });
    expect(isBusy(s)).toBe(false);
  });

  it('remembers where a resumed upload started', () => {
    const s = run(
      { type: 'hash-start', name: 'a.mp4', size: 100 * MB },
      { type: 'upload-start', resumed: true },
      { type: 'progress', sent: 64 * MB, speed: 0 },
      { type: 'progress', sent: 72 * MB, speed: MB },
    );
    expect(s.resumedAt).toBe(64 * MB);
    expect(s.sent).toBe(72 * MB);
  });

  it('shows a retry until the next chunk is accepted', () => {
    let s = run({ type: 'hash-start', name: 'a.mp4', size: 100 * MB }, { type: 'upload-start', resumed: false }, { type: 'progress', sent: 8 * MB, speed: MB });
    s = videoUploadReducer(s, { type: 'retrying', attempt: 2, of: 4 });
    expect(s.retry).toEqual({ attempt: 2, of: 4 });
    expect(s.speed).toBe(0);
    s = videoUploadReducer(s, { type: 'chunk-complete', accepted: 16 * MB });
    expect(s.retry).toBeNull();
    expect(s.sent).toBe(16 * MB);
  });

  it('pauses and resumes only from the right phases', () => {
    const uploading = run({ type: 'hash-start', name: 'a.mp4', size: 10 }, { type: 'upload-start', resumed: false });
    const paused = videoUploadReducer(uploading, { type: 'pause' });
    expect(paused.phase).toBe('paused');
    expect(isBusy(paused)).toBe(false);
    expect(videoUploadReducer(paused, { type: 'resume' }).phase).toBe('uploading');
    // nothing to pause while hashing, nothing to resume when idle
    expect(run({ type: 'hash-start', name: 'a.mp4', size: 10 }, { type: 'pause' }).phase).toBe('hashing');
    expect(run({ type: 'resume' }).phase).toBe('idle');
  });

  it('resumes after a dropped connection but not after a refusal', () => {
    const uploading = run({ type: 'hash-start', name: 'a.mp4', size: 10 }, { type: 'upload-start', resumed: false });
    const dropped = videoUploadReducer(uploading, { type: 'fail', message: '网络连接中断', resumable: true });
    expect(dropped).toMatchObject({ phase: 'failed', resumable: true, error: '网络连接中断' });
    expect(videoUploadReducer(dropped, { type: 'resume' })).toMatchObject({ phase: 'uploading', error: null });
    const refused = videoUploadReducer(uploading, { type: 'fail', message: '只接受 MP4 格式的视频', resumable: false });
    expect(videoUploadReducer(refused, { type: 'resume' }).phase).toBe('failed');
  });

  it('ignores late progress after a pause, and a new file starts from scratch', () => {
    const paused = run({ type: 'hash-start', name: 'a.mp4', size: 10 }, { type: 'upload-start', resumed: false }, { type: 'pause' });
    expect(videoUploadReducer(paused, { type: 'progress', sent: 5, speed: 1 })).toBe(paused);
    expect(videoUploadReducer(paused, { type: 'hash-start', name: 'b.mp4', size: 20 })).toEqual({ ...INITIAL_VIDEO_UPLOAD, phase: 'hashing', fileName: 'b.mp4', fileSize: 20 });
    expect(videoUploadReducer(paused, { type: 'reset' })).toEqual(INITIAL_VIDEO_UPLOAD);
  });
});

describe('percentOf', () => {
  it('is a whole percentage, 0 for nothing, never over 100', () => {
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(999, 1000)).toBe(99);
    expect(percentOf(5, 4)).toBe(100);
  });
});
