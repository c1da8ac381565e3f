import type { QRStatus } from 'antd/es/qr-code/interface';

/** What the desktop's QR panel is showing. */
export type QrPhase = 'loading' | 'pending' | 'scanned' | 'cancelled' | 'expired' | 'used' | 'failed';

/** A ticket lives 2 minutes on the server; the desktop counts from when it received it. */
export const QR_LIFETIME_MS = 2 * 60_000;
export const QR_POLL_MS = 1_000;

export const QR_TEXT = {
  pending: '请使用吉事办 App 或手机浏览器扫码（需已登录经办人账号）',
  scanned: '已扫码，请在手机上确认',
  cancelled: '已取消',
  expired: '二维码已过期',
  used: '二维码已使用',
  refresh: '点击刷新',
  loading: '二维码加载中…',
} as const;

/** antd QRCode's overlay status for a phase. */
export function qrCodeStatus(phase: QrPhase): QRStatus {
  switch (phase) {
    case 'loading':
      return 'loading';
    case 'pending':
      return 'active';
    case 'scanned':
      return 'scanned';
    default:
      return 'expired';
  }
}

/** Whether the panel should keep asking the server. */
export function isWaiting(phase: QrPhase): boolean {
  return phase === 'pending' || phase === 'scanned';
}

/** The line under the code. */
export function qrHint(phase: QrPhase, failure: string | null): string {
  switch (phase) {
    case 'loading':
      return QR_TEXT.loading;
    case 'pending':
      return QR_TEXT.pending;
    case 'scanned':
      return QR_TEXT.scanned;
    case 'cancelled':
      return '已取消，请点击二维码刷新后重新扫码';
    case 'expired':
      return '二维码已过期，请点击二维码刷新';
    case 'used':
      return '二维码已使用，请点击二维码刷新';
    case 'failed':
      return failure ?? '二维码获取失败，请点击刷新';
  }
}

/** The link the QR encodes: this site's origin plus the ticket's page. */
export function qrTarget(origin: string, url: string): string {
  return origin.replace(/\/+$/, '') + (url.startsWith('/') ? url : '/' + url);
}
