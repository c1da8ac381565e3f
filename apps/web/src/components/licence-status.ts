import type { TLicenceDisplayStatus } from '@jhrm/contracts';
import type { StatusTone } from './StatusTag';

/**
 * 有效 green, 已换发 / 已补发 orange (replaced, not void), 已注销 / 已撤销 / 已过期 red: the same everywhere a
 * licence shows.
 */
export const LICENCE_STATUS_TONE: Record<TLicenceDisplayStatus, StatusTone> = { 有效: 'success', 已换发: 'warning', 已注销: 'danger', 已撤销: 'danger', 已过期: 'danger', 已补发: 'warning' };
