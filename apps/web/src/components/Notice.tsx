import { CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';

/**
 * An antd-Alert-lookalike announced to screen readers (role="alert"), for pages on the
 * first-paint path; elsewhere use antd's Alert.
 */
export function Notice({ type, message, className }: { type: 'error' | 'warning'; message: string; className?: string }) {
  const Icon = type === 'error' ? CloseCircleFilled : ExclamationCircleFilled;
  return (
    <div role="alert" className={`notice notice-${type}${className ? ' ' + className : ''}`}>
      <Icon className="notice-icon" aria-hidden />
      <span>{message}</span>
    </div>
  );
}
