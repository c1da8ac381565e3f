import { describe, expect, it } from 'vitest';
import { RECORD_TABS, type TSubmissionProblem } from '@jhrm/contracts';
import { asProblems, groupProblems, problemTarget, type DraftLayout } from './problems';

/** The 设立 form's layout: the record's six tabs, three of them lists. */
const ESTABLISHMENT: DraftLayout = { tabs: RECORD_TABS, lists: ['staff', 'facilities', 'fees'] };
const p = (tab: string, path: string, message = path): TSubmissionProblem => ({ tab, path, message });
const target = (x: TSubmissionProblem) => problemTarget(x, ESTABLISHMENT);

describe('提交 problems grouped by tab', () => {
  it('orders the groups as the page does, keeping the server order inside a group', () => {
    const groups = groupProblems(
      [p('video', 'video'), p('materials', 'materials.工商营业执照'), p('staff', 'staff'), p('basic', 'basic.uscc'), p('report', 'report.reason'), p('basic', 'basic.name')],
      RECORD_TABS,
    );
    expect(groups.map((g) => g.label)).toEqual(['机构基本信息', '申请报告', '专职工作人员', '附件材料', '视频材料']);
    expect(groups[0]!.problems.map((x) => x.path)).toEqual(['basic.uscc', 'basic.name']);
  });

  it('follows the tabs the kind declares', () => {
    const tabs = [
      { key: 'report', label: '申请报告' },
      { key: 'basic', label: '变更事项' },
    ];
    const groups = groupProblems([p('basic', 'basic.name'), p('report', 'report.reason'), p('staff', 'staff')], tabs);
    expect(groups.map((g) => g.label)).toEqual(['申请报告', '变更事项', '其他']);
  });

  it('keeps problems of an unknown tab under 其他 rather than losing them', () => {
    const groups = groupProblems([p('basic', 'basic.name'), p('licence', 'x')], RECORD_TABS);
    expect(groups.at(-1)).toEqual({ key: 'other', label: '其他', problems: [p('licence', 'x')] });
  });

  it('gives nothing for no problems', () => {
    expect(groupProblems([], RECORD_TABS)).toEqual([]);
  });
});

describe('where a problem link leads', () => {
  it('focuses a field of a form section', () => {
    expect(target(p('basic', 'basic.legalRepIdCard'))).toEqual({ kind: 'field', tab: 'basic', name: ['basic', 'legalRepIdCard'] });
    expect(target(p('report', 'report.reason'))).toEqual({ kind: 'field', tab: 'report', name: ['report', 'reason'] });
  });

  it('opens a row of a list, or the list itself', () => {
    expect(target(p('staff', 'staff.1.idCard'))).toEqual({ kind: 'row', tab: 'staff', index: 1, field: 'idCard' });
    expect(target(p('staff', 'staff'))).toEqual({ kind: 'list', tab: 'staff' });
    expect(target(p('fees', 'fees.0'))).toEqual({ kind: 'row', tab: 'fees', index: 0 });
  });

  it('treats a tab as a list only when the kind says so', () => {
    expect(problemTarget(p('staff', 'staff.1.idCard'), { tabs: RECORD_TABS, lists: [] })).toEqual({ kind: 'field', tab: 'staff', name: ['staff', 1, 'idCard'] });
  });

  it('opens the materials drawer at the slot, and the video drawer', () => {
    expect(target(p('materials', 'materials.法人身份证正反面'))).toEqual({ kind: 'drawer', drawer: 'materials', slot: '法人身份证正反面' });
    expect(target(p('video', 'video'))).toEqual({ kind: 'drawer', drawer: 'video' });
  });

  it('does nothing for a tab it does not know', () => {
    expect(target(p('licence', 'licence.no'))).toEqual({ kind: 'none' });
  });
});

describe('field errors the form has no field for', () => {
  it('become problems under the tab their path starts with', () => {
    expect(asProblems([{ path: 'staff.2.idCard', message: '身份证号格式不正确' }])).toEqual([
      { tab: 'staff', path: 'staff.2.idCard', message: '身份证号格式不正确' },
    ]);
  });
});
