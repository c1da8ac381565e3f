import { LICENCE_TITLES, type TLicenceKind, type TLicenceVerification } from '@jhrm/contracts';
import { LICENCE_STATUS_TONE } from '../../../components/licence-status';
import type { StatusTone } from '../../../components/StatusTag';

/** 2026-11-26 → 2026年11月26日, as the certificate prints it ('' for none, the input if not a date). */
export function chineseDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** An ISO timestamp as the Beijing calendar day (the certificate's dates are Beijing days). */
export function beijingDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export interface VerificationVerdict {
  tone: StatusTone;
  /** the big word on the result card */
  headline: string;
  /** one sentence saying what it means */
  detail: string;
}

/** What the verification page says about a licence. */
export function verificationVerdict(v: Pick<TLicenceVerification, 'kind' | 'status' | 'supersededByNumber' | 'endedAt'>): VerificationVerdict {
  const title = LICENCE_TITLES[v.kind as TLicenceKind];
  const since = v.endedAt ? `已于${chineseDate(beijingDay(v.endedAt))}` : '已';
  const tone = LICENCE_STATUS_TONE[v.status];
  if (v.status === '有效') return { tone, headline: '有效', detail: `该${title}真实有效。` };
  if (v.status === '已换发') {
    return {
      tone,
      headline: v.supersededByNumber ? `已换发（现行编号 ${v.supersededByNumber}）` : '已换发',
      detail: `该${title}${since}因机构信息变更换发，原证不再有效${v.supersededByNumber ? '，请以现行编号为准' : ''}。`,
    };
  }
  return { tone, headline: '已注销', detail: `该${title}${since}注销，不再有效。` };
}
