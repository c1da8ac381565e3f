import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import type { PasswordContext } from '@jhrm/contracts';
import { passwordRuleStates } from './password-rules';
import './password-rules.css';

/** The live checklist under a new-password field: each rule turns green as it is met. */
export function PasswordRules({ password, context, id }: { password: string; context?: PasswordContext; id?: string }) {
  const rules = passwordRuleStates(password, context);
  return (
    <ul className="password-rules" id={id} aria-label="密码要求">
      {rules.map((r) => (
        <li key={r.key} className={r.ok ? 'password-rule password-rule-ok' : 'password-rule'}>
          {r.ok ? <CheckCircleFilled aria-hidden /> : <CloseCircleOutlined aria-hidden />}
          <span>{r.label}</span>
          <span className="password-rule-sr">{r.ok ? '（已满足）' : '（未满足）'}</span>
        </li>
      ))}
    </ul>
  );
}
