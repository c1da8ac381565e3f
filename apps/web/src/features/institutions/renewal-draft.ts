import { RECORD_TABS, RENEWAL, type TApplicationDetail, type TRenewalContent, type TRenewalView } from '@jhrm/contracts';
import { applicationPath, createApplication, saveContent } from '../../lib/application-api';
import { toFormValues, toRecordDraft, type EstablishmentFormValues } from './model/draft';
import { INSTITUTION_QUERY_PATH, RENEWAL_NEW_PATH, renewalPath } from './paths';

/** The 延续 form's antd name: its fields' element ids start with it (problem links focus them). */
export const RENEWAL_FORM = 'renewal';

/** 许可证延续申请's fields: the institution and the record's six tabs, pre-filled from the record in force. */
export interface RenewalFormValues extends EstablishmentFormValues {
  institutionId: string | null;
}

/** Its tabs: the licence renewed first, then the record's. */
export const RENEWAL_TABS = [{ key: 'renewal', label: '许可证延续申请' }, ...RECORD_TABS] as const;

/** The licence a saved 延续 renews and, when it cannot be renewed now, why (the server's view). */
export const renewalViewOf = (d: TApplicationDetail | null | undefined): TRenewalView | null => (d?.content && 'blocked' in d.content ? d.content : null);

/**
 * 延续 (decision 0047) as a kind of the shared draft lifecycle: a record kind like 变更 whose every
 * field may be corrected; 保存 sends the institution and the record. The licence keeps its number.
 */
export const renewalDraft = {
  label: '许可证延续申请',
  submitTitle: '提交许可证延续申请',
  submitLabel: '提交',
  video: RENEWAL.video !== 'none',
  formName: RENEWAL_FORM,
  tabs: RENEWAL_TABS,
  lists: ['staff', 'facilities', 'fees'],
  departmentField: ['basic', 'department'],
  toValues: (d: TApplicationDetail | null | undefined): RenewalFormValues => ({ ...toFormValues(d?.record), institutionId: d?.institutionId ?? null }),
  toDraft: (v: RenewalFormValues): TRenewalContent => ({ institutionId: v.institutionId ?? '', record: toRecordDraft(v) }),
  create: (content: TRenewalContent) => createApplication(RENEWAL.name, content),
  save: saveContent,
  pathOf: (applicationId: string) => renewalPath(applicationId),
  newPath: RENEWAL_NEW_PATH,
  afterSubmitPath: INSTITUTION_QUERY_PATH,
  preview: {
    title: '登记预览：人力资源服务许可证延续申请表',
    frameTitle: '延续申请表预览',
    url: (id: string) => applicationPath(id, '/templates/renewalForm?inline=1'),
  },
};

/** A new 延续 form starts with the institution its link named (its record arrives with the institution). */
export const prefillRenewal = (institutionId: string | null) => (blank: RenewalFormValues): RenewalFormValues => ({ ...blank, institutionId });
