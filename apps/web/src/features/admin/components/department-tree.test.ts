import { describe, expect, it } from 'vitest';
import type { TAdminDepartment } from '@jhrm/contracts';
import { buildDepartmentTree, childCodeHint, departmentOptions } from './department-tree';

const d = (code: string, parentCode: string | null, level: TAdminDepartment['level'], active = true): TAdminDepartment => ({
  code,
  name: `部门${code}`,
  level,
  parentCode,
  active,
  reviewerCount: 0,
  pendingCount: 0,
});

const flat = [d('220000', null, 'province'), d('220100', '220000', 'city'), d('220102', '220100', 'county'), d('220103', '220100', 'county', false), d('220200', '220000', 'city')];

describe('department tree', () => {
  it('nests counties under cities under the province, leaves without children', () => {
    const [province, ...rest] = buildDepartmentTree(flat);
    expect(rest).toEqual([]);
    expect(province!.children!.map((c) => c.code)).toEqual(['220100', '220200']);
    expect(province!.children![0]!.children!.map((c) => c.code)).toEqual(['220102', '220103']);
    expect(province!.children![1]!.children).toBeUndefined();
  });

  it('keeps a department whose parent is not listed as a root', () => {
    expect(buildDepartmentTree([d('220102', '220100', 'county')]).map((n) => n.code)).toEqual(['220102']);
  });

  it('greys out inactive departments only where they cannot be picked', () => {
    const county = (opts: ReturnType<typeof departmentOptions>) => opts[0]!.children![0]!.children![1]!;
    expect(county(departmentOptions(flat, false))).toEqual({ value: '220103', title: '部门220103（已停用）', disabled: true });
    expect(county(departmentOptions(flat, true))).toEqual({ value: '220103', title: '部门220103（已停用）' });
  });

  it('hints the GB/T 2260 shape of a sub-department code', () => {
    expect(childCodeHint({ code: '220000', level: 'province' })).toBe('22xx00');
    expect(childCodeHint({ code: '222400', level: 'city' })).toBe('2224xx');
    expect(childCodeHint({ code: '222401', level: 'county' })).toBeNull();
  });
});
