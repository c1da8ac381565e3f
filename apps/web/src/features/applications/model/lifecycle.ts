import type { TFieldError, TSubmissionProblem } from '@jhrm/contracts';
import { isApiError } from '../../../lib/api-client';
import { toNamePath } from '../../../lib/form';
import type { DraftLayout } from './problems';

/**
 * A stable fingerprint of what 保存 would send (object keys sorted), to tell whether the form
 * has unsaved changes: same content, same fingerprint.
 */
export function draftFingerprint(draft: unknown): string {
  return JSON.stringify(draft, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * The field paths an antd `onValuesChange` reports as changed: plain objects are descended into,
 * anything else (a value, a list, a date) is a field. E.g. { basic: { category } } → [['basic', 'category']].
 */
export function changedPaths(changed: unknown, prefix: string[] = []): string[][] {
  const plain = changed !== null && typeof changed === 'object' && !Array.isArray(changed) && Object.getPrototypeOf(changed) === Object.prototype;
  if (!plain) return prefix.length ? [prefix] : [];
  return Object.entries(changed as Record<string, unknown>).flatMap(([k, v]) => changedPaths(v, [...prefix, k]));
}

/** Why 保存 (or 清空) failed, and so where it is shown. */
export type WriteFailure =
  /** not an answer of the API (network, bug): a message only */
  | { kind: 'unexpected'; message: string }
  /** someone else saved first: the conflict banner with 重新加载 */
  | { kind: 'conflict'; message: string }
  /** refused: the message, and the field errors to mark (those without a field become problems) */
  | { kind: 'refused'; message: string; fieldErrors: TFieldError[] };

export function writeFailure(e: unknown): WriteFailure {
  if (!isApiError(e)) return { kind: 'unexpected', message: '操作失败，请稍后重试' };
  if (e.status === 409) return { kind: 'conflict', message: e.message };
  return { kind: 'refused', message: e.message, fieldErrors: e.fieldErrors };
}

/** Why 提交 failed: what the submit dialog, the page and the form show. */
export type SubmitFailure =
  /** the application is not complete: every problem, and the errors on the form's own fields */
  | { kind: 'problems'; problems: TSubmissionProblem[]; fieldErrors: TFieldError[] }
  /** anything else: a message in the dialog, or on its 审批部门; a version conflict also on the page */
  | { kind: 'refused'; error: string | null; departmentError: string | null; conflict: string | null };

export function submitFailure(e: unknown, { tabs, lists }: DraftLayout): SubmitFailure {
  if (!isApiError(e)) return { kind: 'refused', error: '提交失败，请稍后重试', departmentError: null, conflict: null };
  const problems = Array.isArray(e.details.problems) ? (e.details.problems as TSubmissionProblem[]) : null;
  if (e.status === 400 && problems) {
    // Fields of the form's sections stay red after the dialog is closed; list rows are reached by the links.
    const onForm = (f: TFieldError) => {
      const tab = toNamePath(f.path)[0];
      return tabs.some((t) => t.key === tab) && !lists.includes(String(tab)) && f.path.includes('.');
    };
    return { kind: 'problems', problems, fieldErrors: e.fieldErrors.filter(onForm) };
  }
  const department = e.fieldErrors.find((f) => f.path === 'department');
  return {
    kind: 'refused',
    error: department ? null : e.message,
    departmentError: department?.message ?? null,
    conflict: e.status === 409 && typeof e.details.currentVersion === 'number' ? e.message : null,
  };
}
