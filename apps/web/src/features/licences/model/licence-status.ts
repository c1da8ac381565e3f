import { beijingDay, chineseDate, LICENCE_TITLES, renewalBlocked, type TLicenceKind, type TLicenceVerification, type TUnitLicence } from '@jhrm/contracts';
import { LICENCE_STATUS_TONE } from '../../../components/licence-status';
import type { StatusTone } from '../../../components/StatusTag';

/** A timestamp (ISO) as the Beijing calendar day it fell on, printed the Chinese way ('' for none). */
export function chineseDayOf(iso: string | null | undefined): string {
  const at = iso ? new Date(iso) : null;
  return at && !Number.isNaN(at.getTime()) ? chineseDate(beijingDay(at)) : '';
}

export interface VerificationVerdict {
  tone: StatusTone;
  /** the big word on the result card */
  headline: string;
  /** one sentence saying what it means */
  detail: string;
}

/** What the verification page says about a licence. */
export function verificationVerdict(
  v: Pick<TLicenceVerification, 'kind' | 'status' | 'supersededByNumber' | 'endedAt'> & Partial<Pick<TLicenceVerification, 'validUntil' | 'reissuedOn' | 'printSuperseded'>>,
): VerificationVerdict {
  const title = LICENCE_TITLES[v.kind as TLicenceKind];
  const since = v.endedAt ? `已于${chineseDayOf(v.endedAt)}` : '已';
  const tone = LICENCE_STATUS_TONE[v.status];
  const replaced = v.reissuedOn ? `本证已于${chineseDate(v.reissuedOn)}补发。` : '';
  if (v.status === '已补发') {
    return { tone, headline: '已补发，以最新补发证件为准', detail: `本证已于${chineseDate(v.reissuedOn)}补发，此前打印的同编号证件已作废，请以最新补发的证件为准。` };
  }
  if (v.status === '已过期') return { tone, headline: '已过期', detail: `该${title}有效期至${chineseDate(v.validUntil)}，已过期，不再有效。` };
  if (v.status === '有效' && v.printSuperseded) {
    return { tone: 'warning', headline: '证件已更新，以最新证件为准', detail: `该${title}已延续并重新打印，此前打印的同编号证件不再使用，请以最新证件为准。` };
  }
  if (v.status === '有效') return { tone, headline: '有效', detail: `该${title}真实有效。${replaced}` };
  if (v.status === '已换发') {
    return {
      tone,
      headline: v.supersededByNumber ? `已换发（现行编号 ${v.supersededByNumber}）` : '已换发',
      detail: `该${title}${since}因机构信息变更换发，原证不再有效${v.supersededByNumber ? '，请以现行编号为准' : ''}。`,
    };
  }
  if (v.status === '已撤销') return { tone, headline: '已撤销', detail: `该${title}${since}因告知承诺核查不属实且逾期未整改被撤销，不再有效。` };
  return { tone, headline: '已注销', detail: `该${title}${since}注销，不再有效。` };
}

/**
 * 许可证延续 on the unit's licence card (decision 0047): offered for a licence in force that has a
 * validity (null otherwise: nothing to renew), with why it cannot be renewed on `today` (Beijing
 * day) — too early or already expired — or null when it can (the rule the server applies).
 */
export function renewalOffer(l: Pick<TUnitLicence, 'number' | 'status' | 'validUntil'>, today: string): { blocked: string | null } | null {
  if (l.status !== '有效' || !l.validUntil) return null;
  return { blocked: renewalBlocked(l, today) };
}
