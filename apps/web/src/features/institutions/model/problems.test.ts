import { describe, expect, it } from 'vitest';
import type { TSubmissionProblem } from '@jhrm/contracts';
import { groupProblems, problemTarget } from './problems';

const p = (tab: string, path: string, message = path): TSubmissionProblem => ({ tab, path, message });

describe('提交 problems grouped by tab', () => {
  it('orders the groups as the page does, keeping the server order inside a group', () => {
    const groups = groupProblems([
      p('video', 'video'),
      p('materials', 'materials.工商营业执照'),
      p('staff', 'staff'),
      p('basic', 'basic.uscc'),
      p('report', 'report.reason'),
      p('basic', 'basic.name'),
    ]);
    expect(groups.map((g) => g.label)).toEqual(['机构基本信息', '申请报告', '专职工作人员', '附件材料', '视频材料']);
    expect(groups[0]!.problems.map((x) => x.path)).toEqual(['basic.uscc', 'basic.name']);
  });

  it('keeps problems of an unknown tab under 其他 rather than losing them', () => {
    const groups = groupProblems([p('basic', 'basic.name'), p('licence', 'x')]);
    expect(groups.at(-1)).toEqual({ key: 'other', label: '其他', problems: [p('licence', 'x')] });
  });

  it('gives nothing for no problems', () => {
    expect(groupProblems([])).toEqual([]);
  });
});

describe('where a problem link leads', () => {
  it('focuses a field of a form section', () => {
    expect(problemTarget(p('basic', 'basic.legalRepIdCard'))).toEqual({ kind: 'field', tab: 'basic', name: ['basic', 'legalRepIdCard'] });
    expect(problemTarget(p('report', 'report.reason'))).toEqual({ kind: 'field', tab: 'report', name: ['report', 'reason'] });
  });

  it('opens a row of a list, or the list itself', () => {
    expect(problemTarget(p('staff', 'staff.1.idCard'))).toEqual({ kind: 'row', tab: 'staff', index: 1, field: 'idCard' });
    expect(problemTarget(p('staff', 'staff'))).toEqual({ kind: 'list', tab: 'staff' });
    expect(problemTarget(p('fees', 'fees.0'))).toEqual({ kind: 'row', tab: 'fees', index: 0 });
  });

  it('opens the materials drawer at the slot, and the video drawer', () => {
    expect(problemTarget(p('materials', 'materials.法人身份证正反面'))).toEqual({ kind: 'drawer', drawer: 'materials', slot: '法人身份证正反面' });
    expect(problemTarget(p('video', 'video'))).toEqual({ kind: 'drawer', drawer: 'video' });
  });

  it('does nothing for a tab it does not know', () => {
    expect(problemTarget(p('licence', 'licence.no'))).toEqual({ kind: 'none' });
  });
});
