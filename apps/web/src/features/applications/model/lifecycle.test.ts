import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { RECORD_TABS, type TSubmissionProblem } from '@jhrm/contracts';
import { ApiError } from '../../../lib/api-client';
import { changedPaths, draftFingerprint, submitFailure, writeFailure } from './lifecycle';
import type { DraftLayout } from './problems';

const ESTABLISHMENT: DraftLayout = { tabs: RECORD_TABS, lists: ['staff', 'facilities', 'fees'] };

describe('unsaved-changes fingerprint', () => {
  it('does not change for key order', () => {
    expect(draftFingerprint({ basic: { name: 'A', shortName: 'B' }, staff: [] })).toBe(draftFingerprint({ staff: [], basic: { shortName: 'B', name: 'A' } }));
  });

  it('changes when a value, a list row or the order of rows changes', () => {
    expect(draftFingerprint({ basic: { name: 'A' } })).not.toBe(draftFingerprint({ basic: { name: 'B' } }));
    expect(draftFingerprint({ staff: [] })).not.toBe(draftFingerprint({ staff: [{ name: '张三' }] }));
    expect(draftFingerprint({ staff: [{ name: 'a' }, { name: 'b' }] })).not.toBe(draftFingerprint({ staff: [{ name: 'b' }, { name: 'a' }] }));
  });
});

describe('changed field paths', () => {
  it('descends into sections, stops at values, lists and dates', () => {
    expect(changedPaths({ basic: { category: '社会组织' } })).toEqual([['basic', 'category']]);
    expect(changedPaths({ basic: { foundedOn: dayjs('2020-01-01'), scopes: ['职业介绍'] } })).toEqual([
      ['basic', 'foundedOn'],
      ['basic', 'scopes'],
    ]);
    expect(changedPaths({ staff: [] })).toEqual([['staff']]);
    expect(changedPaths({ report: { reason: null } })).toEqual([['report', 'reason']]);
    expect(changedPaths(undefined)).toEqual([]);
  });
});

describe('a failed 保存', () => {
  it('offers 重新加载 when someone else saved first', () => {
    expect(writeFailure(new ApiError(409, { code: 'CONFLICT', message: '该申请已被修改，请重新加载' }))).toEqual({
      kind: 'conflict',
      message: '该申请已被修改，请重新加载',
    });
  });

  it('hands a refusal its field errors to mark', () => {
    const fieldErrors = [{ path: 'basic.uscc', message: '统一社会信用代码格式不正确' }];
    expect(writeFailure(new ApiError(400, { code: 'VALIDATION', message: '输入内容有误', fieldErrors }))).toEqual({
      kind: 'refused',
      message: '输入内容有误',
      fieldErrors,
    });
  });

  it('says only 操作失败 when the API did not answer', () => {
    expect(writeFailure(new TypeError('Failed to fetch'))).toEqual({ kind: 'unexpected', message: '操作失败，请稍后重试' });
  });
});

describe('a failed 提交', () => {
  const problems: TSubmissionProblem[] = [
    { tab: 'basic', path: 'basic.officeAddress', message: '请填写办公地址' },
    { tab: 'staff', path: 'staff.0.idCard', message: '请填写身份证号' },
    { tab: 'materials', path: 'materials.工商营业执照', message: '请上传工商营业执照' },
  ];

  it('returns every problem, and marks only the fields of the form sections', () => {
    const e = new ApiError(400, {
      code: 'INCOMPLETE',
      message: '还有3处需要完善',
      fieldErrors: problems.map(({ path, message }) => ({ path, message })),
      details: { problems },
    });
    expect(submitFailure(e, ESTABLISHMENT)).toEqual({
      kind: 'problems',
      problems,
      fieldErrors: [{ path: 'basic.officeAddress', message: '请填写办公地址' }],
    });
  });

  it('puts a refused 审批部门 on the dialog’s field, not as its message', () => {
    const e = new ApiError(400, { code: 'VALIDATION', message: '输入内容有误', fieldErrors: [{ path: 'department', message: '该审批部门已停用' }] });
    expect(submitFailure(e, ESTABLISHMENT)).toEqual({ kind: 'refused', error: null, departmentError: '该审批部门已停用', conflict: null });
  });

  it('shows a version conflict on the page too', () => {
    const e = new ApiError(409, { code: 'CONFLICT', message: '该申请已被修改', details: { currentVersion: 4 } });
    expect(submitFailure(e, ESTABLISHMENT)).toEqual({ kind: 'refused', error: '该申请已被修改', departmentError: null, conflict: '该申请已被修改' });
  });

  it('keeps a 409 without a version (already submitted) in the dialog only', () => {
    const e = new ApiError(409, { code: 'STATE', message: '该申请已被他人处理' });
    expect(submitFailure(e, ESTABLISHMENT)).toEqual({ kind: 'refused', error: '该申请已被他人处理', departmentError: null, conflict: null });
  });

  it('says 提交失败 when the API did not answer', () => {
    expect(submitFailure(new TypeError('Failed to fetch'), ESTABLISHMENT)).toMatchObject({ kind: 'refused', error: '提交失败，请稍后重试' });
  });
});
