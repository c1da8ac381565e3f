import { and, eq } from 'drizzle-orm';
import {
  AppErrorCode,
  CREDIT,
  ZCreditContent,
  beijingDay,
  creditChecks,
  creditProblems,
  creditTitle,
  notOpenFor,
  type TCreditAnswers,
  type TCreditContent,
  type TCreditFacts,
  type TCreditView,
} from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { uniqueViolation } from '../../lib/pg-errors';
import type { DbOrTx } from '../../db/client';
import { actorUnitId } from '../accounts/actor';
import { readSetting } from '../admin/settings.service';
import type { KindAdapter } from '../applications/kinds';
import { institutions } from '../institutions/institutions.table';
import { applicationCredit } from './credit.table';
import { creditFacts, creditOf, creditOfYear, writeAnswers } from './credit.repository';

/** What 提交 froze: the year, 机构基本信息 as the record said it then, and the answers. */
export interface CreditSnapshot {
  year: number;
  facts: TCreditFacts;
  answers: TCreditAnswers;
}

const YEAR_CONSTRAINT = 'application_credit_institution_year_uq';

/** 申报年度: the calendar year in Beijing. */
export const creditYear = (now: Date) => Number(beijingDay(now).slice(0, 4));

const alreadyApplied = (name: string, year: number, status?: string) =>
  new AppError(
    AppErrorCode.CONFLICT,
    `“${name}”${year}年度已有一份${status ? `“${status}”的` : ''}诚信示范机构申请，每个机构每年只能申请一次。请在人力资源诚信示范机构查询中打开那份申请继续办理`,
  );

/** The reviewer's content: the answers with the criteria checklist under the current 系统设置. */
async function reviewData(db: DbOrTx, s: CreditSnapshot) {
  const criteria = await readSetting(db, 'credit.criteria');
  return { year: s.year, facts: s.facts, answers: s.answers, checks: creditChecks(s.answers, criteria) };
}

/**
 * 人力资源诚信示范机构 (guide 3.2/3.3, SPEC §6) on the engine: the content is the answers of the
 * form (application_credit, keyed by the application), for one of the unit's institutions in
 * force and the current year; 机构基本信息 is read from the record in force. Approval records the
 * title for the year (awarded_on), which the public register shows.
 */
export const creditKind: KindAdapter<TCreditContent, CreditSnapshot> = {
  declaration: CREDIT,
  content: ZCreditContent,
  async create({ tx, deps, actor }, content) {
    const [inst] = await tx
      .select({ id: institutions.id, name: institutions.name, reviewStatus: institutions.reviewStatus, cancelStatus: institutions.cancelStatus })
      .from(institutions)
      .where(and(eq(institutions.id, content.institutionId), eq(institutions.unitId, actorUnitId(actor))));
    if (!inst) throw new AppError(AppErrorCode.NOT_FOUND, '机构不存在或不属于本单位');
    const blocker = notOpenFor(inst, '诚信示范机构');
    if (blocker) throw new AppError(AppErrorCode.CONFLICT, blocker.message);
    const year = creditYear(deps.clock());
    const existing = await creditOfYear(tx, inst.id, year);
    if (existing) throw alreadyApplied(inst.name, year, existing.status);
    return {
      institutionId: inst.id,
      attach: async (app) => {
        await tx.insert(applicationCredit).values({ applicationId: app.id, institutionId: inst.id, year, answers: content.answers as Record<string, unknown> });
      },
    };
  },
  async save({ tx }, app, content) {
    if (content.institutionId !== app.institutionId) {
      throw new AppError(AppErrorCode.VALIDATION, '申请的机构不能更改，如需为其他机构申请请新增', [{ path: 'institutionId', message: '申请的机构不能更改' }]);
    }
    await writeAnswers(tx, app.id, content.answers);
  },
  clear: ({ tx }, app) => writeAnswers(tx, app.id, {}),
  async read(db, _deps, app) {
    const row = await creditOf(db, app.id);
    const { facts, department } = await creditFacts(db, app.institutionId);
    const content: TCreditView = { institutionId: app.institutionId, year: row.year, facts, recordDepartment: department, answers: row.answers as TCreditAnswers, awardedOn: row.awardedOn };
    return { content };
  },
  async submission({ tx }, app) {
    const row = await creditOf(tx, app.id);
    const answers = row.answers as TCreditAnswers;
    const { facts } = await creditFacts(tx, app.institutionId);
    const snapshot: CreditSnapshot = { year: row.year, facts, answers };
    return { problems: creditProblems(answers), snapshot: snapshot as unknown as Record<string, unknown> };
  },
  openSnapshot: (_deps, raw) => raw as unknown as CreditSnapshot,
  async review(db, _deps, app, snapshot) {
    let s = snapshot;
    if (!s) {
      const row = await creditOf(db, app.id);
      s = { year: row.year, facts: (await creditFacts(db, app.institutionId)).facts, answers: row.answers as TCreditAnswers };
    }
    return { name: s.facts.name ?? undefined, uscc: s.facts.uscc ?? undefined, content: { contentType: 'credit', data: await reviewData(db, s) } };
  },
  subjectName: (s) => s.facts.name ?? '',
  async approve({ tx, now }, app, snapshot) {
    const awardedOn = beijingDay(now);
    await tx.update(applicationCredit).set({ awardedOn }).where(eq(applicationCredit.applicationId, app.id));
    return { notice: `已列为${creditTitle(snapshot.year)}，公示查询中可见。`, audit: { year: snapshot.year, awardedOn } };
  },
  failure(err) {
    if (uniqueViolation(err) !== YEAR_CONSTRAINT) return undefined;
    return new AppError(AppErrorCode.CONFLICT, '该机构本年度已有一份诚信示范机构申请，每个机构每年只能申请一次。请在人力资源诚信示范机构查询中打开那份申请继续办理');
  },
};
