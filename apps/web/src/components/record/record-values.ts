import type { TApplicationDetail, TInstitutionBasic } from '@jhrm/contracts';

export type FullRecord = TApplicationDetail['record'];

/** A value as people read it: booleans 是/否, lists joined, nothing for empty. */
export function displayValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.join('、');
  return String(v);
}

/** 单位电话 from its three parts. */
export function unitPhone(b: Partial<TInstitutionBasic>): string {
  if (!b.phoneNumber) return '';
  return [b.phoneAreaCode, b.phoneNumber, b.phoneExtension].filter(Boolean).join('-');
}
