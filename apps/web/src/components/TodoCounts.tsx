import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import './todo-counts.css';

export interface TodoCount {
  /** what is counted, e.g. 待审核 */
  label: string;
  count: number;
  /** the list that shows exactly these */
  to: string;
  /** a short remark under the label, e.g. 含已超期 */
  note?: string;
  /** red while the count is not zero (something is late) */
  urgent?: boolean;
}

/**
 * The 主页's 待办: each count is a link to the list it counts, named "待审核 5 件" for screen
 * readers (the number stands large above its label on screen).
 */
export function TodoCounts({ items, children }: { items: readonly TodoCount[]; children?: ReactNode }) {
  return (
    <div className="todo-counts">
      {items.map((t) => (
        <Link key={t.label} to={t.to} className={`todo-count${t.urgent && t.count > 0 ? ' is-urgent' : ''}`} aria-label={`${t.label} ${t.count} 件`}>
          <span className="todo-count-value">{t.count}</span>
          <span className="todo-count-label">{t.label}</span>
          {t.note && <span className="todo-count-note">{t.note}</span>}
        </Link>
      ))}
      {children}
    </div>
  );
}
