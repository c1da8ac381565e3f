import type { ReactNode } from 'react';
import { Tag } from 'antd';
import './status-tag.css';

export type StatusTone = 'success' | 'warning' | 'danger' | 'info' | 'neutral';

/**
 * A status label (正常, 已停用, 待处理, 当前会话 …) for lists. antd's preset Tag colours put light
 * text on light backgrounds (green: 3.6:1); these tones keep WCAG AA contrast (≥ 4.5:1).
 */
export function StatusTag({ tone, children }: { tone: StatusTone; children: ReactNode }) {
  return <Tag className={`status-tag status-tag-${tone}`}>{children}</Tag>;
}
