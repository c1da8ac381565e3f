import { describe, expect, it } from 'vitest';
import { institutionNextStep, nextStepApplication } from './next-step';
import type { TInstitutionListItem } from './institutions.schema';

const row = (over: Partial<TInstitutionListItem>): TInstitutionListItem => ({
  id: 'i1',
  name: '吉林省博润人力资源有限公司',
  shortName: null,
  uscc: '91220101MA17BRUN15',
  licensed: true,
  reviewStatus: '审核通过',
  cancelStatus: '正常',
  kind: '许可',
  applicationId: 'a1',
  acceptedAt: null,
  licenceId: 'l1',
  actions: ['查看'],
  cancellation: null,
  change: null,
  openProblems: null,
  ...over,
});

describe('institutionNextStep (主页 下一步)', () => {
  it('names what a draft still lacks, or that it can be sent', () => {
    const draft = { reviewStatus: '待提交' as const, licensed: false, licenceId: null };
    expect(institutionNextStep(row({ ...draft, openProblems: 3 }))).toEqual({ tone: 'todo', text: '待提交：还有3处需完善', page: 'establishment', applicationId: 'a1' });
    expect(institutionNextStep(row({ ...draft, openProblems: 0 })).text).toBe('待提交：已可提交');
    expect(institutionNextStep(row({ ...draft, openProblems: null })).text).toBe('待提交：请完善后提交');
  });

  it('tells a pending submission before and after 受理, and a rejected one to read the note', () => {
    expect(institutionNextStep(row({ reviewStatus: '待审核', licenceId: null }))).toMatchObject({ tone: 'wait', text: '待审核：等待审批部门受理（受理前可撤回）' });
    expect(institutionNextStep(row({ reviewStatus: '待审核', licenceId: null, acceptedAt: '2026-12-01T02:00:00.000Z' })).text).toBe('审核中：审批部门已受理');
    expect(institutionNextStep(row({ reviewStatus: '审核不通过', licenceId: null }))).toMatchObject({ tone: 'todo', text: '审核不通过：请阅读审核意见，修改后重新提交' });
  });

  it('asks for the corrections of a 补正, and closes a 不予受理 (a new application may follow)', () => {
    expect(institutionNextStep(row({ reviewStatus: '待补正', licenceId: null }))).toEqual({ tone: 'todo', text: '待补正：请按补正告知书修改后重新提交', page: 'establishment', applicationId: 'a1' });
    expect(institutionNextStep(row({ change: { applicationId: 'c1', status: '待补正', reason: null } }))).toMatchObject({ tone: 'todo', page: 'change', text: '变更待补正：请按补正告知书修改后重新提交' });
    expect(institutionNextStep(row({ change: { applicationId: 'c1', status: '待审核', reason: null, accepted: true } })).text).toBe('变更审核中：审批部门已受理');
    expect(institutionNextStep(row({ reviewStatus: '不予受理', licenceId: null }))).toEqual({ tone: 'done', text: '不予受理：请阅读不予受理通知书，可重新申请', page: 'establishment', applicationId: 'a1' });
  });

  it('puts an open 注销 before an open 变更 before the 设立, and a cancelled institution is done', () => {
    const both = row({ change: { applicationId: 'c1', status: '待提交', reason: null }, cancellation: { applicationId: 'x1', status: '待审核' } });
    expect(nextStepApplication(both)).toEqual({ page: 'cancellation', applicationId: 'x1', status: '待审核', accepted: false });
    expect(institutionNextStep(both)).toMatchObject({ tone: 'wait', text: '注销待审核：等待审批部门受理（受理前可撤回）', applicationId: 'x1' });
    expect(institutionNextStep(row({ change: { applicationId: 'c1', status: '审核不通过', reason: null } }))).toMatchObject({ page: 'change', text: '变更审核不通过：请阅读审核意见，修改后重新提交' });
    expect(institutionNextStep(row({ cancelStatus: '注销', cancellation: null }))).toEqual({ tone: 'done', text: '已注销', page: 'view', applicationId: null });
    expect(nextStepApplication(row({ cancelStatus: '注销' }))).toBeNull();
  });

  it('offers the licence of an institution in force, named by its kind', () => {
    expect(institutionNextStep(row({}))).toEqual({ tone: 'done', text: '已发证：可下载许可证', page: 'view', applicationId: null });
    expect(institutionNextStep(row({ kind: '备案' })).text).toBe('已发证：可下载备案凭证');
    expect(institutionNextStep(row({ licenceId: null })).text).toBe('审核通过');
  });
});
