import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Logger, SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
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
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** a PostgreSQL URL; when absent, embedded PGlite */
  url?: string;
  /** PGlite data directory; absent means in memory (tests) */
  pgliteDir?: string;
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
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 20, options: JIT_OFF });
    pool.on('error', () => {
      // an idle client lost its connection; the pool replaces it on the next checkout
    });
    const db = drizzle(pool, { schema, logger: opts.logger }) as unknown as Db;
    return { db, engine: 'postgres', close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (opts.pgliteDir) mkdirSync(path.dirname(opts.pgliteDir), { recursive: true });
  // extensions the migrations create must be loaded into the WASM build first
  const extensions = { pg_trgm };
  const client = await PGlite.create(opts.pgliteDir ? { dataDir: opts.pgliteDir, extensions } : { extensions });
  const db = drizzle(client, { schema, logger: opts.logger }) as unknown as Db;
  return { db, engine: 'pglite', close: () => client.close() };
}

/** Raw SQL returning rows, the same on both engines (both drivers answer `{ rows }`). */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
