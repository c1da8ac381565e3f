import { describe, expect, it } from 'vitest';
import type { PasswordContext } from '@jhrm/contracts';
import { newPasswordRule } from './new-password-rule';

type Validator = (rule: unknown, value: unknown) => Promise<void>;
const validate = (value: unknown, ctx: PasswordContext = {}) =>
  (newPasswordRule('请输入新密码', () => ctx) as { validator: Validator }).validator({}, value);

describe('newPasswordRule', () => {
  it('asks for the password when the field is empty', async () => {
    await expect(validate(undefined)).rejects.toThrow('请输入新密码');
    await expect(validate('')).rejects.toThrow('请输入新密码');
  });

  it('reports the first broken rule with the server’s message', async () => {
    await expect(validate('short')).rejects.toThrow('密码长度应为8–64位');
    await expect(validate('Agent_e2e1x', { account: 'agent_e2e1' })).rejects.toThrow('密码不能包含账号');
    await expect(validate('Ab@13900139000', { phone: '13900139000' })).rejects.toThrow('密码不能包含手机号码');
  });

  it('accepts a password that meets every rule, with the context read at validation time', async () => {
    let ctx: PasswordContext = {};
    const rule = newPasswordRule('请输入初始密码', () => ctx) as { validator: Validator };
    await expect(rule.validator({}, 'Init@2026x')).resolves.toBeUndefined();
    ctx = { account: 'init@2026x' };
    await expect(rule.validator({}, 'Init@2026x')).rejects.toThrow('密码不能包含账号');
  });
});
