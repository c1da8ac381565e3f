import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { files } from '../files/files.table';
import { VIDEO_OWNER } from './materials.repository';

export type VideoRow = typeof files.$inferSelect;

/** An application's videos, the latest first (SPEC §4.2: several may be kept; the newest is shown). */
export function listVideos(db: DbOrTx, applicationId: string): Promise<VideoRow[]> {
  return db
    .select()
    .from(files)
    .where(and(eq(files.ownerType, VIDEO_OWNER), eq(files.ownerId, applicationId)))
    .orderBy(desc(files.createdAt), desc(files.id));
}

/** One video, only if it belongs to that application (the application's access is checked by the caller). */
export async function findVideo(db: DbOrTx, applicationId: string, fileId: string): Promise<VideoRow | undefined> {
  const [row] = await db
    .select()
    .from(files)
    .where(and(eq(files.id, fileId), eq(files.ownerType, VIDEO_OWNER), eq(files.ownerId, applicationId)));
  return row;
}

export async function insertVideo(
  db: DbOrTx,
  v: { applicationId: string; sha256: string; size: number; name: string; durationSeconds: number | null; createdAt: Date },
): Promise<VideoRow> {
  const [row] = await db
    .insert(files)
    .values({ ownerType: VIDEO_OWNER, ownerId: v.applicationId, sha256: v.sha256, size: v.size, mime: 'video/mp4', name: v.name, durationSeconds: v.durationSeconds, createdAt: v.createdAt })
    .returning();
  return row!;
}

export async function deleteVideo(db: DbOrTx, fileId: string): Promise<void> {
  await db.delete(files).where(and(eq(files.id, fileId), eq(files.ownerType, VIDEO_OWNER)));
}
