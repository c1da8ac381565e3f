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
    /** PGlite runs: a dumped data directory just after initdb, for tests of an empty database (empty on PostgreSQL runs) */
    pgliteEmpty: string;
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
    project.provide('pgliteEmpty', '');
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
  let empty: Blob;
  let migrated: Blob;
  try {
    // initdb in WASM costs a few seconds: the empty cluster is dumped too, for the tests of migrating one
    empty = await client.dumpDataDir('none');
    await migrate(database.db);
    await seedReference(database.db);
    migrated = await client.dumpDataDir('none');
  } finally {
    await database.close();
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'jhrm-pglite-snapshot-'));
  const write = async (name: string, dump: Blob) => {
    const file = path.join(dir, name);
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    return file;
  };
  project.provide('pgliteEmpty', await write('empty.tar', empty));
  project.provide('pgliteSnapshot', await write('migrated.tar', migrated));
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
