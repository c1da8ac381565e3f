import { z } from 'zod';
import { ZPage } from '../common';
import { ZInstitutionListItem } from './institutions.schema';

/**
 * The guide's two FAQ problems, answered where the unit looks: which fields a 变更 will ask for
 * (imported records may be incomplete), and when the signed-in unit's name differs from the name
 * of an institution with its USCC.
 */
export const ZMissingField = z.object({ section: z.string(), label: z.string() });
export type TMissingField = z.infer<typeof ZMissingField>;

/** 主页 and 查询: the unit's institutions, and what the unit should know about them. */
export const ZInstitutionListPage = ZPage(ZInstitutionListItem).extend({ notices: z.array(z.string()) });
export type TInstitutionListPage = z.infer<typeof ZInstitutionListPage>;

/** 「您登录的单位名称“X”与统一社会信用代码相同的机构名称“Y”不一致。…」 */
export const nameMismatchNotice = (unitName: string, institutionName: string) =>
  `您登录的单位名称“${unitName}”与统一社会信用代码相同的机构名称“${institutionName}”不一致。如单位已更名，请通过变更申请更新机构名称；如信息有误，请联系审批部门。`;

/** Missing fields by section, sections and labels in the order they come. */
export function groupMissingFields(fields: readonly TMissingField[]): [section: string, labels: string[]][] {
  const bySection = new Map<string, string[]>();
  for (const f of fields) bySection.set(f.section, [...(bySection.get(f.section) ?? []), f.label]);
  return [...bySection];
}
