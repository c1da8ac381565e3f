/**
 * The reference the app is measured against: a bare Fastify + pg server that answers the same
 * paths by sending the same statements the app's route sent (captured by lib/route-sql.ts, the
 * session lookup left out), one after another on a pool of the app's size, and returning the rows
 * as JSON. No session, no validation, no audit: what is left of a request when the framework
 * around the SQL costs nothing.
 *
 *   BARE_SPEC=<file.json> DATABASE_URL=… PORT=… node --import tsx bench/lib/bare-server.ts
 *
 * The spec is `{ "/api/health": [{ text, params }], … }`; run by bench/run.ts (lib/bare.ts).
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import pg from 'pg';
import { JIT_OFF } from '../../apps/server/src/db/client';
import type { SentStatement } from './route-sql';

const spec = JSON.parse(readFileSync(process.env.BARE_SPEC!, 'utf8')) as Record<string, SentStatement[]>;
// the app's pool: its size and its connection options (JIT off)
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20, options: JIT_OFF });
pool.on('error', () => {});
const app = Fastify({ logger: false });

for (const [path, statements] of Object.entries(spec)) {
  app.get(path, async () => {
    const results = [];
    for (const s of statements) results.push((await pool.query(s.text, s.params)).rows);
    return results.length === 1 ? results[0] : results;
  });
}

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => pool.end()).finally(() => process.exit(0)));
