import type { Rule } from 'antd/es/form';
import { zodRule, type SafeParser } from '../../../lib/form';

/**
 * A format check for a field that may still be blank (保存 works on any form; 提交 reports what is
 * missing): blank passes, anything typed must satisfy the contracts schema.
 */
export function optionalZodRules(schema: SafeParser): Rule[] {
  const inner = zodRule(schema) as { validator: (rule: unknown, value: unknown) => Promise<void> };
  return [
    {
      validator: async (rule, value: unknown) => {
        if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return;
        await inner.validator(rule, value);
      },
    },
  ];
}

/** A required choice or number in a modal form, with the field's own message. */
export function requiredRule(message: string): Rule[] {
  return [{ required: true, message }];
}
