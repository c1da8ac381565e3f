import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES, APPLICATION_TRANSITIONS, allowedActions, findTransition, isEditable, isFinal, statusesOf } from './applications.status';
import { actionContext, hasAcceptanceStep } from './kinds';
import { ZAcceptanceRequest } from '../reviews/acceptance.schema';

const licensing = { acceptance: true, accepted: false };
const licensingAccepted = { acceptance: true, accepted: true };
const direct = { acceptance: false, accepted: false };

describe('the state machine with the acceptance step (decision 0034)', () => {
  it('offers 受理, 不予受理 and 补正 before 受理, and the decision only after it', () => {
    expect(allowedActions('待审核', 'reviewer', licensing)).toEqual(['受理', '不予受理', '补正']);
    expect(allowedActions('待审核', 'reviewer', licensingAccepted)).toEqual(['审核通过', '审核不通过']);
  });

  it('lets the unit 撤回 only before 受理', () => {
    expect(allowedActions('待审核', 'agent', licensing)).toEqual(['撤回']);
    expect(allowedActions('待审核', 'agent', licensingAccepted)).toEqual([]);
  });

  it('decides a kind without the acceptance step directly, and its unit may 撤回 until then', () => {
    expect(allowedActions('待审核', 'reviewer', direct)).toEqual(['审核通过', '审核不通过']);
    expect(allowedActions('待审核', 'agent', direct)).toEqual(['撤回']);
  });

  it('makes 待补正 editable and submittable, and 不予受理 final', () => {
    expect(isEditable('待补正')).toBe(true);
    expect(allowedActions('待补正', 'agent', licensing)).toEqual(['提交']);
    expect(findTransition('待补正', '提交')?.to).toBe('待审核');
    expect(findTransition('待审核', '补正')?.to).toBe('待补正');
    expect(isFinal('不予受理')).toBe(true);
    expect(isFinal('审核通过')).toBe(true);
    expect(isFinal('待补正')).toBe(false);
    expect(allowedActions('不予受理', 'agent', licensing)).toEqual([]);
    expect(allowedActions('不予受理', 'reviewer', licensing)).toEqual([]);
  });

  it('keeps 受理 on 待审核 and every transition between known states', () => {
    expect(findTransition('待审核', '受理')?.to).toBe('待审核');
    for (const t of APPLICATION_TRANSITIONS) {
      expect(APPLICATION_STATUSES).toContain(t.from);
      expect(APPLICATION_STATUSES).toContain(t.to);
    }
    expect(statusesOf(false)).toEqual(['待提交', '待审核', '审核通过', '审核不通过']);
    expect(statusesOf(true)).toEqual(APPLICATION_STATUSES);
  });

  it('gives the licensing kinds the acceptance step, and reads an application’s context', () => {
    expect(['设立', '变更', '注销'].map(hasAcceptanceStep)).toEqual([true, true, true]);
    expect(hasAcceptanceStep('统计')).toBe(false);
    expect(actionContext({ type: '设立', acceptedAt: null })).toEqual(licensing);
    expect(actionContext({ type: '统计', acceptedAt: '2026-01-01T00:00:00Z' })).toEqual({ acceptance: false, accepted: true });
  });
});

describe('ZAcceptanceRequest', () => {
  const message = (body: unknown) => {
    const r = ZAcceptanceRequest.safeParse(body);
    return r.success ? null : r.error.issues.map((i) => i.message);
  };
  it('asks a reason of 不予受理 and at least one item of 补正, in Chinese', () => {
    expect(message({ decision: '受理' })).toBeNull();
    expect(message({ decision: '不予受理' })).toEqual(['不予受理时须填写理由']);
    expect(message({ decision: '不予受理', reason: '   ' })).toEqual(['不予受理时须填写理由']);
    expect(message({ decision: '补正', items: [] })).toEqual(['补正时须一次性列明需要补正的全部内容（至少一项）']);
    expect(message({ decision: '补正', items: [{ message: '请补充房产证明' }, { target: 'field', key: 'basic.name', message: '名称与执照不一致' }] })).toBeNull();
    expect(message({ decision: '补正', items: [{ target: 'field', message: 'x' }] })).toEqual(['补正项须同时指明类别和字段（或都不指明）']);
    expect(message({ decision: '通过' })).toEqual(['请选择受理、不予受理或补正']);
  });
});
