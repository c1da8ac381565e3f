import { describe, expect, it } from 'vitest';
import { recordDiff } from './record-diff';
import type { FullRecord } from './record-values';

const counts = { postgraduate: 0, bachelor: 1, collegeOrBelow: 0 };
const staff = { name: '张一', idType: '居民身份证' as const, idCard: '110101199003074936', gender: '男' as const, politicalStatus: '群众' as const, ethnicity: '汉族' as const, education: '大学本科' as const, mobile: '13900000001' };
const base: FullRecord = {
  basic: { name: '旧名称人力资源有限公司', officeAddress: '长春市南关区人民大街1号', scopes: ['职业介绍'], phoneAreaCode: '0431', phoneNumber: '88886666', byPost: false },
  report: { reason: '原因' },
  staff: [staff],
  facilities: [],
  integrity: {},
  fees: [],
  educationCounts: counts,
};

describe('record comparison for 变更', () => {
  it('marks exactly the fields that differ, with their labels and readable values', () => {
    const proposed: FullRecord = { ...base, basic: { ...base.basic, name: '新名称人力资源有限公司', scopes: ['职业介绍', '人才测评'], byPost: true } };
    const changed = recordDiff(base, proposed).filter((r) => r.changed);
    expect(changed.map((r) => [r.label, r.current, r.proposed])).toEqual([
      ['机构名称', '旧名称人力资源有限公司', '新名称人力资源有限公司'],
      ['申请业务', '职业介绍', '职业介绍、人才测评'],
      ['是否邮寄', '否', '是'],
    ]);
  });

  it('finds nothing when the records are equal, and shows 单位电话 as one field', () => {
    const rows = recordDiff(base, structuredClone(base));
    expect(rows.some((r) => r.changed)).toBe(false);
    expect(rows.find((r) => r.key === 'basic.phoneNumber')?.current).toBe('0431-88886666');
  });

  it('compares lists row by row, added and removed rows included, even when the masked text is equal', () => {
    const other = { ...staff, idCard: '110101199003070000', name: '张一' };
    const proposed: FullRecord = { ...base, staff: [other, { ...staff, name: '李二' }] };
    const rows = recordDiff(base, proposed).filter((r) => r.key.startsWith('staff.'));
    expect(rows.map((r) => [r.label, r.changed])).toEqual([
      ['第1行', true],
      ['第2行', true],
    ]);
    expect(rows[1]!.current).toBe('');
    expect(rows[1]!.proposed).toContain('李二');
  });
});
