import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { TAuditVerifyResult } from '@jhrm/contracts';
import { actionLabel, actionOptions, detailFields, matchesAction, objectText, toAuditFilters, verifyMessage } from './audit-filters';

describe('audit filters', () => {
  it('sends only what was filled in, dates as Beijing calendar days and the USCC upper-cased', () => {
    expect(toAuditFilters({})).toEqual({});
    expect(
      toAuditFilters({
        range: [dayjs('2026-11-01T10:00:00'), dayjs('2026-11-26T23:59:00')],
        action: ' auth ',
        actorAccount: '  ',
        unitUscc: '91220101ma17brun15',
        targetType: 'user',
        targetId: '',
      }),
    ).toEqual({ from: '2026-11-01', to: '2026-11-26', action: 'auth', unitUscc: '91220101MA17BRUN15', targetType: 'user' });
    expect(toAuditFilters({ range: null })).toEqual({});
  });

  it('names known actions in Chinese and keeps unknown ones', () => {
    expect(actionLabel('auth.login')).toBe('登录');
    expect(actionLabel('account.password_reset_by_appeal')).toBe('申诉处理：重置法人密码');
    expect(actionLabel('something.new')).toBe('something.new');
    const options = actionOptions(['auth.login', 'x.y', 'application.viewed']);
    expect(options).toContainEqual({ value: 'auth.login', label: '登录', code: 'auth.login' });
    expect(options).toContainEqual({ value: 'x.y', label: 'x.y', code: 'x.y' });
    // searchable by the Chinese name and by the code
    expect(matchesAction('查看', options.find((o) => o.value === 'application.viewed'))).toBe(true);
    expect(matchesAction('APPLICATION.view', options.find((o) => o.value === 'application.viewed'))).toBe(true);
    expect(matchesAction('登录', options.find((o) => o.value === 'application.viewed'))).toBe(false);
  });

  it('names the object, or shows its id when the server could not name it', () => {
    expect(objectText({ targetType: 'application', targetId: 'a1', objectName: '吉林省博润人力资源有限公司 · 设立申请' })).toBe('申请：吉林省博润人力资源有限公司 · 设立申请');
    expect(objectText({ targetType: 'user', targetId: 'u1', objectName: null })).toBe('账号：u1');
    expect(objectText({ targetType: null, targetId: null, objectName: null })).toBe('');
  });
});

describe('详情 as labelled fields', () => {
  const fmt = (iso: string) => `T(${iso})`;

  it('labels the keys in Chinese, names coded values and keeps unknown keys as they are', () => {
    expect(detailFields({ reason: 'wrong_password', failures: 3, until: '2026-11-26T01:30:00.000Z', mystery: 'x' }, fmt)).toEqual([
      { key: 'reason', label: '原因', value: '密码错误' },
      { key: 'failures', label: '连续失败次数', value: '3' },
      { key: 'until', label: '锁定至', value: 'T(2026-11-26T01:30:00.000Z)' },
      { key: 'mystery', label: 'mystery', value: 'x' },
    ]);
  });

  it('joins lists, spells booleans and empties, and opens nested objects with their labels', () => {
    expect(detailFields({ notes: ['basic.name', 'video'], claimedUnit: true, opinion: null, role: 'reviewer' }, fmt).map((f) => f.value)).toEqual([
      'basic.name、video',
      '是',
      '—',
      '审核人员',
    ]);
    expect(detailFields({ query: { page: 1, tab: '待审核' } }, fmt)).toEqual([{ key: 'query', label: '查询条件', value: '页码：1；列表：待审核' }]);
  });

  it('shows masked personal numbers exactly as stored', () => {
    expect(detailFields({ phone: '139****9000' }, fmt)).toEqual([{ key: 'phone', label: '手机号码', value: '139****9000' }]);
  });
});

describe('chain verification message', () => {
  const base: TAuditVerifyResult = {
    ok: true,
    count: 1234,
    brokenAt: null,
    brokenPosition: null,
    reason: null,
    problem: null,
    lastCheckpoint: { seq: 1230, at: '2026-11-26T00:59:00Z' },
    unanchored: 4,
    checkedAt: '2026-11-26T01:00:00Z',
    durationMs: 1500,
  };
  const fmt = () => '2026-11-26 09:00';

  it('says the chain is complete, with the count', () => {
    expect(verifyMessage(base, fmt)).toMatchObject({ type: 'success', title: '日志链完整（共1234条）' });
    expect(verifyMessage(base, fmt).description).toContain('用时 1.5 秒');
    expect(verifyMessage({ ...base, durationMs: 12 }, fmt).description).toContain('用时 12 毫秒');
    expect(verifyMessage(base, fmt).description).toContain('锚定记录编号 1230，其后 4 条记录尚待下一个检查点');
    expect(verifyMessage({ ...base, lastCheckpoint: null }, fmt).description).toContain('尚无检查点');
  });

  it('names the tampered record by its position and id', () => {
    const m = verifyMessage({ ...base, ok: false, count: 41, brokenAt: 57, brokenPosition: 42, reason: '记录内容与哈希不匹配（记录被篡改）', problem: 'tampered' }, fmt);
    expect(m).toMatchObject({ type: 'error', title: '第42条记录被篡改' });
    expect(m.description).toContain('记录编号 57');
    expect(m.description).toContain('41 条记录校验通过');
  });

  it('says where the chain breaks when a record was removed', () => {
    const m = verifyMessage({ ...base, ok: false, count: 9, brokenAt: 12, brokenPosition: 10, reason: '前一条记录的哈希不匹配（有记录被删除或插入）', problem: 'removed' }, fmt);
    expect(m.title).toBe('第10条记录之前的日志链断开');
  });

  it('says the end of the log was cut off when a checkpointed record is gone', () => {
    const reason = '2026-11-26 08:59 的检查点（第 7 号）锚定的第 1230 号记录已不存在：日志末尾的记录被删除（现存的第 1229 号记录之后、第 1230 号记录及之前的记录被删除）';
    const m = verifyMessage({ ...base, ok: false, count: 1229, brokenAt: 1230, reason, problem: 'truncated' }, fmt);
    expect(m).toMatchObject({ type: 'error', title: '日志末尾的记录被删除' });
    expect(m.description).toContain('记录编号 1230');
    expect(verifyMessage({ ...base, ok: false, brokenAt: 1230, reason: 'x', problem: 'checkpoint' }, fmt).title).toBe('检查点的签名不正确');
  });
});
