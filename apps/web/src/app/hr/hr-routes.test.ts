import { lazy } from 'react';
import { describe, expect, it } from 'vitest';
import { buildMenu, findRoute, HR_ROUTES, relativePath, routesFor, selectedMenuKeys, type HrMenuItem, type HrRoute } from './hr-routes';

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

describe('the account and administration pages of the real route table', () => {
  const group = (menu: HrMenuItem[], name: string) => menu.find((i) => i.name === name);
  const names = (item: HrMenuItem | undefined) => item?.children?.map((c) => c.name);

  it('gives the legal person 账号管理 with 经办人管理 and 账号设置, and no 系统管理', () => {
    const menu = buildMenu('legal');
    expect(names(group(menu, '账号管理'))).toEqual(['经办人管理', '账号设置']);
    expect(group(menu, '账号管理')?.path).toBe('/hr/accounts');
    expect(group(menu, '系统管理')).toBeUndefined();
  });

  it('gives an agent 账号设置 but not 经办人管理', () => {
    const menu = buildMenu('agent');
    expect(names(group(menu, '账号管理'))).toEqual(['账号设置']);
    expect(routesFor('agent').map((r) => r.path)).not.toContain('/hr/accounts/agents');
    expect(group(menu, '系统管理')).toBeUndefined();
  });

  it('gives the administrator 系统管理 with 账号申诉处理, after 账号管理', () => {
    const menu = buildMenu('admin');
    expect(names(group(menu, '系统管理'))).toEqual(expect.arrayContaining(['账号申诉处理', '数据导入']));
    expect(group(menu, '系统管理')?.path).toBe('/hr/admin');
    expect(names(group(menu, '账号管理'))).toEqual(['账号设置']);
    const order = menu.map((i) => i.name);
    expect(order.indexOf('账号管理')).toBeLessThan(order.indexOf('系统管理'));
  });

  it('lets a reviewer reach 主页, 消息中心, the 审核管理 pages and 账号设置', () => {
    expect(routesFor('reviewer').map((r) => r.name)).toEqual(['主页', '消息中心', '统计分析', '待审核', '已审核', '核查任务', '核查', '双随机抽查', '抽查计划', '审核', '账号设置']);
  });

  it('places the account groups after the three business groups', () => {
    const mixed: HrRoute[] = [
      ...HR_ROUTES,
      { path: '/hr/integrity/query', name: '人力资源诚信示范机构查询', group: '人力资源诚信体系管理', element: Page },
    ];
    expect(buildMenu('admin', mixed).map((i) => i.name)).toEqual(['主页', '消息中心', '人力资源市场统计', '人力资源诚信体系管理', '审核管理', '账号管理', '系统管理']);
  });

  it('finds every page of the accounts groups by its path', () => {
    expect(findRoute('/hr/accounts/agents')?.roles).toEqual(['legal']);
    expect(findRoute('/hr/accounts/settings')?.roles).toBeUndefined();
    expect(findRoute('/hr/admin/appeals')?.roles).toEqual(['admin']);
    expect(findRoute('/hr/admin/imports')?.roles).toEqual(['admin']);
  });
});

describe('the 系统管理 pages of the real route table', () => {
  it('lists the administrator’s pages first, in this order, for administrators only', () => {
    const pages = buildMenu('admin').find((i) => i.name === '系统管理')?.children?.map((c) => c.name) ?? [];
    expect(pages.slice(0, 6)).toEqual(['审批部门管理', '审核人员管理', '系统设置', '节假日设置', '数据字典', '审计日志']);
    for (const path of ['/hr/admin/departments', '/hr/admin/reviewers', '/hr/admin/settings', '/hr/admin/calendar', '/hr/admin/dictionaries', '/hr/admin/audit']) {
      expect(findRoute(path)?.roles, path).toEqual(['admin']);
      for (const role of ['legal', 'agent', 'reviewer'] as const) expect(routesFor(role).map((r) => r.path)).not.toContain(path);
    }
  });
});

describe('the institution pages of the real route table', () => {
  const group = (menu: HrMenuItem[]) => menu.find((i) => i.name === '人力资源服务机构管理');

  it('gives an agent 人力资源服务机构查询, 设立审批, 变更, 注销 and, last, 人力资源从业人员信息补录, in the guide order', () => {
    const items = group(buildMenu('agent'))?.children?.map((c) => [c.name, c.path]);
    expect(items).toEqual([
      ['人力资源服务机构查询', '/hr/institutions/query'],
      ['人力资源服务机构设立审批', '/hr/institutions/establishment'],
      ['人力资源服务机构变更', '/hr/institutions/change'],
      ['人力资源服务机构注销', '/hr/institutions/cancellation'],
      ['人力资源从业人员信息补录', '/hr/institutions/practitioners'],
    ]);
  });

  it('finds 机构注销申请, off the menu, new and saved, as one page component', () => {
    const id = '7fc3e538-e8dc-4fa9-b20e-1ca87f073246';
    const saved = findRoute(`/hr/institutions/cancellation/apply/${id}`);
    expect(saved).toMatchObject({ name: '机构注销申请', inMenu: false, roles: ['agent'] });
    expect(saved?.element).toBe(findRoute('/hr/institutions/cancellation/apply')?.element);
    expect(findRoute('/hr/institutions/cancellation')?.name).toBe('人力资源服务机构注销');
  });

  it('finds 机构变更申请, off the menu, new and saved, as one page component', () => {
    const saved = findRoute('/hr/institutions/change/apply/7fc3e538-e8dc-4fa9-b20e-1ca87f073246');
    expect(saved).toMatchObject({ name: '机构变更申请', inMenu: false, roles: ['agent'] });
    expect(saved?.element).toBe(findRoute('/hr/institutions/change/apply')?.element);
    expect(findRoute('/hr/institutions/change')?.name).toBe('人力资源服务机构变更');
  });

  it('finds 许可证补办申请 and 许可证延续申请, off the menu, new and saved, each as one page component, for the agent only', () => {
    const id = '7fc3e538-e8dc-4fa9-b20e-1ca87f073246';
    for (const [kind, name] of [
      ['reissue', '许可证补办申请'],
      ['renewal', '许可证延续申请'],
    ] as const) {
      const saved = findRoute(`/hr/institutions/${kind}/apply/${id}`);
      expect(saved).toMatchObject({ name, inMenu: false, roles: ['agent'], group: '人力资源服务机构管理' });
      expect(saved?.element).toBe(findRoute(`/hr/institutions/${kind}/apply`)?.element);
      expect(routesFor('legal').map((r) => r.name)).not.toContain(name);
    }
    expect(findRoute(`/hr/institutions/renewal/apply/${id}`)?.element).not.toBe(findRoute(`/hr/institutions/reissue/apply/${id}`)?.element);
  });

  it('lets the legal person query (read-only) and keep practitioners, but not establish or cancel', () => {
    expect(group(buildMenu('legal'))?.children?.map((c) => c.name)).toEqual(['人力资源服务机构查询', '人力资源从业人员信息补录']);
    expect(routesFor('legal').map((r) => r.path)).toContain('/hr/institutions/:id/view');
    expect(routesFor('legal').map((r) => r.path)).not.toContain('/hr/institutions/establishment/:applicationId');
    expect(routesFor('legal').map((r) => r.path)).not.toContain('/hr/institutions/cancellation');
  });

  it('finds the edit and view pages, off the menu, by their concrete paths', () => {
    const id = '7fc3e538-e8dc-4fa9-b20e-1ca87f073246';
    const edit = findRoute(`/hr/institutions/establishment/${id}`);
    expect(edit?.name).toBe('人力资源服务机构设立审批');
    expect(edit?.inMenu).toBe(false);
    // one page component for both establishment routes: the URL change after the first 保存 keeps it
    expect(edit?.element).toBe(findRoute('/hr/institutions/establishment')?.element);
    expect(findRoute(`/hr/institutions/${id}/view`)?.name).toBe('人力资源服务机构查看');
    expect(findRoute('/hr/institutions/query')?.roles).toEqual(['agent', 'legal']);
  });
});

describe('the reviewer and message pages of the real route table', () => {
  it('gives a reviewer the 审核管理 group (待审核, 已审核, 核查任务, 双随机抽查) before 账号管理, an admin its 核查任务 and 双随机抽查 only, and nobody else', () => {
    const menu = buildMenu('reviewer');
    expect(menu.map((i) => i.name)).toEqual(['主页', '消息中心', '人力资源市场统计', '审核管理', '账号管理']);
    const reviews = menu.find((i) => i.name === '审核管理');
    expect(reviews?.path).toBe('/hr/reviews');
    expect(reviews?.children?.map((c) => [c.name, c.path])).toEqual([
      ['待审核', '/hr/reviews/pending'],
      ['已审核', '/hr/reviews/done'],
      ['核查任务', '/hr/reviews/inspections'],
      ['双随机抽查', '/hr/reviews/spot-checks'],
    ]);
    expect(buildMenu('admin').find((i) => i.name === '审核管理')?.children?.map((c) => [c.name, c.path])).toEqual([
      ['核查任务', '/hr/reviews/inspections'],
      ['双随机抽查', '/hr/reviews/spot-checks'],
    ]);
    expect(findRoute('/hr/reviews/spot-checks/0b5c2c8e-2f0e-4a47-9a43-1f2d3e4c5b6a')?.name).toBe('抽查计划');
    for (const role of ['legal', 'agent'] as const) expect(buildMenu(role).some((i) => i.name === '审核管理')).toBe(false);
  });

  it('gives reviewers and admins 统计分析 under 人力资源市场统计, and no unit user', () => {
    for (const role of ['reviewer', 'admin'] as const) {
      const group = buildMenu(role).find((i) => i.name === '人力资源市场统计');
      expect(group?.children?.map((c) => [c.name, c.path])).toEqual([['统计分析', '/hr/annual-reports/analysis']]);
    }
    for (const role of ['legal', 'agent'] as const) expect(routesFor(role).map((r) => r.name)).not.toContain('统计分析');
  });

  it('finds the lists before the detail page, whose id could be read as "pending"', () => {
    expect(findRoute('/hr/reviews/pending')?.name).toBe('待审核');
    expect(findRoute('/hr/reviews/done')?.name).toBe('已审核');
    const detail = findRoute('/hr/reviews/7fc3e538-e8dc-4fa9-b20e-1ca87f073246');
    expect(detail?.name).toBe('审核');
    expect(detail?.inMenu).toBe(false);
  });

  it('offers 消息中心 to every role as a top-level item', () => {
    for (const role of ['legal', 'agent', 'reviewer', 'admin'] as const) expect(buildMenu(role)[1]).toMatchObject({ name: '消息中心', path: '/hr/messages' });
  });
});

describe('selectedMenuKeys', () => {
  const menu = buildMenu('agent');
  it('selects the page’s own item and not 主页 beside it', () => {
    expect(selectedMenuKeys(menu, '/hr/institutions/query')).toEqual(['/hr/institutions/query']);
    expect(selectedMenuKeys(menu, '/hr')).toEqual(['/hr']);
  });
  it('selects the nearest item above a page that has none (a draft under its list)', () => {
    expect(selectedMenuKeys(menu, '/hr/institutions/establishment/4f1c2d3e-0000-4000-8000-000000000000')).toEqual(['/hr/institutions/establishment']);
  });
  it('selects nothing for a page outside the menu', () => {
    expect(selectedMenuKeys(menu, '/hr/no-such-page')).toEqual([]);
  });
});
