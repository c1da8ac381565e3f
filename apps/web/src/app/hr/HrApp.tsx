import { Route, Routes, useNavigate } from 'react-router-dom';
import { App as AntdApp, Button, Empty } from 'antd';
import { useCurrentUser } from '../../lib/session';
import { HR_BASE, HR_ROUTES, canSee, relativePath, type HrRoute } from './hr-routes';
import { HrLayout } from './HrLayout';
import '../dayjs';

function BackHome({ title }: { title: string }) {
  const navigate = useNavigate();
  return (
    <Empty className="hr-empty-page" description={title}>
      <Button type="primary" onClick={() => void navigate(HR_BASE)}>
        返回主页
      </Button>
    </Empty>
  );
}

function Page({ route }: { route: HrRoute }) {
  const user = useCurrentUser();
  // The server refuses the data anyway; this only avoids showing a page that cannot work.
  if (!canSee(route, user.role)) return <BackHome title="无权访问此页面" />;
  // Suspends into HrLayout's boundary, so the shell and tabs stay while a page chunk loads.
  const Element = route.element;
  return <Element />;
}

/** The business system: ProLayout shell plus one descendant route per entry of HR_ROUTES. */
export default function HrApp() {
  return (
    // antd's App gives pages App.useApp() (message, modal, notification) bound to the theme.
    <AntdApp component={false}>
      <Routes>
        <Route element={<HrLayout />}>
          {HR_ROUTES.map((route) =>
            route.path === HR_BASE ? (
              <Route key={route.path} index element={<Page route={route} />} />
            ) : (
              <Route key={route.path} path={relativePath(route.path)} element={<Page route={route} />} />
            ),
          )}
          <Route path="*" element={<BackHome title="页面不存在" />} />
        </Route>
      </Routes>
    </AntdApp>
  );
}
