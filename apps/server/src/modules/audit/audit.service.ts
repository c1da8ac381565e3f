import { asc, desc, gt, sql } from 'drizzle-orm';
import { maskPersonalNumbers, type TAuditAction } from '@jhrm/contracts';
import type { Db, DbOrTx } from '../../db/client';
import { hmacSm3 } from '../../lib/crypto';
import { auditLog } from './audit.table';

/** Serialises appends so each row chains onto the row committed just before it. */
const AUDIT_LOCK = 0x6a686175;
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  /** a code of contracts' AUDIT_ACTION_NAMES: one without a Chinese name does not type-check */
  action: TAuditAction;
  actorId?: string | null;
  actorAccount?: string | null;
  actorRole?: string | null;
  unitId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/** JSON with sorted keys: jsonb reorders keys, and the hash must survive the round trip. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
    .join(',')}}`;
}

interface HashedFields {
  at: Date;
  actorId: string | null;
  actorAccount: string | null;
  actorRole: string | null;
  unitId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
}

function rowHash(key: Buffer, prevHash: string, f: HashedFields): string {
  const content = canonical([
    f.at.toISOString(),
    f.actorId,
    f.actorAccount,
    f.actorRole,
    f.unitId,
    f.action,
    f.targetType,
    f.targetId,
    f.detail,
    f.ip,
  ]);
  return hmacSm3(key, prevHash, '\n', content).toString('hex');
}

/**
 * The log is append-only and kept for years, so a 身份证号 or 手机号码 written into it could
 * never be taken out again: every string a call site passes is masked here, before it is hashed.
 */
function maskStrings(value: unknown): unknown {
  if (typeof value === 'string') return maskPersonalNumbers(value);
  if (Array.isArray(value)) return value.map(maskStrings);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskStrings(v)]));
  }
  return value;
}

const masked = (s: string | null | undefined) => (s == null ? null : maskPersonalNumbers(s));

/** The most entries one group append writes (12 parameters each). */
const GROUP_MAX = 500;

interface Waiting {
  fields: HashedFields;
  done: (err?: unknown) => void;
}

export class AuditLog {
  /** Entries without a transaction of their own, waiting for the next group append (per database). */
  private readonly waiting = new Map<Db, Waiting[]>();

  constructor(
    private readonly key: Buffer,
    private readonly clock: () => Date,
  ) {}

  /**
   * Appends one entry. Call it inside the transaction that makes the change, so the change and
   * its record commit together or not at all. Called with the database itself (a staff read, a
   * failed sign-in), the entry joins a group append and the promise resolves once it is committed.
   */
  async record(tx: DbOrTx, entry: AuditEntry): Promise<void> {
    const fields = this.fieldsOf(entry);
    if ('rollback' in tx) return this.append(tx, [fields]);
    const db = tx as Db;
    return new Promise<void>((resolve, reject) => {
      const queue = this.waiting.get(db);
      const waiting: Waiting = { fields, done: (err) => (err ? reject(err) : resolve()) };
      if (queue) queue.push(waiting);
      else {
        this.waiting.set(db, [waiting]);
        void this.drain(db);
      }
    });
  }

  /**
   * Group commit: while one append holds the chain's lock, the entries arriving meanwhile wait and
   * then go in together, one lock, one statement and one commit for all of them. Under many
   * parallel staff reads the lock is taken once per group instead of once per read.
   */
  private async drain(db: Db): Promise<void> {
    for (;;) {
      const queue = this.waiting.get(db) ?? [];
      if (!queue.length) {
        this.waiting.delete(db);
        return;
      }
      // at most GROUP_MAX rows a statement: far below the protocol's 65 535 bound parameters
      const group = queue.splice(0, GROUP_MAX);
      try {
        await db.transaction((t) => this.append(t, group.map((w) => w.fields)));
        for (const w of group) w.done();
      } catch (err) {
        if (group.length === 1) group[0]!.done(err);
        // one entry the database refuses must not take the others down: each alone, once
        else for (const w of group) await db.transaction((t) => this.append(t, [w.fields])).then(() => w.done(), w.done);
      }
    }
  }

  /** Chains `rows` onto the last committed row, under the advisory lock of the enclosing transaction. */
  private async append(t: DbOrTx, rows: HashedFields[]): Promise<void> {
    await t.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
    const [last] = await t.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    let prevHash = last?.hash ?? GENESIS_HASH;
    const values = rows.map((fields) => {
      const hash = rowHash(this.key, prevHash, fields);
      const row = { ...fields, prevHash, hash };
      prevHash = hash;
      return row;
    });
    // one INSERT … VALUES takes its ids in the order of the list, which is the chain's order
    await t.insert(auditLog).values(values);
  }

  private fieldsOf(entry: AuditEntry): HashedFields {
    return {
      at: this.clock(),
      actorId: entry.actorId ?? null,
      actorAccount: masked(entry.actorAccount),
      actorRole: entry.actorRole ?? null,
      unitId: entry.unitId ?? null,
      action: entry.action,
      targetType: masked(entry.targetType),
      targetId: masked(entry.targetId),
      detail: maskStrings(entry.detail ?? {}) as Record<string, unknown>,
      ip: entry.ip ?? null,
    };
  }
}

export type ChainResult =
  | { ok: true; count: number }
  | { ok: false; count: number; brokenAt: number; reason: string; problem: 'tampered' | 'removed' };

/** Walks the whole chain in id order and reports the first row whose link or content does not match. */
export async function verifyAuditChain(db: Db, key: Buffer, batchSize = 1000): Promise<ChainResult> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(batchSize);
    if (rows.length === 0) return { ok: true, count };
    for (const r of rows) {
      if (r.prevHash !== prev) return { ok: false, count, brokenAt: r.id, reason: '前一条记录的哈希不匹配（有记录被删除或插入）', problem: 'removed' };
      if (rowHash(key, prev, r) !== r.hash) return { ok: false, count, brokenAt: r.id, reason: '记录内容与哈希不匹配（记录被篡改）', problem: 'tampered' };
      prev = r.hash;
      lastId = r.id;
      count++;
    }
  }
}
