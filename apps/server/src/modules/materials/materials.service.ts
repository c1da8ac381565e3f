import {
  AppErrorCode,
  VIDEO_SLOT,
  kindDeclaration,
  type MaterialSlotDef,
  type TMaterialSlot,
  type TMaterials,
  type TStoredFile,
  type TVideo,
} from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import type { DocumentFormReader } from '../../lib/uploads';
import { actorUnitId, type Actor } from '../accounts/actor';
import type { AppDeps } from '../../deps';
import type { DbOrTx } from '../../db/client';
import { auditApplication, editableApplication, readableApplication, type ApplicationRow } from '../applications/applications.access';
import {
  MATERIAL_OWNER,
  countSlotFiles,
  deleteFile,
  findMaterialFile,
  insertFiles,
  listMaterialFiles,
  listSlotFiles,
  type FileRow,
} from './materials.repository';
import { listVideos } from './video.repository';

/** Files one upload request may carry, and files one slot may hold in all. */
export const MAX_FILES_PER_UPLOAD = 20;
export const MAX_FILES_PER_SLOT = 50;

const toStoredFile = (f: FileRow): TStoredFile => ({ id: f.id, name: f.name, size: f.size, mime: f.mime, uploadedAt: f.createdAt.toISOString() });

// the video upload writes these rows (video.service.ts), with the duration read from the MP4
const toVideo = (f: FileRow): TVideo => ({ ...toStoredFile(f), sha256: f.sha256, durationSeconds: f.durationSeconds ?? 0 });

function slotOf(app: ApplicationRow, name: string): MaterialSlotDef {
  const def = kindDeclaration(app.type).materialSlots.find((s) => s.name === name);
  if (!def) throw new AppError(AppErrorCode.NOT_FOUND, `该申请没有“${name}”这项材料`);
  return def;
}

function toSlot(def: MaterialSlotDef, rows: FileRow[]): TMaterialSlot {
  const own = rows.filter((f) => f.slot === def.name);
  return { name: def.name, required: def.required, uploaded: own.length > 0, template: def.template ?? null, files: own.map(toStoredFile) };
}

/** An application's slots with their files, and its videos (access is checked by the caller). */
export async function applicationMaterials(db: DbOrTx, app: Pick<ApplicationRow, 'id' | 'type'>): Promise<TMaterials> {
  const [rows, videos] = await Promise.all([listMaterialFiles(db, app.id), listVideos(db, app.id)]);
  const kind = kindDeclaration(app.type);
  return {
    slots: kind.materialSlots.map((def) => toSlot(def, rows)),
    // 设立 always needs the video; 变更 only for 变更住所(地址), which the submission check decides
    video: { name: VIDEO_SLOT, required: kind.video === 'required', files: videos.map(toVideo) },
  };
}

/**
 * 材料上传 of an application: files in typed slots (SPEC §4.2). Reading follows
 * readableApplication (the unit, the reviewing department, admins); changing is for the unit's
 * agents while the application is editable (待提交 / 审核不通过).
 */
export class MaterialsService {
  constructor(private readonly deps: AppDeps) {}

  private get db() {
    return this.deps.database.db;
  }

  async list(actor: Actor, applicationId: string): Promise<TMaterials> {
    const app = await readableApplication(this.db, actor, applicationId);
    const materials = await applicationMaterials(this.db, app);
    return materials;
  }

  /** Streams the files of a multipart request into quarantine, then records them and moves them into the store in one transaction. */
  async upload(actor: Actor, applicationId: string, slotName: string, readForm: DocumentFormReader): Promise<TMaterialSlot> {
    const unitId = actorUnitId(actor);
    // Refuse before reading the body: nothing is stored for a request that cannot succeed.
    const before = await editableApplication(this.db, unitId, applicationId);
    const def = slotOf(before, slotName);
    const uploader = { user: actor.user, ip: actor.ip, unitId, target: { type: 'application', id: before.id } };
    return readForm({ maxFiles: MAX_FILES_PER_UPLOAD, uploader }, async ({ files: uploaded, commit }) => {
      if (!uploaded.length) throw new AppError(AppErrorCode.VALIDATION, '请选择要上传的文件', [{ path: 'files', message: '请选择要上传的文件' }]);
      const now = this.deps.clock();
      return this.db.transaction(async (tx) => {
        // locked again: the application may have been submitted while the files were arriving
        const app = await editableApplication(tx, unitId, applicationId);
        const held = await countSlotFiles(tx, app.id, def.name);
        if (held + uploaded.length > MAX_FILES_PER_SLOT) {
          throw new AppError(AppErrorCode.CONFLICT, `“${def.name}”最多上传${MAX_FILES_PER_SLOT}个文件，已有${held}个`);
        }
        const rows = await insertFiles(
          tx,
          // a millisecond apart, so the list keeps the order the files were chosen in
          uploaded.map((f, i) => ({ ownerType: MATERIAL_OWNER, ownerId: app.id, slot: def.name, sha256: f.sha256, size: f.size, mime: f.mime, name: f.name, createdAt: new Date(now.getTime() + i) })),
        );
        for (const row of rows) {
          await auditApplication(this.deps, tx, actor, 'material.uploaded', app, {
            slot: def.name,
            fileId: row.id,
            name: row.name,
            size: row.size,
            mime: row.mime,
            sha256: row.sha256,
          });
        }
        const slot = toSlot(def, await listSlotFiles(tx, app.id, def.name));
        // the bytes leave quarantine only once everything else in the transaction has succeeded
        await commit();
        return slot;
      });
    });
  }

  /** A material file for 查看文件 / 文件下载, if the caller may read its application. */
  async file(actor: Actor, applicationId: string, fileId: string): Promise<FileRow> {
    const app = await readableApplication(this.db, actor, applicationId);
    const f = await findMaterialFile(this.db, app.id, fileId);
    if (!f) throw new AppError(AppErrorCode.NOT_FOUND, '文件不存在或已删除');
    return f;
  }

  /** 文件删除. The bytes stay until the cleanup job finds no row referring to them (the same bytes may be stored twice). */
  async remove(actor: Actor, applicationId: string, fileId: string): Promise<void> {
    const unitId = actorUnitId(actor);
    await this.db.transaction(async (tx) => {
      const app = await editableApplication(tx, unitId, applicationId);
      const f = await findMaterialFile(tx, app.id, fileId);
      if (!f) throw new AppError(AppErrorCode.NOT_FOUND, '文件不存在或已删除');
      await deleteFile(tx, f.id);
      await auditApplication(this.deps, tx, actor, 'material.deleted', app, { slot: f.slot, fileId: f.id, name: f.name, sha256: f.sha256 });
    });
  }
}

