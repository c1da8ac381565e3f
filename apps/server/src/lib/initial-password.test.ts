import { describe, expect, it } from 'vitest';
import { passwordProblems } from '@jhrm/contracts';
import { generateInitialPassword } from './initial-password';

describe('generateInitialPassword', () => {
  it('always meets the password rules and never repeats', () => {
    const ctx = { account: 'reviewer01', phone: '13900139000' };
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const p = generateInitialPassword(ctx);
      expect(p).toHaveLength(12);
      expect(passwordProblems(p, ctx)).toEqual([]);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/\d/);
      expect(p).not.toMatch(/[0O1lI]/);
      seen.add(p);
    }
    expect(seen.size).toBe(500);
  });
});
