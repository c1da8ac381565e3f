import { CANCELLATION, type TApplicationDetail, type TCancelCategory, type TCancellationContent } from '@jhrm/contracts';
import { applicationPath, createApplication, saveContent } from '../../lib/application-api';
import { CANCELLATION_LIST_PATH, CANCELLATION_NEW_PATH, cancellationPath } from './paths';

/** The 注销 form's antd name: its fields' element ids start with it (problem links focus them). */
export const CANCELLATION_FORM = 'cancellation';

/** 机构注销申请's fields: the institution, 审批部门 (chosen again at 注销), 注销原因, 注销类别. */
export interface CancellationFormValues {
  institutionId: string | null;
  department: string | null;
  reason: string | null;
  category: TCancelCategory | null;
}

/** The form's tabs: its own fields, then the institution's record, read-only. */
export const CANCELLATION_TABS = [
  { key: 'cancellation', label: '机构注销申请' },
  { key: 'record', label: '机构信息（只读）' },
] as const;

/**
 * 注销 as a kind of the shared draft lifecycle: only 注销原因 and 注销类别 are saved (the record is
 * the institution's, copied by the server); 提交 is the guide's 注销 button.
 */
export const cancellationDraft = {
  label: '机构注销申请',
  submitTitle: '人力资源服务机构注销',
  submitLabel: '注销',
  video: CANCELLATION.video !== 'none',
  formName: CANCELLATION_FORM,
  tabs: CANCELLATION_TABS,
  lists: [],
  departmentField: ['department'],
  toValues: (d: TApplicationDetail | null | undefined): CancellationFormValues => {
    const c = d?.content && 'category' in d.content ? d.content : null;
    return {
      institutionId: d?.institutionId ?? null,
      department: d?.department ?? d?.record.basic?.department ?? null,
      reason: c?.reason || null,
      category: c?.category ?? null,
    };
  },
  toDraft: (v: CancellationFormValues): TCancellationContent => ({ institutionId: v.institutionId ?? '', reason: v.reason?.trim() ?? '', category: v.category ?? null }),
  create: (content: TCancellationContent) => createApplication(CANCELLATION.name, content),
  save: saveContent,
  pathOf: (applicationId: string) => cancellationPath(applicationId),
  newPath: CANCELLATION_NEW_PATH,
  afterSubmitPath: CANCELLATION_LIST_PATH,
  preview: {
    title: '登记预览：人力资源服务机构注销审批表',
    frameTitle: '注销审批表预览',
    url: (id: string) => applicationPath(id, '/templates/cancellationForm?inline=1'),
  },
};

/** A new 注销 form starts with the institution its list row named. */
export const prefillCancellation = (institutionId: string | null) => (blank: CancellationFormValues): CancellationFormValues => ({ ...blank, institutionId });
