import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { ERRORS, type Lock, type Locker, type RequestRelease } from '@tus/server';
import { queryRows, type Db } from '../../db/client';

/** How long a lease lasts without renewal: a process killed -9 blocks its uploads at most this long. */
export const LOCK_LEASE_MS = 10_000;
/** How often a holder renews its lease (three renewals fit in one lease). */
export const LOCK_RENEW_MS = 3_000;
/** How often a waiter asks the database again. */
export const LOCK_POLL_MS = 250;
/** How long a request waits for the lock before tus' lock error (423 to the client): longer than a lease. */
export const LOCK_ACQUIRE_TIMEOUT_MS = 20_000;

export interface PgLockerOptions {
  leaseMs?: number;
  renewMs?: number;
  pollMs?: number;
  acquireTimeoutMs?: number;
  /** a renewal or release the database refused (the lease then runs out by itself) */
  onError?: (err: unknown) => void;
}

/** A lock this process holds or is acquiring. */
interface Holding {
  requestRelease: RequestRelease;
  /** asked to release already (by a request of this process, or through the database) */
  asked: boolean;
  timer?: NodeJS.Timeout;
  released: boolean;
}

/**
 * tus' Locker on PostgreSQL (decision 0040): one lease row per upload in `tus_locks`, so a request of
 * an upload waits for the request that holds it in any app process. Within this process the holder is
 * asked to release at once (as tus' MemoryLocker does); a holder in another process is asked through
 * the row and lets go at its next renewal. A process that dies holds nothing past its lease.
 */
export class PgLocker implements Locker {
  /** this process's (this app's) id in `tus_locks.owner` */
  readonly owner = randomUUID();
  readonly leaseMs: number;
  readonly renewMs: number;
  readonly pollMs: number;
  readonly acquireTimeoutMs: number;
  readonly onError: (err: unknown) => void;
  /** the uploads this process holds (or is acquiring) the lock of */
  readonly holdings = new Map<string, Holding>();

  constructor(
    readonly db: Db,
    opts: PgLockerOptions = {},
  ) {
    this.leaseMs = opts.leaseMs ?? LOCK_LEASE_MS;
    this.renewMs = opts.renewMs ?? LOCK_RENEW_MS;
    this.pollMs = opts.pollMs ?? LOCK_POLL_MS;
    this.acquireTimeoutMs = opts.acquireTimeoutMs ?? LOCK_ACQUIRE_TIMEOUT_MS;
    this.onError = opts.onError ?? (() => undefined);
  }

  newLock(id: string): Lock {
    return new PgLock(this, id);
  }

  /**
   * Takes the lease in one statement: a new row, or the row of a lease that has run out (or that this
   * process left behind). Concurrent takers serialise on the row; exactly one gets it.
   */
  async tryAcquire(id: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      this.db,
      sql`INSERT INTO tus_locks AS l (id, owner, expires_at, release_requested)
          VALUES (${id}, ${this.owner}, now() + ${this.leaseMs} * interval '1 millisecond', false)
          ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at, release_requested = false
          WHERE l.expires_at <= now() OR l.owner = excluded.owner
          RETURNING l.id`,
    );
    return rows.length === 1;
  }

  /** Asks the holder in another process to let go (it reads this when it renews). */
  async askRelease(id: string): Promise<void> {
    await this.db.execute(sql`UPDATE tus_locks SET release_requested = true WHERE id = ${id} AND owner <> ${this.owner} AND NOT release_requested`);
  }

  /** Extends the lease; `null` when it is no longer ours (it ran out and another process took it). */
  async renew(id: string): Promise<{ releaseRequested: boolean } | null> {
    const [row] = await queryRows<{ release_requested: boolean }>(
      this.db,
      sql`UPDATE tus_locks SET expires_at = now() + ${this.leaseMs} * interval '1 millisecond'
          WHERE id = ${id} AND owner = ${this.owner} RETURNING release_requested`,
    );
    return row ? { releaseRequested: row.release_requested } : null;
  }

  async release(id: string): Promise<void> {
    await this.db.execute(sql`DELETE FROM tus_locks WHERE id = ${id} AND owner = ${this.owner}`);
  }
}

class PgLock implements Lock {
  private holding: Holding | undefined;

  constructor(
    private readonly locker: PgLocker,
    private readonly id: string,
  ) {}

  /**
   * Waits for the lease until the locker's timeout, asking the holder to release; then tus' lock error.
   * `stop` (the request's end) gives up waiting with the same error, as MemoryLocker does.
   */
  async lock(stop: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const { locker, id } = this;
    const deadline = Date.now() + locker.acquireTimeoutMs;
    for (;;) {
      if (stop.aborted) throw ERRORS.ERR_LOCK_TIMEOUT;
      const local = locker.holdings.get(id);
      if (local) {
        if (!local.asked) {
          local.asked = true;
          await local.requestRelease();
        }
      } else {
        // claimed in this process before the database is asked, so a second request here waits for this one
        const holding: Holding = { requestRelease, asked: false, released: false };
        locker.holdings.set(id, holding);
        let acquired = false;
        try {
          acquired = await locker.tryAcquire(id);
        } finally {
          if (!acquired) locker.holdings.delete(id);
        }
        if (acquired) {
          this.holding = holding;
          holding.timer = setInterval(() => void this.renew(holding), locker.renewMs);
          holding.timer.unref();
          return;
        }
        await locker.askRelease(id);
      }
      const left = deadline - Date.now();
      if (left <= 0) throw ERRORS.ERR_LOCK_TIMEOUT;
      await sleep(Math.min(locker.pollMs, left), undefined, { signal: stop }).catch(() => undefined);
    }
  }

  private async renew(holding: Holding): Promise<void> {
    try {
      const state = await this.locker.renew(this.id);
      if (holding.released) return;
      // lost (the lease ran out, e.g. the database was unreachable) or wanted elsewhere: stop the request
      if (!state || state.releaseRequested) {
        if (!holding.asked) {
          holding.asked = true;
          await holding.requestRelease();
        }
      }
    } catch (err) {
      this.locker.onError(err);
    }
  }

  async unlock(): Promise<void> {
    const holding = this.holding;
    if (!holding) throw new Error('Releasing an unlocked lock!');
    this.holding = undefined;
    holding.released = true;
    clearInterval(holding.timer);
    try {
      await this.locker.release(this.id);
    } catch (err) {
      // the lease runs out by itself
      this.locker.onError(err);
    } finally {
      // only now: a waiter of this process takes the row over after our delete, never before it
      if (this.locker.holdings.get(this.id) === holding) this.locker.holdings.delete(this.id);
    }
  }
}
