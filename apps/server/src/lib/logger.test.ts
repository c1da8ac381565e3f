import Fastify from 'fastify';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { logSink } from '../test/log-sink';
import { loggerOptions, RequestsAtDebug, scrub } from './logger';

describe('log redaction', () => {
  it('keeps the request line in request logs, with personal numbers masked', () => {
    const { stream: sink, lines } = logSink();
    class FakeRequest {
      method = 'GET';
      url = '/api/institutions?legalRepIdCard=110101197501010039';
      ip = '127.0.0.1';
    }
    pino(loggerOptions('info'), sink).info({ req: new FakeRequest(), res: { statusCode: 200 } }, 'incoming request');
    const entry = JSON.parse(lines[0]!);
    expect(entry.req).toEqual({ method: 'GET', url: '/api/institutions?legalRepIdCard=110101********0039', remoteAddress: '127.0.0.1' });
    expect(entry.res).toEqual({ statusCode: 200 });
  });

  it('removes passwords, tokens and cookies by key, at any depth', () => {
    expect(scrub({ a: { password: 'x', newPassword: 'y', headers: { cookie: 'jhrm_sid=1', 'x-csrf-token': 't' } } })).toEqual({
      a: { password: '[REDACTED]', newPassword: '[REDACTED]', headers: { cookie: '[REDACTED]', 'x-csrf-token': '[REDACTED]' } },
    });
  });

  it('never writes a password, 身份证号 or 手机号码 to the log stream', () => {
    const { stream: sink, lines } = logSink();
    const log = pino(loggerOptions('info'), sink);
    log.info({ req: { url: '/api/x?q=110101197501010039' }, body: { password: 'Secret@123', phone: '13111111111' } }, 'for 110101199003074936');
    log.error({ err: new Error('bad phone 13111111111') }, 'failed');
    const out = lines.join('');
    for (const secret of ['Secret@123', '110101197501010039', '110101199003074936', '13111111111']) expect(out).not.toContain(secret);
    expect(out).toContain('110101********0039');
    expect(out).toContain('131****1111');
  });

  it('drops statement parameters from errors and their causes, even a value that imitates a stack frame', () => {
    const { stream: sink, lines } = logSink();
    const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA';
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "users_account_lower_uq"'), {
      code: '23505',
      constraint: 'users_account_lower_uq',
      detail: 'Key (lower(account))=(leaky) already exists.',
      params: ['leaky', hash],
    });
    const failed = Object.assign(new Error(`Failed query: insert into "users" ("account", "password_hash") values ($1, $2)\nparams: x\n    at fake,${hash}`), {
      params: ['x\n    at fake', hash],
      cause: driverError,
    });
    pino(loggerOptions('info'), sink).error({ err: failed, nested: { error: failed, params: [hash] } }, 'unhandled error');
    const out = lines.join('');
    expect(out).not.toContain('argon2');
    expect(out).not.toContain('leaky');
    const entry = JSON.parse(out);
    expect(entry.err.message).toBe('Failed query: insert into "users" ("account", "password_hash") values ($1, $2)\nparams: [withheld]');
    expect(entry.err.cause).toMatchObject({ code: '23505', constraint: 'users_account_lower_uq', message: expect.stringContaining('unique constraint') });
    expect(entry.nested.params).toBe('[REDACTED]');
  });

  it('development logs request lines at debug, failures still as errors', async () => {
    const lines = async (level: string) => {
      const { stream, lines } = logSink();
      const app = Fastify({ loggerInstance: pino(loggerOptions(level), stream), logController: new RequestsAtDebug() });
      app.get('/ok', async () => 'ok');
      app.get('/boom', async () => {
        throw new Error('boom');
      });
      await app.inject('/ok');
      await app.inject('/boom');
      await app.close();
      return lines.map((l) => JSON.parse(l) as { level: number; msg: string; res?: { statusCode: number } });
    };
    const info = await lines('info');
    expect(info.filter((l) => l.msg === 'incoming request' || (l.msg === 'request completed' && l.res?.statusCode === 200))).toEqual([]);
    expect(info.some((l) => l.level >= 50 && l.res?.statusCode === 500)).toBe(true);
    const debug = await lines('debug');
    expect(debug.filter((l) => l.msg === 'incoming request')).toHaveLength(2);
    expect(debug.find((l) => l.msg === 'request completed' && l.res?.statusCode === 200)?.level).toBe(20);
  });
});
