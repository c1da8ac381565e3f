import { randomUUID } from 'node:crypto';
import { count, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  beijingDay,
  AppErrorCode,
  applicationKind,
  importColumnHeader,
  issuerName,
  type TBusinessScope,
  type TImportBatch,
  type TImportReport,
  type TImportResult,
  type TImportRowReport,
} from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { uniqueViolation } from '../../lib/pg-errors';
import { usccOwnershipViolation } from '../accounts/uscc-ownership';
import type { DbOrTx } from '../../db/client';
import type { AppDeps } from '../../deps';
import type { SessionUser } from '../accounts/sessions.service';
import type { RequestMeta } from '../accounts/accounts.service';
import { departments, units, users } from '../accounts/accounts.table';
import { institutionRecords, institutions } from '../institutions/institutions.table';
import { licences } from '../licences/licences.table';
import { toColumns } from '../institutions/records.repository';
import { missingForChange } from '../institutions/record-rules';
import { importBatches } from './imports.table';
import type { SheetFormat } from '../../lib/sheets';
import type { UploadedSheet } from '../../lib/sheet-upload';
import { readInstitutionSheet } from './imports.parse';
import { checkRow, type DepartmentRef, type RowValues } from './imports.rows';

/** Imports run one at a time, so two admins importing the same rows cannot both pass the duplicate check. */
const IMPORT_LOCK = 0x1a0b_0005;
/** Rows per INSERT: well under PostgreSQL's 65 535 bind parameters for the widest table. */
const CHUNK = 400;

const chunks = <T>(list: T[], size = CHUNK): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

interface Analysis {
  report: TImportReport;
  /** the rows in file order, each with what it becomes (only meaningful when every row is 可导入) */
  rows: (RowValues & { row: number })[];
  departments: Map<string, DepartmentRef>;
}

export class ImportsService {
  constructor(private readonly deps: AppDeps) {}

  private get db() {
    return this.deps.database.db;
  }

  /** Active and disabled departments by code and by full name (the column takes either). */
  async departmentLookup(db: DbOrTx = this.db): Promise<Map<string, DepartmentRef>> {
    const rows = await db.select({ code: departments.code, name: departments.name, active: departments.active }).from(departments);
    const map = new Map<string, DepartmentRef>();
    for (const d of rows) {
      map.set(d.code, d);
      map.set(d.name, d);
    }
    return map;
  }

  /** Every row checked on its own, then against the other rows and what the database holds. */
  private async analyse(db: DbOrTx, file: UploadedSheet, format: SheetFormat, sheetRows: Awaited<ReturnType<typeof readInstitutionSheet>>['rows']): Promise<Analysis> {
    const today = beijingDay(this.deps.clock());
    const depts = await this.departmentLookup(db);
    const checked = sheetRows.map((r) => ({ row: r.row, raw: r.values, ...checkRow(r, depts, today) }));

    const usccs = [...new Set(checked.map((c) => c.values.basic.uscc).filter((u): u is string => !!u))];
    const numbers = [...new Set(checked.map((c) => c.values.licenceNumber).filter((n): n is string => !!n))];
    const existing = new Set<string>();
    const unitUsccs = new Set<string>();
    /** codes an institution of a unit with another code carries: that unit owns them (one unit per code) */
    const ownedElsewhere = new Set<string>();
    for (const part of chunks(usccs, 1000)) {
      const rows = await db
        .select({ uscc: institutions.uscc, name: institutions.name, unitUscc: units.uscc })
        .from(institutions)
        .innerJoin(units, eq(units.id, institutions.unitId))
        .where(inArray(institutions.uscc, part));
      for (const r of rows) {
        existing.add(`${r.uscc}\n${r.name}`);
        if (r.unitUscc !== r.uscc) ownedElsewhere.add(r.uscc);
      }
      const us = await db.select({ uscc: units.uscc }).from(units).where(inArray(units.uscc, part));
      for (const u of us) unitUsccs.add(u.uscc);
    }
    const takenNumbers = new Set<string>();
    for (const part of chunks(numbers, 1000)) {
      const rows = await db.select({ number: licences.number }).from(licences).where(inArray(licences.number, part));
      for (const r of rows) takenNumbers.add(r.number);
    }

    const firstByKey = new Map<string, number>();
    const firstByNumber = new Map<string, number>();
    const newUnits = new Set<string>();
    const reports: TImportRowReport[] = checked.map((c) => {
      const { basic, licenceNumber } = c.values;
      const errors = [...c.problems];
      const duplicates: typeof errors = [];
      if (basic.uscc && basic.name) {
        const key = `${basic.uscc}\n${basic.name}`;
        const first = firstByKey.get(key);
        if (first !== undefined) duplicates.push({ column: importColumnHeader('name'), message: `与第${first}行重复（统一社会信用代码和机构名称均相同）` });
        else firstByKey.set(key, c.row);
        if (existing.has(key)) duplicates.push({ column: importColumnHeader('name'), message: '系统中已有该机构（统一社会信用代码和机构名称均相同），不能重复导入' });
      }
      if (basic.uscc && ownedElsewhere.has(basic.uscc)) {
        errors.push({ column: importColumnHeader('uscc'), message: '已被其他单位的机构使用（一个统一社会信用代码只能属于一个单位），请核对' });
      }
      if (licenceNumber) {
        const first = firstByNumber.get(licenceNumber);
        if (first !== undefined) errors.push({ column: '许可证/备案编号', message: `与第${first}行的编号重复` });
        else firstByNumber.set(licenceNumber, c.row);
        if (takenNumbers.has(licenceNumber)) errors.push({ column: '许可证/备案编号', message: `编号“${licenceNumber}”已被使用` });
      }
      const problems = [...errors, ...duplicates];
      const status = errors.length ? '有错误' : duplicates.length ? '重复' : '可导入';
      if (status === '可导入' && basic.uscc && !unitUsccs.has(basic.uscc)) newUnits.add(basic.uscc);
      return {
        row: c.row,
        name: c.raw.name ?? '',
        uscc: c.raw.uscc ?? '',
        status,
        problems,
        missingForChange: missingForChange(basic),
      };
    });

    const report: TImportReport = {
      fileName: file.name,
      format,
      total: reports.length,
      ok: reports.filter((r) => r.status === '可导入').length,
      errors: reports.filter((r) => r.status === '有错误').length,
      duplicates: reports.filter((r) => r.status === '重复').length,
      newUnits: newUnits.size,
      rows: reports,
    };
    return { report, rows: checked.map((c) => ({ row: c.row, ...c.values })), departments: depts };
  }

  /** 校验: the row-by-row report; nothing is written. */
  async dryRun(file: UploadedSheet): Promise<TImportReport> {
    const sheet = await readInstitutionSheet(file.data, file.name);
    return (await this.analyse(this.db, file, sheet.format, sheet.rows)).report;
  }

  /**
   * 导入: checked again, then every row or none, in one transaction. Each institution starts
   * 审核通过 with version 1 of its record in force, belongs to the unit with its USCC (created when
   * there is none yet, to be claimed by that unit's legal person at registration), and gets its
   * licence or 备案凭证 when the file gives a number.
   */
  async import(actor: SessionUser, file: UploadedSheet, meta: RequestMeta): Promise<TImportResult> {
    const sheet = await readInstitutionSheet(file.data, file.name);
    const now = this.deps.clock();
    try {
      return await this.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`);
        const { report, rows, departments: depts } = await this.analyse(tx, file, sheet.format, sheet.rows);
        const bad = report.total - report.ok;
        if (bad > 0) {
          throw new AppError(AppErrorCode.VALIDATION, `有${bad}行存在问题，未导入任何数据。请按校验结果修改文件后重新导入`, undefined, { report });
        }

        // units: the existing one for each USCC, else a new one named after its first institution
        const unitByUscc = new Map<string, string>();
        const usccs = [...new Set(rows.map((r) => r.basic.uscc!))];
        for (const part of chunks(usccs)) {
          const values = part.map((uscc) => ({ name: rows.find((r) => r.basic.uscc === uscc)!.basic.name!, uscc, legalType: '企业法人', createdAt: now }));
          // a unit registered meanwhile keeps its own name: the institution simply joins it
          const created = await tx.insert(units).values(values).onConflictDoNothing({ target: units.uscc }).returning({ id: units.id, uscc: units.uscc });
          for (const u of created) unitByUscc.set(u.uscc, u.id);
        }
        const unitsCreated = unitByUscc.size;
        for (const part of chunks(usccs, 1000)) {
          const found = await tx.select({ id: units.id, uscc: units.uscc }).from(units).where(inArray(units.uscc, part));
          for (const u of found) unitByUscc.set(u.uscc, u.id);
        }

        const batchId = randomUUID();
        const planned = rows.map((r) => {
          const scopes = (r.basic.scopes ?? []) as TBusinessScope[];
          const kind = applicationKind(scopes).kind;
          return { ...r, institutionId: randomUUID(), recordId: randomUUID(), unitId: unitByUscc.get(r.basic.uscc!)!, kind, scopes };
        });

        await tx.insert(importBatches).values({
          id: batchId,
          fileName: file.name.slice(0, 200),
          format: sheet.format,
          totalRows: report.total,
          importedRows: planned.length,
          institutionIds: planned.map((p) => p.institutionId),
          createdBy: actor.id,
          createdAt: now,
        });
        for (const part of chunks(planned)) {
          await tx.insert(institutions).values(
            part.map((p) => ({
              id: p.institutionId,
              unitId: p.unitId,
              name: p.basic.name!,
              shortName: p.basic.shortName || null,
              uscc: p.basic.uscc!,
              legalRep: p.basic.legalRep || null,
              legalRepIdIdx: p.basic.legalRepIdCard ? this.deps.pii.blindIndex(p.basic.legalRepIdCard) : null,
              category: p.basic.category ?? null,
              kind: p.kind,
              licensed: !!p.licenceNumber && p.kind === '许可',
              reviewStatus: '审核通过' as const,
              cancelStatus: '正常' as const,
              // set once the records exist (below): the 持证机构 counts' trigger reads the record's 审批部门
              currentRecordId: null,
              importBatchId: batchId,
              createdAt: now,
              updatedAt: now,
            })),
          );
          await tx.insert(institutionRecords).values(
            part.map((p) => ({ id: p.recordId, institutionId: p.institutionId, version: 1, ...toColumns(this.deps.pii, { basic: p.basic }), createdAt: now, updatedAt: now })),
          );
          // the record in force, now that it exists: one statement per chunk
          await tx.execute(sql`UPDATE ${institutions} SET current_record_id = r.id FROM ${institutionRecords} r
                                WHERE r.institution_id = ${institutions.id} AND r.id IN ${part.map((p) => p.recordId)}`);
        }
        const withLicence = planned.filter((p) => p.licenceNumber);
        for (const part of chunks(withLicence)) {
          await tx.insert(licences).values(
            part.map((p) => ({
              number: p.licenceNumber!,
              kind: p.kind,
              status: '有效' as const,
              institutionId: p.institutionId,
              unitId: p.unitId,
              institutionName: p.basic.name!,
              uscc: p.basic.uscc!,
              legalRep: p.basic.legalRep || null,
              address: p.basic.officeAddress || null,
              scopes: p.scopes,
              department: p.basic.department!,
              departmentName: issuerName(depts.get(p.basic.department!)!),
              issuedOn: p.issuedOn ?? beijingDay(now),
              createdAt: now,
            })),
          );
        }
        await this.deps.audit.record(tx, {
          action: 'import.completed',
          actorId: actor.id,
          actorAccount: actor.account,
          actorRole: actor.role,
          targetType: 'import_batch',
          targetId: batchId,
          ip: meta.ip,
          detail: { format: sheet.format, rows: report.total, institutions: planned.length, unitsCreated, licences: withLicence.length },
        });
        return { batchId, imported: planned.length, unitsCreated, licences: withLicence.length, createdAt: now.toISOString(), report };
      });
    } catch (err) {
      if (usccOwnershipViolation(err)) {
        throw new AppError(AppErrorCode.CONFLICT, '导入时发现统一社会信用代码刚被其他单位的机构使用，未导入任何数据。请重新校验后再导入');
      }
      const constraint = uniqueViolation(err);
      if (constraint?.includes('licences_number')) {
        throw new AppError(AppErrorCode.CONFLICT, '导入时发现许可证/备案编号已被使用（可能刚由审核人员发证），未导入任何数据。请重新校验后再导入');
      }
      throw err;
    }
  }

  async listBatches(page: number, pageSize: number): Promise<{ items: TImportBatch[]; total: number }> {
    const [rows, [total]] = await Promise.all([
      this.db
        .select({ batch: importBatches, account: users.account })
        .from(importBatches)
        .innerJoin(users, eq(users.id, importBatches.createdBy))
        .orderBy(desc(importBatches.createdAt), desc(importBatches.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      this.db.select({ n: count() }).from(importBatches),
    ]);
    return {
      total: total?.n ?? 0,
      items: rows.map(({ batch: b, account }) => ({
        id: b.id,
        fileName: b.fileName,
        format: b.format,
        totalRows: b.totalRows,
        importedRows: b.importedRows,
        createdBy: account,
        createdAt: b.createdAt.toISOString(),
      })),
    };
  }
}
