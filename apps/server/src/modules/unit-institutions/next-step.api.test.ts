import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { institutionNextStep, type TApplicationDetail, type TInstitutionListItem } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { attachAllMaterials, completeDraft, requestKey, submitEstablishment } from '../../test/submissions';
import { createOtherUnitAgent } from '../../test/people';

let ctx: TestContext;
let agent: TestClient;
let legal: TestClient;
let reviewer: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  agent = ctx.client();
  await agent.login('demo_agent');
  legal = ctx.client();
  await legal.login('demo_legal');
  reviewer = ctx.client();
  await reviewer.login('demo_reviewer');
});
afterAll(() => ctx?.close());

const draftOf = (name: string) => {
  const d = completeDraft();
  return { ...d, basic: { ...d.basic, name } };
};

/** 主页's rows with their 下一步, as the home table asks for them. */
async function homeRows(client: TestClient, name: string): Promise<TInstitutionListItem[]> {
  const res = await client.get(`/api/institutions?nextStep=1&pageSize=100&name=${encodeURIComponent(name)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

/** What 提交 reports for the application now: the count 下一步 must show. */
async function submitProblems(id: string): Promise<number> {
  const app = (await agent.get(`/api/applications/${id}`)).json() as TApplicationDetail;
  const res = await agent.post(`/api/applications/${id}/submit`, { version: app.version, department: '220000', requestKey: requestKey() });
  expect(res.statusCode).toBe(400);
  return res.json().details.problems.length;
}

describe('主页 下一步 (GET /api/institutions?nextStep=1)', () => {
  it('counts what 提交 would still report for a draft, the same number 提交 gives, and falls as materials arrive', async () => {
    const created = (await agent.post('/api/applications/establishments', draftOf('吉林省下一步甲人才服务有限公司'))).json() as TApplicationDetail;
    const [before] = await homeRows(agent, '下一步甲');
    const expected = await submitProblems(created.id);
    expect(expected).toBeGreaterThan(0);
    expect(before!.openProblems).toBe(expected);
    expect(institutionNextStep(before!)).toMatchObject({ tone: 'todo', text: `待提交：还有${expected}处需完善`, page: 'establishment', applicationId: created.id });

    await attachAllMaterials(ctx, created.id);
    const [after] = await homeRows(agent, '下一步甲');
    expect(after!.openProblems).toBe(0);
    expect(institutionNextStep(after!).text).toBe('待提交：已可提交');
    // the legal person sees the same count
    expect((await homeRows(legal, '下一步甲'))[0]!.openProblems).toBe(0);
  });

  it('asks nothing without nextStep=1, and nothing of a submitted or decided application', async () => {
    expect((await agent.get(`/api/institutions?name=${encodeURIComponent('下一步甲')}`)).json().items[0].openProblems).toBeNull();
    const submitted = await submitEstablishment(ctx, agent, { draft: draftOf('吉林省下一步乙人才服务有限公司') });
    const [waiting] = await homeRows(agent, '下一步乙');
    expect(waiting!.openProblems).toBeNull();
    expect(institutionNextStep(waiting!)).toMatchObject({ tone: 'wait', page: 'establishment', applicationId: submitted.id });

    const opened = (await reviewer.post(`/api/reviews/${submitted.id}/acceptance`, { decision: '受理' })).json();
    const rejected = await reviewer.post(`/api/reviews/${submitted.id}/decision`, { version: opened.version, decision: '审核不通过', opinion: '请补充材料' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const [back] = await homeRows(agent, '下一步乙');
    expect(back!.reviewStatus).toBe('审核不通过');
    // a rejected one is editable again: its count is what 提交 reports now (nothing missing here)
    expect(back!.openProblems).toBe(0);
    expect(institutionNextStep(back!)).toMatchObject({ tone: 'todo', text: '审核不通过：请阅读审核意见，修改后重新提交' });
  });

  it("refuses another value, and gives another unit's agent none of these rows", async () => {
    const bad = await agent.get('/api/institutions?nextStep=yes');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('nextStep');
    const other = ctx.client();
    await other.login((await createOtherUnitAgent(ctx)).account);
    expect(await homeRows(other, '下一步')).toEqual([]);
  });
});
