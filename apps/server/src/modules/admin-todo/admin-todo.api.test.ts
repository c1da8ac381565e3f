import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAdminTodo, TMyDepartment } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createReviewer } from '../../test/people';
import { appeals, users } from '../accounts/accounts.table';
import { importBatches } from '../imports/imports.table';

let ctx: TestContext;
let admin: TestClient;
const DAY = 86_400_000;

const client = async (account: string) => {
  const c = ctx.client();
  await c.login(account);
  return c;
};

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await client('demo_admin');
});
afterAll(() => ctx?.close());

const todo = async () => {
  const res = await admin.get('/api/admin/todo');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TAdminTodo;
};

const appeal = (status: '待处理' | '已处理', account: string) =>
  ctx.database.db.insert(appeals).values({
    account,
    uscc: '91220101MA17BRUN15',
    contact: '王申诉',
    phoneEnc: ctx.deps.pii.encrypt('13144440001'),
    phoneIdx: ctx.deps.pii.blindIndex('13144440001'),
    description: '忘记法人账号',
    status,
    createdAt: ctx.clock(),
  });

/** A reviewer of 长春市 whose password was set `daysAgo` days ago. */
async function reviewerChanged(account: string, daysAgo: number, status: 'active' | 'disabled' = 'active') {
  await createReviewer(ctx, '220100', account);
  await ctx.database.db.update(users).set({ passwordChangedAt: new Date(ctx.clock().getTime() - daysAgo * DAY), status }).where(eq(users.account, account));
}

describe('GET /api/admin/todo', () => {
  it('counts pending 账号申诉, names the reviewers whose password expires within 14 days and shows the last import', async () => {
    const before = await todo();
    await appeal('待处理', 'appeal_one');
    await appeal('待处理', 'appeal_two');
    await appeal('已处理', 'appeal_done');
    // the 90 days: 80 days ago expires in 10 days, 95 days ago has expired, 70 days ago is 20 days away
    await reviewerChanged('reviewer_soon', 80);
    await reviewerChanged('reviewer_expired', 95);
    await reviewerChanged('reviewer_later', 70);
    await reviewerChanged('reviewer_off', 95, 'disabled');

    const t = await todo();
    expect(t.pendingAppeals).toBe(before.pendingAppeals + 2);
    expect(t.expiringPasswords.total).toBe(before.expiringPasswords.total + 2);
    const named = t.expiringPasswords.items.filter((i) => i.account.startsWith('reviewer_'));
    // the expired first (changed longest ago)
    expect(named).toEqual([
      expect.objectContaining({ account: 'reviewer_expired', departmentName: '长春市人力资源和社会保障局', expired: true, expiresOn: '2026-11-21' }),
      expect.objectContaining({ account: 'reviewer_soon', departmentName: '长春市人力资源和社会保障局', expired: false, expiresOn: '2026-12-06' }),
    ]);
    expect(t.lastImport).toBeNull();

    const [adminUser] = await ctx.database.db.select({ id: users.id }).from(users).where(eq(users.account, 'demo_admin'));
    await ctx.database.db.insert(importBatches).values([
      { fileName: '旧机构.xlsx', format: 'xlsx', totalRows: 5, importedRows: 5, createdBy: adminUser!.id, createdAt: new Date(ctx.clock().getTime() - DAY) },
      { fileName: '存量机构.csv', format: 'csv', totalRows: 12, importedRows: 12, createdBy: adminUser!.id, createdAt: ctx.clock() },
    ]);
    expect((await todo()).lastImport).toMatchObject({ fileName: '存量机构.csv', format: 'csv', totalRows: 12, importedRows: 12, createdBy: 'demo_admin' });
  });

  it('is for administrators only', async () => {
    for (const account of ['demo_agent', 'demo_legal', 'demo_reviewer']) {
      expect((await (await client(account)).get('/api/admin/todo')).statusCode).toBe(403);
    }
  });
});

describe('GET /api/auth/department (主页 部门信息)', () => {
  const mine = async (c: TestClient) => {
    const res = await c.get('/api/auth/department');
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as TMyDepartment).department;
  };

  it("gives a reviewer its department's name, code, level and parent, and nobody else one", async () => {
    expect(await mine(await client('demo_reviewer'))).toEqual({ code: '220000', name: '省人社厅审批办', level: 'province', parentName: null, active: true });
    await createReviewer(ctx, '220100', 'reviewer_dept_city');
    expect(await mine(await client('reviewer_dept_city'))).toEqual({ code: '220100', name: '长春市人力资源和社会保障局', level: 'city', parentName: '省人社厅审批办', active: true });
    expect(await mine(await client('demo_agent'))).toBeNull();
    expect(await mine(admin)).toBeNull();
  });
});
