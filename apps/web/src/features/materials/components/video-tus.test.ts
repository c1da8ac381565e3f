import { describe, expect, it } from 'vitest';
import { NETWORK_LOST, droppedByServer, isResumableStatus, shouldRetryStatus, uploadErrorMessage, videoFingerprint } from './video-tus';

const res = (status: number, body = '') => ({ originalResponse: { getStatus: () => status, getBody: () => body } });

describe('videoFingerprint', () => {
  it('differs per application for the same file', () => {
    const file = { name: 'a.mp4', type: 'video/mp4', size: 10, lastModified: 1 };
    expect(videoFingerprint('app-1', file)).not.toBe(videoFingerprint('app-2', file));
    expect(videoFingerprint('app-1', file)).toBe(videoFingerprint('app-1', { ...file }));
    expect(videoFingerprint('app-1', { ...file, lastModified: 2 })).not.toBe(videoFingerprint('app-1', file));
  });
});

describe('retry rules', () => {
  it('retries dropped connections and server trouble while online', () => {
    for (const s of [0, 500, 502, 503, 409, 423]) expect(shouldRetryStatus(s, true)).toBe(true);
    for (const s of [400, 401, 403, 404, 413, 415, 460]) expect(shouldRetryStatus(s, true)).toBe(false);
    expect(shouldRetryStatus(0, false)).toBe(false);
  });

  it('does not send the whole file again when the server dropped it because its malware scan is down', () => {
    const scanDown = res(503, JSON.stringify({ code: 'UNAVAILABLE', message: '文件安全检查暂不可用，请稍后再试' }));
    expect(droppedByServer(scanDown)).toBe(true);
    expect(uploadErrorMessage(scanDown)).toBe('文件安全检查暂不可用，请稍后再试');
    expect(droppedByServer(res(503, JSON.stringify({ code: 'INTERNAL', message: '系统繁忙，请稍后再试' })))).toBe(false);
    expect(droppedByServer(res(503, '<html>Service Unavailable</html>'))).toBe(false);
    expect(droppedByServer(res(422, JSON.stringify({ code: 'UNAVAILABLE', message: 'x' })))).toBe(false);
  });

  it('offers 继续 only where carrying on can work', () => {
    expect(isResumableStatus(0)).toBe(true);
    expect(isResumableStatus(503)).toBe(true);
    expect(isResumableStatus(415)).toBe(false);
    expect(isResumableStatus(460)).toBe(false);
  });
});

describe('uploadErrorMessage', () => {
  it('says the connection dropped when there was no answer', () => {
    expect(uploadErrorMessage({})).toBe(NETWORK_LOST);
    expect(uploadErrorMessage({ originalResponse: null })).toBe(NETWORK_LOST);
  });

  it("shows the server's own message", () => {
    expect(uploadErrorMessage(res(415, JSON.stringify({ code: 'UNSUPPORTED_MEDIA', message: '只接受 MP4 格式的视频（按文件内容判断）' })))).toBe('只接受 MP4 格式的视频（按文件内容判断）');
    expect(uploadErrorMessage(res(460, JSON.stringify({ code: 'VALIDATION', message: '文件校验失败，请重新上传' })))).toBe('文件校验失败，请重新上传');
    expect(uploadErrorMessage(res(503, JSON.stringify({ code: 'INTERNAL', message: '系统繁忙，请稍后再试' })))).toBe('系统繁忙，请稍后再试。可稍后点击“继续”');
  });

  it('falls back to its own words for bodies that are not ours', () => {
    expect(uploadErrorMessage(res(413, 'Request Entity Too Large'))).toBe('视频文件超过允许的大小（2 GB）');
    expect(uploadErrorMessage(res(415))).toBe('只接受 MP4 格式的视频');
    expect(uploadErrorMessage(res(401))).toBe('登录已过期，请重新登录后再上传视频');
    expect(uploadErrorMessage(res(500, '<html>'))).toBe('服务器暂时无法处理上传，请稍后点击“继续”');
    expect(uploadErrorMessage(res(400))).toBe('视频上传失败，请重新选择文件上传');
  });
});
