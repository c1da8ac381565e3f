import { describe, expect, it } from 'vitest';
import { RECORD_TABS, type TReviewDecisionView } from '@jhrm/contracts';
import { fieldWarnings, materialNotes, notesAsProblems, pendingRejection } from './review-notes';
import { problemTarget } from './problems';

const rejection: TReviewDecisionView = {
  round: 1,
  decision: '审核不通过',
  opinion: '请核实办公地址',
  decidedAt: '2026-11-26T01:00:00.000Z',
  department: '220000',
  departmentName: '省人社厅审批办',
  reviewerName: null,
  notes: [
    { target: 'field', key: 'basic.officeAddress', label: '办公地址', message: '与营业执照不一致' },
    { target: 'field', key: 'report.reason', label: '申请理由', message: '请具体说明' },
    { target: 'field', key: 'staff.1', label: '专职工作人员 第2行（李二）', message: '学历不符' },
    { target: 'material', key: '工商营业执照', label: '工商营业执照', message: '请上传副本' },
    { target: 'material', key: '场所视频光盘', label: '场所视频光盘', message: '看不清牌匾' },
  ],
};

const LISTS = ['staff', 'facilities', 'fees'];

describe('a rejection’s notes in the establishment editor', () => {
  it('is only pending while the application is 审核不通过', () => {
    expect(pendingRejection({ status: '审核不通过', reviews: [rejection] })).toBe(rejection);
    expect(pendingRejection({ status: '待审核', reviews: [rejection] })).toBeNull();
    expect(pendingRejection({ status: '审核不通过', reviews: [] })).toBeNull();
  });

  it('links every note to its field, list row or drawer', () => {
    const targets = notesAsProblems(rejection).map((p) => problemTarget(p, { tabs: RECORD_TABS, lists: LISTS }));
    expect(targets).toEqual([
      { kind: 'field', tab: 'basic', name: ['basic', 'officeAddress'] },
      { kind: 'field', tab: 'report', name: ['report', 'reason'] },
      { kind: 'row', tab: 'staff', index: 1 },
      { kind: 'drawer', drawer: 'materials', slot: '工商营业执照' },
      { kind: 'drawer', drawer: 'video' },
    ]);
  });

  it('puts warnings on the form fields and hands the material notes to the drawers', () => {
    expect(fieldWarnings(rejection, LISTS)).toEqual([
      { name: ['basic', 'officeAddress'], warnings: ['审核意见：与营业执照不一致'] },
      { name: ['report', 'reason'], warnings: ['审核意见：请具体说明'] },
    ]);
    expect(materialNotes(rejection)).toEqual({ slots: { 工商营业执照: '请上传副本' }, video: '看不清牌匾' });
    expect(materialNotes(null)).toEqual({ slots: {} });
  });
});

describe('a rejection’s notes on a kind with fields of its own (诚信示范)', () => {
  it('link to the answer’s section and field, and warn beside it', () => {
    const credit: TReviewDecisionView = { ...rejection, notes: [{ target: 'field', key: 'answers.socialInsuranceRate', label: '社会保险参保率', message: '请核实' }] };
    expect(notesAsProblems(credit)).toEqual([{ tab: 'credit', path: 'answers.socialInsuranceRate', message: '社会保险参保率：请核实' }]);
    expect(fieldWarnings(credit, [])).toEqual([{ name: ['answers', 'socialInsuranceRate'], warnings: ['审核意见：请核实'] }]);
  });
});
