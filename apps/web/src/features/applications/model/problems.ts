import type { TSubmissionProblem } from '@jhrm/contracts';
import { toNamePath } from '../../../lib/form';

/** A tab of a kind's form; the key is the server's `tab` name in a problem of 提交. */
export interface DraftTab {
  key: string;
  label: string;
  optional?: boolean;
}

/** What problem links need to know of a kind's form: its tabs in order, and which tabs are lists of rows. */
export interface DraftLayout {
  tabs: readonly DraftTab[];
  lists: readonly string[];
}

export type DrawerKind = 'materials' | 'video';

/** Every kind's two drawers, listed after the form's tabs. */
const DRAWER_GROUPS: readonly { key: DrawerKind; label: string }[] = [
  { key: 'materials', label: '附件材料' },
  { key: 'video', label: '视频材料' },
];

export interface ProblemGroup {
  key: string;
  label: string;
  problems: TSubmissionProblem[];
}

/** The refusal's problems grouped by tab, groups in the page's order (tabs, then drawers), problems in the server's. */
export function groupProblems(problems: readonly TSubmissionProblem[], tabs: readonly DraftTab[]): ProblemGroup[] {
  const order = [...tabs, ...DRAWER_GROUPS];
  const groups: ProblemGroup[] = [];
  for (const g of order) {
    const inGroup = problems.filter((p) => p.tab === g.key);
    if (inGroup.length) groups.push({ key: g.key, label: g.label, problems: inGroup });
  }
  const other = problems.filter((p) => !order.some((g) => g.key === p.tab));
  if (other.length) groups.push({ key: 'other', label: '其他', problems: other });
  return groups;
}

/** What a problem's link does: focus a field, open a list row, or open a drawer. */
export type ProblemTarget =
  | { kind: 'field'; tab: string; name: (string | number)[] }
  | { kind: 'list'; tab: string }
  | { kind: 'row'; tab: string; index: number; field?: string }
  | { kind: 'drawer'; drawer: DrawerKind; slot?: string }
  | { kind: 'none' };

export function problemTarget(p: TSubmissionProblem, { tabs, lists }: DraftLayout): ProblemTarget {
  if (p.tab === 'materials' || p.tab === 'video') {
    const slot = p.tab === 'materials' && p.path.startsWith('materials.') ? p.path.slice('materials.'.length) : undefined;
    return { kind: 'drawer', drawer: p.tab, ...(slot ? { slot } : {}) };
  }
  if (!tabs.some((t) => t.key === p.tab)) return { kind: 'none' };
  const name = toNamePath(p.path);
  if (lists.includes(p.tab)) {
    const [, index, field] = name;
    if (typeof index === 'number') return { kind: 'row', tab: p.tab, index, ...(typeof field === 'string' ? { field } : {}) };
    return { kind: 'list', tab: p.tab };
  }
  return { kind: 'field', tab: p.tab, name: name.length ? name : [p.tab] };
}

/** Server paths that name no field of the form (e.g. a list row) still get a place: as problems. */
export function asProblems(errors: readonly { path: string; message: string }[]): TSubmissionProblem[] {
  return errors.map((e) => ({ tab: toNamePath(e.path)[0]?.toString() ?? '', path: e.path, message: e.message }));
}
