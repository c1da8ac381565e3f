import { creditTitle } from '@jhrm/contracts';
import { StatusTag } from '../../../components/StatusTag';

/** 诚信示范机构（年度）: one tag per year an institution was recognised (guide 3), newest first. */
export function CreditTitles({ years }: { years: readonly number[] }) {
  if (!years.length) return null;
  return (
    <span className="register-credit" data-testid="credit-titles">
      {years.map((y) => (
        <StatusTag key={y} tone="success">
          {creditTitle(y)}
        </StatusTag>
      ))}
    </span>
  );
}
