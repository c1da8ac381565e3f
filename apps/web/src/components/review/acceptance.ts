import type { TAcceptanceView, TApplicationDetail } from '@jhrm/contracts';

/** The 补正 the unit is asked to act on now, if any (the latest acceptance decision, while 待补正). */
export function pendingCorrection(detail: Pick<TApplicationDetail, 'status' | 'acceptances'> | null | undefined): TAcceptanceView | null {
  const latest = detail?.acceptances[0];
  return detail?.status === '待补正' && latest?.decision === '补正' ? latest : null;
}

/** The 不予受理 of an application, if that is how it ended. */
export function refusal(detail: Pick<TApplicationDetail, 'status' | 'acceptances'> | null | undefined): TAcceptanceView | null {
  const latest = detail?.acceptances[0];
  return detail?.status === '不予受理' && latest?.decision === '不予受理' ? latest : null;
}
