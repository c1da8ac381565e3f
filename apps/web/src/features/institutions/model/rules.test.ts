import { describe, expect, it } from 'vitest';
import { ZIdCard } from '@jhrm/contracts';
import { optionalZodRules } from './rules';

type Validator = (rule: unknown, value: unknown) => Promise<void>;
const run = (value: unknown) => (optionalZodRules(ZIdCard)[0] as { validator: Validator }).validator({}, value);

describe('format check of a field that may be blank', () => {
  it('lets a blank field through', async () => {
    await expect(run(undefined)).resolves.toBeUndefined();
    await expect(run(null)).resolves.toBeUndefined();
    await expect(run('  ')).resolves.toBeUndefined();
  });

  it('reports the contracts message for what is typed', async () => {
    await expect(run('1101')).rejects.toThrow('身份证号应为18位');
    await expect(run('110101197501010039')).resolves.toBeUndefined();
  });
});
