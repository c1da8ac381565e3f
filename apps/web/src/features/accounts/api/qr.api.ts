import type { TQrStatus, TQrTicket } from '@jhrm/contracts';
import { api } from '../../../lib/api-client';

// 扫码登录. The desktop side (login page) uses only types from contracts: it is part of the
// login path, where zod must not load.

export type QrStatus = TQrStatus['status'];

/** Desktop: a new ticket; the server binds it to this browser with an httpOnly cookie. */
export function createQrTicket(): Promise<TQrTicket> {
  return api.post<TQrTicket>('/api/auth/qr', {}, { skipAuthRedirect: true });
}

/** Desktop: the ticket's state; `confirmed` comes with the new session (`me`). */
export function pollQrTicket(id: string, signal?: AbortSignal): Promise<TQrStatus> {
  return api.get<TQrStatus>(`/api/auth/qr/${encodeURIComponent(id)}`, { skipAuthRedirect: true, ...(signal ? { signal } : {}) });
}

/** Phone (signed-in agent): marks the ticket scanned. */
export function scanQrTicket(id: string, signal?: AbortSignal): Promise<{ status: QrStatus; expiresAt: string }> {
  return api.get(`/api/auth/qr/${encodeURIComponent(id)}/scan`, signal ? { signal } : {});
}

/** Phone: 确认登录 or 取消. */
export function decideQrTicket(id: string, decision: 'confirm' | 'cancel'): Promise<{ ok: true }> {
  return api.post(`/api/auth/qr/${encodeURIComponent(id)}/${decision}`, {});
}
