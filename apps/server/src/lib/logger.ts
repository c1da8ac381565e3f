import type { LoggerOptions } from 'pino';
import { maskPersonalNumbers } from '@jhrm/contracts';

const SECRET_KEY = /pass(word)?|captcha|token|secret|cookie|authorization/i;

const isPlain = (v: object) => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * Deep copy of a log object with secrets removed and personal numbers masked. Objects of other
 * classes (requests, replies) are left to their serializers below, which mask what they keep.
 */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalNumbers(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (value instanceof Error) return { type: value.name, message: maskPersonalNumbers(value.message), stack: value.stack && maskPersonalNumbers(value.stack) };
  if (!Array.isArray(value) && !isPlain(value)) return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? '[REDACTED]' : scrub(v, depth + 1);
  return out;
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    // Serializers run before formatters, so request URLs and headers are scrubbed too.
    formatters: { log: (obj) => scrub(obj) as Record<string, unknown> },
    serializers: {
      req: (req: { method?: string; url?: string; ip?: string }) => ({ method: req.method, url: maskPersonalNumbers(req.url ?? ''), remoteAddress: req.ip }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? maskPersonalNumbers(a) : a)) as Parameters<typeof method>);
      },
    },
  };
}
