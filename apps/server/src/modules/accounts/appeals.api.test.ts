import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, solveCaptcha, type TestClient, type TestContext } from '../../test/harness';
import { SAMPLE, multipart, type Part } from '../../test/multipart';

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
