import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, solveCaptcha, type TestClient, type TestContext } from '../../test/harness';
import { SAMPLE, multipart, type Part } from '../../test/multipart';
import { DEMO_PASSWORD } from '../../seed/demo';
import { auditLog } from '../audit/audit.table';
import { appeals, users } from './accounts.table';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const PDF = SAMPLE.pdf;
const PNG = SAMPLE.png;
const HTML = SAMPLE.html;

async function fileAppeal(c: TestClient, fields: Record<string, string>, files: Part[] = []) {
  const captcha = await solveCaptcha(ctx, c);
  const body = multipart([...Object.entries({ ...fields, ...captcha }).map(([name, value]) => ({ name, value })), ...files]);
  return c.request('POST', '/api/appeals', body.payload, { 'content-type': body.contentType });
}

const valid = { account: 'lost_account', uscc: '92220102MA15438D0X', contact: '王联系', phone: '13700137000', description: '法人账号被他人注册，无法登录，请协助核实处理。' };

describe('账号申诉', () => {
  it('files an appeal with PDF and PNG attachments; the admin lists it, downloads a file and answers by SMS', async () => {
    const c = ctx.client();
    const res = await fileAppeal(c, valid, [
      { name: 'files', filename: '营业执照.pdf', content: PDF, type: 'application/pdf' },
      { name: 'files', filename: '身份证.png', content: PNG, type: 'image/png' },
    ]);
    expect(res.statusCode, res.body).toBe(200);

    const admin = ctx.client();
    await admin.login('demo_admin');
    const list = (await admin.get('/api/admin/appeals?status=待处理')).json();
    expect(list.total).toBe(1);
    const appeal = list.items[0];
    expect(appeal).toMatchObject({ account: 'lost_account', uscc: '92220102MA15438D0X', phone: '137****7000', status: '待处理' });
    expect(appeal.attachments.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['营业执照.pdf', '身份证.png']));

    const pdf = appeal.attachments.find((a: { name: string }) => a.name === '营业执照.pdf');
    const dl = await admin.get(`/api/admin/appeals/${appeal.id}/files/${pdf.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('营业执照.pdf')}`);

    expect((await admin.post(`/api/admin/appeals/${appeal.id}/handle`, { reply: '已核实，已为您重置账号，请重新注册。' })).statusCode).toBe(200);
    const sms = ctx.deps.outbox!.read().sms.find((m) => m.phone === '13700137000');
    expect(sms?.text).toContain('已核实，已为您重置账号');
    expect((await admin.get('/api/admin/appeals?status=已处理')).json().items[0].status).toBe('已处理');
    expect((await admin.post(`/api/admin/appeals/${appeal.id}/handle`, { reply: '再次处理' })).statusCode).toBe(409);
  });

  it("handles an appeal by resetting the legal person's password or changing its phone, told to the appellant by SMS, all or nothing", async () => {
    const admin = ctx.client();
    await admin.login('demo_admin');
    const demo = { ...valid, account: 'demo_legal', uscc: '91220101MA17BRUN15', phone: '13700137011' };
    const file = async (fields: Record<string, string>) => {
      expect((await fileAppeal(ctx.client(), fields)).statusCode).toBe(200);
      const items = (await admin.get('/api/admin/appeals?status=待处理')).json().items as { id: string; phone: string; legalAccount: string | null }[];
      return items.find((a) => a.phone === `${fields.phone!.slice(0, 3)}****${fields.phone!.slice(7)}`)!;
    };
    const handle = (id: string, action: string, reply = '已核实您的身份。') => admin.post(`/api/admin/appeals/${id}/handle`, { reply, action });

    // an unregistered USCC can only be answered; the appeal stays open
    const stranger = await file({ ...valid, uscc: '92220102MA15438D0X', phone: '13700137012' });
    expect(stranger.legalAccount).toBeNull();
    const refused = await handle(stranger.id, '重置法人密码');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fieldErrors).toEqual([{ path: 'action', message: '该统一社会信用代码尚未注册单位，只能回复处理意见' }]);
    expect((await ctx.database.db.select().from(appeals).where(eq(appeals.id, stranger.id)))[0]!.status).toBe('待处理');

    // the SMS gateway down: nothing is kept, the legal person's password stays
    const appeal = await file(demo);
    expect(appeal.legalAccount).toBe('demo_legal');
    const sms = ctx.deps.sms as { send: (phone: string, text: string) => Promise<void> };
    const send = sms.send;
    sms.send = async () => {
      throw new Error('gateway down');
    };
    try {
      expect((await handle(appeal.id, '重置法人密码')).statusCode).toBe(503);
    } finally {
      sms.send = send;
    }
    const legalBefore = ctx.client();
    await legalBefore.login('demo_legal', DEMO_PASSWORD);

    // two admins at once: one handles it, the other is told it is done
    const other = ctx.client();
    await other.login('demo_admin');
    const both = await Promise.all([handle(appeal.id, '重置法人密码'), other.post(`/api/admin/appeals/${appeal.id}/handle`, { reply: '已核实。', action: '重置法人密码' })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const text = ctx.deps.outbox!.read().sms.filter((m) => m.phone === demo.phone).at(-1)!.text;
    const initial = /初始密码：(\S+?)，/.exec(text)?.[1];
    expect(initial, text).toBeTruthy();
    // the old password and its sessions are gone; the new one must be changed at once
    expect((await legalBefore.get('/api/auth/me')).statusCode).toBe(401);
    expect((await ctx.client().post('/api/auth/login', { account: 'demo_legal', password: DEMO_PASSWORD })).statusCode).toBe(401);
    const me = await ctx.client().login('demo_legal', initial!);
    expect((me.user as { mustChangePassword?: boolean }).mustChangePassword).toBe(true);
    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'account.password_reset_by_appeal'));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(initial!);

    // 更换法人手机号: the legal person's phone becomes the appellant's
    const phoneAppeal = await file({ ...demo, phone: '13700137013' });
    expect((await handle(phoneAppeal.id, '更换法人手机号')).statusCode).toBe(200);
    const [legal] = await ctx.database.db.select().from(users).where(and(eq(users.account, 'demo_legal'), eq(users.role, 'legal')));
    expect(ctx.deps.pii.decrypt(legal!.phoneEnc!)).toBe('13700137013');
    expect(ctx.deps.outbox!.read().sms.find((m) => m.phone === '13700137013')?.text).toContain('手机号码已更换为本号码');
    const handled = (await admin.get('/api/admin/appeals?status=已处理')).json().items as { id: string; action: string }[];
    expect(handled.find((a) => a.id === phoneAppeal.id)?.action).toBe('更换法人手机号');
  });

  it('refuses an HTML file renamed .pdf, judging by content', async () => {
    const res = await fileAppeal(ctx.client(), valid, [{ name: 'files', filename: '伪装.pdf', content: HTML, type: 'application/pdf' }]);
    expect(res.statusCode).toBe(415);
    expect(res.json().message).toContain('伪装.pdf');
  });

  it('refuses a file over 20 MB with 413', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024 + 10)]);
    const res = await fileAppeal(ctx.client(), valid, [{ name: 'files', filename: 'big.pdf', content: big }]);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toContain('超过 20 MB');
  });

  it('lists every field problem at once and needs the captcha', async () => {
    const res = await fileAppeal(ctx.client(), { ...valid, uscc: '123', phone: '1', description: '太短' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fieldErrors.map((e: { path: string }) => e.path).sort()).toEqual(['description', 'phone', 'uscc']);
    const body = multipart(Object.entries(valid).map(([name, value]) => ({ name, value })));
    const noCaptcha = await ctx.client().request('POST', '/api/appeals', body.payload, { 'content-type': body.contentType });
    expect(noCaptcha.statusCode).toBe(400);
    expect(noCaptcha.json().fieldErrors[0].path).toBe('captcha');
  });

  it('is for admins only on the handling side', async () => {
    const agent = ctx.client();
    await agent.login('demo_agent');
    expect((await agent.get('/api/admin/appeals')).statusCode).toBe(403);
  });
});

describe('dev outbox', () => {
  it('exists outside production', async () => {
    const res = await ctx.client().get('/api/dev/outbox');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveProperty('sms');
  });

  it('does not exist in production (404)', async () => {
    const prod = await createTestContext({ config: { env: 'production', sms: { url: 'http://127.0.0.1:9/sms', token: 't' } }, demo: false });
    try {
      const res = await prod.client().get('/api/dev/outbox');
      expect(res.statusCode).toBe(404);
      expect(prod.deps.outbox).toBeNull();
    } finally {
      await prod.close();
    }
  });
});

describe('账号申诉 captcha gate', () => {
  it('refuses the files of a request whose captcha is wrong before storing them', async () => {
    const c = ctx.client();
    const content = Buffer.concat([PDF, Buffer.from('unique-bytes-for-this-test')]);
    const body = multipart([
      ...Object.entries({ ...valid, captchaId: '00000000-0000-4000-8000-000000000000', captcha: 'XXXX' }).map(([name, value]) => ({ name, value })),
      { name: 'files', filename: 'a.pdf', content },
    ]);
    const res = await c.request('POST', '/api/appeals', body.payload, { 'content-type': body.contentType });
    expect(res.statusCode).toBe(400);
    expect(res.json().fieldErrors[0].path).toBe('captcha');
    expect(await ctx.deps.blobs.size(createHash('sha256').update(content).digest('hex'))).toBeNull();
  });
});
