import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFieldError } from '@jhrm/contracts';

/** Structural view of a zod schema, so lib does not depend on zod itself. */
export interface SafeParser {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: ReadonlyArray<{ message: string }> } };
}

const FALLBACK_MESSAGE = '输入内容有误';

/**
 * One antd rule that runs a contracts schema, so the browser says exactly what the server would.
 * Empty inputs reach the schema as '' (antd gives undefined), so `.min(1, '请输入…')` is the
 * required message.
 */
export function zodRule(schema: SafeParser): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(value ?? '');
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? FALLBACK_MESSAGE);
    },
  };
}

export function zodRules(schema: SafeParser): Rule[] {
  return [zodRule(schema)];
}

/** 'staff.0.name' -> ['staff', 0, 'name'], the NamePath antd uses for nested and list fields. */
export function toNamePath(path: string): (string | number)[] {
  return path
    .split(/[.[\]]+/)
    .filter((seg) => seg !== '')
    .map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
}

/**
 * Marks the server's field errors on the form. Returns the errors whose path names no field of
 * this form, so the caller can show them elsewhere rather than lose them.
 */
export function applyFieldErrors(form: FormInstance, fieldErrors: readonly TFieldError[]): TFieldError[] {
  // getFieldsError() with no argument lists every registered field.
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const known: TFieldError[] = [];
  const unknown: TFieldError[] = [];
  for (const fe of fieldErrors) {
    if (registered.has(toNamePath(fe.path).join('.'))) known.push(fe);
    else unknown.push(fe);
  }
  const byPath = new Map<string, string[]>();
  for (const fe of known) byPath.set(fe.path, [...(byPath.get(fe.path) ?? []), fe.message]);
  form.setFields([...byPath].map(([path, errors]) => ({ name: toNamePath(path), errors })));
  return unknown;
}
