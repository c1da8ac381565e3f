import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';

export type NoticeType = 'error' | 'warning' | 'success';

const ICONS = { error: CloseCircleFilled, warning: ExclamationCircleFilled, success: CheckCircleFilled } as const;

/**
 * An antd-Alert-lookalike announced to screen readers (role="alert" for problems, role="status"
 * for a success), for pages on the first-paint path; elsewhere use antd's Alert.
 */
export function Notice({ type, message, className }: { type: NoticeType; message: string; className?: string }) {
  const Icon = ICONS[type];
  return (
    <div role={type === 'success' ? 'status' : 'alert'} className={`notice notice-${type}${className ? ' ' + className : ''}`}>
      <Icon className="notice-icon" aria-hidden />
      <span>{message}</span>
    </div>
  );
}
