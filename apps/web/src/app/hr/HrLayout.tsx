import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, Outlet, useNavigate } from 'react-router-dom';
import { Button, Dropdown, Grid, Space, Tabs } from 'antd';
import { FontSizeOutlined, LogoutOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { ProLayout } from '@ant-design/pro-components';
import { LargeTypeSwitch } from '../../components/LargeTypeSwitch';
import { Spinner } from '../../components/Spinner';
import { NotificationBell } from '../../features/notifications/components/NotificationBell';
import { useCurrentUser, useLogout } from '../../lib/session';
import { ACCOUNT_SETTINGS_PATH, buildMenu, HR_BASE, routesFor, selectedMenuKeys } from './hr-routes';
import { setLargeType, useLargeType } from '../../lib/large-type';
import { TabSubjectContext } from '../../lib/tab-subject';
import { watchAntdAria } from '../../lib/antd-aria';
import { useHrTabs } from './useHrTabs';
import { helpFor } from './page-help';
import { PageHelp } from './PageHelp';
import './hr.css';

const TITLE = '吉林人力资源市场管理';
/** Accessible names of the tab bar's icon-only buttons (rc-tabs defaults to English). */
const TAB_LOCALE = { removeAriaLabel: '关闭标签页', dropdownAriaLabel: '更多标签页', addAriaLabel: '新建标签页' };

function Logo() {
  return (
    <svg className="hr-logo" viewBox="0 0 24 24" width="28" height="28" fill="currentColor" aria-hidden="true">
      <path d="M12 2 2 7v2h20V7L12 2zm-7 9v7h2v-7H5zm4 0v7h2v-7H9zm4 0v7h2v-7h-2zm4 0v7h2v-7h-2zM2 20v2h20v-2H2z" />
    </svg>
  );
}

/**
 * The phone header's user menu: the unit and the user's names in full (the bar has no room for
 * them), 账号设置, 大字版 and 退出登录.
 */
function UserMenu({ orgName, userName, pending, onLogout }: { orgName: string; userName: string; pending: boolean; onLogout: () => void }) {
  const large = useLargeType();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'who',
            disabled: true,
            className: 'hr-user-menu-who',
            label: (
              <span>
                {orgName && (
                  <span className="hr-user-menu-org" data-testid="current-unit">
                    {orgName}
                  </span>
                )}
                <span data-testid="current-user">{userName}</span>
              </span>
            ),
          },
          { type: 'divider' },
          { key: 'settings', icon: <SettingOutlined />, label: <Link to={ACCOUNT_SETTINGS_PATH}>账号设置</Link> },
          { key: 'large-type', icon: <FontSizeOutlined />, label: large ? '标准版' : '大字版', onClick: () => setLargeType(!large) },
          { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', disabled: pending, onClick: onLogout },
        ],
      }}
    >
      <Button size="small" icon={<UserOutlined />} aria-label={`用户菜单：${userName}`} className="hr-user-menu-button">
        <span className="hr-user-menu-name">{userName}</span>
      </Button>
    </Dropdown>
  );
}

export function HrLayout() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { logout, pending } = useLogout();
  const routes = useMemo(() => routesFor(user.role), [user.role]);
  const menu = useMemo(() => buildMenu(user.role), [user.role]);
  const [subjects, setSubjects] = useState<Record<string, string>>({});
  const setSubject = useCallback((path: string, subject: string) => setSubjects((s) => (s[path] === subject ? s : { ...s, [path]: subject })), []);
  const { tabs, active, activate, close } = useHrTabs(routes, subjects);
  const orgName = user.unit?.name ?? user.department?.name ?? '';
  const mainRef = useRef<HTMLDivElement>(null);
  // below antd's md breakpoint (768 px) ProLayout is in its mobile mode: a compact header
  const phone = !Grid.useBreakpoint().md;
  const help = useMemo(() => (active ? helpFor(active, user.role, menu) : undefined), [active, user.role, menu]);

  useEffect(() => (mainRef.current ? watchAntdAria(mainRef.current) : undefined), []);

  useEffect(() => {
    // With a fixed header ProLayout renders an empty spacer <header> before the real one: two
    // banner landmarks for assistive technology. The spacer is layout only.
    const layout = mainRef.current?.closest('.ant-pro-layout');
    layout?.querySelectorAll('header.ant-layout-header').forEach((el) => {
      if (el.childElementCount === 0) el.setAttribute('role', 'none');
    });
  });

  return (
    <ProLayout
      title={TITLE}
      // a phone's header has no room for the title beside the menu: it goes with the logo
      logo={
        phone ? (
          <span className="hr-phone-brand">
            <Logo />
            <h1 className="hr-phone-title">{TITLE}</h1>
          </span>
        ) : (
          <Logo />
        )
      }
      layout="mix"
      fixedHeader
      fixSiderbar
      siderWidth={256}
      splitMenus={false}
      route={{ path: HR_BASE, children: menu }}
      location={{ pathname: active ?? HR_BASE }}
      selectedKeys={selectedMenuKeys(menu, active ?? HR_BASE)}
      onMenuHeaderClick={() => void navigate(HR_BASE)}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      pageTitleRender={(_props, _default, info) => (info?.pageName ? `${info.pageName} - ${TITLE}` : TITLE)}
      actionsRender={() => [
        phone ? (
          <Space key="user" size="middle" className="hr-user">
            <NotificationBell />
            <UserMenu orgName={orgName} userName={user.name} pending={pending} onLogout={() => void logout()} />
          </Space>
        ) : (
          <Space key="user" size="middle" className="hr-user">
            {orgName && <span data-testid="current-unit">{orgName}</span>}
            <NotificationBell />
            <span data-testid="current-user">{user.name}</span>
            <Link to={ACCOUNT_SETTINGS_PATH} className="hr-user-link">
              <SettingOutlined aria-hidden /> 账号设置
            </Link>
            <LargeTypeSwitch />
            <Button size="small" icon={<LogoutOutlined />} loading={pending} onClick={() => void logout()}>
              退出登录
            </Button>
          </Space>
        ),
      ]}
      footerRender={() => <footer className="hr-footer">吉林省人力资源和社会保障厅</footer>}
      token={{
        header: {
          colorBgHeader: '#1d4e9e',
          colorHeaderTitle: '#ffffff',
          colorTextRightActionsItem: '#ffffff',
          heightLayoutHeader: 56,
        },
        pageContainer: { paddingBlockPageContainerContent: 0, paddingInlinePageContainerContent: 0 },
      }}
    >
      <div className="hr-main" ref={mainRef}>
        <Tabs
          className="hr-tabs"
          type="editable-card"
          hideAdd
          size="small"
          locale={TAB_LOCALE}
          activeKey={active ?? ''}
          onChange={activate}
          onEdit={(key, action) => {
            if (action === 'remove' && typeof key === 'string') close(key);
          }}
          items={tabs.map((t) => ({ key: t.key, label: t.label, closable: t.closable }))}
          // at the tab bar's end: beside the page's title without moving the page down
          tabBarExtraContent={{ right: <PageHelp key={active ?? ''} help={help} phone={phone} /> }}
        />
        <div className="hr-page">
          <Suspense
            fallback={
              <div className="hr-page-loading">
                <Spinner />
              </div>
            }
          >
            <TabSubjectContext.Provider value={setSubject}>
              <Outlet />
            </TabSubjectContext.Provider>
          </Suspense>
        </div>
      </div>
    </ProLayout>
  );
}
