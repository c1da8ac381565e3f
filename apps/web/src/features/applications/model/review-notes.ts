import { REVIEW_FIELD_TARGETS, VIDEO_SLOT, declaredKinds, type TAcceptanceView, type TApplicationDetail, type TReviewDecisionView, type TSubmissionProblem } from '@jhrm/contracts';
import { toNamePath } from '../../../lib/form';

export { pendingCorrection, refusal } from '../../../components/review/acceptance';

/** What the reviewer asked the unit to change: a decision's notes or the items of a 补正 (free text has no target). */
export interface NotesOf {
  notes: readonly { target: 'field' | 'material' | null; key: string | null; label: string; message: string }[];
}

/** A 补正's items that name a field or material, as notes (the form marks them where they belong). */
export const correctionNotes = (c: TAcceptanceView): NotesOf => ({ notes: c.items.filter((i) => i.target && i.key) });

/** The 审核不通过 decision the unit is asked to act on now, if any (the latest, while 审核不通过). */
export function pendingRejection(detail: Pick<TApplicationDetail, 'status' | 'reviews'> | null | undefined): TReviewDecisionView | null {
  const latest = detail?.reviews[0];
  return detail?.status === '审核不通过' && latest?.decision === '审核不通过' ? latest : null;
}

/** The fields a note may name: the record's, and those of the kinds with fields of their own (统计, 诚信示范). */
const fieldTargets = (): readonly { key: string; tab: string }[] => [...REVIEW_FIELD_TARGETS, ...declaredKinds().flatMap((k) => k.reviewTargets.fields ?? [])];

function tabOf(key: string): string {
  const field = fieldTargets().find((t) => t.key === key);
  if (field) return field.tab;
  return key.split('.')[0] ?? '';
}

/**
 * The reviewer's notes as links of the problem list: each opens the tab and field, the list row,
 * or the materials / video drawer it is about.
 */
export function notesAsProblems(decision: NotesOf): TSubmissionProblem[] {
  return decision.notes.flatMap((n) => {
    if (!n.target || !n.key) return [];
    const message = `${n.label}：${n.message}`;
    if (n.target === 'material') return [n.key === VIDEO_SLOT ? { tab: 'video', path: 'video', message } : { tab: 'materials', path: `materials.${n.key}`, message }];
    return [{ tab: tabOf(n.key), path: n.key, message }];
  });
}

/**
 * Warnings to put on the form's own fields; a note on a list (one of `lists`) or its row gets
 * none: the problem list links to it.
 */
export function fieldWarnings(decision: NotesOf, lists: readonly string[], prefix = '审核意见'): { name: (string | number)[]; warnings: string[] }[] {
  return decision.notes
    .filter((n) => n.target === 'field' && fieldTargets().some((t) => t.key === n.key && !lists.includes(t.tab)))
    .map((n) => ({ name: toNamePath(n.key!), warnings: [`${prefix}：${n.message}`] }));
}

/** Notes on material slots (材料名称 → 意见) and on the video, for the drawers. */
export function materialNotes(decision: NotesOf | null): { slots: Record<string, string>; video?: string } {
  const slots: Record<string, string> = {};
  let video: string | undefined;
  for (const n of decision?.notes ?? []) {
    if (n.target !== 'material' || !n.key) continue;
    if (n.key === VIDEO_SLOT) video = n.message;
    else slots[n.key] = n.message;
  }
  return video === undefined ? { slots } : { slots, video };
}
