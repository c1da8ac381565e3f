import type { TLicenceStatus } from '@jhrm/contracts';
import type { StatusTone } from './StatusTag';

/** 有效 green, 已换发 orange (replaced, not void), 已注销 and 已撤销 red: the same everywhere a licence shows. */
export const LICENCE_STATUS_TONE: Record<TLicenceStatus, StatusTone> = { 有效: 'success', 已换发: 'warning', 已注销: 'danger', 已撤销: 'danger' };
