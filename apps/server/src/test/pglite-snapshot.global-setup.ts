import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client';
import { migrate } from '../db/migrate';
import { seedReference } from '../seed/reference';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite runs: a dumped data directory, migrated and with the reference data (empty on PostgreSQL runs) */
    pgliteSnapshot: string;
  }
}

/**
 * On PGlite, every test context would otherwise run initdb in WASM (~3 s) and every migration. The
 * run does that once here and each context starts from the dump (~1.5 s); the contexts still run
 * `migrate` and the reference seed, which find nothing to do. PostgreSQL runs create real databases.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DB_ENGINE === 'postgres') {
    project.provide('pgliteSnapshot', '');
    return;
  }
  const database = await openDatabase({});
  await migrate(database.db);
  await seedReference(database.db);
  const client = (database.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('none');
  await database.close();
  const dir = mkdtempSync(path.join(tmpdir(), 'jhrm-pglite-snapshot-'));
  const file = path.join(dir, 'migrated.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteSnapshot', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
