import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DevOutbox, HttpSmsGateway } from './sms';

let close: (() => void) | undefined;
afterEach(() => close?.());

function gatewayStub(status: number) {
  const received: { auth?: string; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ auth: req.headers.authorization, body });
      res.statusCode = status;
      res.end();
    });
  });
  return new Promise<{ url: string; received: typeof received }>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      close = () => server.close();
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`, received });
    }),
  );
}

describe('HttpSmsGateway', () => {
  it('posts the phone and text as JSON with the bearer token', async () => {
    const stub = await gatewayStub(200);
    await new HttpSmsGateway(stub.url, 'secret-token').send('13800138000', '验证码123456');
    expect(stub.received).toEqual([{ auth: 'Bearer secret-token', body: JSON.stringify({ phone: '13800138000', text: '验证码123456' }) }]);
  });

  it('fails loudly when the gateway refuses', async () => {
    const stub = await gatewayStub(503);
    await expect(new HttpSmsGateway(stub.url, 't').send('13800138000', 'x')).rejects.toThrow(/503/);
  });
});

describe('DevOutbox', () => {
  it('keeps messages and captcha answers newest first', async () => {
    const box = new DevOutbox(() => new Date('2026-11-26T01:00:00Z'));
    await box.send('13800138000', 'a', { code: '111111' });
    await box.send('13800138001', 'b');
    box.recordCaptcha('c1', 'AB12');
    expect(box.read()).toEqual({
      sms: [
        { phone: '13800138001', text: 'b', code: null, sentAt: '2026-11-26T01:00:00.000Z' },
        { phone: '13800138000', text: 'a', code: '111111', sentAt: '2026-11-26T01:00:00.000Z' },
      ],
      captchas: [{ id: 'c1', answer: 'AB12' }],
    });
  });
});
