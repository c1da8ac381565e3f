import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { LoginPage } from '../features/accounts/pages/LoginPage';
import { RequireAuth } from './RequireAuth';
import { FullPageSpin } from './FullPageState';

// The login page ships in the entry chunk (first paint); the portal and the business system
// (ProLayout and everything under it) load on demand.
const PortalPage = lazy(() => import('../features/portal/pages/PortalPage'));
const HrApp = lazy(() => import('./hr/HrApp'));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<FullPageSpin />}>{children}</Suspense>;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      { path: '/portal', element: <Lazy><PortalPage /></Lazy> },
      { path: '/hr/*', element: <Lazy><HrApp /></Lazy> },
    ],
  },
  { path: '*', element: <Navigate to="/portal" replace /> },
]);
