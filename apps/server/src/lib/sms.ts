import type { TOutbox } from '@jhrm/contracts';

/** Sends text messages. Production talks to the province's SMS gateway; elsewhere the dev outbox keeps them. */
export interface SmsGateway {
  send(phone: string, text: string, meta?: { code?: string }): Promise<void>;
}

/**
 * Outside production: keeps every SMS and every captcha answer so people and browser tests can
 * read them at GET /api/dev/outbox. Memory only, newest first, bounded.
 */
export class DevOutbox implements SmsGateway {
  private sms: TOutbox['sms'] = [];
  private captchas: TOutbox['captchas'] = [];
  constructor(private readonly clock: () => Date = () => new Date()) {}

  async send(phone: string, text: string, meta: { code?: string } = {}): Promise<void> {
    this.sms.unshift({ phone, text, code: meta.code ?? null, sentAt: this.clock().toISOString() });
    this.sms.length = Math.min(this.sms.length, 500);
  }

  recordCaptcha(id: string, answer: string) {
    this.captchas.unshift({ id, answer });
    this.captchas.length = Math.min(this.captchas.length, 500);
  }

  read(): TOutbox {
    return { sms: [...this.sms], captchas: [...this.captchas] };
  }
}

/**
 * The production adapter: POSTs `{phone, text}` as JSON to SMS_GATEWAY_URL with a bearer token.
 * A failure is an error the caller reports ("短信发送失败"), never a silent drop.
 */
export class HttpSmsGateway implements SmsGateway {
  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly timeoutMs = 5000,
  ) {}

  async send(phone: string, text: string): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ phone, text }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
  }
}
