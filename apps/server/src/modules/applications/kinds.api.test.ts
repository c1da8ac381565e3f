import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppErrorCode, decisionDueOn, type KindDeclaration, type TApplicationView, type TPage, type TReviewDetail, type TReviewInboxItem } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { queryRows } from '../../db/client';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createDemoApplication } from '../../test/fixtures';
import { requestKey } from '../../test/submissions';
import { actorUnitId } from '../accounts/actor';
import { auditLog } from '../audit/audit.table';
import { institutions } from '../institutions/institutions.table';
import { registerKind, type KindAdapter } from './kinds';

/**
 * A kind declared and adapted here only, to prove the engine serves a kind it was never edited
 * for: a short 测试申报 about one of the unit's institutions, stored in a table this test creates.
 */
const TEST_KIND: KindDeclaration = {
  name: '测试申报',
  contentType: 'note',
  sections: [],
  materialSlots: [{ name: '测试附件', required: false }],
  video: 'none',
  decisionLimitDays: 10,
  notice: { subject: '测试机构', what: '测试申报' },
  reviewTargets: { recordFields: false, materials: true },
};

const ZNote = z.object({
  institutionId: z.uuid('请选择机构'),
  title: z.string().trim().min(1, '请填写标题').max(50, '标题不能超过50个字'),
  body: z.string().trim().max(500, '正文不能超过500个字').default(''),
});
type Note = z.infer<typeof ZNote>;
type NoteSnapshot = { title: string; body: string };

const noteOf = async (db: Parameters<KindAdapter['read']>[0], applicationId: string) =>
  (await queryRows<NoteSnapshot & { last_state: string | null }>(db, sql`SELECT title, body, last_state FROM test_notes WHERE application_id = ${applicationId}`))[0]!;

const testKind: KindAdapter<Note, NoteSnapshot> = {
  declaration: TEST_KIND,
  content: ZNote,
  async create({ tx, actor }, note) {
    const [inst] = await tx
      .select({ id: institutions.id })
      .from(institutions)
      .where(and(eq(institutions.id, note.institutionId), eq(institutions.unitId, actorUnitId(actor))));
    if (!inst) throw new AppError(AppErrorCode.VALIDATION, '请选择本单位的机构', [{ path: 'institutionId', message: '请选择本单位的机构' }]);
    return {
      institutionId: inst.id,
      attach: async (app) => {
        await tx.execute(sql`INSERT INTO test_notes (application_id, title, body) VALUES (${app.id}, ${note.title}, ${note.body})`);
      },
    };
  },
  async save({ tx }, app, note) {
    await tx.execute(sql`UPDATE test_notes SET title = ${note.title}, body = ${note.body} WHERE application_id = ${app.id}`);
  },
  async clear({ tx }, app) {
    await tx.execute(sql`UPDATE test_notes SET body = '' WHERE application_id = ${app.id}`);
  },
  async read(db, _deps, app) {
    const { title, body } = await noteOf(db, app.id);
    return { content: { title, body } };
  },
  async submission({ tx }, app) {
    const { title, body } = await noteOf(tx, app.id);
    return { problems: body ? [] : [{ tab: 'note', path: 'body', message: '请填写正文' }], snapshot: { title, body } };
  },
  openSnapshot: (_deps, raw) => raw as NoteSnapshot,
  async review(db, _deps, app, snapshot) {
    return { content: { contentType: 'note', data: snapshot ?? (await noteOf(db, app.id)) } };
  },
  subjectName: (s) => s.title,
  async approve({ tx }, app) {
    await tx.execute(sql`UPDATE test_notes SET approved = true WHERE application_id = ${app.id}`);
    return { notice: '测试申报已登记。', audit: { noted: true } };
  },
  afterTransition: (tx, _deps, app, t) => tx.execute(sql`UPDATE test_notes SET last_state = ${t.to} WHERE application_id = ${app.id}`),
};

/** The same kind, exclusive: one open application per institution (as 变更 and 注销 are). */
const exclusiveKind: KindAdapter<Note, NoteSnapshot> = { ...testKind, declaration: { ...TEST_KIND, name: '测试独占申报', exclusive: true } };

let ctx: TestContext;
let agent: TestClient;
let reviewer: TestClient;
let institutionId: string;
/** the test's kinds leave with the file: later files in this worker share the registry */
const unregister: (() => void)[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  // the kind's own storage, keyed by the application like application_records
  await ctx.database.db.execute(
    sql.raw(`CREATE TABLE test_notes (
      application_id uuid PRIMARY KEY REFERENCES applications(id),
      title text NOT NULL, body text NOT NULL, approved boolean NOT NULL DEFAULT false, last_state text)`),
  );
  unregister.push(registerKind(testKind), registerKind(exclusiveKind));
  institutionId = (await createDemoApplication(ctx, '审核通过')).institution.id;
  agent = ctx.client();
  await agent.login('demo_agent');
  reviewer = ctx.client();
  await reviewer.login('demo_reviewer');
});
afterAll(async () => {
  for (const undo of unregister) undo();
  await ctx?.close();
});

const put = (c: TestClient, url: string, body: unknown) => c.request('PUT', url, body);
const auditOf = (action: string, targetId: string) => ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)));

describe('a kind registered at runtime (测试申报), through the real API', () => {
  it('goes 保存 → 提交 → 受理 → 审核不通过 → 重新提交 → 审核通过 with no engine change', async () => {
    // 保存 (new)
    const created = await agent.post('/api/applications', { type: '测试申报', content: { institutionId, title: '第一季度测试申报' } });
    expect(created.statusCode, created.body).toBe(200);
    const draft = created.json() as TApplicationView;
    expect(draft).toMatchObject({ type: '测试申报', status: '待提交', institutionId, editable: true, content: { title: '第一季度测试申报', body: '' } });
    expect(await auditOf('application.created', draft.id)).toHaveLength(1);

    // 提交 refused: the kind's own rule
    const early = await agent.post(`/api/applications/${draft.id}/submit`, { version: draft.version, department: '220000', requestKey: requestKey() });
    expect(early.statusCode).toBe(400);
    expect(early.json().details.problems).toEqual([{ tab: 'note', path: 'body', message: '请填写正文' }]);

    // 保存
    const saved = await put(agent, `/api/applications/${draft.id}/content`, { version: draft.version, content: { institutionId, title: '第一季度测试申报', body: '本季度无变化。' } });
    expect(saved.statusCode, saved.body).toBe(200);
    const v2 = saved.json() as TApplicationView;
    expect(v2).toMatchObject({ version: draft.version + 1, content: { body: '本季度无变化。' } });

    // 提交: the header's deadline follows the kind's limit (10 working days)
    const submitted = await agent.post(`/api/applications/${draft.id}/submit`, { version: v2.version, department: '220000', requestKey: requestKey() });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: '待审核', dueOn: decisionDueOn(await ctx.deps.calendar.get(), ctx.clock(), 10) });
    expect((await noteOf(ctx.database.db, draft.id)).last_state).toBe('待审核');

    // the reviewer's 待审核 inbox lists it, and filters by the kind
    const inbox = (await reviewer.get(`/api/reviews?type=${encodeURIComponent('测试申报')}`)).json() as TPage<TReviewInboxItem>;
    expect(inbox.items.map((i) => [i.id, i.type, i.status])).toEqual([[draft.id, '测试申报', '待审核']]);

    // opening only reads; a kind without the acceptance step is decided directly (decision 0034)
    const opened = await reviewer.get(`/api/reviews/${draft.id}`);
    expect(opened.statusCode, opened.body).toBe(200);
    const detail = opened.json() as TReviewDetail;
    expect(detail).toMatchObject({ type: '测试申报', round: 1, content: { contentType: 'note', data: { title: '第一季度测试申报', body: '本季度无变化。' } } });
    expect(detail).toMatchObject({ acceptedAt: null, acceptance: false, actions: ['审核通过', '审核不通过'] });
    expect(detail.materials.slots.map((s) => s.name)).toEqual(['测试附件']);
    expect(await auditOf('application.accepted', draft.id)).toHaveLength(0);
    // 受理 is not this kind's step
    const notHere = await reviewer.post(`/api/reviews/${draft.id}/acceptance`, { decision: '受理' });
    expect(notHere.statusCode).toBe(409);
    expect(notHere.json().message).toBe('测试申报申请无需受理，请直接作出审核结论');

    // a note may name its material slot, not a record field it does not have
    const fieldNote = await reviewer.post(`/api/reviews/${draft.id}/decision`, {
      version: detail.version,
      decision: '审核不通过',
      opinion: '请补充说明。',
      notes: [{ target: 'field', key: 'basic.name', message: '无此字段' }],
    });
    expect(fieldNote.statusCode).toBe(400);

    // 审核不通过 with a note
    const rejected = await reviewer.post(`/api/reviews/${draft.id}/decision`, {
      version: detail.version,
      decision: '审核不通过',
      opinion: '请补充说明。',
      notes: [{ target: 'material', key: '测试附件', message: '请上传附件' }],
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: '审核不通过' });
    const back = (await agent.get(`/api/applications/${draft.id}`)).json() as TApplicationView;
    expect(back).toMatchObject({ status: '审核不通过', editable: true, actions: ['提交'] });
    expect(back.reviews[0]).toMatchObject({ decision: '审核不通过', opinion: '请补充说明。', notes: [{ target: 'material', key: '测试附件', label: '测试附件', message: '请上传附件' }] });

    // resubmit (round 2) after 保存
    const fixed = await put(agent, `/api/applications/${draft.id}/content`, { version: back.version, content: { institutionId, title: '第一季度测试申报', body: '本季度无变化，已补充说明。' } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const again = await agent.post(`/api/applications/${draft.id}/submit`, { version: (fixed.json() as TApplicationView).version, department: '220000', requestKey: requestKey() });
    expect(again.statusCode, again.body).toBe(200);
    const round2 = (await reviewer.get(`/api/reviews/${draft.id}`)).json() as TReviewDetail;
    expect(round2).toMatchObject({ round: 2, content: { data: { body: '本季度无变化，已补充说明。' } } });

    // 审核通过: the kind's approval runs, the unit is told in the kind's words
    const approved = await reviewer.post(`/api/reviews/${draft.id}/decision`, { version: round2.version, decision: '审核通过' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: '审核通过', licence: null });
    const stored = await queryRows<{ approved: boolean; last_state: string }>(ctx.database.db, sql`SELECT approved, last_state FROM test_notes WHERE application_id = ${draft.id}`);
    expect(stored).toEqual([{ approved: true, last_state: '审核通过' }]);
    const [approval] = await auditOf('application.approved', draft.id);
    expect(approval!.detail).toMatchObject({ round: 2, noted: true });
    // read as SQL: the notifications module sits above the engine
    const messages = await queryRows<{ body: string }>(ctx.database.db, sql`SELECT body FROM notifications WHERE title = ${'审核通过：第一季度测试申报'}`);
    // one message per user of the unit (法人 and 经办人)
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m.body).toContain('的测试申报（第2轮）作出审核结论：审核通过。测试申报已登记。');
  });

  it('refuses an undeclared kind and content its adapter does not accept, with a 400', async () => {
    const unknown = await agent.post('/api/applications', { type: '不存在的类型', content: {} });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toBe('申请类型不存在');
    const bad = await agent.post('/api/applications', { type: '测试申报', content: { institutionId, title: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fieldErrors).toEqual([{ path: 'title', message: '请填写标题' }]);
    const reviewerCannot = await reviewer.post('/api/applications', { type: '测试申报', content: { institutionId, title: '标题' } });
    expect(reviewerCannot.statusCode).toBe(403);
  });

  it('lets one application of an exclusive kind be open per institution, also under parallel creates, until it is approved', async () => {
    const create = () => agent.post('/api/applications', { type: '测试独占申报', content: { institutionId, title: '独占申报', body: '正文' } });
    const answers = await Promise.all(Array.from({ length: 8 }, create));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const refused = answers.find((a) => a.statusCode === 409)!.json();
    expect(refused.message).toContain('该机构已有一份“待提交”的测试独占申报申请');
    const open = answers.find((a) => a.statusCode === 200)!.json() as TApplicationView;
    expect(await auditOf('application.created', open.id)).toHaveLength(1);

    // still open while submitted; free again once approved
    const submitted = await agent.post(`/api/applications/${open.id}/submit`, { version: open.version, department: '220000', requestKey: requestKey() });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await create()).statusCode).toBe(409);
    const review = (await reviewer.get(`/api/reviews/${open.id}`)).json() as TReviewDetail;
    expect((await reviewer.post(`/api/reviews/${open.id}/decision`, { version: review.version, decision: '审核通过' })).statusCode).toBe(200);
    expect((await create()).statusCode).toBe(200);
  });
});
