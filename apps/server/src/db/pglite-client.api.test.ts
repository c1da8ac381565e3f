import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pglite';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueViolation } from '../lib/pg-errors';
import { PGliteWorkerClient } from './pglite-client';

/**
 * Embedded PGlite in its worker thread (decision 0026), on its own whichever engine the API run
 * uses: the event loop stays free while a statement runs, drizzle gets what PGlite would answer,
 * transactions keep PGlite's one-at-a-time order, errors keep their PostgreSQL fields, and
 * notifications, dumps and closing work across the thread. (The whole API suite on PGlite runs
 * through the worker as well: openDatabase always starts it.)
 */
const items = pgTable('worker_items', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
});

let client: PGliteWorkerClient;
const db = () => drizzle({ client: client as unknown as PGlite });

beforeAll(async () => {
  // PGlite runs start from the run's migrated snapshot (fast); PostgreSQL runs have none and run initdb
  const file = inject('pgliteSnapshot');
  client = await PGliteWorkerClient.create(file ? { loadDataDir: new Blob([readFileSync(file)]) } : {});
  await client.exec('CREATE TABLE worker_items (id int PRIMARY KEY, name text NOT NULL, at timestamptz NOT NULL)');
});
afterAll(async () => {
  await client?.close();
});

/** The longest gap between 1 ms timer ticks while `work` runs, and how long it ran. */
async function loopGaps(work: () => Promise<unknown>) {
  let last = performance.now();
  let longest = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(tick);
  }
  return { longest, took: performance.now() - started };
}

describe('PGlite in a worker thread', () => {
  it('keeps the event loop free while a long statement runs', async () => {
    // in the server's own thread this would be one gap as long as the statement
    const { longest, took } = await loopGaps(() => client.query('SELECT count(*) FROM generate_series(1, 2000000) g WHERE g % 7 = 3'));
    expect(took).toBeGreaterThan(200);
    expect(longest).toBeLessThan(took / 4);
  });

  it('answers drizzle as PGlite does: typed columns parsed, raw timestamps left as text', async () => {
    const at = new Date('2026-11-26T01:02:03.456Z');
    await db().insert(items).values({ id: 1, name: '吉林', at });
    const [row] = await db().select().from(items).where(eq(items.id, 1));
    expect(row).toEqual({ id: 1, name: '吉林', at });
    const raw = await db().execute(sql`SELECT at, id FROM worker_items WHERE id = 1`);
    expect(raw.rows).toEqual([{ at: '2026-11-26 01:02:03.456+00', id: 1 }]);
    // without drizzle's options PGlite's own parsers apply; bytes go both ways
    const plain = await client.query<{ at: Date; b: Uint8Array }>('SELECT at, $1::bytea AS b FROM worker_items WHERE id = 1', [new Uint8Array([0, 255, 7])]);
    expect(plain.rows[0]!.at).toEqual(at);
    expect([...plain.rows[0]!.b]).toEqual([0, 255, 7]);
  });

  it('keeps the PostgreSQL fields of an error, through drizzle too', async () => {
    const err = await db()
      .insert(items)
      .values({ id: 1, name: '重复', at: new Date() })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(uniqueViolation(err)).toBe('worker_items_pkey');
    const raw = await client.query('SELECT 1/0').catch((e: unknown) => e as Record<string, unknown>);
    expect(raw).toMatchObject({ code: '22012', message: 'division by zero', severity: 'ERROR' });
    expect(raw).toBeInstanceOf(Error);
  });

  it('refuses what it cannot carry across the thread: a type parser, a parameter that cannot be cloned', async () => {
    await expect(client.query('SELECT 1', [], { parsers: { 23: (v) => Number(v) * 2 } })).rejects.toThrow(/not the identity/);
    await expect(client.query('SELECT $1::text', [() => 'x'])).rejects.toThrow(/could not be cloned/);
    expect((await client.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }]);
  });

  it('lets a statement outside a transaction wait until the transaction ends', async () => {
    let outside: Promise<{ rows: { n: number }[] }> | undefined;
    let settled = false;
    await db().transaction(async (tx) => {
      await tx.insert(items).values({ id: 2, name: '事务内', at: new Date() });
      outside = client.query<{ n: number }>('SELECT count(*)::int AS n FROM worker_items WHERE id = 2');
      void outside.then(() => (settled = true));
      await new Promise((r) => setTimeout(r, 100));
      // still inside: the outside statement has not run (it would not see the row yet, and must not run in here)
      expect(settled).toBe(false);
      const inside = await tx.execute(sql`SELECT count(*)::int AS n FROM worker_items WHERE id = 2`);
      expect(inside.rows).toEqual([{ n: 1 }]);
    });
    expect((await outside!).rows).toEqual([{ n: 1 }]);
  });

  it('runs parallel transactions one at a time, so a read-modify-write loses nothing', async () => {
    await client.exec('CREATE TABLE worker_counter (n int NOT NULL); INSERT INTO worker_counter VALUES (0)');
    await Promise.all(
      Array.from({ length: 8 }, () =>
        db().transaction(async (tx) => {
          const [{ n }] = (await tx.execute<{ n: number }>(sql`SELECT n FROM worker_counter`)).rows as [{ n: number }];
          await new Promise((r) => setTimeout(r, 5));
          await tx.execute(sql`UPDATE worker_counter SET n = ${n + 1}`);
        }),
      ),
    );
    expect((await client.query('SELECT n FROM worker_counter')).rows).toEqual([{ n: 8 }]);
  });

  it('rolls back when the callback throws, and savepoints nest', async () => {
    await expect(
      db().transaction(async (tx) => {
        await tx.insert(items).values({ id: 3, name: '回滚', at: new Date() });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await db().transaction(async (tx) => {
      await tx.insert(items).values({ id: 4, name: '保留', at: new Date() });
      await tx
        .transaction(async (inner) => {
          await inner.insert(items).values({ id: 5, name: '撤回', at: new Date() });
          throw new Error('inner');
        })
        .catch(() => undefined);
    });
    const ids = (await client.query<{ id: number }>('SELECT id FROM worker_items WHERE id IN (3, 4, 5) ORDER BY id')).rows.map((r) => r.id);
    expect(ids).toEqual([4]);
  });

  it('fails the commit of a transaction a failed statement aborted, and closes the handle', async () => {
    let handle: { query(text: string): Promise<unknown> } | undefined;
    await expect(
      client.transaction(async (tx) => {
        handle = tx;
        await tx.query('INSERT INTO worker_items VALUES (1, $1, now())', ['重复']).catch(() => undefined);
        return 'done';
      }),
    ).rejects.toThrow(/rolled back/);
    await expect(handle!.query('SELECT 1')).rejects.toThrow('Transaction is closed');
    // the connection is usable again
    expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('delivers a notification before the result of the statement that sent it, and stops on unlisten', async () => {
    const heard: string[] = [];
    const unlisten = await client.listen('worker_news', (payload) => heard.push(payload));
    await client.query(`SELECT pg_notify('worker_news', '第一条')`);
    expect(heard).toEqual(['第一条']);
    await db().transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_notify('worker_news', '提交后')`);
      expect(heard).toEqual(['第一条']);
    });
    expect(heard).toEqual(['第一条', '提交后']);
    await unlisten();
    await client.query(`SELECT pg_notify('worker_news', '没人听')`);
    expect(heard).toEqual(['第一条', '提交后']);
  });

  it('dumps the data directory, a new worker starts from the dump, and refuses every call once closed', async () => {
    const dump = await client.dumpDataDir('none');
    const second = await PGliteWorkerClient.create({ loadDataDir: dump });
    try {
      expect((await second.query('SELECT name FROM worker_items WHERE id = 1')).rows).toEqual([{ name: '吉林' }]);
    } finally {
      await second.close();
    }
    expect(second.closed).toBe(true);
    await expect(second.query('SELECT 1')).rejects.toThrow('PGlite is closed');
    await expect(second.transaction(async () => 1)).rejects.toThrow('PGlite is closed');
    // the first one is untouched
    expect((await client.query('SELECT count(*)::int AS n FROM worker_items WHERE id = 1')).rows).toEqual([{ n: 1 }]);
  });
});
