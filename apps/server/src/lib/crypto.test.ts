import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PiiCipher, hmacSm3 } from './crypto';

const keys = () => ({ encKey: randomBytes(16), macKey: randomBytes(32), indexKey: randomBytes(32) });

describe('PiiCipher', () => {
  it('round-trips Chinese and ID values and never stores the plain text', () => {
    const c = new PiiCipher(keys());
    for (const v of ['110101197501010039', '13111111111', '张三 测试']) {
      const sealed = c.encrypt(v);
      expect(sealed).not.toContain(v);
      expect(c.decrypt(sealed)).toBe(v);
    }
  });

  it('uses a fresh IV so equal values encrypt differently', () => {
    const c = new PiiCipher(keys());
    expect(c.encrypt('110101197501010039')).not.toBe(c.encrypt('110101197501010039'));
  });

  it('refuses a tampered ciphertext', () => {
    const c = new PiiCipher(keys());
    const parts = c.encrypt('110101197501010039').split('.');
    const ct = Buffer.from(parts[2]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    parts[2] = ct.toString('base64url');
    expect(() => c.decrypt(parts.join('.'))).toThrow(/MAC/);
  });

  it('refuses a ciphertext sealed under another key', () => {
    const sealed = new PiiCipher(keys()).encrypt('13111111111');
    expect(() => new PiiCipher(keys()).decrypt(sealed)).toThrow();
  });

  it('gives a stable, key-dependent blind index that ignores case of the check letter', () => {
    const k = keys();
    const c = new PiiCipher(k);
    expect(c.blindIndex('11010119900307493x')).toBe(c.blindIndex('11010119900307493X'));
    expect(c.blindIndex('110101197501010039')).not.toBe(c.blindIndex('110101199003074936'));
    expect(new PiiCipher(keys()).blindIndex('110101197501010039')).not.toBe(c.blindIndex('110101197501010039'));
  });

  it('keeps index spaces of different purposes apart, each normalised the same way', () => {
    const c = new PiiCipher(keys());
    expect(c.blindIndex('110101197501010039', 'login')).not.toBe(c.blindIndex('110101197501010039'));
    expect(c.blindIndex(' Demo_Legal ', 'login')).toBe(c.blindIndex('demo_legal', 'login'));
    expect(c.blindIndex('demo_legal', 'login')).not.toBe(c.blindIndex('demo_legal', 'other'));
  });

  it('computes a 32-byte, key-dependent HMAC-SM3', () => {
    expect(hmacSm3(Buffer.from('k'), 'a')).toHaveLength(32);
    // Streaming parts equals hashing their concatenation, so callers may pass fields separately.
    expect(hmacSm3(Buffer.from('k'), 'ab', 'c').equals(hmacSm3(Buffer.from('k'), 'abc'))).toBe(true);
    expect(hmacSm3(Buffer.from('k'), 'a').equals(hmacSm3(Buffer.from('k2'), 'a'))).toBe(false);
  });
});
