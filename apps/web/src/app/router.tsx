import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { LoginPage } from '../features/accounts/pages/LoginPage';
import { RequireAuth } from './RequireAuth';
import { FullPageSpin } from './FullPageState';
import { LICENCE_VERIFY_PAGE_PATH, PUBLIC_REGISTER_PATH } from '../lib/public-paths';

// The login page ships in the entry chunk (first paint); every other page, public or not, loads
// on demand: the portal, the business system (ProLayout and everything under it), registration,
// the appeal form, the phone's QR confirmation, the forced password change, the dev outbox, the
// public register and licence verification. Each brings antd's zh_CN locale with it
// (./page-config.tsx), loaded in parallel with the page's own chunk.
const pageConfig = () => import('./page-config');
const PageConfig = lazy(pageConfig);
function page<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  return lazy(async () => (await Promise.all([load(), pageConfig()]))[0]);
}

const PortalPage = page(() => import('../features/portal/pages/PortalPage'));
const HrApp = page(() => import('./hr/HrApp'));
const RegisterPage = page(async () => {
  // The date picker of 法人注册 needs dayjs's Chinese locale, which the entry does not carry.
  const [module] = await Promise.all([import('../features/accounts/pages/RegisterPage'), import('./dayjs')]);
  return module;
});
const AppealPage = page(() => import('../features/accounts/pages/AppealPage'));
const MobileQrConfirmPage = page(() => import('../features/accounts/pages/MobileQrConfirmPage'));
const ForcedPasswordChangePage = page(() => import('../features/accounts/pages/ForcedPasswordChangePage'));
const DevOutboxPage = page(() => import('../features/accounts/pages/DevOutboxPage'));
const RegisterSearchPage = page(() => import('../features/register/pages/RegisterSearchPage'));
const RegisterDetailPage = page(() => import('../features/register/pages/RegisterDetailPage'));
const LicenceVerifyPage = page(() => import('../features/licences/pages/LicenceVerifyPage'));

function Lazy({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <PageConfig>{children}</PageConfig>
    </Suspense>
  );
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // Public pages.
  { path: '/register', element: <Lazy><RegisterPage /></Lazy> },
  { path: '/appeal', element: <Lazy><AppealPage /></Lazy> },
  { path: '/m/qr/:id', element: <Lazy><MobileQrConfirmPage /></Lazy> },
  { path: '/dev/outbox', element: <Lazy><DevOutboxPage /></Lazy> },
  // 公示查询 and 许可证验证 (the licence's QR code opens the latter with ?number=…).
  { path: PUBLIC_REGISTER_PATH, element: <Lazy><RegisterSearchPage /></Lazy> },
  { path: `${PUBLIC_REGISTER_PATH}/:id`, element: <Lazy><RegisterDetailPage /></Lazy> },
  { path: LICENCE_VERIFY_PAGE_PATH, element: <Lazy><LicenceVerifyPage /></Lazy> },
  // Needs a session, but not RequireAuth's: the page itself handles the signed-out case, so that
  // after the change (which ends the session) it can say 密码已修改，请重新登录 on /login.
  { path: '/account/change-password', element: <Lazy><ForcedPasswordChangePage /></Lazy> },
  {
    element: <RequireAuth />,
    children: [
      { path: '/portal', element: <Lazy><PortalPage /></Lazy> },
      { path: '/hr/*', element: <Lazy><HrApp /></Lazy> },
    ],
  },
  { path: '*', element: <Navigate to="/portal" replace /> },
]);
