import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './client';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** pg_advisory_xact_lock key: "jhrm" as an integer, so two starting processes queue here */
const MIGRATION_LOCK = 0x6a68726d;

interface Journal {
  entries: { idx: number; tag: string }[];
}

export interface Migration {
  tag: string;
  hash: string;
  statements: string[];
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const journal = JSON.parse(readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => {
      const text = readFileSync(path.join(dir, `${tag}.sql`), 'utf8');
      return {
        tag,
        hash: createHash('sha256').update(text).digest('hex'),
        statements: text
          .split('--> statement-breakpoint')
          .map((s) => s.trim())
          .filter(Boolean),
      };
    });
}

/**
 * Applies the committed SQL migrations that are not yet applied, all in one transaction under an
 * advisory lock: a second process starting at the same moment waits, then finds nothing to do.
 * A migration whose file changed after it was applied stops the start (history must not be edited).
 */
export async function migrate(db: Db, migrations = readMigrations()): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.execute(sql`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        tag text PRIMARY KEY,
        hash text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const rows = await queryRows<{ tag: string; hash: string }>(tx, sql`SELECT tag, hash FROM schema_migrations`);
    const applied = new Map(rows.map((r) => [r.tag, r.hash]));
    const done: string[] = [];
    for (const m of migrations) {
      const known = applied.get(m.tag);
      if (known !== undefined) {
        if (known !== m.hash) throw new Error(`Migration ${m.tag} was changed after it was applied; add a new migration instead.`);
        continue;
      }
      for (const statement of m.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`INSERT INTO schema_migrations (tag, hash) VALUES (${m.tag}, ${m.hash})`);
      done.push(m.tag);
    }
    return done;
  });
}
