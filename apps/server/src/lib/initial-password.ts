import { randomInt } from 'node:crypto';
import { passwordProblems, type PasswordContext } from '@jhrm/contracts';

// No 0/O, 1/l/I: the password is read off a screen and typed in once.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '@#$%&*+=?';
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;
const LENGTH = 12;

const pick = (set: string) => set[randomInt(set.length)]!;

/**
 * A random initial password that meets the portal's password rules for this account: every
 * character class present, CSPRNG-chosen, about 70 bits. The user replaces it at first login.
 */
export function generateInitialPassword(ctx: PasswordContext): string {
  for (;;) {
    const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
    while (chars.length < LENGTH) chars.push(pick(ALL));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
    const password = chars.join('');
    if (passwordProblems(password, ctx).length === 0) return password;
  }
}
