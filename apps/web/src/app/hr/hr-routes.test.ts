import { lazy } from 'react';
import { describe, expect, it } from 'vitest';
import { buildMenu, findRoute, relativePath, type HrRoute } from './hr-routes';

const Page = lazy(async () => ({ default: () => null }));
const routes: HrRoute[] = [
  { path: '/hr', name: '主页', element: Page },
  { path: '/hr/institutions/query', name: '人力资源服务机构查询', group: '人力资源服务机构管理', roles: ['agent'], element: Page },
  { path: '/hr/institutions/:id', name: '机构详情', group: '人力资源服务机构管理', roles: ['agent'], inMenu: false, element: Page },
  { path: '/hr/integrity/query', name: '人力资源诚信示范机构查询', group: '人力资源诚信体系管理', element: Page },
];

describe('business system menu', () => {
  it('shows a group only when the role can see one of its pages, in the guide order', () => {
    expect(buildMenu('agent', routes).map((i) => i.name)).toEqual(['主页', '人力资源服务机构管理', '人力资源诚信体系管理']);
    expect(buildMenu('reviewer', routes).map((i) => i.name)).toEqual(['主页', '人力资源诚信体系管理']);
  });

  it('lists menu pages under their group and leaves out pages marked inMenu: false', () => {
    const group = buildMenu('agent', routes).find((i) => i.name === '人力资源服务机构管理');
    expect(group?.children?.map((c) => c.path)).toEqual(['/hr/institutions/query']);
  });

  it('matches concrete paths, params and trailing slashes to their route', () => {
    expect(findRoute('/hr/', routes)?.name).toBe('主页');
    expect(findRoute('/hr/institutions/42', routes)?.name).toBe('机构详情');
    expect(findRoute('/hr/nope', routes)).toBeUndefined();
  });

  it('makes paths relative for the descendant routes under /hr/*', () => {
    expect(relativePath('/hr')).toBe('');
    expect(relativePath('/hr/institutions/query')).toBe('institutions/query');
  });
});
