import type { Rule } from 'antd/es/form';
import type { PasswordContext } from '@jhrm/contracts';
import { firstPasswordProblem } from './password-rules';

/**
 * antd rule for a new-password field of the in-app account pages: the given required message
 * when empty, else the first rule the password breaks (the server's own message). `ctx` is read
 * at validation time, so it follows the other fields of the form.
 */
export function newPasswordRule(requiredMessage: string, ctx: () => PasswordContext = () => ({})): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const password = typeof value === 'string' ? value : '';
      if (password === '') throw new Error(requiredMessage);
      const problem = firstPasswordProblem(password, ctx());
      if (problem) throw new Error(problem);
    },
  };
}
