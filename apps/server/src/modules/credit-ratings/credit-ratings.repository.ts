import { sql, type SQL } from 'drizzle-orm';
import {
  assessedReportYears,
  beijingDayRange,
  NO_CREDIT_FACTS,
  rateCredit,
  type TCreditLevel,
  type TCreditRating,
  type TCreditRatingFacts,
  type TCreditRatingRules,
  type TReportState,
  type TSamplingResult,
} from '@jhrm/contracts';
import { queryRows, type DbOrTx } from '../../db/client';
import { readSetting } from '../admin/settings.service';
import { APPROVED, AWAITING_DECISION } from '../applications/states';

/** A timestamptz as its Beijing calendar day (YYYY-MM-DD), without relying on the server's time zone data. */
const beijingDaySql = (col: SQL) => sql`to_char((${col} AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD')`;

interface FactsRow {
  id: string;
  reports: { year: number; state: TReportState }[] | null;
  promise_untrue: string[] | null;
  sampling: { on: string; result: TSamplingResult }[] | null;
  dishonesty: string[] | null;
  titles: number[] | null;
}

/**
 * The events the credit rules score (decision 0048), for the institutions on the register among `ids`
 * (null: every institution on it), in one statement of grouped aggregates — one row per institution,
 * however many (no query per institution):
 * - 年度报告: each assessed 服务年度 (`years`) from the year of its first licence, while a licence was in
 *   force or ended only after that year's 报送截止日期 (for an imported institution, only deadlines after its
 *   import: it filed the earlier years outside this system) — 按时报送 when the report now sent (待审核 or 审核通过)
 *   was last submitted before the end of that day (Beijing), 逾期报送 after it, 未报送 without one sent;
 * - 告知承诺核查 不属实: 整改中, or closed 整改完成 / 撤销许可;
 * - 双随机抽查: closed (已完成) with a result 合格 / 责令整改 / 立案;
 * - 失信记录 and 诚信示范机构 titles (awarded years).
 */
async function creditFacts(db: DbOrTx, ids: string[] | null, years: { year: number; deadlineOn: string }[]): Promise<Map<string, TCreditRatingFacts>> {
  // one parameter however many ids (a 抽查 plan asks for every licensed institution: beyond 65 535 bound values)
  const target = ids ? sql`i.id IN (SELECT value::uuid FROM jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))` : sql`true`;
  // each year with the first instant after its deadline day (Beijing)
  const yearRows = sql.join(
    years.map((y) => sql`(${y.year}::int, ${beijingDayRange(undefined, y.deadlineOn).end!.toISOString()}::timestamptz)`),
    sql`, `,
  );
  const sent = sql`(${AWAITING_DECISION}, ${APPROVED})`;
  const rows = await queryRows<FactsRow>(
    db,
    sql`WITH target AS (
          -- on the register (register.repository's onRegister)
          SELECT i.id FROM institutions i WHERE (i.review_status = '审核通过' OR i.current_record_id IS NOT NULL) AND ${target}
        ),
        span AS (
          SELECT l.institution_id AS id, min(l.issued_on) AS first_on, bool_or(l.status = '有效') AS in_force, max(l.ended_at) AS ended_at
          FROM licences l JOIN target t ON t.id = l.institution_id
          GROUP BY l.institution_id
        ),
        years (year, due_end) AS (VALUES ${yearRows}),
        reports AS (
          SELECT s.id, jsonb_agg(jsonb_build_object('year', y.year, 'state',
                   CASE WHEN a.id IS NULL THEN '未报送' WHEN a.submitted_at < y.due_end THEN '按时报送' ELSE '逾期报送' END) ORDER BY y.year) AS reports
          FROM span s
          JOIN institutions i ON i.id = s.id
          JOIN years y ON y.year >= extract(year FROM s.first_on) AND (s.in_force OR s.ended_at >= y.due_end)
            -- an imported institution (存量机构) filed the years before its import outside this system
            AND (i.import_batch_id IS NULL OR y.due_end > i.created_at)
          LEFT JOIN statistics_reports r ON r.institution_id = s.id AND r.service_year = y.year
          LEFT JOIN applications a ON a.id = r.application_id AND a.status IN ${sent}
          GROUP BY s.id
        ),
        promise AS (
          SELECT k.institution_id AS id, jsonb_agg(${beijingDaySql(sql`coalesce(k.closed_at, k.updated_at)`)} ORDER BY coalesce(k.closed_at, k.updated_at)) AS days
          FROM inspection_tasks k JOIN target t ON t.id = k.institution_id
          WHERE k.kind = '告知承诺核查' AND (k.status = '整改中' OR (k.status = '已完成' AND k.outcome IN ('整改完成', '撤销许可')))
          GROUP BY k.institution_id
        ),
        sampling AS (
          SELECT k.institution_id AS id, jsonb_agg(jsonb_build_object('on', ${beijingDaySql(sql`closed_at`)}, 'result', k.outcome) ORDER BY k.closed_at) AS items
          FROM inspection_tasks k JOIN target t ON t.id = k.institution_id
          WHERE k.kind = '双随机抽查' AND k.status = '已完成' AND k.outcome IN ('合格', '责令整改', '立案')
          GROUP BY k.institution_id
        ),
        dishonesty AS (
          SELECT d.institution_id AS id, jsonb_agg(d.recorded_on::text ORDER BY d.recorded_on, d.created_at) AS days
          FROM dishonesty_records d JOIN target t ON t.id = d.institution_id
          GROUP BY d.institution_id
        ),
        titles AS (
          SELECT c.institution_id AS id, jsonb_agg(c.year ORDER BY c.year) AS years
          FROM application_credit c JOIN target t ON t.id = c.institution_id
          WHERE c.awarded_on IS NOT NULL
          GROUP BY c.institution_id
        )
        SELECT t.id, r.reports, p.days AS promise_untrue, s.items AS sampling, d.days AS dishonesty, ti.years AS titles
        FROM target t
        LEFT JOIN reports r ON r.id = t.id
        LEFT JOIN promise p ON p.id = t.id
        LEFT JOIN sampling s ON s.id = t.id
        LEFT JOIN dishonesty d ON d.id = t.id
        LEFT JOIN titles ti ON ti.id = t.id`,
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        reports: r.reports ?? NO_CREDIT_FACTS.reports,
        promiseUntrue: r.promise_untrue ?? [],
        sampling: r.sampling ?? [],
        dishonesty: r.dishonesty ?? [],
        titles: r.titles ?? [],
      },
    ]),
  );
}

/**
 * 机构信用等级 (decision 0048) of the institutions among `institutionIds` that are on the public register
 * (null: every one on it), on `today` (Beijing day), under the rules of 系统设置. An institution not on the
 * register has no entry. Two setting reads and one statement, whatever the number of institutions.
 */
export async function creditRatingsOf(db: DbOrTx, institutionIds: string[] | null, today: string): Promise<Map<string, TCreditRating>> {
  if (institutionIds && !institutionIds.length) return new Map();
  const rules: TCreditRatingRules = await readSetting(db, 'creditRating.rules');
  const deadline = await readSetting(db, 'statistics.reportDeadline');
  const facts = await creditFacts(db, institutionIds ? [...new Set(institutionIds)] : null, assessedReportYears(today, deadline, rules.report.years));
  return new Map([...facts].map(([id, f]) => [id, rateCredit(f, rules)]));
}

/**
 * Each institution's level and its 双随机抽查 weight (the setting's `samplingWeights`), for the draw of a
 * 抽查 plan (decision 0049); an institution not on the register has no entry.
 */
export async function creditLevelsOf(db: DbOrTx, institutionIds: string[], today: string): Promise<Map<string, { level: TCreditLevel; weight: number }>> {
  const ratings = await creditRatingsOf(db, institutionIds, today);
  const { samplingWeights } = await readSetting(db, 'creditRating.rules');
  return new Map([...ratings].map(([id, r]) => [id, { level: r.level, weight: samplingWeights[r.level] }]));
}

/** The rating of one institution, or null when it is not on the register. */
export async function creditRatingOf(db: DbOrTx, institutionId: string, today: string): Promise<TCreditRating | null> {
  return (await creditRatingsOf(db, [institutionId], today)).get(institutionId) ?? null;
}
