import { PrimaryButton } from '../components/PrimaryButton';
import { Spinner } from '../components/Spinner';

// Plain markup only: these render on the login path, where antd's Spin, Result, Empty or even
// Button would cost the first-paint budget.

export function FullPageSpin() {
  return (
    <div className="full-page-center">
      <Spinner />
    </div>
  );
}

export function LoadError({ onRetry }: { onRetry: () => void }) {
  return (
    <main className="full-page-center">
      <div className="full-page-message" role="alert">
        <h1>无法连接服务器</h1>
        <p>请检查网络后重试</p>
        <PrimaryButton onClick={onRetry}>重试</PrimaryButton>
      </div>
    </main>
  );
}
