import { describe, expect, it } from 'vitest';
import { ZLoginRequest } from '@jhrm/contracts';
import { toNamePath, zodRule } from './form';

type Validator = (rule: unknown, value: unknown) => Promise<void>;
const run = (value: unknown) => (zodRule(ZLoginRequest.shape.account) as { validator: Validator }).validator({}, value);

describe('form adapter', () => {
  it('turns a contracts schema into an antd rule with the schema message', async () => {
    await expect(run(undefined)).rejects.toThrow('请输入账号');
    await expect(run('   ')).rejects.toThrow('请输入账号');
    await expect(run('agent1')).resolves.toBeUndefined();
  });

  it('turns server paths into antd name paths', () => {
    expect(toNamePath('account')).toEqual(['account']);
    expect(toNamePath('staff.0.name')).toEqual(['staff', 0, 'name']);
    expect(toNamePath('staff[1].idCard')).toEqual(['staff', 1, 'idCard']);
  });
});
