import { describe, expect, it } from 'vitest';
import { isWaiting, qrCodeStatus, qrHint, qrTarget } from './qr-login';

describe('qrTarget', () => {
  it('joins the origin and the ticket page', () => {
    expect(qrTarget('http://127.0.0.1:3100', '/m/qr/abc')).toBe('http://127.0.0.1:3100/m/qr/abc');
    expect(qrTarget('https://example.cn/', 'm/qr/abc')).toBe('https://example.cn/m/qr/abc');
  });
});

describe('QR panel phases', () => {
  it('maps phases to the QRCode overlay', () => {
    expect(qrCodeStatus('loading')).toBe('loading');
    expect(qrCodeStatus('pending')).toBe('active');
    expect(qrCodeStatus('scanned')).toBe('scanned');
    expect(qrCodeStatus('cancelled')).toBe('expired');
    expect(qrCodeStatus('expired')).toBe('expired');
    expect(qrCodeStatus('failed')).toBe('expired');
    expect(qrCodeStatus('used')).toBe('expired');
  });

  it('polls only while a scan can still happen', () => {
    expect(isWaiting('pending')).toBe(true);
    expect(isWaiting('scanned')).toBe(true);
    for (const p of ['loading', 'cancelled', 'expired', 'used', 'failed'] as const) expect(isWaiting(p)).toBe(false);
  });

  it('tells the user what to do in Chinese', () => {
    expect(qrHint('pending', null)).toBe('请使用吉事办 App 或手机浏览器扫码（需已登录经办人账号）');
    expect(qrHint('scanned', null)).toBe('已扫码，请在手机上确认');
    expect(qrHint('cancelled', null)).toContain('已取消');
    expect(qrHint('expired', null)).toContain('已过期');
    expect(qrHint('used', null)).toBe('二维码已使用，请点击二维码刷新');
    expect(qrHint('failed', '网络连接失败，请检查网络后重试')).toBe('网络连接失败，请检查网络后重试');
  });
});
