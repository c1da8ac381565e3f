import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { matchPath } from 'react-router-dom';
import { BellOutlined, HomeOutlined } from '@ant-design/icons';
import type { TRole } from '@jhrm/contracts';
import {
  CHANGE_EDIT_PATTERN,
  CHANGE_LIST_PATH,
  CHANGE_NEW_PATH,
  CANCELLATION_EDIT_PATTERN,
  CANCELLATION_LIST_PATH,
  CANCELLATION_NEW_PATH,
  ESTABLISHMENT_EDIT_PATTERN,
  ESTABLISHMENT_PATH,
  INSTITUTION_QUERY_PATH,
  INSTITUTION_VIEW_PATTERN,
  REISSUE_EDIT_PATTERN,
  REISSUE_NEW_PATH,
  RENEWAL_EDIT_PATTERN,
  RENEWAL_NEW_PATH,
} from '../../features/institutions/paths';
import {
  ADMIN_AUDIT_PATH,
  ADMIN_CALENDAR_PATH,
  ADMIN_DEPARTMENTS_PATH,
  ADMIN_DICTIONARIES_PATH,
  ADMIN_REVIEWERS_PATH,
  ADMIN_SETTINGS_PATH,
  ADMIN_IMPORTS_PATH,
  ADMIN_APPEALS_PATH,
} from '../../features/admin/paths';
import {
  INSPECTION_DETAIL_PATTERN,
  INSPECTIONS_PATH,
  REVIEW_DETAIL_PATTERN,
  REVIEWS_DONE_PATH,
  REVIEWS_GROUP_PATH,
  REVIEWS_PENDING_PATH,
  SPOT_CHECK_DETAIL_PATTERN,
  SPOT_CHECKS_PATH,
} from '../../features/reviews/paths';
import { MESSAGES_PATH } from '../../features/notifications/paths';
import { PRACTITIONERS_PATH } from '../../features/practitioners/paths';
import { CREDIT_EDIT_PATTERN, CREDIT_GROUP_PATH, CREDIT_NEW_PATH, CREDIT_QUERY_PATH } from '../../features/credit/paths';
import { STATISTICS_EDIT_PATTERN, STATISTICS_ENTRY_PATH, STATISTICS_QUERY_PATH } from '../../features/statistics/paths';
import { STATISTICS_ANALYSIS_PATH } from '../../features/statistics-analysis/paths';

export const HR_BASE = '/hr';

/**
 * The left menu's groups, in the order of SPEC §2. A group is shown only when at least one of
 * its pages is visible to the signed-in role. `path` is the group's URL prefix (menu key).
 */
export const HR_GROUPS = [
  { name: '人力资源服务机构管理', path: '/hr/institutions' },
  { name: '人力资源市场统计', path: '/hr/annual-reports' },
  { name: '人力资源诚信体系管理', path: CREDIT_GROUP_PATH },
  { name: '审核管理', path: REVIEWS_GROUP_PATH },
  { name: '账号管理', path: '/hr/accounts' },
  { name: '系统管理', path: '/hr/admin' },
] as const satisfies readonly { name: string; path: string }[];
export type HrGroupName = (typeof HR_GROUPS)[number]['name'];

export interface HrRoute {
  /** Absolute path under /hr; may hold params (`/hr/institutions/:id`) for pages off the menu. */
  path: string;
  /** Menu label and tab label. */
  name: string;
  /** Left-menu group; none = a top-level item. */
  group?: HrGroupName;
  /** Who may open it; none = every signed-in role. */
  roles?: readonly TRole[];
  /** false = reachable (and gets a tab) but not listed in the menu, e.g. a detail page. */
  inMenu?: boolean;
  icon?: ReactNode;
  element: LazyExoticComponent<ComponentType>;
}

/** Paths other parts of the shell link to (header, 主页). */
export const AGENTS_PATH = '/hr/accounts/agents';
export const ACCOUNT_SETTINGS_PATH = '/hr/accounts/settings';

/**
 * Every page of the business system: one entry per page (path, name, group, roles and the lazy
 * page chunk); pages with params are `inMenu: false` and still get a tab.
 */
/** One lazy component for both establishment routes: saving a new draft moves the URL from the
 *  first to the second and React keeps the page (and everything typed) mounted. */
const EstablishmentPage = lazy(() => import('./pages/EstablishmentPage'));
/** The same for 机构注销申请. */
const CancellationPage = lazy(() => import('./pages/CancellationPage'));
/** The same for 许可证补办申请. */
const ReissuePage = lazy(() => import('./pages/ReissuePage'));
/** The same for 许可证延续申请. */
const RenewalPage = lazy(() => import('./pages/RenewalPage'));
/** The same for 机构变更申请. */
const ChangePage = lazy(() => import('./pages/ChangePage'));
/** The same for 人力资源诚信示范机构新增. */
const CreditPage = lazy(() => import('./pages/CreditPage'));
/** The same for 业务基本情况录入 (a saved report is also 查询's 查看 / 修改). */
const StatisticsPage = lazy(() => import('./pages/StatisticsPage'));

export const HR_ROUTES: readonly HrRoute[] = [
  { path: HR_BASE, name: '主页', icon: <HomeOutlined />, element: lazy(() => import('./HomePage')) },
  { path: MESSAGES_PATH, name: '消息中心', icon: <BellOutlined />, element: lazy(() => import('../../features/notifications/pages/MessagesPage')) },
  {
    path: INSTITUTION_QUERY_PATH,
    name: '人力资源服务机构查询',
    group: '人力资源服务机构管理',
    roles: ['agent', 'legal'],
    element: lazy(() => import('../../features/institutions/pages/InstitutionQueryPage')),
  },
  {
    path: ESTABLISHMENT_PATH,
    name: '人力资源服务机构设立审批',
    group: '人力资源服务机构管理',
    roles: ['agent'],
    element: EstablishmentPage,
  },
  {
    path: ESTABLISHMENT_EDIT_PATTERN,
    name: '人力资源服务机构设立审批',
    group: '人力资源服务机构管理',
    roles: ['agent'],
    inMenu: false,
    element: EstablishmentPage,
  },
  {
    path: CHANGE_LIST_PATH,
    name: '人力资源服务机构变更',
    group: '人力资源服务机构管理',
    roles: ['agent'],
    element: lazy(() => import('../../features/institutions/pages/ChangeListPage')),
  },
  {
    path: CHANGE_NEW_PATH,
    name: '机构变更申请',
    group: '人力资源服务机构管理',
    roles: ['agent'],
    inMenu: false,
    element: ChangePage,
  },
  {
    path: CHANGE_EDIT_PATTERN,
    name: '机构变更申请',
    group: '人力资源服务机构管理',
    roles: ['agent'],
    inMenu: false,
    element: ChangePage,
  },
  {
    path: CANCELLATION_LIST_PATH,
    name: '人力资源服务机构注销',
    group: '人力资源服务机构管理',
    roles: ['agent'],
    element: lazy(() => import('../../features/institutions/pages/CancellationListPage')),
  },
  {
    path: CANCELLATION_NEW_PATH,
    name: '机构注销申请',
    group: '人力资源服务机构管理',
    roles: ['agent'],
    inMenu: false,
    element: CancellationPage,
  },
  {
    path: CANCELLATION_EDIT_PATTERN,
    name: '机构注销申请',
    group: '人力资源服务机构管理',
    roles: ['agent'],
    inMenu: false,
    element: CancellationPage,
  },
  {
    path: REISSUE_NEW_PATH,
    name: '许可证补办申请',
    group: '人力资源服务机构管理',
    roles: ['agent'],
    inMenu: false,
    element: ReissuePage,
  },
  {
    path: REISSUE_EDIT_PATTERN,
    name: '许可证补办申请',
    group: '人力资源服务机构管理',
    roles: ['agent'],
    inMenu: false,
    element: ReissuePage,
  },
  {
    path: RENEWAL_NEW_PATH,
    name: '许可证延续申请',
    group: '人力资源服务机构管理',
    roles: ['agent'],
    inMenu: false,
    element: RenewalPage,
  },
  {
    path: RENEWAL_EDIT_PATTERN,
    name: '许可证延续申请',
    group: '人力资源服务机构管理',
    roles: ['agent'],
    inMenu: false,
    element: RenewalPage,
  },
  {
    path: INSTITUTION_VIEW_PATTERN,
    name: '人力资源服务机构查看',
    group: '人力资源服务机构管理',
    roles: ['agent', 'legal'],
    inMenu: false,
    element: lazy(() => import('./pages/InstitutionViewPage')),
  },
  {
    // guide 1.5, the group's last item (after 注销)
    path: PRACTITIONERS_PATH,
    name: '人力资源从业人员信息补录',
    group: '人力资源服务机构管理',
    roles: ['legal', 'agent'],
    element: lazy(() => import('../../features/practitioners/pages/PractitionersPage')),
  },
  // 人力资源市场统计 (guide 2.1, 2.2)
  {
    path: STATISTICS_ENTRY_PATH,
    name: '业务基本情况录入',
    group: '人力资源市场统计',
    roles: ['agent'],
    element: StatisticsPage,
  },
  {
    path: STATISTICS_QUERY_PATH,
    name: '业务基本情况查询',
    group: '人力资源市场统计',
    roles: ['agent', 'legal'],
    element: lazy(() => import('../../features/statistics/pages/StatisticsQueryPage')),
  },
  {
    path: STATISTICS_EDIT_PATTERN,
    name: '业务基本情况录入',
    group: '人力资源市场统计',
    roles: ['agent', 'legal'],
    inMenu: false,
    element: StatisticsPage,
  },
  {
    path: CREDIT_QUERY_PATH,
    name: '人力资源诚信示范机构查询',
    group: '人力资源诚信体系管理',
    roles: ['agent', 'legal'],
    element: lazy(() => import('../../features/credit/pages/CreditQueryPage')),
  },
  {
    path: CREDIT_NEW_PATH,
    name: '人力资源诚信示范机构新增',
    group: '人力资源诚信体系管理',
    roles: ['agent'],
    element: CreditPage,
  },
  {
    path: CREDIT_EDIT_PATTERN,
    name: '人力资源诚信示范机构新增',
    group: '人力资源诚信体系管理',
    roles: ['agent'],
    inMenu: false,
    element: CreditPage,
  },
  {
    // beyond the guide: the reviewers' and admins' view of the approved annual reports (decision 0027)
    path: STATISTICS_ANALYSIS_PATH,
    name: '统计分析',
    group: '人力资源市场统计',
    roles: ['reviewer', 'admin'],
    element: lazy(() => import('../../features/statistics-analysis/pages/StatisticsAnalysisPage')),
  },
  {
    path: REVIEWS_PENDING_PATH,
    name: '待审核',
    group: '审核管理',
    roles: ['reviewer'],
    element: lazy(() => import('../../features/reviews/pages/PendingReviewsPage')),
  },
  {
    path: REVIEWS_DONE_PATH,
    name: '已审核',
    group: '审核管理',
    roles: ['reviewer'],
    element: lazy(() => import('../../features/reviews/pages/DoneReviewsPage')),
  },
  {
    // 告知承诺制's 核查 (decision 0043): before the review page, whose :id matches "inspections" too
    path: INSPECTIONS_PATH,
    name: '核查任务',
    group: '审核管理',
    roles: ['reviewer', 'admin'],
    element: lazy(() => import('../../features/reviews/pages/InspectionsPage')),
  },
  {
    path: INSPECTION_DETAIL_PATTERN,
    name: '核查',
    group: '审核管理',
    roles: ['reviewer', 'admin'],
    inMenu: false,
    element: lazy(() => import('../../features/reviews/pages/InspectionPage')),
  },
  {
    // 双随机抽查 (decision 0049): administrators and city bureaus draw plans; before the review page too
    path: SPOT_CHECKS_PATH,
    name: '双随机抽查',
    group: '审核管理',
    roles: ['reviewer', 'admin'],
    element: lazy(() => import('../../features/reviews/pages/SpotChecksPage')),
  },
  {
    path: SPOT_CHECK_DETAIL_PATTERN,
    name: '抽查计划',
    group: '审核管理',
    roles: ['reviewer', 'admin'],
    inMenu: false,
    element: lazy(() => import('../../features/reviews/pages/SpotCheckPage')),
  },
  {
    // after the two lists: findRoute takes the first match, and :id matches "pending" too
    path: REVIEW_DETAIL_PATTERN,
    name: '审核',
    group: '审核管理',
    roles: ['reviewer'],
    inMenu: false,
    element: lazy(() => import('./pages/ReviewPage')),
  },
  {
    path: AGENTS_PATH,
    name: '经办人管理',
    group: '账号管理',
    roles: ['legal'],
    element: lazy(() => import('../../features/accounts/pages/AgentsPage')),
  },
  {
    path: ACCOUNT_SETTINGS_PATH,
    name: '账号设置',
    group: '账号管理',
    element: lazy(() => import('../../features/accounts/pages/AccountSettingsPage')),
  },
  {
    path: ADMIN_DEPARTMENTS_PATH,
    name: '审批部门管理',
    group: '系统管理',
    roles: ['admin'],
    element: lazy(() => import('../../features/admin/pages/DepartmentsPage')),
  },
  {
    path: ADMIN_REVIEWERS_PATH,
    name: '审核人员管理',
    group: '系统管理',
    roles: ['admin'],
    element: lazy(() => import('../../features/admin/pages/ReviewersPage')),
  },
  {
    path: ADMIN_SETTINGS_PATH,
    name: '系统设置',
    group: '系统管理',
    roles: ['admin'],
    element: lazy(() => import('../../features/admin/pages/SettingsPage')),
  },
  {
    path: ADMIN_CALENDAR_PATH,
    name: '节假日设置',
    group: '系统管理',
    roles: ['admin'],
    element: lazy(() => import('../../features/admin/pages/CalendarPage')),
  },
  {
    path: ADMIN_DICTIONARIES_PATH,
    name: '数据字典',
    group: '系统管理',
    roles: ['admin'],
    element: lazy(() => import('../../features/admin/pages/DictionariesPage')),
  },
  {
    path: ADMIN_AUDIT_PATH,
    name: '审计日志',
    group: '系统管理',
    roles: ['admin'],
    element: lazy(() => import('../../features/admin/pages/AuditLogPage')),
  },
  {
    path: ADMIN_APPEALS_PATH,
    name: '账号申诉处理',
    group: '系统管理',
    roles: ['admin'],
    element: lazy(() => import('../../features/admin/pages/AppealsPage')),
  },
  {
    path: ADMIN_IMPORTS_PATH,
    name: '数据导入',
    group: '系统管理',
    roles: ['admin'],
    element: lazy(() => import('../../features/admin/pages/ImportPage')),
  },
];

export function canSee(route: HrRoute, role: TRole): boolean {
  return !route.roles || route.roles.includes(role);
}

export function routesFor(role: TRole): HrRoute[] {
  return HR_ROUTES.filter((r) => canSee(r, role));
}

/** The route a concrete pathname belongs to (exact match, params allowed). */
export function findRoute(pathname: string, routes: readonly HrRoute[] = HR_ROUTES): HrRoute | undefined {
  const normalized = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return routes.find((r) => matchPath({ path: r.path, end: true }, normalized) !== null);
}

/** Path relative to /hr, for the descendant <Routes> under `/hr/*`. */
export function relativePath(path: string): string {
  return path === HR_BASE ? '' : path.slice(HR_BASE.length + 1);
}

export interface HrMenuItem {
  path: string;
  name: string;
  icon?: ReactNode;
  children?: HrMenuItem[];
}

/** ProLayout's menu data: top-level pages, then the groups that have pages, in table order. */
export function buildMenu(role: TRole, routes: readonly HrRoute[] = HR_ROUTES): HrMenuItem[] {
  const visible = routes.filter((r) => canSee(r, role) && r.inMenu !== false);
  const items: HrMenuItem[] = visible
    .filter((r) => !r.group)
    .map((r) => ({ path: r.path, name: r.name, ...(r.icon ? { icon: r.icon } : {}) }));
  for (const group of HR_GROUPS) {
    const children = visible
      .filter((r) => r.group === group.name)
      .map((r) => ({ path: r.path, name: r.name, ...(r.icon ? { icon: r.icon } : {}) }));
    if (children.length > 0) items.push({ path: group.path, name: group.name, children });
  }
  return items;
}

/**
 * The menu item to highlight for `pathname`: the item whose page it is, or the nearest one above it
 * (a 查看 page under its list). ProLayout would also highlight 主页, whose path is the prefix of every
 * page; 主页 is selected on 主页 only.
 */
export function selectedMenuKeys(menu: readonly HrMenuItem[], pathname: string): string[] {
  const leaves = menu.flatMap((item) => item.children ?? [item]);
  const owns = (path: string) => pathname === path || (path !== HR_BASE && pathname.startsWith(`${path}/`));
  const best = leaves.filter((item) => owns(item.path)).sort((a, b) => b.path.length - a.path.length)[0];
  return best ? [best.path] : [];
}
