import type { DestinationStream, LoggerOptions } from 'pino';
import pretty from 'pino-pretty';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { maskPersonalNumbers } from '@jhrm/contracts';

// `params`/`parameters`: the values bound to an SQL statement (password hashes, personal data)
const SECRET_KEY = /pass(word)?|captcha|token|secret|cookie|authorization|params|parameters/i;

/**
 * drizzle reports a failed statement as "Failed query: <sql>\nparams: <values>", values last; the
 * values are whatever the statement wrote (a password hash, a name), so everything after the
 * marker is dropped. The SQL itself only has placeholders.
 */
const PARAMS_MARKER = '\nparams: ';
const withoutParams = (message: string) => {
  const at = message.indexOf(PARAMS_MARKER);
  return at < 0 ? message : `${message.slice(0, at)}${PARAMS_MARKER}[withheld]`;
};

/**
 * An error as the log shows it: type, message, stack, the database's code and constraint, and
 * the cause the same way. Nothing else is copied: drivers hang the statement's parameter values
 * on the error (PGlite's `params`, drizzle's `params`), and a database error's `detail` quotes
 * the offending values.
 */
export function serializeError(err: unknown, depth = 0): unknown {
  if (!(err instanceof Error)) return scrub(err, depth + 1);
  const e = err as Error & { code?: unknown; constraint?: unknown };
  const message = withoutParams(e.message);
  // the stack starts with the message; replace it whole, not by pattern, so a value cannot hide the cut
  const stack = e.stack?.includes(e.message) ? e.stack.replace(e.message, () => message) : message;
  return {
    type: e.name,
    message: maskPersonalNumbers(message),
    stack: maskPersonalNumbers(stack),
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.constraint === 'string' ? { constraint: e.constraint } : {}),
    ...(e.cause !== undefined && depth < 3 ? { cause: serializeError(e.cause, depth + 1) } : {}),
  };
}

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
  if (value instanceof Error) return serializeError(value, depth);
  if (!Array.isArray(value) && !isPlain(value)) return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? '[REDACTED]' : scrub(v, depth + 1);
  return out;
}

/**
 * Development reads its log in a terminal: one coloured line per entry, written synchronously (no
 * worker thread to find in the bundle). Production and tests keep JSON lines for the collectors.
 */
const prettyStream = (): DestinationStream => pretty({ sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', singleLine: true });

export function loggerOptions(level: string, opts: { pretty?: boolean } = {}): LoggerOptions & { stream?: DestinationStream } {
  return {
    level,
    ...(opts.pretty ? { stream: prettyStream() } : {}),
    // Serializers run before formatters, so request URLs and headers are scrubbed too.
    formatters: { log: (obj) => scrub(obj) as Record<string, unknown> },
    serializers: {
      req: (req: { method?: string; url?: string; ip?: string }) => ({ method: req.method, url: maskPersonalNumbers(req.url ?? ''), remoteAddress: req.ip }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      // replaces pino's own, which copies every enumerable property of the error
      err: serializeError,
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? maskPersonalNumbers(a) : a)) as Parameters<typeof method>);
      },
    },
  };
}

/** Development: Fastify's request lines at debug; a request that failed stays an error. */
export class RequestsAtDebug extends LogController {
  override incomingRequest(request: FastifyRequest) {
    request.log.debug({ req: request }, 'incoming request');
  }
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply, metadata?: Record<string, unknown>) {
    if (error) super.requestCompleted(error, request, reply, metadata);
    else reply.log.debug({ res: reply, responseTime: Math.round(reply.elapsedTime) }, 'request completed');
  }
}
