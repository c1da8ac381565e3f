/**
 * Characters no text this system accepts may carry, in any field, query string or file field:
 * - C0 and C1 control characters (`\p{Cc}`) other than TAB, LF and CR: NUL (PostgreSQL refuses it
 *   in text), terminal escape sequences and forged log lines; nobody types them;
 * - lone surrogates (under the `u` flag `\p{Cs}` matches only an unpaired half): not text at all, and
 *   not storable as UTF-8;
 * - bidirectional controls (`\p{Bidi_Control}`: embeddings, overrides, isolates and the LRM/RLM/ALM
 *   marks): they reorder what a reviewer sees ("营业执照‮fdp.exe"), and Chinese text never needs them.
 */
const FORBIDDEN_TEXT = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Bidi_Control}]/u;

/** The message a field gets when its text carries one of them. */
export const FORBIDDEN_TEXT_MESSAGE = '包含不允许的字符（如控制字符、文字方向控制符），请删除后重新输入';

export function hasForbiddenText(value: string): boolean {
  return FORBIDDEN_TEXT.test(value);
}
