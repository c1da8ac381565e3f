import type { TErrorBody, TFieldError } from '@jhrm/contracts';

/** Every failed request becomes one of these; `message` is Chinese and meant for the user. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fieldErrors: TFieldError[];
  /** Machine-readable extras, e.g. `{ captchaRequired: true }` or `{ appeal: true }`. */
  readonly details: Record<string, unknown>;

  constructor(status: number, body: TErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fieldErrors = body.fieldErrors ?? [];
    this.details = body.details ?? {};
  }
}

/** What to tell the user of a failed call: the server's Chinese message, or a general one. */
export function apiErrorText(e: unknown, fallback = '操作未成功，请稍后重试'): string {
  return isApiError(e) ? e.message : fallback;
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

const CSRF_COOKIE = 'jhrm_csrf';
const CSRF_HEADER = 'x-csrf-token';
const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试';
const SERVER_MESSAGE = '服务器暂时无法处理请求，请稍后重试';

/** Fallback for the moment between login and the first response that sets the cookie. */
let knownCsrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  knownCsrfToken = token;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** Read at request time: the server may rotate the token on any response (also used by the tus video upload). */
export function currentCsrfToken(): string | null {
  return readCookie(CSRF_COOKIE) ?? knownCsrfToken;
}

let onUnauthorized: (() => void) | null = null;
/** The app decides what a 401 means (clear the session, go to /login); lib does not know the router. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** The server refuses everything but the password change until the user has changed it. */
export const PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED';
let onPasswordChangeRequired: (() => void) | null = null;
/** The app decides where a PASSWORD_CHANGE_REQUIRED answer sends the user (the forced change page). */
export function setPasswordChangeRequiredHandler(handler: (() => void) | null): void {
  onPasswordChangeRequired = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** For calls where 401 is an answer, not an expired session (login, the session probe). */
  skipAuthRedirect?: boolean;
}

/** The path with the query's filled-in values (blanks left out): what `api.get` asks, or a link to it. */
export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

function toErrorBody(status: number, payload: unknown): TErrorBody {
  if (payload && typeof payload === 'object') {
    const p = payload as Partial<TErrorBody>;
    if (typeof p.code === 'string' && typeof p.message === 'string') {
      const fieldErrors = Array.isArray(p.fieldErrors)
        ? p.fieldErrors.filter(
            (f): f is TFieldError => !!f && typeof f.path === 'string' && typeof f.message === 'string',
          )
        : undefined;
      const details =
        p.details && typeof p.details === 'object' && !Array.isArray(p.details) ? p.details : undefined;
      return { code: p.code, message: p.message, ...(fieldErrors ? { fieldErrors } : {}), ...(details ? { details } : {}) };
    }
  }
  return { code: status >= 500 ? 'INTERNAL' : 'HTTP_' + status, message: SERVER_MESSAGE };
}

async function request<T>(method: string, path: string, body: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (opts.signal) init.signal = opts.signal;
  if (method !== 'GET' && method !== 'HEAD') {
    const token = currentCsrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }
  if (body instanceof FormData) {
    // The browser sets multipart/form-data with its boundary itself.
    init.body = body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }

  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), init);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, { code: 'NETWORK', message: NETWORK_MESSAGE });
  }

  const text = await res.text();
  let payload: unknown = undefined;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = undefined;
    }
  }

  if (!res.ok) {
    const error = new ApiError(res.status, toErrorBody(res.status, payload));
    if (res.status === 401 && !opts.skipAuthRedirect) onUnauthorized?.();
    if (error.code === PASSWORD_CHANGE_REQUIRED) onPasswordChangeRequired?.();
    throw error;
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body ?? {}, opts),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, body ?? {}, opts),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, body ?? {}, opts),
  del: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
  /** multipart/form-data (files), with the CSRF header and the same error path as every call. */
  postForm: <T>(path: string, form: FormData, opts?: RequestOptions) => request<T>('POST', path, form, opts),
};
