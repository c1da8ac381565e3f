import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CREDIT_FIELDS,
  CREDIT_FIELD_KEYS,
  CREDIT_QUESTION_KEYS,
  DEFAULT_CREDIT_CRITERIA,
  creditTitle,
  type TApplicationView,
  type TCreditAnswers,
  type TCreditCheck,
  type TCreditFieldKey,
  type TCreditListItem,
  type TCreditReviewData,
  type TCreditView,
  type TPage,
  type TRegisterDetail,
  type TRegisterPage,
  type TReviewDetail,
  type TReviewInboxItem,
} from '@jhrm/contracts';
import { queryRows } from '../../db/client';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createDemoApplication } from '../../test/fixtures';
import { multipart, SAMPLE } from '../../test/multipart';
import { createOtherUnitAgent, createReviewer } from '../../test/people';
import { approvedInstitution, requestKey } from '../../test/submissions';

let ctx: TestContext;
let agent: TestClient;
let reviewer: TestClient;
let admin: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  agent = ctx.client();
  await agent.login('demo_agent');
  reviewer = ctx.client();
  await reviewer.login('demo_reviewer');
  admin = ctx.client();
  await admin.login('demo_admin');
});
afterAll(() => ctx?.close());

const YEAR = 2026; // the test clock's year (Beijing)

/** Answers that meet every criterion (the guide's form filled in completely). */
function completeAnswers(): TCreditAnswers {
  const a: TCreditAnswers = {};
  for (const k of CREDIT_FIELD_KEYS) {
    const f = CREDIT_FIELDS[k];
    a[k] =
      f.input === 'yesNo'
        ? f.expected!
        : f.input === 'percent'
          ? 98.5
          : f.input === 'count'
            ? 1200
            : f.input === 'amount' || f.input === 'signedAmount'
              ? 35.5
              : f.input === 'multi'
                ? [f.options![0], f.options![3]]
                : `${f.label}：示例内容`;
  }
  return a;
}

const create = (c: TestClient, institutionId: string, answers: TCreditAnswers = {}) => c.post('/api/applications', { type: '诚信示范', content: { institutionId, answers } });
const save = (id: string, version: number, institutionId: string, answers: TCreditAnswers) =>
  agent.request('PUT', `/api/applications/${id}/content`, { version, content: { institutionId, answers } });
const submit = (id: string, version: number, department = '220000') => agent.post(`/api/applications/${id}/submit`, { version, department, requestKey: requestKey() });
function upload(appId: string, slot: string) {
  const body = multipart([{ name: 'files', filename: `${slot}.pdf`, content: SAMPLE.pdf, type: 'application/pdf' }]);
  return agent.request('POST', `/api/applications/${appId}/materials/${encodeURIComponent(slot)}`, body.payload, { 'content-type': body.contentType });
}
const auditOf = (action: string, id: string) => queryRows(ctx.database.db, sql`SELECT id FROM audit_log WHERE action = ${action} AND target_id = ${id}`);
const setCriteria = (value: unknown) => admin.request('PUT', `/api/admin/settings/${encodeURIComponent('credit.criteria')}`, { value });

/** A complete 诚信示范 with its required material, submitted (to 220000 unless said) and opened by `by`. */
async function submitted(institutionId: string, answers = completeAnswers(), department = '220000') {
  const draft = (await create(agent, institutionId, answers)).json() as TApplicationView;
  expect((await upload(draft.id, '诚信示范机构申报材料')).statusCode).toBe(200);
  const res = await submit(draft.id, draft.version, department);
  expect(res.statusCode, res.body).toBe(200);
  return draft.id;
}

describe('人力资源诚信示范机构新增 (guide 3.2/3.3)', () => {
  it('pre-fills 机构基本信息 from the record in force, saves the answers and asks for every required field and the material at 提交', async () => {
    const { institutionId, licence } = await approvedInstitution(ctx, agent, reviewer, '吉林省诚信预填测试人力资源有限公司');
    const created = await create(agent, institutionId);
    expect(created.statusCode, created.body).toBe(200);
    const draft = created.json() as TApplicationView & { content: TCreditView };
    expect(draft).toMatchObject({ type: '诚信示范', status: '待提交', editable: true, institutionId });
    expect(draft.content).toMatchObject({
      year: YEAR,
      recordDepartment: '220000',
      awardedOn: null,
      facts: { name: '吉林省诚信预填测试人力资源有限公司', category: '民营性质的服务企业', foundedOn: '2020-05-01', licenceNumber: licence.number, uscc: '92220102MA15438D0X' },
      answers: {},
    });
    expect(await auditOf('application.created', draft.id)).toHaveLength(1);

    // 提交 of the empty form: every required field of the catalogue, by section, and the required slot
    const empty = await submit(draft.id, draft.version);
    expect(empty.statusCode).toBe(400);
    const problems = empty.json().details.problems as { tab: string; path: string; message: string }[];
    const required = CREDIT_FIELD_KEYS.filter((k) => CREDIT_FIELDS[k].required);
    expect(problems.filter((p) => p.tab !== 'materials').map((p) => p.path)).toEqual(required.map((k) => `answers.${k}`));
    expect(problems).toContainEqual({ tab: 'credit', path: 'answers.badCreditRecord', message: '请选择是否有不良信用记录' });
    expect(problems).toContainEqual({ tab: 'credit', path: 'answers.socialInsuranceRate', message: '请填写社会保险参保率' });
    expect(problems).toContainEqual({ tab: 'materials', path: 'materials.诚信示范机构申报材料', message: '请上传材料：诚信示范机构申报材料' });

    // 保存 a partial form, then all of it
    const partial = await save(draft.id, draft.version, institutionId, { badCreditRecord: '否', socialInsuranceRate: 96 });
    expect(partial.statusCode, partial.body).toBe(200);
    const v2 = partial.json() as TApplicationView & { content: TCreditView };
    expect(v2.content.answers).toEqual({ badCreditRecord: '否', socialInsuranceRate: 96 });
    const full = await save(draft.id, v2.version, institutionId, completeAnswers());
    expect(full.statusCode, full.body).toBe(200);
    const v3 = full.json() as TApplicationView & { content: TCreditView };
    expect(v3.content.answers).toEqual(completeAnswers());
    // the institution cannot be swapped
    const other = await approvedInstitution(ctx, agent, reviewer, '吉林省诚信另一测试人力资源有限公司');
    const swapped = await save(draft.id, v3.version, other.institutionId, {});
    expect(swapped.statusCode).toBe(400);
    expect(swapped.json().message).toContain('机构不能更改');

    // 提交 then lacks only the material
    const noMaterial = await submit(draft.id, v3.version);
    expect(noMaterial.statusCode).toBe(400);
    expect(noMaterial.json().details.problems).toEqual([{ tab: 'materials', path: 'materials.诚信示范机构申报材料', message: '请上传材料：诚信示范机构申报材料' }]);
    expect((await upload(draft.id, '诚信示范机构申报材料')).statusCode).toBe(200);
    const done = await submit(draft.id, v3.version);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: '待审核', editable: false });
    // frozen: no 保存 after 提交
    expect((await save(draft.id, (done.json() as TApplicationView).version, institutionId, {})).statusCode).toBe(409);
  });

  // one bad value per field, by its input: each refused with a 400 naming the field
  const bad: Record<string, unknown[]> = {
    yesNo: ['可能', 1, true],
    percent: [-0.5, 100.01, '90', 12.345],
    amount: [-1, 'abc'],
    signedAmount: ['abc', 1e11],
    count: [1.5, -3, '10'],
    text: [12, 'x'.repeat(51)],
    textarea: ['x'.repeat(2001)],
    multi: [['不存在的服务'], '现场招聘会'],
  };
  it.each(CREDIT_FIELD_KEYS.map((k) => [k, CREDIT_FIELDS[k].label] as const))('refuses a bad value of %s (%s) with a 400 naming it', async (key) => {
    const f = CREDIT_FIELDS[key as TCreditFieldKey];
    const values = f.input === 'textarea' ? ['x'.repeat((f.maxLength ?? 0) + 1)] : bad[f.input]!;
    for (const v of values) {
      const res = await create(agent, '00000000-0000-4000-8000-000000000000', { [key]: v });
      expect(res.statusCode, `${key}=${JSON.stringify(v)}`).toBe(400);
      expect(res.json().fieldErrors.some((e: { path: string }) => e.path === `answers.${key}` || e.path.startsWith(`answers.${key}.`))).toBe(true);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('takes the edges of a percentage and refuses an unknown field', async () => {
    const { institutionId } = await approvedInstitution(ctx, agent, reviewer, '吉林省诚信边界测试人力资源有限公司');
    const ok = await create(agent, institutionId, { socialInsuranceRate: 0, labourContractRate: 100, successRate: 66.67 });
    expect(ok.statusCode, ok.body).toBe(200);
    const draft = ok.json() as TApplicationView;
    const unknown = await save(draft.id, draft.version, institutionId, { notAField: '是' } as TCreditAnswers);
    expect(unknown.statusCode).toBe(400);
  });

  it('is only for the unit own institutions in force: another unit gets 404, an institution not yet approved a 409', async () => {
    const { institutionId } = await approvedInstitution(ctx, agent, reviewer, '吉林省诚信租户测试人力资源有限公司');
    const pending = await createDemoApplication(ctx, '待审核');
    const notYet = await create(agent, pending.institution.id);
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().message).toContain('只有审核通过的机构才能申请诚信示范机构');

    const { account } = await createOtherUnitAgent(ctx, 'credit_other_agent');
    const other = ctx.client();
    await other.login(account);
    expect((await create(other, institutionId)).statusCode).toBe(404);
    const mine = (await create(agent, institutionId)).json() as TApplicationView;
    expect((await other.get(`/api/applications/${mine.id}`)).statusCode).toBe(404);
    expect((await other.request('PUT', `/api/applications/${mine.id}/content`, { version: mine.version, content: { institutionId, answers: {} } })).statusCode).toBe(404);
    expect((await other.post(`/api/applications/${mine.id}/submit`, { version: mine.version, department: '220000', requestKey: requestKey() })).statusCode).toBe(404);
    const list = (await other.get('/api/credit')).json() as TPage<TCreditListItem>;
    expect(list.items).toEqual([]);
    const choices = (await other.get('/api/credit/institutions')).json() as { items: { id: string }[] };
    expect(choices.items.map((i) => i.id)).not.toContain(institutionId);
    // the unit's own list offers it, with this year's application
    const own = (await agent.get('/api/credit/institutions')).json() as { year: number; items: { id: string; applicationId: string | null }[] };
    expect(own.year).toBe(YEAR);
    expect(own.items.find((i) => i.id === institutionId)).toMatchObject({ applicationId: mine.id });
    expect(own.items.map((i) => i.id)).not.toContain(pending.institution.id);
  });

  it('lets one application per institution and year exist, also under parallel creates, and keeps it after approval', async () => {
    const { institutionId } = await approvedInstitution(ctx, agent, reviewer, '吉林省诚信并发测试人力资源有限公司');
    const answers = await Promise.all(Array.from({ length: 8 }, () => create(agent, institutionId)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    for (const refused of answers.filter((a) => a.statusCode === 409)) expect(refused.json().message).toContain('每个机构每年只能申请一次');
    const [{ n }] = (await queryRows<{ n: number }>(ctx.database.db, sql`SELECT count(*)::int AS n FROM application_credit WHERE institution_id = ${institutionId}`)) as [{ n: number }];
    expect(n).toBe(1);
    const again = await create(agent, institutionId);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain(`${YEAR}年度已有一份“待提交”的诚信示范机构申请`);
  });
});

describe('reviewing a 诚信示范 in the workbench', () => {
  it('is seen only by reviewers of the department it went to', async () => {
    const { institutionId } = await approvedInstitution(ctx, agent, reviewer, '吉林省诚信部门测试人力资源有限公司');
    const id = await submitted(institutionId, completeAnswers(), '220100');
    const { account } = await createReviewer(ctx, '220200', 'credit_reviewer_220200');
    const elsewhere = ctx.client();
    await elsewhere.login(account);
    expect((await elsewhere.get(`/api/reviews/${id}`)).statusCode).toBe(404);
    const inbox = (await elsewhere.get(`/api/reviews?type=${encodeURIComponent('诚信示范')}`)).json() as TPage<TReviewInboxItem>;
    expect(inbox.items.map((i) => i.id)).not.toContain(id);
    const { account: ccAccount } = await createReviewer(ctx, '220100', 'credit_reviewer_220100');
    const changchun = ctx.client();
    await changchun.login(ccAccount);
    const theirs = (await changchun.get(`/api/reviews?type=${encodeURIComponent('诚信示范')}`)).json() as TPage<TReviewInboxItem>;
    expect(theirs.items.map((i) => [i.id, i.type])).toContainEqual([id, '诚信示范']);
    expect((await changchun.get(`/api/reviews/${id}`)).statusCode).toBe(200);
  });

  it('flags each answer that fails a criterion, under the thresholds the administrator sets', async () => {
    const { institutionId } = await approvedInstitution(ctx, agent, reviewer, '吉林省诚信标准测试人力资源有限公司');
    const id = await submitted(institutionId, { ...completeAnswers(), badCreditRecord: '是', hasLedgers: '否', socialInsuranceRate: 85, successRate: 60 });
    const checksOf = async () => {
      const d = (await reviewer.get(`/api/reviews/${id}`)).json() as TReviewDetail;
      expect(d.content.contentType).toBe('credit');
      return ((d.content as { data: TCreditReviewData }).data.checks as TCreditCheck[]);
    };
    const failed = (checks: TCreditCheck[]) => checks.filter((c) => c.failed).map((c) => c.key);

    const first = await checksOf();
    // every default criterion is listed, in the form's order
    expect(first.map((c) => c.key)).toEqual(CREDIT_FIELD_KEYS.filter((k) => DEFAULT_CREDIT_CRITERIA.questions.includes(k) || ['socialInsuranceRate', 'labourContractRate', 'successRate'].includes(k)));
    expect(failed(first)).toEqual(['hasLedgers', 'badCreditRecord', 'socialInsuranceRate']);
    expect(first.find((c) => c.key === 'badCreditRecord')).toMatchObject({ label: '是否有不良信用记录', answer: '是', expected: '否', failed: true });
    expect(first.find((c) => c.key === 'socialInsuranceRate')).toMatchObject({ answer: 85, expected: '≥ 90%', failed: true });
    // 60 meets a minimum of 60
    expect(first.find((c) => c.key === 'successRate')).toMatchObject({ answer: 60, failed: false });

    // the administrator lowers a threshold, raises another and drops a question
    const changed = await setCriteria({
      minRates: { socialInsuranceRate: 80, labourContractRate: 95, successRate: 70 },
      questions: DEFAULT_CREDIT_CRITERIA.questions.filter((k) => k !== 'hasLedgers'),
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const second = await checksOf();
    expect(second.map((c) => c.key)).not.toContain('hasLedgers');
    expect(failed(second)).toEqual(['badCreditRecord', 'successRate']);
    expect(second.find((c) => c.key === 'socialInsuranceRate')).toMatchObject({ expected: '≥ 80%', failed: false });

    // a threshold outside 0–100 or an unknown question is refused in Chinese
    const tooHigh = await setCriteria({ minRates: { socialInsuranceRate: 120, labourContractRate: 95, successRate: 70 }, questions: [] });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().message).toBe('社会保险参保率的最低值应在0到100之间');
    expect((await setCriteria({ minRates: DEFAULT_CREDIT_CRITERIA.minRates, questions: ['noSuchQuestion'] })).statusCode).toBe(400);
    expect(CREDIT_QUESTION_KEYS.length).toBeGreaterThan(DEFAULT_CREDIT_CRITERIA.questions.length);
    // back to the defaults for the other tests
    expect((await setCriteria(DEFAULT_CREDIT_CRITERIA)).statusCode).toBe(200);
  });

  it('goes 审核不通过 (with a material note) → 修改 → 提交 → 审核通过; 查询 shows each result and the register the title', async () => {
    const { institutionId } = await approvedInstitution(ctx, agent, reviewer, '吉林省诚信示范通过测试人力资源有限公司');
    const id = await submitted(institutionId);
    const opened = (await reviewer.get(`/api/reviews/${id}`)).json() as TReviewDetail;
    // a record field is not a target of this kind, an answer of its form is
    const fieldNote = await reviewer.post(`/api/reviews/${id}/decision`, { version: opened.version, decision: '审核不通过', opinion: '请补充', notes: [{ target: 'field', key: 'basic.name', message: '无' }] });
    expect(fieldNote.statusCode).toBe(400);
    const rejected = await reviewer.post(`/api/reviews/${id}/decision`, {
      version: opened.version,
      decision: '审核不通过',
      opinion: '申报材料不完整。',
      notes: [
        { target: 'material', key: '诚信示范机构申报材料', message: '请上传盖章版' },
        { target: 'field', key: 'answers.commendations', message: '请写明表彰文件' },
      ],
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(await auditOf('application.rejected', id)).toHaveLength(1);

    const listed = async () => ((await agent.get(`/api/credit?name=${encodeURIComponent('诚信示范通过测试')}`)).json() as TPage<TCreditListItem>).items;
    expect(await listed()).toMatchObject([{ id, year: YEAR, status: '审核不通过', result: '审核不通过', opinion: '申报材料不完整。', departmentName: '省人社厅审批办', editable: true }]);
    const notified = await queryRows<{ body: string }>(ctx.database.db, sql`SELECT body FROM notifications WHERE title = ${'审核不通过：吉林省诚信示范通过测试人力资源有限公司'} AND body LIKE ${'%诚信示范机构申请（第1轮）%'}`);
    expect(notified.length).toBeGreaterThan(0);

    // 修改 and resubmit
    const back = (await agent.get(`/api/applications/${id}`)).json() as TApplicationView;
    expect(back).toMatchObject({ status: '审核不通过', editable: true });
    expect(back.reviews[0]!.notes).toEqual([
      { target: 'material', key: '诚信示范机构申报材料', label: '诚信示范机构申报材料', message: '请上传盖章版' },
      { target: 'field', key: 'answers.commendations', label: '表彰情况', message: '请写明表彰文件' },
    ]);
    const fixed = await save(id, back.version, institutionId, { ...completeAnswers(), commendations: '2025年获长春市人社局表彰。' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await submit(id, (fixed.json() as TApplicationView).version)).statusCode).toBe(200);
    const round2 = (await reviewer.get(`/api/reviews/${id}`)).json() as TReviewDetail;
    expect(round2).toMatchObject({ round: 2, content: { contentType: 'credit', data: { year: YEAR, answers: { commendations: '2025年获长春市人社局表彰。' } } } });

    // not on the register before approval
    const before = (await ctx.client().get(`/api/public/register/${institutionId}`)).json() as TRegisterDetail;
    expect(before.creditYears).toEqual([]);

    const approved = await reviewer.post(`/api/reviews/${id}/decision`, { version: round2.version, decision: '审核通过' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: '审核通过', licence: null });
    expect(await auditOf('application.approved', id)).toHaveLength(1);
    expect(await listed()).toMatchObject([{ id, status: '审核通过', result: '审核通过', awardedOn: '2026-11-26', editable: false }]);
    const messages = await queryRows<{ body: string }>(ctx.database.db, sql`SELECT body FROM notifications WHERE title = ${'审核通过：吉林省诚信示范通过测试人力资源有限公司'} AND body LIKE ${'%诚信示范机构申请（第2轮）%'}`);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m.body).toContain(`已列为${creditTitle(YEAR)}`);

    // the public register: the list and the detail carry the title's year
    const pub = ctx.client();
    const page = (await pub.get(`/api/public/register?keyword=${encodeURIComponent('诚信示范通过测试')}`)).json() as TRegisterPage;
    expect(page.items.map((i) => [i.id, i.creditYears])).toEqual([[institutionId, [YEAR]]]);
    const detail = (await pub.get(`/api/public/register/${institutionId}`)).json() as TRegisterDetail;
    expect(detail.creditYears).toEqual([YEAR]);
    // the register's change history stays the institution's own kinds
    expect(detail.changes.map((c) => c.type)).toEqual(['设立']);
    // other institutions carry no title
    const others = (await pub.get(`/api/public/register?keyword=${encodeURIComponent('诚信标准测试')}`)).json() as TRegisterPage;
    expect(others.items.every((i) => i.creditYears.length === 0)).toBe(true);
  });

  it('filters 查询 by year, state and name and pages it', async () => {
    const all = (await agent.get('/api/credit?pageSize=2')).json() as TPage<TCreditListItem>;
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThan(2);
    const approved = (await agent.get(`/api/credit?status=${encodeURIComponent('审核通过')}&year=${YEAR}`)).json() as TPage<TCreditListItem>;
    expect(approved.items.length).toBeGreaterThan(0);
    expect(approved.items.every((i) => i.status === '审核通过' && i.year === YEAR)).toBe(true);
    expect(((await agent.get('/api/credit?year=2001')).json() as TPage<TCreditListItem>).total).toBe(0);
    const badYear = await agent.get('/api/credit?year=abc');
    expect(badYear.statusCode).toBe(400);
    expect((await reviewer.get('/api/credit')).statusCode).toBe(403);
  });
});
