import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS, type TAuditAction, type TAuditEntry } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createDemoApplication } from '../../test/fixtures';
import { createInstitution, insertLicence } from '../../test/licences';

let ctx: TestContext;
let admin: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = ctx.client();
  await admin.login('demo_admin');
});
afterAll(() => ctx?.close());

async function entries(query: string): Promise<TAuditEntry[]> {
  const res = await admin.get(`/api/admin/audit${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: TAuditEntry[] }).items;
}

describe('审计日志 in Chinese: 操作 and 对象 named', () => {
  it('names an application by its institution and kind, in the one list query', async () => {
    const { application } = await createDemoApplication(ctx, '待审核');
    expect((await admin.get(`/api/applications/${application.id}`)).statusCode).toBe(200);
    const [viewed] = await entries(`?action=application.viewed&targetId=${application.id}`);
    expect(viewed).toMatchObject({
      action: 'application.viewed',
      actionName: '查看申请',
      targetType: 'application',
      targetId: application.id,
      objectName: '吉林省博润人才服务有限公司 · 设立申请',
    });
  });

  it('names an account by its login name and role, without its holder’s name', async () => {
    const res = await admin.post('/api/admin/reviewers', { account: 'rev_named', name: '郑审核', phone: '13900139011', departmentCode: '220100' });
    expect(res.statusCode, res.body).toBe(200);
    const [created] = await entries('?action=reviewer.created');
    expect(created).toMatchObject({ actionName: '新增审核人员', targetType: 'user', objectName: 'rev_named（审核人员）' });
    // the login itself names no object: nothing to resolve
    const [login] = await entries('?action=auth.login&actorAccount=demo_admin');
    expect(login).toMatchObject({ actionName: '登录', targetType: null, objectName: null });
  });

  it('names an institution, a licence, a department and a setting', async () => {
    const { institution: inst } = await createInstitution(ctx, { name: '吉林省审计对象测试机构' });
    const licence = await insertLicence(ctx, inst);
    const pdf = await admin.get(`/api/licences/${licence.id}/pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    const [downloaded] = await entries('?action=licence.downloaded');
    expect(downloaded).toMatchObject({ actionName: '下载许可证', targetType: 'licence', objectName: `${licence.number}（吉林省审计对象测试机构）` });

    await ctx.deps.audit.record(ctx.database.db, { action: 'practitioner.imported', targetType: 'institution', targetId: inst.id, detail: { rows: 2 } });
    const [imported] = await entries('?action=practitioner.imported');
    expect(imported).toMatchObject({ actionName: '批量导入从业人员', objectName: '吉林省审计对象测试机构' });

    expect((await admin.request('PUT', '/api/admin/departments/220100', { name: '长春市人社局审批办' })).statusCode).toBe(200);
    const [renamed] = await entries('?action=department.renamed');
    expect(renamed).toMatchObject({ actionName: '修改审批部门名称', targetType: 'department', targetId: '220100', objectName: '长春市人社局审批办' });

    const key = 'statistics.deadline';
    expect((await admin.request('PUT', `/api/admin/settings/${key}`, { value: '04-30' })).statusCode).toBe(200);
    const [setting] = await entries('?action=setting.updated');
    expect(setting).toMatchObject({ actionName: '修改系统设置', objectName: SETTINGS[key].label });
  });

  it('falls back to the id when the object is unknown, and to the code when the action is', async () => {
    const gone = randomUUID();
    await ctx.deps.audit.record(ctx.database.db, { action: 'application.viewed', targetType: 'application', targetId: gone });
    // ids that are no uuid never reach a uuid cast
    await ctx.deps.audit.record(ctx.database.db, { action: 'sms.code_sent', targetType: 'user', targetId: 'not-a-uuid' });
    await ctx.deps.audit.record(ctx.database.db, { action: 'legacy.thing' as TAuditAction, targetType: 'qr_login', targetId: gone });
    const page = await entries('?pageSize=5');
    expect(page.find((e) => e.action === 'application.viewed' && e.targetId === gone)).toMatchObject({ objectName: null });
    expect(page.find((e) => e.targetId === 'not-a-uuid')).toMatchObject({ actionName: '发送短信验证码', objectName: null });
    expect(page.find((e) => e.action === 'legacy.thing')).toMatchObject({ actionName: 'legacy.thing', objectName: null });
  });
});
