import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Database } from './client';
import { migrate, readMigrations } from './migrate';
import { TEST_ENGINE, openTestDatabase } from '../test/harness';

let opened: Database[] = [];
afterEach(async () => {
  for (const d of opened.reverse()) await d.close();
  opened = [];
});
const open = async () => {
  const d = await openTestDatabase();
  opened.push(d);
  return d;
};

describe('migrations', () => {
  it('applies every committed migration once; a second run applies nothing', async () => {
    const d = await open();
    const all = readMigrations().map((m) => m.tag);
    expect(await migrate(d.db)).toEqual(all);
    expect(await migrate(d.db)).toEqual([]);
    const tables = await queryRows<{ table_name: string }>(d.db, sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['units', 'users', 'sessions', 'audit_log', 'institutions', 'schema_migrations']));
  });

  it('refuses to start when an applied migration file was edited', async () => {
    const d = await open();
    const migrations = readMigrations();
    await migrate(d.db, migrations);
    const edited = migrations.map((m, i) => (i === 0 ? { ...m, hash: 'edited' } : m));
    await expect(migrate(d.db, edited)).rejects.toThrow(/changed after it was applied/);
  });

  it('rolls back a failing migration whole, leaving nothing half-applied', async () => {
    const d = await open();
    const broken = [...readMigrations(), { tag: '9999_broken', hash: 'x', statements: ['CREATE TABLE half_done (id int)', 'SELECT * FROM no_such_table'] }];
    await expect(migrate(d.db, broken)).rejects.toThrow();
    const rows = await queryRows<{ n: number }>(d.db, sql`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('half_done', 'units')`);
    expect(rows[0]!.n).toBe(0);
  });

  it('lets two starts race: one migrates, the other waits and finds nothing to do', async () => {
    const d = (await open()) as Database & { url?: string };
    // On PostgreSQL a second pool is a second process's connection; PGlite has one connection per process.
    let second: Database = d;
    if (TEST_ENGINE === 'postgres') {
      second = await openDatabase({ url: d.url!, poolSize: 2 });
      opened.push(second);
    }
    const [a, b] = await Promise.all([migrate(d.db), migrate(second.db)]);
    const all = readMigrations().map((m) => m.tag);
    expect([a, b].sort((x, y) => y.length - x.length)).toEqual([all, []]);
    const applied = await queryRows<{ n: number }>(d.db, sql`SELECT count(*)::int AS n FROM schema_migrations`);
    expect(applied[0]!.n).toBe(all.length);
  });
});
