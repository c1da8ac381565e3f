import { AppErrorCode, FORBIDDEN_TEXT_MESSAGE, hasForbiddenText, type TFieldError } from '@jhrm/contracts';
import { AppError } from './app-error';

/**
 * Hostile text (control characters, lone surrogates, bidirectional controls, bytes that are not
 * UTF-8) is refused where it enters: the URL, a parsed body, a multipart field. One 400 names the
 * places, so a form can mark its fields; nothing behind the check ever sees such text.
 */

const BODY_MESSAGE = '填写的内容包含不允许的字符（如控制字符、文字方向控制符），请删除后重试';
export const HOSTILE_URL_MESSAGE = '查询条件或请求地址包含不允许的字符或无效的编码，请删除后重试';
const KEY_MESSAGE = '字段名包含不允许的字符';
/** enough for a form to mark its fields; a body full of them needs no longer answer */
const MAX_REPORTED = 20;

export const BROKEN_MULTIPART_MESSAGE = '上传的表单数据不完整或格式不正确，请重新提交';
export const NOT_UTF8_MESSAGE = '提交的内容不是有效的 UTF-8 编码文本';

export function hostileBodyError(fieldErrors: TFieldError[]): AppError {
  return new AppError(AppErrorCode.VALIDATION, BODY_MESSAGE, fieldErrors);
}

/** One form field as it streams in (a multipart part): its name, and its text when it has one. */
export function assertCleanField(name: string, value?: string): void {
  // the hostile name itself is never echoed back
  if (hasForbiddenText(name)) throw hostileBodyError([{ path: '', message: KEY_MESSAGE }]);
  if (value !== undefined && hasForbiddenText(value)) throw hostileBodyError([{ path: name, message: FORBIDDEN_TEXT_MESSAGE }]);
}

const join = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);

/**
 * Every key and string of a parsed body, at any depth, walked without recursion (a 1 MB body can
 * nest deeper than the stack). Paths are the dotted ones form fields use (`basic.name`, `staff.0.phone`).
 */
export function findHostileText(root: unknown): TFieldError[] {
  const found: TFieldError[] = [];
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length > 0 && found.length < MAX_REPORTED) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (hasForbiddenText(value)) found.push({ path, message: FORBIDDEN_TEXT_MESSAGE });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], join(path, String(i))]);
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        // the hostile key itself is never echoed back
        if (hasForbiddenText(key)) found.push({ path, message: KEY_MESSAGE });
        else stack.push([child, join(path, key)]);
      }
    }
  }
  return found;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Bytes as UTF-8 text, or null when they are not valid UTF-8 (overlong forms, encoded surrogates …). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

const PLAIN_URL_TEXT = /^[\x20-\x24\x26-\x2a\x2c-\x7e]*$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * One percent-encoded URL component as text: escapes become bytes and the bytes must be UTF-8.
 * Null for a broken escape or bytes that are not UTF-8 (decodeURIComponent refuses overlong forms
 * and encoded surrogates too). The HTTP parser hands raw bytes over as latin1 characters, so in
 * that rarer case each character counts as a byte.
 */
export function decodeUrlComponent(raw: string, plusIsSpace: boolean): string | null {
  if (PLAIN_URL_TEXT.test(raw)) return raw;
  const text = plusIsSpace ? raw.replaceAll('+', ' ') : raw;
  if (PRINTABLE_ASCII.test(text)) {
    try {
      return decodeURIComponent(text);
    } catch {
      return null;
    }
  }
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x25) {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (c <= 0xff) bytes.push(c);
    else return null;
  }
  return decodeUtf8(Uint8Array.from(bytes));
}

/** The name a path segment has in the route's pattern (`:id` → `id`, a trailing `*` → `*`). */
function segmentName(pattern: string[] | undefined, index: number, count: number): string | null {
  if (!pattern) return null;
  const wildcard = pattern.at(-1) === '*';
  if (wildcard && index >= pattern.length - 1) return '*';
  if (!wildcard && pattern.length !== count) return null;
  const p = pattern[index];
  return p?.startsWith(':') ? p.slice(1) : null;
}

/**
 * The places of a raw request URL (path segments and query parameters, names and values) whose
 * decoded text is hostile; a path parameter is named as in the route, a query value by its name.
 */
export function findHostileUrl(rawUrl: string, routeUrl: string | undefined): TFieldError[] {
  const found: TFieldError[] = [];
  const q = rawUrl.indexOf('?');
  const segments = (q < 0 ? rawUrl : rawUrl.slice(0, q)).split('/');
  const pattern = routeUrl?.split('/');
  segments.forEach((segment, i) => {
    const text = decodeUrlComponent(segment, false);
    if (text === null || hasForbiddenText(text)) found.push({ path: segmentName(pattern, i, segments.length) ?? 'url', message: FORBIDDEN_TEXT_MESSAGE });
  });
  if (q >= 0) {
    for (const pair of rawUrl.slice(q + 1).split('&')) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      const name = decodeUrlComponent(eq < 0 ? pair : pair.slice(0, eq), true);
      if (name === null || hasForbiddenText(name)) {
        found.push({ path: 'query', message: KEY_MESSAGE });
        continue;
      }
      const value = eq < 0 ? '' : decodeUrlComponent(pair.slice(eq + 1), true);
      if (value === null || hasForbiddenText(value)) found.push({ path: name, message: FORBIDDEN_TEXT_MESSAGE });
    }
  }
  return found.slice(0, MAX_REPORTED);
}

export function hostileUrlError(fieldErrors: TFieldError[]): AppError {
  return new AppError(AppErrorCode.VALIDATION, HOSTILE_URL_MESSAGE, fieldErrors);
}
