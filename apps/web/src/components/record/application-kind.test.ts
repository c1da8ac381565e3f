import { describe, expect, it } from 'vitest';
import { describeKind } from './application-kind';

describe('申请类型 text', () => {
  it('names the scopes that make it a 许可 and the regulation', () => {
    const d = describeKind(['人力资源培训', '职业介绍']);
    expect(d.kind).toBe('许可');
    expect(d.text).toBe('申请类型：许可（因申请业务含 职业介绍，属职业中介活动，依《人力资源市场暂行条例》第十八条须取得许可）');
  });

  it('lists several licensed scopes in the order chosen', () => {
    expect(describeKind(['高级人才寻访', '现场招聘会']).reason).toContain('因申请业务含 高级人才寻访、现场招聘会，');
  });

  it('says 备案 when no chosen scope is an 职业中介活动', () => {
    const d = describeKind(['人力资源培训', '人才测评']);
    expect(d.kind).toBe('备案');
    expect(d.text).toBe('申请类型：备案（申请业务均不属职业中介活动，依《人力资源市场暂行条例》第十八条应自开展业务之日起15日内备案）');
  });

  it('cannot tell before any scope is chosen', () => {
    expect(describeKind([]).kind).toBeNull();
    expect(describeKind(undefined).text).toMatch(/^申请类型：待定/);
  });
});
