import { bigint, boolean, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A resumable (tus) video upload in progress when uploads go to the bucket (S3_BUCKET; decision
 * 0040): its state, shared by every app process. The bytes received so far are the objects of
 * `tus_upload_chunks`. Deleted when the upload finishes or is terminated, and by the cleanup job when
 * untouched for 7 days.
 */
export const tusUploads = pgTable(
  'tus_uploads',
  {
    /** tus' upload id (32 hex characters), the last part of the upload URL */
    id: text('id').primaryKey(),
    /** Upload-Length */
    size: bigint('size', { mode: 'number' }).notNull(),
    /** bytes received and stored: the sum of the chunks' sizes */
    offset: bigint('offset', { mode: 'number' }).notNull(),
    /** Upload-Metadata as checked and normalised on creation */
    metadata: jsonb('metadata').$type<Record<string, string | null>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** the last chunk's time (the creation's before): the cleanup job's measure of abandonment */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('tus_uploads_updated_at_idx').on(t.updatedAt)],
);

/** One PATCH's bytes: an object in the bucket holding the upload's bytes from `offset` on. */
export const tusUploadChunks = pgTable(
  'tus_upload_chunks',
  {
    uploadId: text('upload_id')
      .notNull()
      .references(() => tusUploads.id, { onDelete: 'cascade' }),
    offset: bigint('offset', { mode: 'number' }).notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** the object's name under S3_PREFIX: `tus/<uploadId>/<offset, 16 digits>-<random>` */
    objectName: text('object_name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.offset] })],
);

/**
 * The lock on a resumable upload (tus' Locker), shared by every app process: a lease held by one
 * process (`owner`, random per process), renewed while it holds it, free once `expires_at` (the
 * database's clock) has passed. A waiter in another process sets `release_requested`; the holder
 * sees it when it renews and lets go, as tus' in-memory locker asks a holder in its own process.
 */
export const tusLocks = pgTable('tus_locks', {
  /** the upload id */
  id: text('id').primaryKey(),
  owner: text('owner').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  releaseRequested: boolean('release_requested').notNull().default(false),
});
