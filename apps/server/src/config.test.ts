import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const hex = (bytes: number) => 'ab'.repeat(bytes);

describe('configuration', () => {
  it('refuses to start in production without secrets, naming each missing one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', JHRM_PII_ENC_KEY: hex(16) })).toThrow(/JHRM_PII_MAC_KEY, JHRM_PII_INDEX_KEY, JHRM_AUDIT_KEY/);
  });

  it('refuses a key of the wrong length', () => {
    const env = { NODE_ENV: 'production', JHRM_PII_ENC_KEY: hex(8), JHRM_PII_MAC_KEY: hex(32), JHRM_PII_INDEX_KEY: hex(32), JHRM_AUDIT_KEY: hex(32) };
    expect(() => loadConfig(env)).toThrow(/JHRM_PII_ENC_KEY must be 32 hex characters/);
  });

  it('takes production keys from the environment and uses secure cookies', () => {
    const env = { NODE_ENV: 'production', JHRM_PII_ENC_KEY: hex(16), JHRM_PII_MAC_KEY: hex(32), JHRM_PII_INDEX_KEY: hex(32), JHRM_AUDIT_KEY: hex(32) };
    expect(() => loadConfig(env)).toThrow(/SMS_GATEWAY_URL/);
    const c = loadConfig({ ...env, SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms', SMS_GATEWAY_TOKEN: 't' });
    expect(c.secrets.pii.encKey.toString('hex')).toBe(hex(16));
    expect(c.secureCookies).toBe(true);
  });

  it('generates development keys into DATA_DIR once and reuses them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jhrm-cfg-'));
    const a = loadConfig({ DATA_DIR: dir });
    const b = loadConfig({ DATA_DIR: dir });
    expect(a.secrets.auditKey.equals(b.secrets.auditKey)).toBe(true);
    expect(a.secrets.pii.encKey).toHaveLength(16);
    expect(JSON.parse(readFileSync(path.join(dir, 'secrets.json'), 'utf8')).JHRM_AUDIT_KEY).toBe(a.secrets.auditKey.toString('hex'));
    expect(loadConfig({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'jhrm-cfg-')) }).secrets.auditKey.equals(a.secrets.auditKey)).toBe(false);
  });

  it('reads PORT and refuses nonsense', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jhrm-cfg-'));
    expect(loadConfig({ DATA_DIR: dir, PORT: '4123' }).port).toBe(4123);
    expect(() => loadConfig({ DATA_DIR: dir, PORT: 'abc' })).toThrow(/PORT/);
  });

  it('takes PUBLIC_BASE_URL for licence QR codes, defaulting to localhost on PORT, and refuses anything but an http(s) base', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jhrm-cfg-'));
    expect(loadConfig({ DATA_DIR: dir, PORT: '4123' }).publicBaseUrl).toBe('http://localhost:4123');
    expect(loadConfig({ DATA_DIR: dir, PUBLIC_BASE_URL: 'https://hr.jl.gov.cn/' }).publicBaseUrl).toBe('https://hr.jl.gov.cn');
    expect(loadConfig({ DATA_DIR: dir, PUBLIC_BASE_URL: 'https://jl.gov.cn/hr/' }).publicBaseUrl).toBe('https://jl.gov.cn/hr');
    expect(() => loadConfig({ DATA_DIR: dir, PUBLIC_BASE_URL: 'hr.jl.gov.cn' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => loadConfig({ DATA_DIR: dir, PUBLIC_BASE_URL: 'javascript:alert(1)' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => loadConfig({ DATA_DIR: dir, PUBLIC_BASE_URL: 'https://hr.jl.gov.cn/?x=1' })).toThrow(/PUBLIC_BASE_URL/);
  });

  it('serves the API documentation outside production, and in production only with API_DOCS=1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jhrm-cfg-'));
    const prod = { NODE_ENV: 'production', JHRM_PII_ENC_KEY: hex(16), JHRM_PII_MAC_KEY: hex(32), JHRM_PII_INDEX_KEY: hex(32), JHRM_AUDIT_KEY: hex(32), SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms', SMS_GATEWAY_TOKEN: 't' };
    expect(loadConfig(prod).apiDocs).toBe(false);
    expect(loadConfig({ ...prod, API_DOCS: '1' }).apiDocs).toBe(true);
    expect(loadConfig({ DATA_DIR: dir }).apiDocs).toBe(true);
    expect(loadConfig({ DATA_DIR: dir, API_DOCS: '0' }).apiDocs).toBe(false);
    expect(() => loadConfig({ ...prod, API_DOCS: 'yes' })).toThrow(/API_DOCS must be 1 or 0/);
  });
});

