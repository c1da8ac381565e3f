import type { TApplicationStatus } from '@jhrm/contracts';
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

/** The one tone of each application status (and of an institution's 审核状态, the same words), everywhere. */
export const APPLICATION_STATUS_TONES: Record<TApplicationStatus, StatusTone> = {
  待提交: 'info',
  待审核: 'warning',
  待补正: 'warning',
  审核通过: 'success',
  审核不通过: 'danger',
  不予受理: 'danger',
};

/** An application's status (待提交 … 不予受理) as a tag, in its one tone. */
export function ApplicationStatusTag({ status }: { status: TApplicationStatus }) {
  return <StatusTag tone={APPLICATION_STATUS_TONES[status] ?? 'neutral'}>{status}</StatusTag>;
}
