import { bigint, bigserial, jsonb, pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log. A trigger (migration 0001) refuses UPDATE and DELETE; each row's hash is
 * HMAC-SM3 over the previous row's hash and this row's content, so a changed or removed row breaks
 * the chain that `npm run audit:verify` walks.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorAccount: text('actor_account'),
    actorRole: text('actor_role'),
    unitId: uuid('unit_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_unit_idx').on(t.unitId), index('audit_log_action_idx').on(t.action)],
);

/**
 * Signed anchors of the chain's head (decision 0015): `seq` and `hash` of the newest audit_log row
 * at `at`, with an HMAC-SM3 under the audit key. Append-only like audit_log (migration
 * audit_checkpoints_append_only); each one is also written to the log stream, so removing rows at
 * the end of the chain, which leaves the chain itself intact, no longer goes unnoticed.
 */
export const auditCheckpoints = pgTable(
  'audit_checkpoints',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
    mac: text('mac').notNull(),
  },
  (t) => [index('audit_checkpoints_seq_idx').on(t.seq)],
);
