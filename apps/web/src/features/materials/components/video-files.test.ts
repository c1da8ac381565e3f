import { describe, expect, it } from 'vitest';
import { SpeedMeter, VIDEO_MAX_BYTES, formatDuration, formatEta, formatSpeed, videoFileProblem } from './video-files';

describe('videoFileProblem', () => {
  it('accepts an MP4 up to 2 GiB, also when the browser reports no type', () => {
    expect(videoFileProblem({ name: '场所.mp4', size: 10, type: 'video/mp4' })).toBeNull();
    expect(videoFileProblem({ name: 'OFFICE.MP4', size: 10, type: '' })).toBeNull();
    expect(videoFileProblem({ name: 'max.mp4', size: VIDEO_MAX_BYTES, type: 'video/mp4' })).toBeNull();
  });

  it('refuses other containers by extension or declared type', () => {
    expect(videoFileProblem({ name: 'a.mov', size: 10, type: 'video/quicktime' })).toBe('文件“a.mov”不是 MP4 视频，场所视频只能上传 MP4 格式');
    expect(videoFileProblem({ name: 'a.avi', size: 10, type: '' })).toContain('不是 MP4');
    expect(videoFileProblem({ name: 'renamed.mp4', size: 10, type: 'video/x-matroska' })).toContain('不是 MP4');
  });

  it('refuses files over 2 GiB and empty files', () => {
    expect(videoFileProblem({ name: 'big.mp4', size: VIDEO_MAX_BYTES + 1, type: 'video/mp4' })).toBe('视频“big.mp4”为 2.00 GB，超过 2 GB，请压缩后再上传');
    expect(videoFileProblem({ name: 'empty.mp4', size: 0, type: 'video/mp4' })).toContain('空文件');
  });
});

describe('formatDuration', () => {
  it('is mm:ss, minutes counting past an hour', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(5)).toBe('00:05');
    expect(formatDuration(65)).toBe('01:05');
    expect(formatDuration(599.6)).toBe('10:00');
    expect(formatDuration(4503)).toBe('75:03');
  });

  it('is empty when unknown', () => {
    expect(formatDuration(null)).toBe('');
    expect(formatDuration(undefined)).toBe('');
    expect(formatDuration(Number.NaN)).toBe('');
    expect(formatDuration(-1)).toBe('');
  });
});

describe('formatSpeed / formatEta', () => {
  it('formats a speed', () => {
    expect(formatSpeed(3.2 * 1024 * 1024)).toBe('3.2 MB/s');
    expect(formatSpeed(0)).toBe('');
  });

  it('estimates the time left', () => {
    expect(formatEta(0.2)).toBe('约 1 秒');
    expect(formatEta(45)).toBe('约 45 秒');
    expect(formatEta(150)).toBe('约 3 分钟');
    expect(formatEta(3600)).toBe('约 1 小时');
    expect(formatEta(4800)).toBe('约 1 小时 20 分钟');
    expect(formatEta(Infinity)).toBe('');
  });
});

describe('SpeedMeter', () => {
  it('measures over a sliding window', () => {
    const m = new SpeedMeter(5000);
    expect(m.add(0, 0)).toBe(0);
    expect(m.add(1_000_000, 1000)).toBe(1_000_000);
    expect(m.add(2_000_000, 2000)).toBe(1_000_000);
    // a slow stretch: after the window only the recent samples count
    m.add(2_000_000, 8000);
    expect(m.add(2_500_000, 9000)).toBe(500_000);
  });

  it('starts again after a reset (继续 after 暂停)', () => {
    const m = new SpeedMeter();
    m.add(0, 0);
    m.add(5_000_000, 1000);
    m.reset();
    expect(m.add(5_000_000, 60_000)).toBe(0);
    expect(m.add(6_000_000, 61_000)).toBe(1_000_000);
  });
});
