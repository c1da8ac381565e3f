import { AppErrorCode, PROVINCE_DEPARTMENT } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import type { DbOrTx } from '../../db/client';
import type { SessionUser } from '../accounts/sessions.service';
import { departments } from '../accounts/accounts.table';

type Level = 'province' | 'city' | 'county';
interface Dept {
  id: string;
  code: string;
  name: string;
  level: Level;
  parentId: string | null;
}

/**
 * The part of the province a reader's numbers cover, derived from the department tree: 省人社厅审批办
 * (and every admin) the province, a city bureau its city and its counties, a county itself.
 * `codes` is null for the province (no filter: every report is the province's), otherwise the
 * 审批部门 codes inside the area. `groupOf` names the row a department's reports are counted in
 * (按地区): the province counts by city (its own as 省本级), a city by itself and each county.
 */
export interface Area {
  code: string;
  name: string;
  level: Level;
  codes: string[] | null;
  groupOf(code: string | null): { code: string; name: string } | null;
  /** the groups in the dashboard's order (the tree's), every one shown even without reports */
  groups: { code: string; name: string }[];
  names: Map<string, string>;
}

const PROVINCE_OWN = '省本级';
const CITY_OWN = '市本级';

export async function readerArea(db: DbOrTx, user: SessionUser): Promise<Area> {
  const all = (await db.select({ id: departments.id, code: departments.code, name: departments.name, level: departments.level, parentId: departments.parentId }).from(departments)) as Dept[];
  all.sort((a, b) => a.code.localeCompare(b.code));
  const byId = new Map(all.map((d) => [d.id, d]));
  const names = new Map(all.map((d) => [d.code, d.name]));
  let root: Dept | undefined;
  if (user.role === 'admin') root = all.find((d) => d.level === 'province');
  else if (user.role === 'reviewer' && user.departmentId) root = byId.get(user.departmentId);
  if (!root) {
    if (user.role === 'admin') return provinceFallback(names);
    throw new AppError(AppErrorCode.FORBIDDEN, '当前账号未关联审批部门');
  }
  const children = (id: string) => all.filter((d) => d.parentId === id);
  const inside: Dept[] = [root];
  for (let i = 0; i < inside.length; i++) inside.push(...children(inside[i]!.id));
  const parentOf = (d: Dept) => (d.parentId ? byId.get(d.parentId) : undefined);
  const byCode = new Map(inside.map((d) => [d.code, d]));

  let groupOf: Area['groupOf'];
  let groups: Area['groups'];
  if (root.level === 'province') {
    const cities = children(root.id);
    groups = [{ code: root.code, name: PROVINCE_OWN }, ...cities.map((c) => ({ code: c.code, name: c.name }))];
    groupOf = (code) => {
      const d = code ? byCode.get(code) : undefined;
      if (!d || d.id === root.id) return groups[0]!;
      let city = d;
      while (city.parentId && city.parentId !== root.id) city = parentOf(city) ?? city;
      return { code: city.code, name: city.name };
    };
  } else {
    const below = inside.slice(1);
    groups = [{ code: root.code, name: root.level === 'city' ? CITY_OWN : root.name }, ...below.map((c) => ({ code: c.code, name: c.name }))];
    groupOf = (code) => {
      const d = code ? byCode.get(code) : undefined;
      if (!d) return null;
      if (d.id === root.id) return groups[0]!;
      // a department two levels down (none today) counts with its county
      let top = d;
      while (top.parentId && top.parentId !== root.id) top = parentOf(top) ?? top;
      return { code: top.code, name: top.name };
    };
  }
  return { code: root.code, name: root.name, level: root.level, codes: root.level === 'province' ? null : inside.map((d) => d.code), groupOf, groups, names };
}

/** An admin on a database without the province row (never seeded that way): the whole province, one group. */
function provinceFallback(names: Map<string, string>): Area {
  const own = { code: PROVINCE_DEPARTMENT.code, name: PROVINCE_OWN };
  return { code: PROVINCE_DEPARTMENT.code, name: PROVINCE_DEPARTMENT.name, level: 'province', codes: null, groupOf: () => own, groups: [own], names };
}
