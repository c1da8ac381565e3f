import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { TAuditVerifyResult } from '@jhrm/contracts';
import { actionLabel, actionOptions, toAuditFilters, verifyMessage } from './audit-filters';

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
    expect(actionLabel('something.new')).toBe('something.new');
    expect(actionOptions(['auth.login', 'x.y'])).toEqual([
      { value: 'auth.login', label: '登录（auth.login）' },
      { value: 'x.y', label: 'x.y' },
    ]);
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
