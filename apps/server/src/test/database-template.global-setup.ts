import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase, type Database } from '../db/client';
import { migrate } from '../db/migrate';
import { seedReference } from '../seed/reference';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite runs: a dumped data directory, migrated and with the reference data (empty on PostgreSQL runs) */
    pgliteSnapshot: string;
    /** PostgreSQL runs: the name of a database, migrated and with the reference data, to copy (empty on PGlite runs) */
    postgresTemplate: string;
  }
}

/**
 * One migrated template per run, for either engine: every test context starts as a copy of it instead
 * of migrating an empty database (initdb in WASM ~3 s and every migration on PGlite; every migration
 * on PostgreSQL). PGlite: the template is a dumped data directory each context loads. PostgreSQL: a
 * real database each context copies with `CREATE DATABASE … TEMPLATE …`; its name carries this
 * process's pid and a random part so runs sharing the server at the same time never meet, and it is
 * dropped at teardown. Contexts still run `migrate` and the reference seed, which find nothing to do.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DB_ENGINE === 'postgres') {
    project.provide('pgliteSnapshot', '');
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error('TEST_DB_ENGINE=postgres needs TEST_DATABASE_URL');
    const name = `jhrm_tmpl_${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin(base, `CREATE DATABASE ${name}`);
    const drop = () => admin(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    try {
      const url = new URL(base);
      url.pathname = `/${name}`;
      // one connection, closed before any copy: CREATE DATABASE … TEMPLATE refuses a source in use
      await prepare(await openDatabase({ url: url.toString(), poolSize: 1 }));
      // nobody connects to the template by mistake (a copy would then fail)
      await admin(base, `ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
    } catch (err) {
      await drop();
      throw err;
    }
    project.provide('postgresTemplate', name);
    return drop;
  }
  project.provide('postgresTemplate', '');
  const database = await openDatabase({});
  const client = (database.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
  let dump: Blob;
  try {
    await migrate(database.db);
    await seedReference(database.db);
    dump = await client.dumpDataDir('none');
  } finally {
    await database.close();
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'jhrm-pglite-snapshot-'));
  const file = path.join(dir, 'migrated.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteSnapshot', file);
  return () => rmSync(dir, { recursive: true, force: true });
}

async function prepare(database: Database) {
  try {
    await migrate(database.db);
    await seedReference(database.db);
  } finally {
    await database.close();
  }
}

async function admin(base: string, statement: string) {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}
