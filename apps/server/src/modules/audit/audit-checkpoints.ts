import { timingSafeEqual } from 'node:crypto';
import { asc, count, desc, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { hmacSm3 } from '../../lib/crypto';
import { formatBeijing } from '../../lib/time';
import { verifyAuditChain } from './audit.service';
import { auditCheckpoints, auditLog } from './audit.table';

/** Serialises checkpoint writers (several app servers run the timer): "jhac" */
const CHECKPOINT_LOCK = 0x6a686163;
/** The head is anchored at least this often while rows are being added (decision 0015). */
export const CHECKPOINT_INTERVAL_MS = 60_000;

export interface AuditCheckpoint {
  /** audit_log.id of the head row */
  seq: number;
  /** that row's hash */
  hash: string;
  at: Date;
  /** HMAC-SM3 under the audit key over seq, hash and time */
  mac: string;
}

function checkpointMac(key: Buffer, c: Pick<AuditCheckpoint, 'seq' | 'hash' | 'at'>): string {
  // a domain prefix: a checkpoint's MAC can never be taken for a row hash, nor the other way round
  return hmacSm3(key, 'jhrm-audit-checkpoint\n', `${c.seq}\n${c.hash}\n${c.at.toISOString()}`).toString('hex');
}

function macValid(key: Buffer, c: AuditCheckpoint): boolean {
  const expected = Buffer.from(checkpointMac(key, c), 'hex');
  const given = Buffer.from(c.mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Anchors the current head of the chain: one signed row in audit_checkpoints, returned so the
 * caller also writes it to the log stream. Nothing is written when the head has not moved past
 * the last checkpoint (an idle system adds nothing) or the log is empty.
 */
export async function writeAuditCheckpoint(db: Db, key: Buffer, clock: () => Date): Promise<AuditCheckpoint | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHECKPOINT_LOCK})`);
    const [head] = await tx.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    if (!head) return null;
    const [last] = await tx.select({ seq: auditCheckpoints.seq }).from(auditCheckpoints).orderBy(desc(auditCheckpoints.seq)).limit(1);
    // at or below the last anchor: nothing new (or rows were removed, which verification reports)
    if (last && last.seq >= head.id) return null;
    const base = { seq: head.id, hash: head.hash, at: clock() };
    const checkpoint = { ...base, mac: checkpointMac(key, base) };
    await tx.insert(auditCheckpoints).values(checkpoint);
    return checkpoint;
  });
}

/** Hex in groups of eight: log masking (an 11-digit run looks like a 手机号码) can never alter it. */
const grouped = (hex: string) => hex.match(/.{1,8}/g)!.join('-');

/** A checkpoint as its line in the log stream carries it (`auditCheckpoint`). */
export function checkpointLogFields(c: AuditCheckpoint) {
  return { seq: c.seq, hash: grouped(c.hash), at: c.at.toISOString(), mac: grouped(c.mac) };
}

/** The checkpoints in a JSON log stream (pino lines); other lines are skipped. */
export function checkpointsFromLog(text: string): AuditCheckpoint[] {
  const found: AuditCheckpoint[] = [];
  for (const line of text.split('\n')) {
    if (!line.includes('auditCheckpoint')) continue;
    try {
      const c = (JSON.parse(line) as { auditCheckpoint?: { seq?: unknown; hash?: unknown; at?: unknown; mac?: unknown } }).auditCheckpoint;
      if (!c || typeof c.seq !== 'number' || typeof c.hash !== 'string' || typeof c.at !== 'string' || typeof c.mac !== 'string') continue;
      const at = new Date(c.at);
      if (Number.isNaN(at.getTime())) continue;
      found.push({ seq: c.seq, hash: c.hash.replaceAll('-', ''), at, mac: c.mac.replaceAll('-', '') });
    } catch {
      // not a JSON line (e.g. pretty-printed development output)
    }
  }
  return found;
}

interface CheckpointLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * Checkpoints on a timer and once more on a clean shutdown (`stop`). A failed attempt is logged
 * and retried at the next tick; it never stops the server.
 */
export function startAuditCheckpoints(opts: { db: Db; key: Buffer; clock: () => Date; log: CheckpointLog; intervalMs?: number }): { checkpoint(): Promise<void>; stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const checkpoint = () => {
    running ??= writeAuditCheckpoint(opts.db, opts.key, opts.clock)
      .then((c) => {
        if (c) opts.log.info({ auditCheckpoint: checkpointLogFields(c) }, 'audit checkpoint');
      })
      .catch((err) => opts.log.warn({ err }, 'audit checkpoint failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void checkpoint(), opts.intervalMs ?? CHECKPOINT_INTERVAL_MS);
  timer.unref();
  return {
    checkpoint,
    stop: async () => {
      clearInterval(timer);
      await running;
      await checkpoint();
    },
  };
}

export type AuditProblem = 'tampered' | 'removed' | 'truncated' | 'checkpoint';

export interface AuditVerification {
  ok: boolean;
  /** rows whose link and content verified */
  count: number;
  brokenAt: number | null;
  reason: string | null;
  problem: AuditProblem | null;
  /** the newest checkpoint in the database */
  lastCheckpoint: { seq: number; at: Date } | null;
  /** rows after the newest checkpoint: the database alone cannot tell whether any followed them */
  unanchored: number;
}

/**
 * `npm run audit:verify` and the admin's 校验: the chain from the first row (a changed or removed
 * row breaks it), then every checkpoint, from the database and optionally from the log stream: its
 * signature, and that the row it anchored is still there with the same hash. The chain up to that
 * row being intact, every row up to it is present; a missing anchored row means rows at the end
 * of the log were removed.
 */
export async function verifyAuditLog(db: Db, key: Buffer, opts: { logCheckpoints?: AuditCheckpoint[]; batchSize?: number } = {}): Promise<AuditVerification> {
  const batchSize = opts.batchSize ?? 1000;
  const [latest] = await db.select({ seq: auditCheckpoints.seq, at: auditCheckpoints.at }).from(auditCheckpoints).orderBy(desc(auditCheckpoints.seq)).limit(1);
  const lastCheckpoint = latest ?? null;
  const [after] = await db.select({ n: count() }).from(auditLog).where(gt(auditLog.id, lastCheckpoint?.seq ?? 0));
  const base = { lastCheckpoint, unanchored: after?.n ?? 0 };

  const chain = await verifyAuditChain(db, key, batchSize);
  if (!chain.ok) return { ...base, ...chain };

  const check = async (batch: (AuditCheckpoint & { label: string })[]): Promise<AuditVerification | null> => {
    for (const c of batch) {
      if (!macValid(key, c)) return { ...base, ok: false, count: chain.count, brokenAt: c.seq, problem: 'checkpoint', reason: `${c.label}的签名不正确（检查点被篡改或伪造）` };
    }
    const rows = await db.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).where(inArray(auditLog.id, [...new Set(batch.map((c) => c.seq))]));
    const hashOf = new Map(rows.map((r) => [r.id, r.hash]));
    for (const c of batch) {
      const hash = hashOf.get(c.seq);
      if (hash === c.hash) continue;
      const [before] = await db.select({ id: auditLog.id }).from(auditLog).where(lt(auditLog.id, c.seq)).orderBy(desc(auditLog.id)).limit(1);
      const kept = before ? `现存的第 ${before.id} 号记录之后、第 ${c.seq} 号记录及之前的记录被删除` : `第 ${c.seq} 号记录及之前的全部记录被删除`;
      const reason =
        hash === undefined
          ? `${c.label}锚定的第 ${c.seq} 号记录已不存在：日志末尾的记录被删除（${kept}）`
          : `第 ${c.seq} 号记录与${c.label}不符：原记录被删除后又写入了其他记录（${kept}）`;
      return { ...base, ok: false, count: chain.count, brokenAt: c.seq, problem: 'truncated', reason };
    }
    return null;
  };

  for (let lastId = 0; ; ) {
    const batch = await db.select().from(auditCheckpoints).where(gt(auditCheckpoints.id, lastId)).orderBy(asc(auditCheckpoints.id)).limit(batchSize);
    if (batch.length === 0) break;
    lastId = batch.at(-1)!.id;
    const failed = await check(batch.map((c) => ({ ...c, label: `${formatBeijing(c.at)} 的检查点（第 ${c.id} 号）` })));
    if (failed) return failed;
  }
  const fromLog = opts.logCheckpoints ?? [];
  for (let i = 0; i < fromLog.length; i += batchSize) {
    const failed = await check(fromLog.slice(i, i + batchSize).map((c) => ({ ...c, label: `日志流中 ${formatBeijing(c.at)} 的检查点` })));
    if (failed) return failed;
  }
  return { ...base, ok: true, count: chain.count, brokenAt: null, reason: null, problem: null };
}

