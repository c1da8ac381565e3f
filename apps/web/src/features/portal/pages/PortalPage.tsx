import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Layout, Space, Typography } from 'antd';
import { LogoutOutlined, TeamOutlined } from '@ant-design/icons';
import { useCurrentUser, useLogout } from '../../../lib/session';
import './portal.css';

interface AppTile {
  key: string;
  label: string;
  to: string;
  icon: ReactNode;
}

/** The 应用入口 tiles. Every role sees 人力资源服务 for now; other systems add tiles here. */
const TILES: AppTile[] = [{ key: 'hr', label: '人力资源服务', to: '/hr', icon: <TeamOutlined /> }];

/** The entry's title: 单位网厅 for a unit's legal person and agents, 人社部门工作台 for bureau staff. */
export function portalBrand(role: string): string {
  return role === 'reviewer' || role === 'admin' ? '人社部门工作台' : '单位网厅';
}

export default function PortalPage() {
  const user = useCurrentUser();
  const { logout, pending } = useLogout();
  const orgName = user.unit?.name ?? user.department?.name ?? '';
  // a bureau's reviewers and admins enter their own workbench, not the units' 单位网厅
  const brand = portalBrand(user.role);

  return (
    <Layout className="portal">
      <Layout.Header className="portal-header">
        <span className="portal-brand">{brand}</span>
        <Space size="middle" className="portal-user">
          {orgName && <span data-testid="current-unit">{orgName}</span>}
          <span data-testid="current-user">{user.name}</span>
          <Button icon={<LogoutOutlined />} loading={pending} onClick={() => void logout()}>
            退出登录
          </Button>
        </Space>
      </Layout.Header>
      {/* Layout.Content renders the page's <main> landmark. */}
      <Layout.Content className="portal-content">
        <Typography.Title level={1} className="portal-title">
          应用入口
        </Typography.Title>
        <ul className="portal-tiles">
          {TILES.map((tile) => (
            <li key={tile.key}>
              <Link to={tile.to} className="portal-tile-link">
                <Card hoverable className="portal-tile">
                  <span className="portal-tile-icon" aria-hidden="true">
                    {tile.icon}
                  </span>
                  <span className="portal-tile-label">{tile.label}</span>
                </Card>
              </Link>
            </li>
          ))}
        </ul>
      </Layout.Content>
    </Layout>
  );
}
