import { and, count, desc, eq, ilike, sql } from 'drizzle-orm';
import {
  AppErrorCode,
  PRACTITIONER_COLUMNS,
  STAFF_COLUMNS,
  ZPractitionerInput,
  idCardDerived,
  maskIdCard,
  maskMobile,
  type TPage,
  type TPractitioner,
  type TPractitionerColumnKey,
  type TPractitionerImportReport,
  type TPractitionerInstitution,
  type TPractitionerValues,
  type TStaffMember,
  type TAuditAction,
} from '@jhrm/contracts';
import type { z } from 'zod';
import type { DbOrTx, Tx } from '../../db/client';
import type { AppDeps } from '../../deps';
import { AppError } from '../../lib/app-error';
import { uniqueViolation } from '../../lib/pg-errors';
import { likeEscape } from '../../lib/like';
import type { SheetRow } from '../../lib/sheets';
import { actorUnitId, type Actor } from '../accounts/actor';
import { institutions } from '../institutions/institutions.table';
import { openStaffMember, sealStaffMember } from '../institutions/records.repository';
import { practitioners } from './practitioners.table';

type Row = typeof practitioners.$inferSelect;
type Columns = Omit<typeof practitioners.$inferInsert, 'id' | 'institutionId' | 'version' | 'createdBy' | 'createdAt' | 'updatedBy' | 'updatedAt'>;

const DUPLICATE_ID_CARD = '该身份证号已在本机构从业人员名单中';
const UNIQUE_CONSTRAINT = 'practitioners_institution_id_card_key';

const duplicate = () => new AppError(AppErrorCode.CONFLICT, DUPLICATE_ID_CARD, [{ path: 'idCard', message: DUPLICATE_ID_CARD }]);
const notFound = () => new AppError(AppErrorCode.NOT_FOUND, '机构不存在或无权查看');
const practitionerNotFound = () => new AppError(AppErrorCode.NOT_FOUND, '该从业人员不存在或已被删除');

/** The validated values → columns, stored as a record's staff row is; 性别 and 出生日期 from the ID. */
function toColumns(deps: AppDeps, v: TPractitionerValues): Columns {
  const entered = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '' && x !== undefined && x !== null));
  const idCard = v.idCard.trim().toUpperCase();
  return sealStaffMember(deps.pii, { ...entered, idCard, mobile: v.mobile.trim(), gender: idCardDerived(idCard).gender! } as TStaffMember);
}

/** A row as the API shows it: personal numbers in clear (the 变更 form) or masked (the list). */
function toPractitioner(deps: AppDeps, r: Row, masked: boolean): TPractitioner {
  const s = openStaffMember(deps.pii, r);
  return {
    ...s,
    id: r.id,
    version: r.version,
    idCard: masked ? maskIdCard(s.idCard) : s.idCard,
    mobile: masked ? maskMobile(s.mobile) : s.mobile,
    birthDate: r.birthDate,
    updatedAt: r.updatedAt.toISOString(),
  };
}

const LABEL = Object.fromEntries(Object.entries(PRACTITIONER_COLUMNS).map(([k, c]) => [k, c.label])) as Record<TPractitionerColumnKey, string>;

/** The zod issues of one row as (column label, message), the 身份证号 first as the form shows it. */
function problemsOf(error: z.ZodError): { column: string; message: string }[] {
  return error.issues.map((i) => ({ column: LABEL[i.path[0] as TPractitionerColumnKey] ?? STAFF_COLUMNS.name.label, message: i.message }));
}

/**
 * 人力资源从业人员信息补录 (guide 1.5): the unit's agent or legal person keeps the practitioners of the
 * unit's institutions in force. Not a submission: each change is saved at once and audited.
 */
export class PractitionersService {
  constructor(private readonly deps: AppDeps) {}

  private get db() {
    return this.deps.database.db;
  }

  /** 查询: the unit's institutions in force (审核通过, not 注销) whose name contains `name`. */
  async institutions(actor: Actor, q: { name?: string; page: number; pageSize: number }): Promise<TPage<TPractitionerInstitution>> {
    const where = and(
      eq(institutions.unitId, actorUnitId(actor)),
      eq(institutions.reviewStatus, '审核通过'),
      eq(institutions.cancelStatus, '正常'),
      q.name ? ilike(institutions.name, `%${likeEscape(q.name)}%`) : undefined,
    );
    const rows = await this.db
      .select({
        id: institutions.id,
        name: institutions.name,
        uscc: institutions.uscc,
        practitioners: sql<number>`(SELECT count(*) FROM ${practitioners} p WHERE p.institution_id = ${institutions.id})`.mapWith(Number),
        total: sql<number>`count(*) OVER ()`.mapWith(Number),
      })
      .from(institutions)
      .where(where)
      .orderBy(desc(institutions.createdAt), desc(institutions.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const total = rows[0]?.total ?? (q.page > 1 ? (await this.db.select({ n: count() }).from(institutions).where(where))[0]!.n : 0);
    return { items: rows.map(({ total: _t, ...r }) => r), total, page: q.page, pageSize: q.pageSize };
  }

  /**
   * The unit's institution, and whether practitioners may be kept for it: another unit's is 404, one
   * not (yet) approved or 注销 is 409 with the reason. Inside a transaction the row is share-locked, so
   * a cancellation cannot slip in between the check and the change.
   */
  private async institutionInForce(db: DbOrTx, actor: Actor, institutionId: string, lock: boolean) {
    const q = db
      .select({ id: institutions.id, name: institutions.name, reviewStatus: institutions.reviewStatus, cancelStatus: institutions.cancelStatus })
      .from(institutions)
      .where(and(eq(institutions.id, institutionId), eq(institutions.unitId, actorUnitId(actor))));
    const [inst] = lock ? await q.for('share') : await q;
    if (!inst) throw notFound();
    if (inst.cancelStatus === '注销') throw new AppError(AppErrorCode.CONFLICT, '该机构已注销，不能补录从业人员信息');
    if (inst.reviewStatus !== '审核通过') throw new AppError(AppErrorCode.CONFLICT, `该机构尚未审核通过（当前审核状态：${inst.reviewStatus}），不能补录从业人员信息`);
    return inst;
  }

  /** The practitioner list of one institution, newest first, personal numbers masked. */
  async list(actor: Actor, institutionId: string, page: number, pageSize: number): Promise<TPage<TPractitioner>> {
    await this.institutionInForce(this.db, actor, institutionId, false);
    const where = eq(practitioners.institutionId, institutionId);
    const [rows, [counted]] = await Promise.all([
      this.db
        .select()
        .from(practitioners)
        .where(where)
        .orderBy(desc(practitioners.createdAt), desc(practitioners.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      this.db.select({ n: count() }).from(practitioners).where(where),
    ]);
    return { items: rows.map((r) => toPractitioner(this.deps, r, true)), total: counted!.n, page, pageSize };
  }

  /** One practitioner in clear, for the 变更 form of its own unit. */
  async get(actor: Actor, institutionId: string, id: string): Promise<TPractitioner> {
    await this.institutionInForce(this.db, actor, institutionId, false);
    const [row] = await this.db.select().from(practitioners).where(and(eq(practitioners.id, id), eq(practitioners.institutionId, institutionId)));
    if (!row) throw practitionerNotFound();
    return toPractitioner(this.deps, row, false);
  }

  /** Runs a change; the unique (institution, 身份证号) constraint's refusal becomes the field's message. */
  private async change<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (err) {
      if (uniqueViolation(err)?.includes(UNIQUE_CONSTRAINT) || uniqueViolation(err) === 'unique') throw duplicate();
      throw err;
    }
  }

  /** An entry about one practitioner, or (an import) about the institution whose practitioners came in. */
  private audit(tx: Tx, actor: Actor, action: TAuditAction, targetId: string, detail: Record<string, unknown>, targetType: 'practitioner' | 'institution' = 'practitioner') {
    const u = actor.user;
    return this.deps.audit.record(tx, { action, actorId: u.id, actorAccount: u.account, actorRole: u.role, unitId: u.unitId, targetType, targetId, ip: actor.ip, detail });
  }

  /** 新增 */
  async create(actor: Actor, institutionId: string, values: TPractitionerValues): Promise<TPractitioner> {
    const now = this.deps.clock();
    return this.change(async (tx) => {
      const inst = await this.institutionInForce(tx, actor, institutionId, true);
      const [row] = await tx
        .insert(practitioners)
        .values({ ...toColumns(this.deps, values), institutionId, createdBy: actor.user.id, createdAt: now, updatedBy: actor.user.id, updatedAt: now })
        .returning();
      await this.audit(tx, actor, 'practitioner.created', row!.id, { institutionId, institution: inst.name, name: row!.name });
      return toPractitioner(this.deps, row!, true);
    });
  }

  /** 变更: the whole row, only while it is still the version the form loaded. */
  async update(actor: Actor, institutionId: string, id: string, version: number, values: TPractitionerValues): Promise<TPractitioner> {
    const now = this.deps.clock();
    return this.change(async (tx) => {
      const inst = await this.institutionInForce(tx, actor, institutionId, true);
      const [before] = await tx.select().from(practitioners).where(and(eq(practitioners.id, id), eq(practitioners.institutionId, institutionId)));
      if (!before) throw practitionerNotFound();
      const columns = toColumns(this.deps, values);
      const [row] = await tx
        .update(practitioners)
        .set({ ...columns, version: sql`${practitioners.version} + 1`, updatedBy: actor.user.id, updatedAt: now })
        .where(and(eq(practitioners.id, id), eq(practitioners.version, version)))
        .returning();
      if (!row) throw new AppError(AppErrorCode.CONFLICT, '该从业人员信息已被他人修改，请刷新后重试');
      const changed = changedFields(this.deps, before, row);
      await this.audit(tx, actor, 'practitioner.updated', id, { institutionId, institution: inst.name, name: row.name, changed });
      return toPractitioner(this.deps, row, true);
    });
  }

  /** 删除 */
  async remove(actor: Actor, institutionId: string, id: string): Promise<void> {
    await this.change(async (tx) => {
      const inst = await this.institutionInForce(tx, actor, institutionId, true);
      const [row] = await tx
        .delete(practitioners)
        .where(and(eq(practitioners.id, id), eq(practitioners.institutionId, institutionId)))
        .returning({ name: practitioners.name });
      if (!row) throw practitionerNotFound();
      await this.audit(tx, actor, 'practitioner.deleted', id, { institutionId, institution: inst.name, name: row.name });
    });
  }

  /**
   * 批量导入: every row checked with the catalogue's validators, a 身份证号 twice in the file or
   * already on the list is a row error. `dryRun` writes nothing; otherwise all rows or none.
   */
  async import(actor: Actor, institutionId: string, file: { name: string; rows: SheetRow<TPractitionerColumnKey>[] }, dryRun: boolean): Promise<TPractitionerImportReport> {
    const analyse = async (db: DbOrTx) => {
      const existing = new Set(
        (await db.select({ idx: practitioners.idCardIdx }).from(practitioners).where(eq(practitioners.institutionId, institutionId))).map((r) => r.idx),
      );
      const seen = new Map<string, number>();
      const good: Columns[] = [];
      const bad: TPractitionerImportReport['rows'] = [];
      for (const r of file.rows) {
        const values = Object.fromEntries(Object.entries(r.values).filter(([, v]) => v !== '' && v !== undefined));
        const problems = r.digitsLost.map((k) => ({ column: LABEL[k], message: 'Excel 已将其存为数字，末几位已丢失；请将该列设为文本格式后重新填写' }));
        const parsed = ZPractitionerInput.safeParse(values);
        if (!parsed.success) problems.push(...problemsOf(parsed.error).filter((p) => !problems.some((q) => q.column === p.column)));
        else if (!problems.length) {
          const columns = toColumns(this.deps, parsed.data);
          const first = seen.get(columns.idCardIdx);
          if (first !== undefined) problems.push({ column: STAFF_COLUMNS.idCard.label, message: `与第${first}行的身份证号重复` });
          else if (existing.has(columns.idCardIdx)) problems.push({ column: STAFF_COLUMNS.idCard.label, message: DUPLICATE_ID_CARD });
          else {
            seen.set(columns.idCardIdx, r.row);
            good.push(columns);
          }
        }
        if (problems.length) bad.push({ row: r.row, name: r.values.name ?? '', problems });
      }
      return { good, bad };
    };
    const report = (bad: TPractitionerImportReport['rows'], imported: number): TPractitionerImportReport => ({
      fileName: file.name,
      total: file.rows.length,
      ok: file.rows.length - bad.length,
      errors: bad.length,
      rows: bad,
      imported,
    });
    if (dryRun) {
      await this.institutionInForce(this.db, actor, institutionId, false);
      const { bad } = await analyse(this.db);
      return report(bad, 0);
    }
    const now = this.deps.clock();
    return this.change(async (tx) => {
      const inst = await this.institutionInForce(tx, actor, institutionId, true);
      const { good, bad } = await analyse(tx);
      if (bad.length) throw new AppError(AppErrorCode.VALIDATION, `有${bad.length}行存在问题，未导入任何数据。请按校验结果修改文件后重新导入`, undefined, { report: report(bad, 0) });
      const stamp = { institutionId, createdBy: actor.user.id, createdAt: now, updatedBy: actor.user.id, updatedAt: now };
      for (let i = 0; i < good.length; i += 1000) await tx.insert(practitioners).values(good.slice(i, i + 1000).map((c) => ({ ...c, ...stamp })));
      await this.audit(tx, actor, 'practitioner.imported', institutionId, { institutionId, institution: inst.name, fileName: file.name, rows: good.length }, 'institution');
      return report([], good.length);
    });
  }
}

/** The catalogue keys whose value a 变更 changed (personal numbers compared in clear, named only). */
function changedFields(deps: AppDeps, before: Row, after: Row): string[] {
  const clear = (r: Row) => ({ ...r, idCardEnc: deps.pii.decrypt(r.idCardEnc), mobileEnc: deps.pii.decrypt(r.mobileEnc) });
  const [a, b] = [clear(before), clear(after)] as Record<string, unknown>[];
  const keyOf: Record<string, string> = { idCardEnc: 'idCard', mobileEnc: 'mobile' };
  return Object.keys(a!)
    .filter((k) => !['id', 'idCardIdx', 'version', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy', 'institutionId', 'gender', 'birthDate'].includes(k))
    .filter((k) => String(a![k] ?? '') !== String(b![k] ?? ''))
    .map((k) => keyOf[k] ?? k);
}

