import { Writable } from 'node:stream';
import { asc, desc, gt, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAuditAction } from '@jhrm/contracts';
import { loggerOptions } from '../../lib/logger';
import { createTestContext, type TestContext } from '../../test/harness';
import { checkpointsFromLog, startAuditCheckpoints, verifyAuditLog, writeAuditCheckpoint } from './audit-checkpoints';
import { verifyAuditChain } from './audit.service';
import { auditCheckpoints, auditLog } from './audit.table';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const key = () => ctx.deps.config.secrets.auditKey;
const db = () => ctx.database.db;
// codes outside the catalogue on purpose: the chain does not care what an entry says
const appendRows = async (n: number, tag = 'test.row' as TAuditAction) => {
  for (let i = 0; i < n; i++) await ctx.deps.audit.record(db(), { action: tag, detail: { i } });
};
const checkpoint = () => writeAuditCheckpoint(db(), key(), ctx.clock);
const headId = async () => (await db().select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]!.id;

/** What an attacker with database access does: switch the append-only trigger off, delete, switch it on. */
async function deleteTail(n: number) {
  const rows = await db().select().from(auditLog).orderBy(desc(auditLog.id)).limit(n);
  await db().execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`);
  try {
    await db().execute(sql`DELETE FROM audit_log WHERE id >= ${rows.at(-1)!.id}`);
  } finally {
    await db().execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete`);
  }
  return rows.reverse();
}
/** Puts deleted rows back exactly as they were (ids and hashes), so the next case starts intact. */
const restore = (rows: (typeof auditLog.$inferSelect)[]) => db().insert(auditLog).values(rows);

/** A real pino logger with the app's options, writing JSON lines into a string. */
function captureLog() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  return { log: pino(loggerOptions('info'), stream), text: () => text };
}

describe('audit checkpoints', () => {
  it('anchors the head in a signed checkpoint, once per new head', async () => {
    await appendRows(3);
    const c = await checkpoint();
    expect(c).toMatchObject({ seq: await headId(), at: ctx.clock() });
    expect(c!.mac).toMatch(/^[0-9a-f]{64}$/);
    expect(await checkpoint()).toBeNull(); // the head has not moved
    const ok = await verifyAuditLog(db(), key());
    expect(ok).toMatchObject({ ok: true, problem: null, lastCheckpoint: { seq: c!.seq }, unanchored: 0 });
    await appendRows(2);
    expect((await verifyAuditLog(db(), key())).unanchored).toBe(2);
    // two servers' timers at the same moment: one checkpoint
    const both = await Promise.all([checkpoint(), checkpoint(), checkpoint()]);
    expect(both.filter(Boolean).map((x) => x!.seq)).toEqual([await headId()]);
    expect(await db().select().from(auditCheckpoints)).toHaveLength(2);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of checkpoints', async () => {
    await expect(db().execute(sql`UPDATE audit_checkpoints SET seq = 1`)).rejects.toThrow();
    await expect(db().execute(sql`DELETE FROM audit_checkpoints`)).rejects.toThrow();
    await expect(db().execute(sql`TRUNCATE audit_checkpoints`)).rejects.toThrow();
    expect((await verifyAuditLog(db(), key())).ok).toBe(true);
  });

  it('fails verification when the last row, or the last five rows, are deleted, naming the missing tail', async () => {
    await appendRows(6);
    const anchored = (await checkpoint())!;

    for (const n of [1, 5]) {
      const removed = await deleteTail(n);
      expect(removed.at(-1)!.id).toBe(anchored.seq);
      const survivor = (await db().select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]!.id;
      // the chain alone is still whole: this is the gap the checkpoints close
      expect((await verifyAuditChain(db(), key())).ok).toBe(true);
      const r = await verifyAuditLog(db(), key());
      expect(r, `${n} row(s) deleted`).toMatchObject({ ok: false, problem: 'truncated', brokenAt: anchored.seq });
      expect(r.reason).toContain(`锚定的第 ${anchored.seq} 号记录已不存在：日志末尾的记录被删除`);
      expect(r.reason).toContain(`现存的第 ${survivor} 号记录之后、第 ${anchored.seq} 号记录及之前的记录被删除`);
      await restore(removed);
      expect((await verifyAuditLog(db(), key())).ok, 'restored').toBe(true);
    }
  });

  it('refuses a checkpoint not signed with the audit key', async () => {
    const [latest] = await db().select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1);
    const forged = { ...latest!, mac: 'ab'.repeat(32) };
    const r = await verifyAuditLog(db(), key(), { logCheckpoints: [forged] });
    expect(r).toMatchObject({ ok: false, problem: 'checkpoint', brokenAt: latest!.seq, reason: expect.stringContaining('签名不正确') });
  });

  it('writes each checkpoint to the log stream too, and a final one on a clean shutdown', async () => {
    const { log, text } = captureLog();
    const timer = startAuditCheckpoints({ db: db(), key: key(), clock: ctx.clock, log, intervalMs: 3_600_000 });
    await appendRows(2);
    await timer.checkpoint();
    await appendRows(1);
    await timer.stop();
    const fromLog = checkpointsFromLog(text());
    const stored = await db().select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.id));
    expect(fromLog.map((c) => c.seq)).toEqual(stored.slice(-2).map((c) => c.seq));
    expect(fromLog.at(-1)).toEqual({ seq: await headId(), hash: stored.at(-1)!.hash, at: stored.at(-1)!.at, mac: stored.at(-1)!.mac });
    expect((await verifyAuditLog(db(), key(), { logCheckpoints: fromLog })).ok).toBe(true);
  });

  // Last: this case leaves the log cut off for good.
  it('cannot see a tail removed with its checkpoints from the database alone, but the log stream’s copy shows it', async () => {
    const { log, text } = captureLog();
    const timer = startAuditCheckpoints({ db: db(), key: key(), clock: ctx.clock, log, intervalMs: 3_600_000 });
    await appendRows(4);
    await timer.stop();
    const anchoredSeq = await headId();
    const [before] = await db().select({ id: auditCheckpoints.id }).from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1);

    await deleteTail(3);
    await db().execute(sql`ALTER TABLE audit_checkpoints DISABLE TRIGGER audit_checkpoints_no_update_delete`);
    try {
      await db().delete(auditCheckpoints).where(gt(auditCheckpoints.seq, anchoredSeq - 3));
    } finally {
      await db().execute(sql`ALTER TABLE audit_checkpoints ENABLE TRIGGER audit_checkpoints_no_update_delete`);
    }
    expect((await db().select().from(auditCheckpoints).where(gt(auditCheckpoints.id, before!.id - 1))).length).toBe(0);
    // the application keeps writing, chaining onto the cut-off head
    await appendRows(2);

    expect((await verifyAuditLog(db(), key())).ok).toBe(true);
    const withLog = await verifyAuditLog(db(), key(), { logCheckpoints: checkpointsFromLog(text()) });
    expect(withLog).toMatchObject({ ok: false, problem: 'truncated', brokenAt: anchoredSeq });
    expect(withLog.reason).toContain('日志流中');
    expect(withLog.reason).toContain(`第 ${anchoredSeq} 号记录已不存在`);
  });
});
