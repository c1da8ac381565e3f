import { bigint, index, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * An uploaded file: its bytes live in the BlobStore under their SHA-256; this row gives them a
 * name, a sniffed type and an owner (an appeal; an application, with the material `slot` it fills).
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerType: text('owner_type').notNull(),
    ownerId: uuid('owner_id').notNull(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mime: text('mime').notNull(),
    name: text('name').notNull(),
    /** the material slot (材料名称) of an application's material; null for other owners */
    slot: text('slot'),
    /** a video's playing time from its MP4 header (mvhd); null for documents */
    durationSeconds: numeric('duration_seconds', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('files_owner_idx').on(t.ownerType, t.ownerId), index('files_sha_idx').on(t.sha256)],
);
