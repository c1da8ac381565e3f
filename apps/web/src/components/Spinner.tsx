/** A CSS-only loading indicator for the first-paint path (antd's Spin costs the login budget). */
export function Spinner({ label = '加载中…' }: { label?: string }) {
  return (
    <div className="spinner" role="status" aria-live="polite">
      <span className="spinner-ring" aria-hidden="true" />
      <span className="spinner-label">{label}</span>
    </div>
  );
}
