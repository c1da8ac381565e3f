import type { TInstitutionQuery } from '@jhrm/contracts';
import { cleanObject } from './draft';

/** The 查询条件 form of 人力资源服务机构查询 (guide 1.1). */
export type InstitutionFilters = Partial<Omit<TInstitutionQuery, 'page' | 'pageSize'>>;

const FILTER_KEYS: (keyof InstitutionFilters)[] = [
  'name',
  'uscc',
  'legalRep',
  'legalRepIdCard',
  'category',
  'licensed',
  'reviewStatus',
  'cancelStatus',
  'kind',
];

/** Only the conditions actually filled in, trimmed; 统一社会信用代码 and 法人身份证 upper-cased. */
export function toInstitutionQuery(values: Record<string, unknown> | null | undefined): InstitutionFilters {
  const out = cleanObject(values as InstitutionFilters | undefined, FILTER_KEYS);
  if (out.uscc) out.uscc = out.uscc.toUpperCase();
  if (out.legalRepIdCard) out.legalRepIdCard = out.legalRepIdCard.toUpperCase();
  return out;
}
