import { describe, expect, it } from 'vitest';
import type { TRole } from '@jhrm/contracts';
import { buildMenu, HR_ROUTES, routesFor, type HrMenuItem } from './hr-routes';
import { FAQS, helpEntry, helpFor, PAGE_HELP, type FaqKey } from './page-help';

const ROLES: readonly TRole[] = ['agent', 'legal', 'reviewer', 'admin'];
const leaves = (menu: readonly HrMenuItem[]) => menu.flatMap((item) => item.children ?? [item]);

/** Where each FAQ answer belongs: the menu pages, for the roles that have them. */
const FAQ_PAGES: Record<FaqKey, readonly string[]> = {
  changeSaveFails: ['/hr/institutions/change'],
  institutionNotVisible: ['/hr/institutions/query', '/hr'],
};

describe('操作说明 catalogue', () => {
  for (const role of ROLES) {
    it(`has 2–5 steps for every page of the ${role} menu, titled from the route table`, () => {
      const menu = buildMenu(role);
      const pages = leaves(menu);
      expect(pages.length).toBeGreaterThan(2);
      for (const page of pages) {
        const help = helpFor(page.path, role, menu);
        expect(help, `${role} ${page.name}`).toBeDefined();
        expect(help!.title).toBe(page.name);
        expect(help!.steps.length, page.name).toBeGreaterThanOrEqual(2);
        expect(help!.steps.length, page.name).toBeLessThanOrEqual(5);
        for (const step of help!.steps) expect(step.length, step).toBeLessThanOrEqual(120);
      }
    });
  }

  it('keys every entry by a path of the route table', () => {
    const paths = new Set(HR_ROUTES.map((r) => r.path));
    for (const key of Object.keys(PAGE_HELP)) expect(paths, key).toContain(key);
  });

  it('shows each FAQ answer only on its pages (and on the pages opened from them)', () => {
    for (const role of ROLES) {
      const menu = buildMenu(role);
      for (const route of routesFor(role)) {
        // a concrete path for each route (params filled in)
        const path = route.path.replace(/:[A-Za-z]+/g, '7fc3e538-e8dc-4fa9-b20e-1ca87f073246');
        const help = helpFor(path, role, menu);
        const owner = [route.path, ...leaves(menu).map((l) => l.path).filter((p) => p !== '/hr' && path.startsWith(`${p}/`))];
        for (const key of Object.keys(FAQS) as FaqKey[]) {
          const expected = FAQ_PAGES[key].some((p) => owner.includes(p)) && (route.path !== '/hr' || role === 'agent' || role === 'legal');
          expect(help?.faqs?.includes(key) ?? false, `${role} ${route.path} ${key}`).toBe(expected);
        }
      }
    }
  });

  it('answers the two questions of the 操作指南 in its words', () => {
    expect(FAQS.changeSaveFails.answer).toContain('有可能该人力资源服务机构信息为导入数据，有些项不全导致');
    expect(FAQS.changeSaveFails.answer).toContain('联系审批部门');
    expect(FAQS.institutionNotVisible.answer).toContain('所以需要二者保持一致才能看到');
  });

  it('gives a saved 变更 the 变更 page’s help, the review page its own, and an unknown page none', () => {
    const agent = buildMenu('agent');
    expect(helpFor('/hr/institutions/change/apply/7fc3e538-e8dc-4fa9-b20e-1ca87f073246', 'agent', agent)?.faqs).toEqual(['changeSaveFails']);
    expect(helpFor('/hr/reviews/7fc3e538-e8dc-4fa9-b20e-1ca87f073246', 'reviewer', buildMenu('reviewer'))?.title).toBe('审核');
    expect(helpFor('/hr/institutions/7fc3e538-e8dc-4fa9-b20e-1ca87f073246/view', 'agent', agent)).toBeUndefined();
    expect(helpFor('/hr/no-such-page', 'agent', agent)).toBeUndefined();
    expect(helpEntry('/hr', 'reviewer')?.faqs).toBeUndefined();
  });

  it('gives 许可证延续申请, new and saved, its own steps', () => {
    const agent = buildMenu('agent');
    for (const path of ['/hr/institutions/renewal/apply', '/hr/institutions/renewal/apply/7fc3e538-e8dc-4fa9-b20e-1ca87f073246']) {
      const help = helpFor(path, 'agent', agent);
      expect(help?.title, path).toBe('许可证延续申请');
      expect(help?.steps.length).toBeGreaterThanOrEqual(2);
      expect(help?.steps.length).toBeLessThanOrEqual(5);
      for (const step of help!.steps) expect(step.length, step).toBeLessThanOrEqual(120);
      expect(help?.steps.join('')).toContain('延续申请表');
    }
  });
});
