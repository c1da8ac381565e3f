import { createHash } from 'node:crypto';
import { lt, sql } from 'drizzle-orm';
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { queryRows, type Db } from '../../db/client';
import { rateLimits } from './rate-limits.table';

/**
 * Counts a hit of `key` in one statement: a window that has passed starts over at 1, otherwise the
 * count goes up by one. Atomic under concurrency (the row's lock serialises the upserts), whichever
 * process the requests reach; the database's clock decides the window, not each process's.
 */
export async function hit(db: Db, key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
  const [row] = await queryRows<{ hits: number; ttl: number }>(
    db,
    sql`INSERT INTO rate_limits AS r (key, hits, resets_at)
        VALUES (${key}, 1, now() + ${windowMs} * interval '1 millisecond')
        ON CONFLICT (key) DO UPDATE SET
          hits = CASE WHEN r.resets_at <= now() THEN 1 ELSE r.hits + 1 END,
          resets_at = CASE WHEN r.resets_at <= now() THEN excluded.resets_at ELSE r.resets_at END
        RETURNING hits, greatest(0, ceil(extract(epoch FROM (resets_at - now())) * 1000))::int AS ttl`,
  );
  return { current: Number(row!.hits), ttl: Number(row!.ttl) };
}

/** Deletes the counters whose window has passed, by the database's clock as `hit` (the cleanup job); returns how many. */
export async function deleteExpiredRateLimits(db: Db): Promise<number> {
  const deleted = await db.delete(rateLimits).where(lt(rateLimits.resetsAt, sql`now()`)).returning({ key: rateLimits.key });
  return deleted.length;
}

/**
 * @fastify/rate-limit's store on PostgreSQL (decision 0037): the counters every app process shares,
 * so N processes behind a proxy allow a client `max` requests per window, not N × `max`. Each route
 * gets its own counters (`child`), as the plugin's in-memory store does.
 */
export function postgresRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  class PostgresRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options: FastifyRateLimitOptions,
      private readonly scope = '',
    ) {}

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const hashed = createHash('sha256').update(`${this.scope}\n${key}`).digest('hex');
      hit(db, hashed, timeWindow).then(
        (result) => callback(null, result),
        (err: Error) => callback(err),
      );
    }

    // at run time the plugin passes the route's merged options with the route itself under `routeInfo`
    // (its own Redis store reads it so), not the route options its typings declare
    child(options: object): FastifyRateLimitStore {
      const route = (options as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      return new PostgresRateLimitStore({}, `${[route?.method ?? ''].flat().join(',')} ${route?.url ?? ''}`);
    }
  }
  return PostgresRateLimitStore;
}
