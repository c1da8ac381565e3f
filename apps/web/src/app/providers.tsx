import type { ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import { QueryClientProvider } from '@tanstack/react-query';
import { LARGE_TYPE_TOKENS, useLargeType } from '../lib/large-type';
import { queryClient } from './query-client';

// dayjs's zh-cn locale is set in ./dayjs, imported by the business system's chunk (HrApp).
// antd's zh_CN locale and the 没有数据 empty state come with every lazily loaded page
// (./page-config.tsx): the login page needs neither before its first paint.

// WCAG AA contrast (4.5:1) on white: antd's default blue (#1677ff) is 4.1:1, its secondary
// text (labels of Descriptions, hints) 0.45 black is 3.4:1 and its error red (#ff4d4f, the
// messages under form fields) 3.3:1. These are 5.7:1, 5:1 and 4.6:1.
const theme = {
  token: {
    colorPrimary: '#1560d4',
    colorLink: '#1560d4',
    colorTextTertiary: 'rgba(0, 0, 0, 0.56)',
    colorTextDescription: 'rgba(0, 0, 0, 0.56)',
    colorError: '#d9363e',
  },
};

const largeTheme = { token: { ...theme.token, ...LARGE_TYPE_TOKENS } };

export function Providers({ children }: { children: ReactNode }) {
  const large = useLargeType();
  return (
    // autoInsertSpace off: antd would render 登录 as "登 录", which is not the guide's label and
    // not the button's accessible name.
    <ConfigProvider theme={large ? largeTheme : theme} button={{ autoInsertSpace: false }}>
      {/* antd's <App> (message/modal context) lives in the business system's lazy chunk: it pulls
          Modal and notifications, which the login page does not need before first paint. */}
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ConfigProvider>
  );
}
