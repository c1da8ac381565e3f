import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { App as AntdApp } from 'antd';
import './public-layout.css';
import { LargeTypeSwitch } from './LargeTypeSwitch';

/** The login page (accounts' LOGIN_PATH): components do not import features. */
const LOGIN_PATH = '/login';

export interface PublicLayoutProps {
  /** The page's title, also the last crumb of 当前位置. */
  title: string;
  children: ReactNode;
  /** Narrower content column (forms) or the full width (tables). */
  width?: 'form' | 'wide';
  /** Extra actions on the right of the header (去登录 is always there). */
  headerExtra?: ReactNode;
}

/**
 * The frame of the public pages (法人注册, 账号申诉, 公示查询, 许可证验证, the dev outbox): the system's name, 当前位置
 * as in the guide (首页 > 法人注册), the page in a white panel, and the help line.
 */
export function PublicLayout({ title, children, width = 'form', headerExtra }: PublicLayoutProps) {
  return (
    <AntdApp component={false}>
      <div className="public-page">
        <header className="public-header">
          <Link to={LOGIN_PATH} className="public-brand">
            <svg viewBox="0 0 24 24" width="1em" height="1em" fill="currentColor" aria-hidden="true">
              <path d="M12 2 2 7v2h20V7L12 2zm-7 9v7h2v-7H5zm4 0v7h2v-7H9zm4 0v7h2v-7h-2zm4 0v7h2v-7h-2zM2 20v2h20v-2H2z" />
            </svg>
            <span>吉林人力资源市场管理</span>
          </Link>
          <nav className="public-header-nav" aria-label="快捷链接">
            {headerExtra}
            <LargeTypeSwitch />
            <Link to={LOGIN_PATH}>去登录</Link>
          </nav>
        </header>
        <main className={width === 'wide' ? 'public-main public-main-wide' : 'public-main'}>
          <nav className="public-breadcrumb" aria-label="当前位置">
            当前位置: <Link to={LOGIN_PATH}>首页</Link>
            <span aria-hidden="true"> &gt; </span>
            <span aria-current="page">{title}</span>
          </nav>
          <section className="public-panel" aria-labelledby="public-page-title">
            <h1 id="public-page-title" className="public-title">
              {title}
            </h1>
            {children}
          </section>
        </main>
      </div>
    </AntdApp>
  );
}
