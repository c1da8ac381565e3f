import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/harness';
import { logSink } from '../test/log-sink';
import { migrate } from '../db/migrate';
import type { Database } from '../db/client';
import { users } from '../modules/accounts/accounts.table';
import { errorHandlerPlugin } from '../plugins/error-handler';
import { loggerOptions } from './logger';
import { hashPassword } from './passwords';

let database: Database;
let app: FastifyInstance;
let hash: string;
const { stream, lines } = logSink();

beforeAll(async () => {
  database = await openTestDatabase();
  await migrate(database.db);
  hash = await hashPassword('Secret@2026x');
  app = Fastify({ logger: { ...loggerOptions('info'), stream } });
  await app.register(errorHandlerPlugin);
  // The statement fails on the database (no such unit) with the hash, the ID and the phone among its parameters.
  app.post('/insert', async () => {
    await database.db.insert(users).values({
      account: 'leaky_account',
      passwordHash: hash,
      role: 'agent',
      name: '参数 220102198805061237 13987654321',
      unitId: randomUUID(),
    });
    return { ok: true };
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('database errors in the log', () => {
  it('logs a failed insert with its statement and the database’s reason, but none of its parameter values', async () => {
    const res = await app.inject({ method: 'POST', url: '/insert' });
    expect(res.statusCode).toBe(500);
    expect(res.json().message).toBe('系统繁忙，请稍后再试');
    const out = lines.join('');
    const entry = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unhandled error');
    expect(entry.err.message).toMatch(/^Failed query: insert into "users" .*\nparams: \[withheld\]$/s);
    expect(entry.err.cause.message).toMatch(/foreign key/);
    for (const value of [hash, '$argon2', 'leaky_account', '220102198805061237', '13987654321', '220102********1237']) expect(out).not.toContain(value);
  });
});
