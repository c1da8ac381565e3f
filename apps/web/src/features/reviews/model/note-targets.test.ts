import { describe, expect, it } from 'vitest';
import type { TRecordReviewContent } from '@jhrm/contracts';
import { noteTargetGroups, parseTarget } from './note-targets';

const record = {
  basic: {},
  staff: [{ name: '张一' }, { name: '李二' }],
  facilities: [],
  fees: [{ business: '职业介绍' }],
  educationCounts: { postgraduate: 0, bachelor: 0, collegeOrBelow: 0 },
} as unknown as TRecordReviewContent['record'];

describe('note targets for the decision panel', () => {
  it('offers the sections’ fields, each submitted list row and the type’s material slots', () => {
    const groups = noteTargetGroups('设立', record);
    expect(groups.map((g) => g.label)).toEqual(['机构基本信息', '机构联系信息', '现有资产状况', '申请报告', '专职工作人员', '现有设施情况', '诚信档案', '服务及收费标准', '附件材料']);
    expect(groups.find((g) => g.label === '专职工作人员')!.options.map((o) => o.label)).toEqual(['专职工作人员（整体）', '第1行（张一）', '第2行（李二）']);
    expect(groups.find((g) => g.label === '附件材料')!.options).toHaveLength(15);
    expect(groups.find((g) => g.label === '机构联系信息')!.options[0]).toEqual({ value: 'field:basic.contactPerson', label: '机构负责人' });
  });

  it('offers only the material slots and no video to a kind without record or video (注销 has no video)', () => {
    const groups = noteTargetGroups('注销', null);
    expect(groups.map((g) => g.label)).toEqual(['附件材料']);
    expect(groups[0]!.options.map((o) => o.label)).toEqual(['身份证正反照', '注销审批表', '承诺书', '其他文件']);
  });

  it('offers a kind’s own fields by section (诚信示范’s answers), then its material slots', () => {
    const groups = noteTargetGroups('诚信示范', null);
    expect(groups.map((g) => g.label)).toEqual(['机构基本信息', '服务规范', '信用状况', '服务业绩', '责任标准', '往年经营状况及现有资产状况', '附件材料']);
    expect(groups.find((g) => g.label === '信用状况')!.options[1]).toEqual({ value: 'field:answers.badCreditRecord', label: '是否有不良信用记录' });
  });

  it('parses a picked value back into target and key', () => {
    expect(parseTarget('material:工商营业执照')).toEqual({ target: 'material', key: '工商营业执照' });
    expect(parseTarget('field:staff.1')).toEqual({ target: 'field', key: 'staff.1' });
    expect(parseTarget('other:x')).toBeNull();
  });
});
