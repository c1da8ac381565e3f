import { STATISTICS, STATISTICS_FIELD_ENTRIES, STATISTICS_TAB, type TApplicationDetail, type TStatisticsContent, type TStatisticsFieldKey } from '@jhrm/contracts';
import { createApplication, saveContent } from '../../lib/application-api';
import { STATISTICS_ENTRY_PATH, STATISTICS_QUERY_PATH, statisticsPath } from './paths';

/** The report form's antd name: its fields' element ids start with it (problem links focus them). */
export const STATISTICS_FORM = 'statistics';

/** The form's values: the institution and every field of the catalogue (blank ones null). */
export type StatisticsFormValues = { institutionId: string | null } & { [K in TStatisticsFieldKey]: unknown };

/** One form, one tab (problems name the fields by their catalogue key). */
export const STATISTICS_TABS = [{ key: STATISTICS_TAB, label: '业务基本情况' }] as const;

const blank = (): StatisticsFormValues =>
  ({ institutionId: null, ...Object.fromEntries(STATISTICS_FIELD_ENTRIES.map((e) => [e.key, null])) }) as StatisticsFormValues;

/** The report's content as the API answers it (a record kind's detail has `record` instead). */
const contentOf = (d: TApplicationDetail | null | undefined): Record<string, unknown> | null => {
  const c = (d as { content?: unknown } | null | undefined)?.content;
  return c && typeof c === 'object' && 'serviceYear' in c ? (c as Record<string, unknown>) : null;
};

/**
 * 统计 as a kind of the shared draft lifecycle: the whole report is saved with the generic
 * `/content` call; no materials, no video, no printable form. 提交 proposes the institution's 审批部门.
 */
export const statisticsDraft = {
  label: '业务基本情况录入',
  submitTitle: '提交业务基本情况',
  submitLabel: '提交',
  video: STATISTICS.video !== 'none',
  materials: STATISTICS.materialSlots.length > 0,
  formName: STATISTICS_FORM,
  tabs: STATISTICS_TABS,
  lists: [],
  departmentField: ['department'],
  toValues: (d: TApplicationDetail | null | undefined): StatisticsFormValues => {
    const c = contentOf(d);
    const values = blank();
    if (!c) return values;
    for (const { key } of STATISTICS_FIELD_ENTRIES) values[key] = c[key] ?? null;
    values.institutionId = (c.institutionId as string | undefined) ?? d?.institutionId ?? null;
    return values;
  },
  toDraft: (v: StatisticsFormValues): TStatisticsContent => {
    const content: Record<string, unknown> = { institutionId: v.institutionId ?? '' };
    for (const { key, field } of STATISTICS_FIELD_ENTRIES) {
      const x = v[key];
      content[key] = x === undefined || x === '' || (Array.isArray(x) && x.length === 0) ? null : typeof x === 'string' && field.input !== 'date' ? x.trim() : x;
    }
    return content as TStatisticsContent;
  },
  create: (content: TStatisticsContent) => createApplication(STATISTICS.name, content),
  save: saveContent,
  pathOf: (applicationId: string) => statisticsPath(applicationId),
  newPath: STATISTICS_ENTRY_PATH,
  afterSubmitPath: STATISTICS_QUERY_PATH,
};
