import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  AppErrorCode,
  STATISTICS_FIELD_ENTRIES,
  STATISTICS_INDICATOR_KEYS,
  STATISTICS_MISSING_REASONS,
  beijingDay,
  isAmountIndicator,
  maskMobile,
  statisticsIndicatorLabel,
  type TIndicatorValues,
  type TPage,
  type TStatisticsDashboard,
  type TStatisticsMissingItem,
  type TStatisticsUrgeResult,
} from '@jhrm/contracts';
import type { AppDeps } from '../../deps';
import { drained } from '../../lib/list-export';
import type { Actor } from '../accounts/actor';
import { readerArea, type Area } from './area';
import { missingCount, missingInstitutions, missingPage, reportBatch, reportCells, type ReportCell, type ReportRow } from './analysis.repository';
import { sql } from 'drizzle-orm';
import { AppError } from '../../lib/app-error';
import { queryRows, type DbOrTx } from '../../db/client';
import { readSetting } from '../admin/settings.service';
import { reportReminders } from './report-reminders.table';
import { notifications } from '../notifications/notifications.table';
import { users } from '../accounts/accounts.table';

type Group = { reports: number; values: TIndicatorValues };
const emptyGroup = (): Group => ({ reports: 0, values: Object.fromEntries(STATISTICS_INDICATOR_KEYS.map((k) => [k, 0])) as TIndicatorValues });
/** 万元 sums keep 2 decimals (summing binary floats would show 0.30000000000000004). */
const round2 = (v: number) => Math.round(v * 100) / 100;
function add(into: Group, cell: ReportCell) {
  into.reports += cell.reports;
  for (const k of STATISTICS_INDICATOR_KEYS) into.values[k] = isAmountIndicator(k) ? round2(into.values[k] + cell.values[k]) : into.values[k] + cell.values[k];
}
/** The change on the year before as a ratio (0.25 = +25%); none without a base. */
const ratio = (now: number, before: number) => (before === 0 ? null : Math.round(((now - before) / before) * 10_000) / 10_000);

/** 一次导出读取的报告条数: the export holds one batch in memory, never the year. */
export const EXPORT_BATCH = 1000;
const UNCATEGORISED = '未填写';

/**
 * 统计分析 for reviewers and admins (decision 0027): the approved annual reports of the reader's
 * area, summed; the licensed institutions that have not reported; the XLSX export, streamed.
 * The area comes from the session's department, never from the request.
 */
export class StatisticsAnalysisService {
  constructor(private readonly deps: AppDeps) {}

  private get db() {
    return this.deps.database.db;
  }

  /** 服务年度 by default: the year before this one (reports are made after the year ends). */
  defaultYear(): number {
    return Number(beijingDay(this.deps.clock()).slice(0, 4)) - 1;
  }

  async dashboard(actor: Actor, year = this.defaultYear()): Promise<TStatisticsDashboard> {
    const area = await readerArea(this.db, actor.user);
    const [cells, counts] = await Promise.all([reportCells(this.db, [year - 1, year], area.codes), missingCount(this.db, year, area.codes)]);
    return { year, area: { code: area.code, name: area.name, level: area.level }, ...summarise(area, year, cells), ...counts, reportDeadline: await this.reportDeadline(this.db, year) };
  }

  /** The filing deadline of a 服务年度's report (业务基本情况): the admin's 月-日 of the year after. */
  async reportDeadline(db: DbOrTx, year: number): Promise<string> {
    return `${year + 1}-${await readSetting(db, 'statistics.reportDeadline')}`;
  }

  /**
   * 业务基本情况 reminders (the job queue's `report-reminders`, daily): within 30 days of the filing
   * deadline of last year's reports, and again within 7, every licensed institution without a report
   * sent tells its unit's accounts in 消息中心 — once per stage (report_reminders), however often the
   * job runs and in however many processes.
   */
  async sendReportReminders(): Promise<{ year: number; stage: string | null; reminded: number }> {
    const year = this.defaultYear();
    const today = beijingDay(this.deps.clock());
    const deadline = await this.reportDeadline(this.db, year);
    const daysLeft = Math.round((Date.parse(deadline) - Date.parse(today)) / 86_400_000);
    const stage = daysLeft < 0 ? null : daysLeft <= 7 ? 'before-7' : daysLeft <= 30 ? 'before-30' : null;
    if (!stage) return { year, stage, reminded: 0 };
    const due = monthDay(deadline);
    const reminded = await this.db.transaction(async (tx) =>
      (
        await this.remindMissing(tx, year, null, stage, null, {
          kind: 'statistics.reminder',
          title: `年度报告报送提醒：${year}年度业务基本情况`,
          body: ['“', `”的${year}年度人力资源市场业务基本情况请于${due}前报送（人力资源市场统计 → 业务基本情况录入）。`],
        })
      ).length,
    );
    return { year, stage, reminded };
  }

  /**
   * 催报: once the filing deadline has passed, every licensed institution of the reader's area still
   * without a report sent for the year gets a message in 消息中心 and an SMS to its unit's 法人 —
   * at most once a day per institution (a second 催报 the same day, by anyone, adds nothing).
   */
  async urge(actor: Actor, year = this.defaultYear()): Promise<TStatisticsUrgeResult> {
    const area = await readerArea(this.db, actor.user);
    const today = beijingDay(this.deps.clock());
    const deadline = await this.reportDeadline(this.db, year);
    if (today <= deadline) {
      throw new AppError(AppErrorCode.CONFLICT, `${year}年度业务基本情况的报送截止日期为${formatDay(deadline)}，截止日期之后才能催报；截止日期之前系统会自动提醒未报送的单位`);
    }
    return this.db.transaction(async (tx) => {
      const sent = await this.remindMissing(tx, year, area.codes, `urge-${today}`, actor.user.id, {
        kind: 'statistics.urge',
        title: `催报：${year}年度业务基本情况`,
        body: ['“', `”尚未报送${year}年度人力资源市场业务基本情况，报送截止日期（${formatDay(deadline)}）已过，请尽快报送。`],
        sms: (name) => `【吉林智慧人社】“${name}”尚未报送${year}年度人力资源市场业务基本情况，报送截止日期（${formatDay(deadline)}）已过，请尽快登录吉林人力资源市场管理报送。`,
      });
      // from the very query 催报 went by: the area's missing institutions, and those of them told today
      const [counts] = await queryRows<{ missing: number; today: number }>(
        tx,
        sql`SELECT count(*)::int AS missing, count(r.institution_id)::int AS today
              FROM (${missingInstitutions(tx, year, area.codes)}) m
              LEFT JOIN ${reportReminders} r ON r.institution_id = m.id AND r.service_year = ${year} AND r.stage = ${`urge-${today}`}`,
      );
      const missing = counts?.missing ?? 0;
      await this.deps.audit.record(tx, {
        action: 'statistics.urged',
        actorId: actor.user.id,
        actorAccount: actor.user.account,
        actorRole: actor.user.role,
        ip: actor.ip,
        targetType: 'statistics',
        targetId: String(year),
        detail: { year, area: area.code, urged: sent.length, missing },
      });
      return { year, urged: sent.length, alreadyToday: (counts?.today ?? 0) - sent.length };
    });
  }

  /**
   * Names the area's missing institutions of `year` under `stage` (those named under it before are
   * left out), tells each one's unit in 消息中心 and, with `sms`, queues an SMS to its 法人: one
   * statement for the rows and messages, whatever the count. Returns the institutions named now.
   */
  private async remindMissing(
    tx: DbOrTx,
    year: number,
    codes: string[] | null,
    stage: string,
    sentBy: string | null,
    /** the message's body is `body[0]` + the institution's name + `body[1]` (put together by the database) */
    msg: { kind: string; title: string; body: [string, string]; sms?: (name: string) => string },
  ): Promise<{ unitId: string; name: string }[]> {
    const now = this.deps.clock().toISOString();
    const [before, after] = msg.body;
    const link = '/hr/annual-reports/entry';
    const fresh = await queryRows<{ unit_id: string; name: string; phone_enc: string | null }>(
      tx,
      sql`WITH missing AS (${missingInstitutions(tx, year, codes)}),
          fresh AS (
            INSERT INTO ${reportReminders} (institution_id, service_year, stage, sent_at, sent_by)
            SELECT id, ${year}, ${stage}, ${now}::timestamptz, ${sentBy}::uuid FROM missing
            ON CONFLICT DO NOTHING
            RETURNING institution_id),
          named AS (SELECT m.* FROM fresh JOIN missing m ON m.id = fresh.institution_id),
          -- a data-modifying WITH runs to completion whether or not the query reads it
          told AS (
            INSERT INTO ${notifications} (user_id, unit_id, kind, title, body, link, created_at)
            SELECT u.id, n.unit_id, ${msg.kind}, ${msg.title}, ${before} || n.name || ${after}, ${link}, ${now}::timestamptz
              FROM named n JOIN ${users} u ON u.unit_id = n.unit_id AND u.status = 'active' AND u.role IN ('legal', 'agent')
            RETURNING 1)
          SELECT n.unit_id, n.name, (SELECT l.phone_enc FROM ${users} l WHERE l.unit_id = n.unit_id AND l.role = 'legal' AND l.status = 'active' LIMIT 1) AS phone_enc
            FROM named n ORDER BY n.name`,
    );
    if (msg.sms) {
      const texts = fresh.filter((f) => f.phone_enc).map((f) => ({ phoneEnc: f.phone_enc!, text: msg.sms!(f.name) }));
      await this.deps.jobs.sendMany(tx, 'sms', texts);
    }
    return fresh.map((f) => ({ unitId: f.unit_id, name: f.name }));
  }

  async missing(actor: Actor, query: { year?: number; page: number; pageSize: number }): Promise<TPage<TStatisticsMissingItem>> {
    const area = await readerArea(this.db, actor.user);
    const year = query.year ?? this.defaultYear();
    const rows = await missingPage(this.db, year, area.codes, query.page, query.pageSize);
    const reason = (status: string | null): TStatisticsMissingItem['reason'] => (status === '待提交' ? '未提交' : status === '审核不通过' ? '审核不通过' : STATISTICS_MISSING_REASONS[0]);
    return {
      items: rows.map((x) => ({
        institutionId: x.institutionId,
        name: x.name,
        uscc: x.uscc,
        category: x.category,
        departmentName: (x.department && area.names.get(x.department)) ?? x.department ?? '',
        reason: reason(x.status),
      })),
      total: rows[0]?.total ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * The year's export: 汇总 (the dashboard's tables) and 业务基本情况 (every approved report of the
   * area, one row each, every catalogue field under its label). Written by exceljs's streaming
   * writer while reports are read in batches of EXPORT_BATCH; each batch waits for the client to
   * take what was written, so memory holds a batch, never the file.
   */
  async export(actor: Actor, year = this.defaultYear()): Promise<{ year: number; stream: Readable }> {
    const area = await readerArea(this.db, actor.user);
    const cells = await reportCells(this.db, [year - 1, year], area.codes);
    const counts = await missingCount(this.db, year, area.codes);
    const out = new PassThrough({ highWaterMark: 256 * 1024 });
    // a failure half-way ends the download broken (the client sees a truncated file), never a hanging one
    void this.writeWorkbook(out, area, year, { year, area: { code: area.code, name: area.name, level: area.level }, ...summarise(area, year, cells), ...counts, reportDeadline: await this.reportDeadline(this.db, year) }).catch((err: unknown) =>
      out.destroy(err instanceof Error ? err : new Error(String(err))),
    );
    return { year, stream: out };
  }

  private async writeWorkbook(out: PassThrough, area: Area, year: number, summary: TStatisticsDashboard) {
    // deflate level 1: the export is CPU-bound on compression, and a third larger file costs less than the wait
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
    wb.creator = '吉林人力资源市场管理';
    writeSummary(wb.addWorksheet('汇总'), summary);

    const ws = wb.addWorksheet('业务基本情况', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = STATISTICS_FIELD_ENTRIES.map(({ key, field }) => ({ header: field.label, key, width: Math.min(30, Math.max(10, field.label.length * 2 + 2)) }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    let after: string | null = null;
    for (;;) {
      const batch: ReportRow[] = await reportBatch(this.db, year, area.codes, after, EXPORT_BATCH);
      for (const report of batch) ws.addRow(this.exportRow(report, area)).commit();
      // let the zip and the client take the batch before reading the next one
      await drained(ws, wb, out);
      if (out.destroyed) return;
      if (batch.length < EXPORT_BATCH) break;
      after = batch[batch.length - 1]!.applicationId;
    }
    ws.commit();
    await wb.commit();
  }

  /** A report as the export's row: the catalogue's keys, 审核机构 by name, 联系电话 masked. */
  private exportRow(report: ReportRow, area: Area): Record<string, unknown> {
    const row: Record<string, unknown> = {};
    for (const { key, field } of STATISTICS_FIELD_ENTRIES) {
      if (key === 'fillerPhone') row[key] = report.fillerPhoneEnc ? maskMobile(this.deps.pii.decrypt(report.fillerPhoneEnc)) : null;
      else if (field.input === 'department') row[key] = report.department ? (area.names.get(report.department) ?? report.department) : null;
      else if (field.input === 'multi') row[key] = report.scopes?.join('、') ?? null;
      else row[key] = (report as Record<string, unknown>)[key] ?? null;
    }
    return row;
  }
}

/** The dashboard's tables from the cells: the year and the one before, by area, by 机构类型. */
function summarise(area: Area, year: number, cells: ReportCell[]): Pick<TStatisticsDashboard, 'byYear' | 'change' | 'byArea' | 'byCategory'> {
  const before = emptyGroup();
  const now = emptyGroup();
  const byArea = new Map(area.groups.map((g) => [g.code, { ...g, ...emptyGroup() }]));
  const byCategory = new Map<string, Group & { category: string }>();
  for (const cell of cells) {
    if (cell.year !== year) {
      add(before, cell);
      continue;
    }
    add(now, cell);
    const g = area.groupOf(cell.department);
    if (g) {
      if (!byArea.has(g.code)) byArea.set(g.code, { ...g, ...emptyGroup() });
      add(byArea.get(g.code)!, cell);
    }
    const category = cell.category || UNCATEGORISED;
    if (!byCategory.has(category)) byCategory.set(category, { category, ...emptyGroup() });
    add(byCategory.get(category)!, cell);
  }
  return {
    byYear: [
      { year: year - 1, ...before },
      { year, ...now },
    ],
    change: {
      reports: ratio(now.reports, before.reports),
      values: Object.fromEntries(STATISTICS_INDICATOR_KEYS.map((k) => [k, ratio(now.values[k], before.values[k])])) as TStatisticsDashboard['change']['values'],
    },
    byArea: [...byArea.values()],
    byCategory: [...byCategory.values()].sort((a, b) => b.reports - a.reports || a.category.localeCompare(b.category)),
  };
}

const percent = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${(v * 100).toFixed(2)}%`);

/** 汇总: the dashboard's three tables, one under the other. */
function writeSummary(ws: ExcelJS.Worksheet, s: TStatisticsDashboard) {
  const labels = STATISTICS_INDICATOR_KEYS.map(statisticsIndicatorLabel);
  const bold = (row: ExcelJS.Row) => {
    row.font = { bold: true };
    row.commit();
  };
  const values = (g: Group) => STATISTICS_INDICATOR_KEYS.map((k) => g.values[k]);
  ws.columns = [{ width: 36 }, { width: 12 }, ...labels.map((l) => ({ width: Math.max(14, l.length * 2) }))];
  bold(ws.addRow([`${s.area.name} ${s.year}年度 业务基本情况汇总（审核通过的报告）`]));
  ws.addRow([`持证机构 ${s.licensed} 家，其中未报送 ${s.missing} 家`]).commit();
  ws.addRow([]).commit();
  bold(ws.addRow(['按服务年度']));
  bold(ws.addRow(['服务年度', '报送机构数', ...labels]));
  for (const y of s.byYear) ws.addRow([`${y.year}年`, y.reports, ...values(y)]).commit();
  ws.addRow(['同比', percent(s.change.reports), ...STATISTICS_INDICATOR_KEYS.map((k) => percent(s.change.values[k]))]).commit();
  ws.addRow([]).commit();
  bold(ws.addRow(['按地区']));
  bold(ws.addRow(['地区', '报送机构数', ...labels]));
  for (const a of s.byArea) ws.addRow([a.name, a.reports, ...values(a)]).commit();
  ws.addRow([]).commit();
  bold(ws.addRow(['按机构类型']));
  bold(ws.addRow(['机构类型', '报送机构数', ...labels]));
  for (const c of s.byCategory) ws.addRow([c.category, c.reports, ...values(c)]).commit();
  ws.commit();
}

/** 2027-03-31 → 3月31日 */
const monthDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
/** 2027-03-31 → 2027年3月31日 */
const formatDay = (day: string) => `${day.slice(0, 4)}年${monthDay(day)}`;
