import { CHILD_LEVEL, type TAdminDepartment, type TDepartmentLevel } from '@jhrm/contracts';

export interface DepartmentNode extends TAdminDepartment {
  /** absent on leaves, so tables and tree selects show no expander there */
  children?: DepartmentNode[];
}

/** The flat list (sorted by code) as the province → city → county tree; orphans become roots. */
export function buildDepartmentTree(list: readonly TAdminDepartment[]): DepartmentNode[] {
  const nodes = new Map<string, DepartmentNode>(list.map((d) => [d.code, { ...d }]));
  const roots: DepartmentNode[] = [];
  for (const d of list) {
    const node = nodes.get(d.code)!;
    const parent = d.parentCode ? nodes.get(d.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

export interface DepartmentOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: DepartmentOption[];
}

/**
 * TreeSelect data. `pickableInactive: false` (placing a reviewer) greys out inactive departments;
 * filtering keeps them pickable, since their reviewers and history remain.
 */
export function departmentOptions(list: readonly TAdminDepartment[], pickableInactive: boolean): DepartmentOption[] {
  const toOption = (n: DepartmentNode): DepartmentOption => ({
    value: n.code,
    title: n.active ? n.name : `${n.name}（已停用）`,
    ...(!n.active && !pickableInactive ? { disabled: true } : {}),
    ...(n.children ? { children: n.children.map(toOption) } : {}),
  });
  return buildDepartmentTree(list).map(toOption);
}

/** What a new sub-department's code looks like (GB/T 2260), as a placeholder. */
export function childCodeHint(parent: Pick<TAdminDepartment, 'code' | 'level'>): string | null {
  const level: TDepartmentLevel | null = CHILD_LEVEL[parent.level];
  if (level === 'city') return `${parent.code.slice(0, 2)}xx00`;
  if (level === 'county') return `${parent.code.slice(0, 4)}xx`;
  return null;
}
