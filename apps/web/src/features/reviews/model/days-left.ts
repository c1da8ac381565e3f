import { daysLeftText } from '@jhrm/contracts';
import type { StatusTone } from '../../../components/StatusTag';

/** How the 剩余工作日 column shows the working days left (节假日设置's calendar) of the 20-working-day limit (条例 第十九条). */
export function daysLeftDisplay(daysLeft: number | null): { text: string; tone: StatusTone; urgent: boolean } | null {
  if (daysLeft === null) return null;
  const text = daysLeftText(daysLeft);
  if (daysLeft < 0) return { text, tone: 'danger', urgent: true };
  if (daysLeft <= 3) return { text, tone: 'warning', urgent: true };
  return { text, tone: 'neutral', urgent: false };
}

/** The 剩余工作日 filter: at most N working days left (-1: overdue only). */
export const DAYS_LEFT_FILTERS = [
  { value: -1, label: '已超期' },
  { value: 3, label: '3个工作日内到期（含已超期）' },
  { value: 5, label: '5个工作日内到期（含已超期）' },
  { value: 10, label: '10个工作日内到期（含已超期）' },
] as const;

/** The 剩余天数 a link to 待审核 presets (`?maxDaysLeft=`, paths.ts' pendingReviewsPath): one the filter offers, or none. */
export function presetDaysLeft(search: URLSearchParams): number | undefined {
  const raw = search.get('maxDaysLeft');
  if (raw === null || !/^-?\d+$/.test(raw)) return undefined;
  return DAYS_LEFT_FILTERS.find((d) => d.value === Number(raw))?.value;
}

/** The 受理 filter a link to 待审核 presets (`?accepted=待受理`): one the filter offers, or none. */
export function presetAccepted(search: URLSearchParams): '待受理' | '已受理' | undefined {
  const raw = search.get('accepted');
  return raw === '待受理' || raw === '已受理' ? raw : undefined;
}
