import { and, asc, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { files } from '../files/files.table';

/** files.owner_type of an application's documents (one row per file, `slot` = 材料名称). */
export const MATERIAL_OWNER = 'application_material';
/** files.owner_type of an application's video (written by the video upload). */
export const VIDEO_OWNER = 'application_video';

export type FileRow = typeof files.$inferSelect;
export type NewFileRow = typeof files.$inferInsert;

/** Every material file of an application, oldest first. */
export function listMaterialFiles(db: DbOrTx, applicationId: string): Promise<FileRow[]> {
  return db
    .select()
    .from(files)
    .where(and(eq(files.ownerType, MATERIAL_OWNER), eq(files.ownerId, applicationId)))
    .orderBy(asc(files.createdAt), asc(files.id));
}

export function listSlotFiles(db: DbOrTx, applicationId: string, slot: string): Promise<FileRow[]> {
  return db
    .select()
    .from(files)
    .where(and(eq(files.ownerType, MATERIAL_OWNER), eq(files.ownerId, applicationId), eq(files.slot, slot)))
    .orderBy(asc(files.createdAt), asc(files.id));
}

export async function countSlotFiles(db: DbOrTx, applicationId: string, slot: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(files)
    .where(and(eq(files.ownerType, MATERIAL_OWNER), eq(files.ownerId, applicationId), eq(files.slot, slot)));
  return row?.n ?? 0;
}

/** One material file, only if it belongs to that application (the application's access is checked by the caller). */
export async function findMaterialFile(db: DbOrTx, applicationId: string, fileId: string): Promise<FileRow | undefined> {
  const [row] = await db
    .select()
    .from(files)
    .where(and(eq(files.id, fileId), eq(files.ownerType, MATERIAL_OWNER), eq(files.ownerId, applicationId)));
  return row;
}

export function insertFiles(db: DbOrTx, rows: NewFileRow[]): Promise<FileRow[]> {
  return db.insert(files).values(rows).returning();
}

export async function deleteFile(db: DbOrTx, id: string): Promise<void> {
  await db.delete(files).where(eq(files.id, id));
}
