import { RECORD_TABS, type TSubmissionProblem } from '@jhrm/contracts';
import { toNamePath } from '../../../lib/form';

/** The tabs of the 设立审批 form, in the guide's order (the field catalogue's); the key is the server's `tab` name. */
export const FORM_TABS = RECORD_TABS;
export type FormTabKey = (typeof FORM_TABS)[number]['key'];
export type ListKey = 'staff' | 'facilities' | 'fees';

/** Where the problems of 提交 are listed: the form tabs, then the two drawers. */
const GROUPS: readonly { key: string; label: string }[] = [
  ...FORM_TABS,
  { key: 'materials', label: '附件材料' },
  { key: 'video', label: '视频材料' },
];

export function isFormTab(key: string): key is FormTabKey {
  return FORM_TABS.some((t) => t.key === key);
}

export interface ProblemGroup {
  key: string;
  label: string;
  problems: TSubmissionProblem[];
}

/** The refusal's problems grouped by tab, groups in the page's order, problems in the server's. */
export function groupProblems(problems: readonly TSubmissionProblem[]): ProblemGroup[] {
  const groups: ProblemGroup[] = [];
  for (const g of GROUPS) {
    const inGroup = problems.filter((p) => p.tab === g.key);
    if (inGroup.length) groups.push({ key: g.key, label: g.label, problems: inGroup });
  }
  const other = problems.filter((p) => !GROUPS.some((g) => g.key === p.tab));
  if (other.length) groups.push({ key: 'other', label: '其他', problems: other });
  return groups;
}

/** What a problem's link does: focus a field, open a list row, or open a drawer. */
export type ProblemTarget =
  | { kind: 'field'; tab: FormTabKey; name: (string | number)[] }
  | { kind: 'list'; tab: ListKey }
  | { kind: 'row'; tab: ListKey; index: number; field?: string }
  | { kind: 'drawer'; drawer: 'materials' | 'video'; slot?: string }
  | { kind: 'none' };

const LISTS: readonly string[] = ['staff', 'facilities', 'fees'];

export function problemTarget(p: TSubmissionProblem): ProblemTarget {
  if (p.tab === 'materials' || p.tab === 'video') {
    const slot = p.tab === 'materials' && p.path.startsWith('materials.') ? p.path.slice('materials.'.length) : undefined;
    return { kind: 'drawer', drawer: p.tab, ...(slot ? { slot } : {}) };
  }
  if (!isFormTab(p.tab)) return { kind: 'none' };
  const name = toNamePath(p.path);
  if (LISTS.includes(p.tab)) {
    const tab = p.tab as ListKey;
    const [, index, field] = name;
    if (typeof index === 'number') return { kind: 'row', tab, index, ...(typeof field === 'string' ? { field } : {}) };
    return { kind: 'list', tab };
  }
  return { kind: 'field', tab: p.tab, name: name.length ? name : [p.tab] };
}
