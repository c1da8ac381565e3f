import { bigserial, jsonb, pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';

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
