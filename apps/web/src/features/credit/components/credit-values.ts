import type { CreditField } from '@jhrm/contracts';

/** A field's answer as text for the read-only view: 98.5%, 是, 现场招聘会、人力资源培训服务 … (blank: empty). */
export function answerText(f: CreditField, v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  if (Array.isArray(v)) return v.join('、');
  if (f.input === 'percent' && typeof v === 'number') return `${v}%`;
  return String(v);
}
