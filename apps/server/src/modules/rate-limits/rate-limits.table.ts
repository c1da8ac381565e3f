import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The request rate limits' counters (@fastify/rate-limit), shared by every app process: one row per
 * route and client, counting the hits of the current window. Short-lived: the cleanup job deletes
 * rows whose window has passed.
 */
export const rateLimits = pgTable('rate_limits', {
  /** SHA-256 of the route and the client's key (its address): no addresses stored */
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  resetsAt: timestamp('resets_at', { withTimezone: true }).notNull(),
});
