import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Personal data (身份证号, 手机号码) at rest: SM4-CBC with a random IV, then HMAC-SM3 over IV and
 * ciphertext (encrypt-then-MAC; this OpenSSL has no SM4-GCM). Exact-match search uses a blind
 * index: HMAC-SM3 of the normalised value under a separate key, so the index reveals nothing
 * without that key. See docs/decisions/0006-personal-data-encryption.md.
 */
export interface PiiKeys {
  /** 16 bytes: SM4 key */
  encKey: Buffer;
  /** 32 bytes: HMAC-SM3 key for the ciphertext MAC */
  macKey: Buffer;
  /** 32 bytes: HMAC-SM3 key for the blind index */
  indexKey: Buffer;
}

const VERSION = 'v1';

export function hmacSm3(key: Buffer, ...parts: (string | Buffer)[]): Buffer {
  const h = createHmac('sm3', key);
  for (const p of parts) h.update(p);
  return h.digest();
}

export class PiiCipher {
  constructor(private readonly keys: PiiKeys) {
    if (keys.encKey.length !== 16) throw new Error('SM4 key must be 16 bytes');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(16);
    const c = createCipheriv('sm4-cbc', this.keys.encKey, iv);
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    const mac = hmacSm3(this.keys.macKey, iv, ct);
    return [VERSION, iv.toString('base64url'), ct.toString('base64url'), mac.toString('base64url')].join('.');
  }

  decrypt(sealed: string): string {
    const [version, ivB64, ctB64, macB64] = sealed.split('.');
    if (version !== VERSION || !ivB64 || !ctB64 || !macB64) throw new Error('unknown PII envelope');
    const iv = Buffer.from(ivB64, 'base64url');
    const ct = Buffer.from(ctB64, 'base64url');
    const mac = Buffer.from(macB64, 'base64url');
    const expected = hmacSm3(this.keys.macKey, iv, ct);
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) throw new Error('PII envelope MAC mismatch');
    const d = createDecipheriv('sm4-cbc', this.keys.encKey, iv);
    return Buffer.concat([d.update(ct), d.final()]).toString('utf8');
  }

  /**
   * Blind index for exact-match search; normalises case and surrounding space first. A `purpose`
   * separates index spaces, so an index kept for another purpose (a login name that happens to be
   * an ID number) cannot be joined against the 身份证号 index.
   */
  blindIndex(value: string, purpose?: string): string {
    const normalised = value.trim().toUpperCase();
    return (purpose ? hmacSm3(this.keys.indexKey, purpose, '\0', normalised) : hmacSm3(this.keys.indexKey, normalised)).toString('hex');
  }
}
