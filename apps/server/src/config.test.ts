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
    const c = loadConfig({ ...env, SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms', SMS_GATEWAY_TOKEN: 't', CLAMD_SOCKET: '/run/clamav/clamd.ctl' });
    expect(c.secrets.pii.encKey.toString('hex')).toBe(hex(16));
    expect(c.secureCookies).toBe(true);
  });

  it('listens on this machine only outside production, on every address in production', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jhrm-cfg-'));
    expect(loadConfig({ DATA_DIR: dir }).host).toBe('127.0.0.1');
    expect(loadConfig({ DATA_DIR: dir, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    const env = { NODE_ENV: 'production', JHRM_PII_ENC_KEY: hex(16), JHRM_PII_MAC_KEY: hex(32), JHRM_PII_INDEX_KEY: hex(32), JHRM_AUDIT_KEY: hex(32) };
    expect(loadConfig({ ...env, SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms', SMS_GATEWAY_TOKEN: 't', CLAMD_SOCKET: '/run/clamav/clamd.ctl' }).host).toBe('0.0.0.0');
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

  it('stores files in an S3-compatible bucket when S3_BUCKET is set, with its keys, and refuses half a configuration', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jhrm-cfg-'));
    expect(loadConfig({ DATA_DIR: dir }).s3).toBeUndefined();
    const keys = { S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' };
    expect(loadConfig({ DATA_DIR: dir, S3_BUCKET: 'jhrm', S3_ENDPOINT: 'http://minio:9000', ...keys }).s3).toEqual({
      bucket: 'jhrm',
      prefix: '',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    });
    // AWS itself: no endpoint, virtual-hosted addressing
    expect(loadConfig({ DATA_DIR: dir, S3_BUCKET: 'jhrm', S3_REGION: 'cn-north-1', S3_PREFIX: 'prod/', ...keys }).s3).toMatchObject({ region: 'cn-north-1', prefix: 'prod/', forcePathStyle: false });
    expect(() => loadConfig({ DATA_DIR: dir, S3_BUCKET: 'jhrm' })).toThrow(/S3_ACCESS_KEY_ID/);
    expect(() => loadConfig({ DATA_DIR: dir, S3_ENDPOINT: 'http://minio:9000' })).toThrow(/without S3_BUCKET/);
    expect(() => loadConfig({ DATA_DIR: dir, S3_BUCKET: 'jhrm', S3_ENDPOINT: 'minio:9000', ...keys })).toThrow(/S3_ENDPOINT/);
  });

  it('serves metrics only when METRICS_PORT is set, on loopback unless METRICS_HOST says otherwise, never on PORT', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jhrm-cfg-'));
    expect(loadConfig({ DATA_DIR: dir }).metrics).toBeUndefined();
    expect(loadConfig({ DATA_DIR: dir, METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(loadConfig({ DATA_DIR: dir, METRICS_PORT: '9464', METRICS_HOST: '10.0.0.5' }).metrics).toEqual({ port: 9464, host: '10.0.0.5' });
    expect(() => loadConfig({ DATA_DIR: dir, METRICS_PORT: 'x' })).toThrow(/METRICS_PORT/);
    expect(() => loadConfig({ DATA_DIR: dir, PORT: '4000', METRICS_PORT: '4000' })).toThrow(/METRICS_PORT must differ from PORT/);
    expect(() => loadConfig({ DATA_DIR: dir, METRICS_HOST: '0.0.0.0' })).toThrow(/METRICS_HOST/);
  });

  it('reads the pooler settings: a direct URL only beside DATABASE_URL, prepared statements on unless switched off', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jhrm-cfg-'));
    const plain = loadConfig({ DATA_DIR: dir });
    expect(plain).toMatchObject({ databaseDirectUrl: undefined, databasePreparedStatements: true, jobsEveryMinute: false });
    const pooled = loadConfig({
      DATA_DIR: dir,
      DATABASE_URL: 'postgres://jhrm@127.0.0.1:6432/jhrm',
      DATABASE_DIRECT_URL: 'postgres://jhrm@127.0.0.1:5432/jhrm',
      DATABASE_PREPARED_STATEMENTS: '0',
      JOBS_EVERY_MINUTE: '1',
    });
    expect(pooled).toMatchObject({ databaseDirectUrl: 'postgres://jhrm@127.0.0.1:5432/jhrm', databasePreparedStatements: false, jobsEveryMinute: true });
    expect(() => loadConfig({ DATA_DIR: dir, DATABASE_DIRECT_URL: 'postgres://x@h/db' })).toThrow(/DATABASE_DIRECT_URL is set without DATABASE_URL/);
    expect(() => loadConfig({ DATA_DIR: dir, DATABASE_URL: 'postgres://x@h/db', DATABASE_DIRECT_URL: 'mysql://x@h/db' })).toThrow(/DATABASE_DIRECT_URL must be a postgres/);
    expect(() => loadConfig({ DATA_DIR: dir, DATABASE_PREPARED_STATEMENTS: 'off' })).toThrow(/DATABASE_PREPARED_STATEMENTS must be 1 or 0/);
  });

  it('takes PUBLIC_BASE_URL for licence QR codes, defaulting to localhost on PORT, and refuses anything but an http(s) base', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jhrm-cfg-'));
    expect(loadConfig({ DATA_DIR: dir, PORT: '4123' }).publicBaseUrl).toBe('http://localhost:4123');
    expect(loadConfig({ DATA_DIR: dir, PUBLIC_BASE_URL: 'https://hr.jl.gov.cn/' }).publicBaseUrl).toBe('https://hr.jl.gov.cn');
    expect(loadConfig({ DATA_DIR: dir, PUBLIC_BASE_URL: 'https://jl.gov.cn/hr/' }).publicBaseUrl).toBe('https://jl.gov.cn/hr');
    // unset outside production: the address a request came to; set, or in production: the setting
    expect(loadConfig({ DATA_DIR: dir }).publicBaseUrlFromRequest).toBe(true);
    expect(loadConfig({ DATA_DIR: dir, PUBLIC_BASE_URL: 'https://hr.jl.gov.cn/' }).publicBaseUrlFromRequest).toBe(false);
    expect(() => loadConfig({ DATA_DIR: dir, PUBLIC_BASE_URL: 'hr.jl.gov.cn' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => loadConfig({ DATA_DIR: dir, PUBLIC_BASE_URL: 'javascript:alert(1)' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => loadConfig({ DATA_DIR: dir, PUBLIC_BASE_URL: 'https://hr.jl.gov.cn/?x=1' })).toThrow(/PUBLIC_BASE_URL/);
  });

  it('scans uploads with the clamd at CLAMD_SOCKET (a socket path or tcp://host:port); production refuses to start without one unless MALWARE_SCAN=off', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jhrm-cfg-'));
    expect(loadConfig({ DATA_DIR: dir }).clamd).toBeUndefined();
    expect(loadConfig({ DATA_DIR: dir, CLAMD_SOCKET: '/run/clamav/clamd.ctl' }).clamd).toEqual({ address: '/run/clamav/clamd.ctl', timeoutMs: 60_000 });
    expect(loadConfig({ DATA_DIR: dir, CLAMD_SOCKET: 'tcp://clamav.internal:3310', CLAMD_TIMEOUT_MS: '5000' }).clamd).toEqual({ address: 'tcp://clamav.internal:3310', timeoutMs: 5000 });
    expect(() => loadConfig({ DATA_DIR: dir, CLAMD_SOCKET: 'clamd.ctl' })).toThrow(/CLAMD_SOCKET must be/);
    expect(() => loadConfig({ DATA_DIR: dir, CLAMD_SOCKET: '/run/clamav/clamd.ctl', MALWARE_SCAN: 'off' })).toThrow(/contradict/);
    expect(() => loadConfig({ DATA_DIR: dir, MALWARE_SCAN: 'no' })).toThrow(/MALWARE_SCAN may only be "off"/);

    const prod = { NODE_ENV: 'production', JHRM_PII_ENC_KEY: hex(16), JHRM_PII_MAC_KEY: hex(32), JHRM_PII_INDEX_KEY: hex(32), JHRM_AUDIT_KEY: hex(32), SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms', SMS_GATEWAY_TOKEN: 't' };
    expect(() => loadConfig(prod)).toThrow(/Missing CLAMD_SOCKET/);
    expect(loadConfig({ ...prod, MALWARE_SCAN: 'off' }).clamd).toBeUndefined();
    expect(loadConfig({ ...prod, CLAMD_SOCKET: '/run/clamav/clamd.ctl' }).clamd?.address).toBe('/run/clamav/clamd.ctl');
  });

  it('trusts X-Forwarded-For only from the listed proxies, and refuses the old TRUST_PROXY=1 with a way out', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jhrm-cfg-'));
    expect(loadConfig({ DATA_DIR: dir }).trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,fd00::/8 ,loopback' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', 'fd00::/8', 'loopback']);
    for (const old of ['1', 'true', 'TRUE']) expect(() => loadConfig({ DATA_DIR: dir, TRUST_PROXY: old })).toThrow(/TRUST_PROXY=1 is no longer accepted.*TRUST_PROXY=127\.0\.0\.1/);
    expect(() => loadConfig({ DATA_DIR: dir, TRUST_PROXY: '10.0.0.1,proxy.local' })).toThrow(/"proxy\.local"/);
    expect(() => loadConfig({ DATA_DIR: dir, TRUST_PROXY: '0.0.0.0/0' })).toThrow(/not \/0/);
    expect(() => loadConfig({ DATA_DIR: dir, TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });

  it('serves the API documentation outside production, and in production only with API_DOCS=1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jhrm-cfg-'));
    const prod = { NODE_ENV: 'production', JHRM_PII_ENC_KEY: hex(16), JHRM_PII_MAC_KEY: hex(32), JHRM_PII_INDEX_KEY: hex(32), JHRM_AUDIT_KEY: hex(32), SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms', SMS_GATEWAY_TOKEN: 't', MALWARE_SCAN: 'off' };
    expect(loadConfig(prod).apiDocs).toBe(false);
    expect(loadConfig({ ...prod, API_DOCS: '1' }).apiDocs).toBe(true);
    expect(loadConfig({ DATA_DIR: dir }).apiDocs).toBe(true);
    expect(loadConfig({ DATA_DIR: dir, API_DOCS: '0' }).apiDocs).toBe(false);
    expect(() => loadConfig({ ...prod, API_DOCS: 'yes' })).toThrow(/API_DOCS must be 1 or 0/);
  });
});

