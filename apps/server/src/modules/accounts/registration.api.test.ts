import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '@jhrm/contracts';
import { queryRows } from '../../db/client';
import { createTestContext, smsCode, solveCaptcha, type TestContext } from '../../test/harness';
import { units, users } from './accounts.table';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

let phoneSeq = 13800000000;
const nextPhone = () => String(++phoneSeq);

const form = (over: Record<string, unknown> = {}) => ({
  account: 'legal_reg01',
  legalType: '企业法人',
  unitName: '长春市南关区测试人力资源有限公司',
  uscc: '92220102MA15438D0X',
  legalName: '张三',
  idCard: '110101197501010039',
  idValidity: '20年',
  idStart: '2015-06-01',
  phone: '13800138000',
  smsCode: '000000',
  password: 'Reg@2026abc',
  confirmPassword: 'Reg@2026abc',
  faceVerified: false,
  agreed: true,
  ...over,
});

describe('法人注册', () => {
  it('registers with the guide’s sample values, derives the ID end date, and the legal person can sign in', async () => {
    const c = ctx.client();
    const code = await smsCode(ctx, c, '13800138000');
    const res = await c.post('/api/auth/register', form({ smsCode: code }));
    expect(res.statusCode, res.body).toBe(200);
    const [u] = await ctx.database.db.select().from(users).where(eq(users.account, 'legal_reg01'));
    expect(u).toMatchObject({ role: 'legal', idValidity: '20年', idValidFrom: '2015-06-01', idValidTo: '2035-06-01' });
    const [unit] = await ctx.database.db.select().from(units).where(eq(units.id, u!.unitId!));
    expect(unit).toMatchObject({ uscc: '92220102MA15438D0X', legalType: '企业法人' });
    const me = await ctx.client().login('legal_reg01', 'Reg@2026abc');
    expect(me.user.role).toBe('legal');
    const audit = await queryRows<{ action: string }>(ctx.database.db, sql`SELECT action FROM audit_log WHERE action = 'account.registered'`);
    expect(audit).toHaveLength(1);
  });

  it('refuses a second legal person for the same USCC, pointing to 账号申诉', async () => {
    const c = ctx.client();
    const phone = nextPhone();
    const res = await c.post('/api/auth/register', form({ account: 'legal_reg02', phone, smsCode: await smsCode(ctx, c, phone) }));
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('账号申诉');
    expect(res.json().fieldErrors[0].path).toBe('uscc');
    expect(res.json().details).toEqual({ appeal: true });
  });

  it('lists every field problem at once and creates nothing', async () => {
    const before = await ctx.database.db.select().from(users);
    const res = await ctx.client().post(
      '/api/auth/register',
      form({ account: 'legal_reg03', uscc: '92220102MA15438D0Y', idCard: '110101197501010038', phone: '1380013800', password: 'abcdefgh', confirmPassword: 'x', idStart: '2001-01-01', idValidity: '5年' }),
    );
    expect(res.statusCode).toBe(400);
    const paths = res.json().fieldErrors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['uscc', 'idCard', 'phone', 'password', 'confirmPassword', 'idStart']));
    const byPath = Object.fromEntries(res.json().fieldErrors.map((e: { path: string; message: string }) => [e.path, e.message]));
    expect(byPath.uscc).toBe('统一社会信用代码校验位不正确');
    expect(byPath.idCard).toBe('身份证号校验位不正确');
    expect(byPath.idStart).toBe('身份证已过有效期，请使用有效身份证');
    expect(await ctx.database.db.select().from(users)).toHaveLength(before.length);
  });

  it('refuses the agreement unticked, a bad account name, and a password containing the phone', async () => {
    const phone = nextPhone();
    const res = await ctx.client().post('/api/auth/register', form({ agreed: false, account: '1abc', phone, password: `Ab!${phone}`, confirmPassword: `Ab!${phone}` }));
    expect(res.statusCode).toBe(400);
    const messages = res.json().fieldErrors.map((e: { message: string }) => e.message);
    expect(messages).toContain('请阅读并同意《注册协议》与《隐私政策》');
    expect(messages).toContain('账号应为6-20位字母、数字或下划线，且以字母开头');
  });

  it('checks the password rules with the phone and ID of the form', async () => {
    const c = ctx.client();
    const phone = nextPhone();
    const res = await c.post('/api/auth/register', form({ account: 'legal_reg04', uscc: '932202215597513157', phone, smsCode: '123456', password: `Ab!${phone}`, confirmPassword: `Ab!${phone}` }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fieldErrors).toContainEqual({ path: 'password', message: '密码不能包含手机号码' });
  });

  it('accepts 长期有效 with no end date', async () => {
    const c = ctx.client();
    const phone = nextPhone();
    const res = await c.post('/api/auth/register', form({ account: 'legal_reg05', uscc: '932202215597513157', phone, idValidity: '长期有效', idStart: '2000-01-01', smsCode: await smsCode(ctx, c, phone) }));
    expect(res.statusCode, res.body).toBe(200);
    const [u] = await ctx.database.db.select().from(users).where(eq(users.account, 'legal_reg05'));
    expect(u!.idValidTo).toBeNull();
  });
});

describe('SMS verification code', () => {
  it('needs a correct image captcha, which is single use', async () => {
    const c = ctx.client();
    const phone = nextPhone();
    const cap = await solveCaptcha(ctx, c);
    const wrong = await c.post('/api/auth/sms-code', { phone, purpose: 'register', captchaId: cap.captchaId, captcha: 'ZZZZ' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fieldErrors[0]).toEqual({ path: 'captcha', message: '图片验证码不正确' });
    // consumed by the wrong try: the right answer no longer works
    const reuse = await c.post('/api/auth/sms-code', { phone, purpose: 'register', ...cap });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().message).toContain('失效');
    expect(ctx.deps.outbox!.read().sms.some((m) => m.phone === phone)).toBe(false);
  });

  it('sends a 6-digit code valid 5 minutes, with a 60-second cool-down', async () => {
    const c = ctx.client();
    const phone = nextPhone();
    const code = await smsCode(ctx, c, phone);
    expect(code).toMatch(/^\d{6}$/);
    expect(ctx.deps.outbox!.read().sms[0]!.text).toContain(code);
    const again = await c.post('/api/auth/sms-code', { phone, purpose: 'register', ...(await solveCaptcha(ctx, c)) });
    expect(again.statusCode).toBe(429);
    expect(again.json().message).toMatch(/请\d+秒后再试/);
    ctx.clock.advance(61_000);
    expect((await c.post('/api/auth/sms-code', { phone, purpose: 'register', ...(await solveCaptcha(ctx, c)) })).statusCode).toBe(200);
  });

  it('expires a code after 5 minutes', async () => {
    const c = ctx.client();
    const phone = nextPhone();
    const code = await smsCode(ctx, c, phone);
    ctx.clock.advance(5 * 60_000 + 1000);
    const res = await c.post('/api/auth/register', form({ account: 'legal_exp01', uscc: makeUscc('91220101MA17EXPA0'), phone, smsCode: code }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fieldErrors).toEqual([{ path: 'smsCode', message: '短信验证码已过期，请重新获取' }]);
  });

  it('is single use', async () => {
    const c = ctx.client();
    const phone = nextPhone();
    const code = await smsCode(ctx, c, phone);
    expect((await c.post('/api/auth/register', form({ account: 'legal_once1', uscc: makeUscc('91220101MA17QNCE1'), phone, smsCode: code }))).statusCode).toBe(200);
    const second = await c.post('/api/auth/register', form({ account: 'legal_once2', uscc: makeUscc('91220101MA17QNCE2'), phone, smsCode: code }));
    expect(second.statusCode).toBe(400);
    expect(second.json().fieldErrors).toContainEqual({ path: 'smsCode', message: '请先获取短信验证码' });
  });

  it('voids a code after 5 wrong tries', async () => {
    const c = ctx.client();
    const phone = nextPhone();
    const code = await smsCode(ctx, c, phone);
    const wrongCode = code === '111111' ? '222222' : '111111';
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await c.post('/api/auth/register', form({ account: 'legal_try01', uscc: makeUscc('91220101MA17TRY01'), phone, smsCode: wrongCode }));
      messages.push(r.json().fieldErrors[0].message);
    }
    expect(messages[0]).toBe('短信验证码不正确，还可尝试4次');
    expect(messages[4]).toBe('短信验证码错误次数过多，请重新获取');
    const right = await c.post('/api/auth/register', form({ account: 'legal_try01', uscc: makeUscc('91220101MA17TRY01'), phone, smsCode: code }));
    expect(right.json().fieldErrors).toContainEqual({ path: 'smsCode', message: '短信验证码错误次数过多，请重新获取' });
  });

  it('sends at most 10 codes per phone per day', async () => {
    const c = ctx.client();
    const phone = nextPhone();
    for (let i = 0; i < 10; i++) {
      await smsCode(ctx, ctx.client(), phone);
      ctx.clock.advance(61_000);
    }
    const eleventh = await c.post('/api/auth/sms-code', { phone, purpose: 'register', ...(await solveCaptcha(ctx, c)) });
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().message).toContain('上限');
    ctx.clock.advance(24 * 3_600_000);
    expect((await c.post('/api/auth/sms-code', { phone, purpose: 'register', ...(await solveCaptcha(ctx, c)) })).statusCode).toBe(200);
  });
});
