import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TRegisterPage } from '@jhrm/contracts';
import { TEST_ENGINE, createTestContext, type TestClient, type TestContext } from '../test/harness';
import { queryRows } from './client';

/**
 * The plans of the hot public and reviewer queries, on enough generated rows (20 000 institutions,
 * their records, 设立 applications and licences) that PostgreSQL prefers an index wherever one
 * fits. Each route is called for real; the statements it sends are captured with their parameters
 * through the database logger and EXPLAINed as they are, so the test sees what production runs.
 * Both engines: PGlite is the same planner, and its pg_trgm indexes Chinese text too.
 */
const INSTITUTIONS = 20_000;
const CITIES = ['长春', '吉林', '四平', '辽源', '通化', '白山', '松原', '白城', '延边'];
const WORDS = ['博润', '华信', '众成', '远航', '金桥', '英才', '瑞达', '智联', '鼎盛', '恒通', '宏图', '汇才', '嘉禾', '启明', '德润', '锦程', '卓越', '天成', '同心', '聚贤'];
/** a word pair in 54 names, 48 of them approved */
const KEYWORD = `${WORDS[4]}${WORDS[5]}`;
/** a word pair in the names of 6 of the province's 待审核 applications */
const PENDING_KEYWORD = `${WORDS[3]}${WORDS[0]}`;

interface Statement {
  query: string;
  params: unknown[];
}
const sent: Statement[] = [];
let ctx: TestContext;

/** Raw EXPLAIN of one captured statement, its parameters bound as the route bound them. */
async function explain(s: Statement): Promise<string> {
  const client = (ctx.database.db as unknown as { $client: { query(text: string, params: unknown[]): Promise<{ rows: Record<string, string>[] }> } }).$client;
  const { rows } = await client.query(`EXPLAIN ${s.query}`, s.params);
  return rows.map((r) => Object.values(r)[0]).join('\n');
}

/** Calls a route and EXPLAINs every statement it sent that reads `table`; the answer must be 200. */
async function plansOf(client: TestClient, url: string, table: string) {
  sent.length = 0;
  const res = await client.get(url);
  expect(res.statusCode, res.body).toBe(200);
  const reading = sent.filter((s) => new RegExp(`from "${table}"|join "${table}"`).test(s.query));
  expect(reading.length, `no statement of ${url} reads ${table}`).toBeGreaterThan(0);
  return { body: res.json(), plans: await Promise.all(reading.map(async (s) => ({ query: s.query, plan: await explain(s) }))) };
}

/** No plan reads the table sequentially (an alias after the name counts too). */
function expectNoSeqScan(plans: { query: string; plan: string }[], table: string) {
  for (const p of plans) expect(p.plan, `${p.query}\n\n${p.plan}`).not.toMatch(new RegExp(`Seq Scan on ${table}\\b`));
}

beforeAll(async () => {
  ctx = await createTestContext({ logger: { logQuery: (query, params) => void sent.push({ query, params }) } });
  const { db } = ctx.database;
  const cities = sql.raw(`ARRAY[${CITIES.map((c) => `'${c}'`).join(',')}]`);
  const words = sql.raw(`ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}]`);
  await db.execute(sql`
    INSERT INTO units (name, uscc, legal_type)
    SELECT '计划测试单位' || u, '91220000UNIT' || lpad(u::text, 6, '0'), '企业法人' FROM generate_series(1, 2000) u`);
  // 9 in 10 approved; names from a city and two words, so a word pair is as selective as a real name part;
  // the demo unit (demo_agent's) owns the first 40
  await db.execute(sql`
    INSERT INTO institutions (unit_id, name, uscc, legal_rep, kind, review_status, created_at, updated_at)
    SELECT CASE WHEN g <= 40 THEN (SELECT unit_id FROM users WHERE account = 'demo_agent') ELSE u.id END,
           (${cities})[1 + g % 9] || (${words})[1 + (g / 9) % 20] || (${words})[1 + (g / 180) % 20] || '人力资源有限公司' || g,
           '91220100PLAN' || lpad(g::text, 6, '0'), '法人' || g, '许可',
           CASE WHEN g % 10 = 0 THEN '待审核' ELSE '审核通过' END,
           now() - make_interval(mins => g), now()
    FROM generate_series(1, ${INSTITUTIONS}::int) g
    JOIN (SELECT id, row_number() OVER (ORDER BY uscc) AS n FROM units WHERE uscc LIKE '91220000UNIT%') u ON u.n = 1 + g % 2000`);
  await db.execute(sql`
    INSERT INTO institution_records (institution_id, version, name, uscc, department, scopes, created_at, updated_at)
    SELECT id, 1, name, uscc, '220000', '["职业介绍"]'::jsonb, created_at, created_at FROM institutions WHERE uscc LIKE '91220100PLAN%'`);
  // 设立 applications: a third addressed to the province (the demo reviewer's department), the rest spread over the others
  await db.execute(sql`
    WITH a AS (
    INSERT INTO applications (unit_id, type, institution_id, status, department, submitted_at, due_on, decided_at, created_at, updated_at)
    SELECT i.unit_id, '设立', i.id, i.review_status,
           CASE WHEN right(i.uscc, 6)::int % 3 = 0 THEN '220000'
                ELSE (SELECT array_agg(code ORDER BY code) FROM departments)[1 + right(i.uscc, 6)::int % (SELECT count(*)::int FROM departments)] END,
           i.created_at, current_date + (right(i.uscc, 6)::int % 40), CASE WHEN i.review_status = '审核通过' THEN i.created_at END, i.created_at, i.created_at
    FROM institutions i
    WHERE i.uscc LIKE '91220100PLAN%'
    RETURNING id, institution_id)
    INSERT INTO application_records (application_id, record_id)
    SELECT a.id, r.id FROM a JOIN institution_records r ON r.institution_id = a.institution_id`);
  await db.execute(sql`
    UPDATE institutions i SET current_record_id = r.id FROM institution_records r
    WHERE r.institution_id = i.id AND i.review_status = '审核通过' AND i.uscc LIKE '91220100PLAN%'`);
  await db.execute(sql`
    INSERT INTO licences (number, kind, institution_id, unit_id, institution_name, uscc, legal_rep, scopes, department, department_name, issued_on, created_at)
    SELECT '吉人社服证字〔2026〕' || right(uscc, 6), '许可', id, unit_id, name, uscc, legal_rep, '["职业介绍"]'::jsonb, '220000', '省人社厅审批办',
           date '2026-01-01' + (right(uscc, 6)::int % 300), created_at
    FROM institutions WHERE review_status = '审核通过' AND uscc LIKE '91220100PLAN%'`);
  // as autovacuum leaves the tables: the update above leaves dead rows that inflate every scan's cost
  await db.execute(sql`VACUUM ANALYZE`);
}, 180_000);
afterAll(() => ctx?.close());
beforeEach(() => {
  sent.length = 0;
});

describe('query plans at 20 000 institutions', () => {
  it('never compiles a query with JIT: off on PostgreSQL, not built into PGlite', async () => {
    const [row] = await queryRows<{ jit: string; available: boolean }>(ctx.database.db, sql`SELECT current_setting('jit') AS jit, pg_jit_available() AS available`);
    if (TEST_ENGINE === 'postgres') expect(row!.jit).toBe('off');
    else expect(row!.available).toBe(false);
  });

  it('公示查询 finds a name part, a USCC and a licence number through their indexes, never reading every institution', async () => {
    const anyone = ctx.client();
    const byName = await plansOf(anyone, `/api/public/register?keyword=${encodeURIComponent(KEYWORD)}`, 'institutions');
    expect((byName.body as TRegisterPage).total).toBe(48);
    expect((byName.body as TRegisterPage).items.every((i) => i.name.includes(KEYWORD))).toBe(true);
    expectNoSeqScan(byName.plans, 'institutions');
    expect(byName.plans.map((p) => p.plan).join('\n')).toContain('institutions_name_trgm_idx');

    const byUscc = await plansOf(anyone, '/api/public/register?keyword=91220100plan000123', 'institutions');
    expect((byUscc.body as TRegisterPage).items.map((i) => i.uscc)).toEqual(['91220100PLAN000123']);
    expectNoSeqScan(byUscc.plans, 'institutions');

    const byNumber = await plansOf(anyone, `/api/public/register?keyword=${encodeURIComponent('吉人社服证字[2026]000457')}`, 'institutions');
    expect((byNumber.body as TRegisterPage).items.map((i) => i.licenceNumber)).toEqual(['吉人社服证字〔2026〕000457']);
    expectNoSeqScan(byNumber.plans, 'institutions');
    expectNoSeqScan(byNumber.plans, 'licences');

    // with filters on the licence and department too
    const filtered = await plansOf(anyone, `/api/public/register?keyword=${encodeURIComponent(KEYWORD)}&department=220000&kind=${encodeURIComponent('许可')}`, 'institutions');
    expect((filtered.body as TRegisterPage).total).toBe(48);
    expectNoSeqScan(filtered.plans, 'institutions');
  });

  it('公示查询 without a keyword, or with one in most names, reads its first page from the order index, never every institution', async () => {
    const anyone = ctx.client();
    for (const query of ['', `keyword=${encodeURIComponent('人力资源')}`]) {
      const found = await plansOf(anyone, `/api/public/register?${query}`, 'institutions');
      expect((found.body as TRegisterPage).totalCapped).toBe(true);
      expect((found.body as TRegisterPage).items).toHaveLength(15);
      const page = found.plans.find((p) => /order by/i.test(p.query) && !/count\(/i.test(p.query))!;
      expect(page.plan, page.query).toContain('institutions_register_order_idx');
      expect(page.plan, page.query).not.toMatch(/Seq Scan on institutions\b/);
    }
  });

  it('the reviewer’s 待审核 inbox reads its department’s applications by index', async () => {
    const reviewer = ctx.client();
    await reviewer.login('demo_reviewer');
    const inbox = await plansOf(reviewer, `/api/reviews?tab=${encodeURIComponent('待审核')}`, 'applications');
    expect(inbox.body.total).toBeGreaterThan(600);
    expect(inbox.body.items).toHaveLength(15);
    expectNoSeqScan(inbox.plans, 'institutions');
    expectNoSeqScan(inbox.plans, 'applications');
    // the index holds the page's order: 15 entries read, none sorted
    const page = inbox.plans.find((p) => p.query.includes('order by "applications"."due_on"'))!;
    expect(page.plan).toContain('applications_department_inbox_idx');
    expect(page.plan).not.toMatch(/Sort/);
    const byName = await plansOf(reviewer, `/api/reviews?tab=${encodeURIComponent('待审核')}&name=${encodeURIComponent(PENDING_KEYWORD)}`, 'applications');
    expect(byName.body.total).toBeGreaterThanOrEqual(6);
    expectNoSeqScan(byName.plans, 'institutions');
    expectNoSeqScan(byName.plans, 'applications');
  });

  it('a unit’s 查询 list reads only that unit’s institutions', async () => {
    const agent = ctx.client();
    await agent.login('demo_agent');
    const list = await plansOf(agent, '/api/institutions', 'institutions');
    expect(list.body.items.length).toBeGreaterThan(0);
    expectNoSeqScan(list.plans, 'institutions');
    expectNoSeqScan(list.plans, 'applications');
    expectNoSeqScan(list.plans, 'licences');
  });

  // last: it adds rows the tests above do not expect
  it('公示查询 keeps its index while new institutions arrive between vacuums (no pending list to scan)', async () => {
    // 8 000 registrations after the last VACUUM, as autovacuum leaves a busy week: with GIN's fastupdate they would
    // wait in the index's pending list (4 MB), which every search reads whole and which turns the planner to a Seq Scan
    await ctx.database.db.execute(sql`
      INSERT INTO institutions (unit_id, name, uscc, legal_rep, kind, review_status, current_record_id, created_at, updated_at)
      SELECT i.unit_id, '新登记' || (${sql.raw(`ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}]`)})[1 + g % 20] || '人才服务中心' || g,
             '91220100NEWR' || lpad(g::text, 6, '0'), '法人' || g, '备案', '审核通过', i.current_record_id, now(), now()
      FROM generate_series(1, 8000) g, (SELECT unit_id, current_record_id FROM institutions WHERE uscc = '91220100PLAN000001') i`);
    await ctx.database.db.execute(sql`ANALYZE institutions`);
    // a three-character name part, as a visitor types it
    const short = `${WORDS[4]}${WORDS[5]![0]}`;
    const found = await plansOf(ctx.client(), `/api/public/register?keyword=${encodeURIComponent(short)}`, 'institutions');
    expect((found.body as TRegisterPage).total).toBeGreaterThanOrEqual(48);
    expectNoSeqScan(found.plans, 'institutions');
    expect(found.plans.map((p) => p.plan).join('\n')).toContain('institutions_name_trgm_idx');
  });
});
