import type { ReactNode } from 'react';
import { ConfigProvider } from 'antd';
// The ES build of the locale: 'antd/locale/zh_CN' is CommonJS and drags in antd/lib copies.
import zhCN from 'antd/es/locale/zh_CN';
import { NoData } from '../components/NoData';

/** Every empty list in the system says the guide's 没有数据. */
function renderEmpty() {
  return <NoData />;
}

/**
 * antd's Chinese texts (pagination, pickers, modals, default validation messages) and the empty
 * state, for every page that loads on demand (router.tsx). It nests inside the ConfigProvider of
 * providers.tsx and inherits its theme; the login page, which sets all its messages itself, paints
 * without it (its first-paint budget).
 */
export default function PageConfig({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} renderEmpty={renderEmpty}>
      {children}
    </ConfigProvider>
  );
}
