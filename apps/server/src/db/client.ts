import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Logger, SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { PGlite } from '@electric-sql/pglite';
import * as schema from './schema';

export type Schema = typeof schema;
/** The one database type services see, whichever engine is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /**
   * LISTENs on `channel`: `onNotify` gets each payload; `onLive(false)` says notifications may have
   * been missed (the connection dropped; it reconnects by itself), `onLive(true)` that they flow
   * again. Resolves once listening (or retrying); the function it returns stops.
   */
  listen(channel: string, handlers: { onNotify(payload: string): void; onLive(live: boolean): void }): Promise<() => Promise<void>>;
  /**
   * Text SQL with `$n` parameters, for a library that brings its own statements (the job queue): on
   * PostgreSQL through the pool; on PGlite several statements in one text run as one simple query.
   */
  raw: RawSql;
  /**
   * Whether list queries may use named prepared statements: false behind a pooler in transaction mode
   * that cannot keep them (pgbouncer before 1.21: DATABASE_PREPARED_STATEMENTS=off, decision 0042).
   */
  preparedStatements: boolean;
  /** the connection pool's use now (metrics); null on PGlite: one connection, no pool */
  poolUse(): { size: number; idle: number; waiting: number; max: number } | null;
  close(): Promise<void>;
}

/** What pg-boss calls a database: text SQL with `$n` parameters, answering `{ rows }`. */
export interface RawSql {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface DatabaseOptions {
  /** a PostgreSQL URL; when absent, embedded PGlite */
  url?: string;
  /**
   * A direct PostgreSQL URL for what a pooler in transaction mode cannot carry: LISTEN (decision
   * 0042). Absent: `url` is direct.
   */
  directUrl?: string;
  /** named prepared statements for list queries (default true; false behind pgbouncer < 1.21) */
  preparedStatements?: boolean;
  /** PGlite data directory; absent means in memory (tests) */
  pgliteDir?: string;
  /** PGlite: start from this dumped data directory (`dumpDataDir`) instead of an empty cluster (tests) */
  pgliteSnapshot?: Blob;
  poolSize?: number;
  /** sees every statement with its parameters as sent (the plan test EXPLAINs exactly those) */
  logger?: Logger;
}

/** Startup options of every PostgreSQL connection (`-c setting=value`). */
export const JIT_OFF = '-c jit=off';

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.url) {
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    // timestamps and numerics come back as text by default; dates are parsed by drizzle's column types
    // JIT off for every connection: the register's and lists' row estimates crossed jit_above_cost and
    // compiling cost ~25 ms a query that runs in a few (decision 0017); the URL's own `options` come after and win
    const preparedStatements = opts.preparedStatements ?? true;
    // Behind a pooler that cannot keep named prepared statements every statement goes unnamed: the
    // repositories still `.prepare()` (and keep their plan where the connection is their own), the
    // driver just does not name them (decision 0042).
    class UnnamedClient extends pg.Client {
      override query(...args: unknown[]): never {
        const [config] = args;
        if (config && typeof config === 'object' && 'name' in config) args[0] = { ...config, name: undefined };
        return (super.query as (...a: unknown[]) => never)(...args);
      }
    }
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 20,
      options: JIT_OFF,
      ...(preparedStatements ? {} : { Client: UnnamedClient }),
    });
    pool.on('error', () => {
      // an idle client lost its connection; the pool replaces it on the next checkout
    });
    const db = drizzle(pool, { schema, logger: opts.logger }) as unknown as Db;
    const listen: Database['listen'] = async (channel, { onNotify, onLive }) => {
      // a connection of its own, outside the pool: LISTEN lasts as long as the connection
      let client: InstanceType<typeof pg.Client> | undefined;
      let stopped = false;
      let retry: NodeJS.Timeout | undefined;
      const connect = async () => {
        const c = new pg.Client({ connectionString: opts.directUrl ?? opts.url, options: JIT_OFF });
        let lost = false;
        const onLost = () => {
          if (lost) return;
          lost = true;
          onLive(false);
          void c.end().catch(() => undefined);
          // unref: a retry never keeps a stopping process alive
          if (!stopped) retry = setTimeout(() => void connect().catch(() => undefined), 1000).unref();
        };
        c.on('notification', (m) => {
          if (m.channel === channel) onNotify(m.payload ?? '');
        });
        c.on('error', onLost);
        c.on('end', onLost);
        try {
          await c.connect();
          await c.query(`LISTEN ${channel}`);
        } catch (err) {
          onLost();
          throw err;
        }
        if (stopped) {
          // stopped while this (re)connection was under way
          lost = true;
          await c.end().catch(() => undefined);
          return;
        }
        client = c;
        onLive(true);
      };
      // not reachable now: onLive(false) said so, and it keeps retrying
      await connect().catch(() => undefined);
      return async () => {
        stopped = true;
        clearTimeout(retry);
        await client?.end().catch(() => undefined);
      };
    };
    const max = opts.poolSize ?? 20;
    return {
      db,
      engine: 'postgres',
      listen,
      raw: { executeSql: (text, values) => pool.query(text, values) },
      preparedStatements,
      poolUse: () => ({ size: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max }),
      close: () => pool.end(),
    };
  }
  const { PGliteWorkerClient } = await import('./pglite-client');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (opts.pgliteDir) mkdirSync(path.dirname(opts.pgliteDir), { recursive: true });
  // PGlite runs in a worker thread so a slow statement does not hold the event loop (decision 0026)
  const client = await PGliteWorkerClient.create({ dataDir: opts.pgliteDir, loadDataDir: opts.pgliteSnapshot });
  // the worker client answers what drizzle's pglite driver calls (query, transaction) the way PGlite does
  const db = drizzle({ client: client as unknown as PGlite, schema, logger: opts.logger }) as unknown as Db;
  // one connection: notifications arrive with the result of the statement that committed them
  const listen: Database['listen'] = async (channel, { onNotify, onLive }) => {
    const unlisten = await client.listen(channel, onNotify);
    onLive(true);
    return unlisten;
  };
  const raw: RawSql = {
    executeSql: async (text, values) => {
      if (values?.length) return client.query(text, values);
      // no parameters: maybe several statements (pg-boss' locked maintenance), which only the simple protocol takes
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
  return { db, engine: 'pglite', listen, raw, preparedStatements: true, poolUse: () => null, close: () => client.close() };
}

/** Raw SQL returning rows, the same on both engines (both drivers answer `{ rows }`). */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
