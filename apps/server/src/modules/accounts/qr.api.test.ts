import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

async function desktopTicket() {
  const desktop = ctx.client();
  const res = await desktop.post('/api/auth/qr');
  expect(res.statusCode).toBe(200);
  const ticket = res.json() as { id: string; url: string; expiresAt: string };
  return { desktop, ticket };
}

describe('扫码登录', () => {
  it('signs the desktop in once the agent confirms on the phone, and only once', async () => {
    const { desktop, ticket } = await desktopTicket();
    const secret = desktop.cookies.get('jhrm_qr')!;
    expect(ticket.url).toBe(`/m/qr/${ticket.id}`);
    expect(new Date(ticket.expiresAt).getTime() - ctx.clock().getTime()).toBe(120_000);
    expect((await desktop.get(`/api/auth/qr/${ticket.id}`)).json()).toEqual({ status: 'pending' });

    const phone = ctx.client();
    await phone.login('demo_agent');
    expect((await phone.get(`/api/auth/qr/${ticket.id}/scan`)).json().status).toBe('scanned');
    expect((await desktop.get(`/api/auth/qr/${ticket.id}`)).json()).toEqual({ status: 'scanned' });
    expect((await phone.post(`/api/auth/qr/${ticket.id}/confirm`)).statusCode).toBe(200);

    const done = await desktop.get(`/api/auth/qr/${ticket.id}`);
    expect(done.json()).toMatchObject({ status: 'confirmed', me: { user: { account: 'demo_agent' } } });
    expect((await desktop.get('/api/auth/me')).json().user.account).toBe('demo_agent');
    // used: replaying the desktop's secret signs nobody in
    const replay = ctx.client();
    replay.cookies.set('jhrm_qr', secret);
    expect((await replay.get(`/api/auth/qr/${ticket.id}`)).json()).toEqual({ status: 'used' });
    expect(replay.cookies.has('jhrm_sid')).toBe(false);
    // the phone that scans it again is told it was used, not that it expired
    expect((await phone.get(`/api/auth/qr/${ticket.id}/scan`)).json().status).toBe('used');
    const again = await phone.post(`/api/auth/qr/${ticket.id}/confirm`);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('该二维码已使用，请在电脑上刷新二维码后重新扫码');
  });

  it('refuses a poll from another browser (the ticket is bound to the desktop that made it)', async () => {
    const { ticket } = await desktopTicket();
    const phone = ctx.client();
    await phone.login('demo_agent');
    await phone.post(`/api/auth/qr/${ticket.id}/confirm`);
    const thief = ctx.client();
    const res = await thief.get(`/api/auth/qr/${ticket.id}`);
    expect(res.statusCode).toBe(403);
    expect(thief.cookies.has('jhrm_sid')).toBe(false);
  });

  it('expires after 2 minutes: no confirm, no sign-in', async () => {
    const { desktop, ticket } = await desktopTicket();
    ctx.clock.advance(121_000);
    expect((await desktop.get(`/api/auth/qr/${ticket.id}`)).json()).toEqual({ status: 'expired' });
    const phone = ctx.client();
    await phone.login('demo_agent');
    const res = await phone.post(`/api/auth/qr/${ticket.id}/confirm`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('已过期');
  });

  it('reports a cancel to the desktop and refuses a later confirm', async () => {
    const { desktop, ticket } = await desktopTicket();
    const phone = ctx.client();
    await phone.login('demo_agent');
    expect((await phone.post(`/api/auth/qr/${ticket.id}/cancel`)).statusCode).toBe(200);
    expect((await desktop.get(`/api/auth/qr/${ticket.id}`)).json()).toEqual({ status: 'cancelled' });
    expect((await phone.post(`/api/auth/qr/${ticket.id}/confirm`)).statusCode).toBe(409);
    expect(desktop.cookies.has('jhrm_sid')).toBe(false);
  });

  it('needs a signed-in agent on the phone', async () => {
    const { ticket } = await desktopTicket();
    expect((await ctx.client().post(`/api/auth/qr/${ticket.id}/confirm`)).statusCode).toBe(401);
    const legal = ctx.client();
    await legal.login('demo_legal');
    expect((await legal.post(`/api/auth/qr/${ticket.id}/confirm`)).statusCode).toBe(403);
  });

  it('answers an unknown ticket with 404 and a malformed one with 400', async () => {
    const phone = ctx.client();
    await phone.login('demo_agent');
    expect((await phone.get('/api/auth/qr/00000000-0000-4000-8000-000000000000/scan')).statusCode).toBe(404);
    expect((await phone.get('/api/auth/qr/nope/scan')).statusCode).toBe(400);
  });
});
