import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '@tus/server';
import { createTestContext, type TestContext } from '../../test/harness';
import { PgLocker, type PgLockerOptions } from './tus-locker';
import { tusLocks } from './tus.table';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ demo: false });
});
afterAll(() => ctx?.close());

/** Two app processes, each with its own locker on the one database. */
const locker = (opts: PgLockerOptions = {}) => new PgLocker(ctx.database.db, { pollMs: 25, acquireTimeoutMs: 2000, ...opts });
const never = () => new AbortController().signal;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
let n = 0;
const uploadId = () => `upload-${++n}-${Date.now()}`;
const rowOf = async (id: string) => (await ctx.database.db.select().from(tusLocks).where(eq(tusLocks.id, id)))[0];

describe('PgLocker: tus upload locks as leases in PostgreSQL', () => {
  it('lets one process hold an upload; the other waits and gets it once the holder unlocks; the row goes with the unlock', async () => {
    const a = locker();
    const b = locker();
    const id = uploadId();
    const held = a.newLock(id);
    await held.lock(never(), () => undefined);
    expect(await rowOf(id)).toMatchObject({ owner: a.owner, releaseRequested: false });

    let got = 0;
    const next = b.newLock(id);
    const waiting = next.lock(never(), () => undefined).then(() => (got = Date.now()));
    await wait(300);
    expect(got).toBe(0);
    const unlocked = Date.now();
    await held.unlock();
    await waiting;
    expect(got).toBeGreaterThanOrEqual(unlocked);
    expect(await rowOf(id)).toMatchObject({ owner: b.owner });
    await next.unlock();
    expect(await rowOf(id)).toBeUndefined();
  });

  it('asks a holder in the same process to release at once, as tus’ MemoryLocker does', async () => {
    const a = locker();
    const id = uploadId();
    const first = a.newLock(id);
    let asked = 0;
    await first.lock(never(), () => {
      asked++;
      // the holder's request stops and unlocks
      void first.unlock();
    });
    const second = a.newLock(id);
    await second.lock(never(), () => undefined);
    expect(asked).toBe(1);
    expect(await rowOf(id)).toMatchObject({ owner: a.owner });
    await second.unlock();
  });

  it('asks a holder in another process through its row; the holder lets go at its next renewal', async () => {
    const a = locker({ renewMs: 100 });
    const b = locker();
    const id = uploadId();
    const held = a.newLock(id);
    let asked = 0;
    await held.lock(never(), () => {
      asked++;
      void held.unlock();
    });
    const started = Date.now();
    const taken = b.newLock(id);
    await taken.lock(never(), () => undefined);
    expect(asked).toBe(1);
    expect(Date.now() - started).toBeLessThan(1000);
    await taken.unlock();
  });

  it('renews the lease while held: another process cannot take it after the lease time, and times out with tus’ lock error', async () => {
    const a = locker({ leaseMs: 400, renewMs: 100 });
    const b = locker({ acquireTimeoutMs: 1000 });
    const id = uploadId();
    const held = a.newLock(id);
    await held.lock(never(), () => undefined);
    const started = Date.now();
    await expect(b.newLock(id).lock(never(), () => undefined)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(await rowOf(id)).toMatchObject({ owner: a.owner, releaseRequested: true });
    await held.unlock();
  });

  it('lets another process take over a holder that stopped renewing (killed -9) once its lease has run out', async () => {
    // renews far later than its lease lasts: as if the process died right after taking it
    const dead = locker({ leaseMs: 500, renewMs: 60_000 });
    const b = locker();
    const id = uploadId();
    const deadLock = dead.newLock(id);
    await deadLock.lock(never(), () => undefined);
    const started = Date.now();
    const taken = b.newLock(id);
    await taken.lock(never(), () => undefined);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(300);
    expect(waited).toBeLessThan(1500);
    expect(await rowOf(id)).toMatchObject({ owner: b.owner });
    await taken.unlock();
    // (the test's stand-in for the dead process stops its timer; its row is long gone)
    await deadLock.unlock();
  });

  it('stops a holder whose lease another process took (it could not renew in time)', async () => {
    const a = locker({ renewMs: 100 });
    const id = uploadId();
    const held = a.newLock(id);
    let asked = 0;
    await held.lock(never(), () => {
      asked++;
    });
    // as if the database had been out of reach past the lease and another process took the upload
    await ctx.database.db.update(tusLocks).set({ owner: 'someone-else', expiresAt: sql`now() + interval '1 minute'` }).where(eq(tusLocks.id, id));
    await wait(400);
    expect(asked).toBe(1);
    await held.unlock();
    // unlock deletes only its own row
    expect(await rowOf(id)).toMatchObject({ owner: 'someone-else' });
  });

  it('gives up waiting when the request ends (its signal aborts) with tus’ lock error', async () => {
    const a = locker();
    const b = locker({ acquireTimeoutMs: 10_000 });
    const id = uploadId();
    const held = a.newLock(id);
    await held.lock(never(), () => undefined);
    const stop = new AbortController();
    const started = Date.now();
    setTimeout(() => stop.abort(), 100);
    await expect(b.newLock(id).lock(stop.signal, () => undefined)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    expect(Date.now() - started).toBeLessThan(1000);
    await held.unlock();
  });

  it('refuses to unlock a lock it does not hold', async () => {
    await expect(locker().newLock(uploadId()).unlock()).rejects.toThrow('Releasing an unlocked lock!');
  });
});
