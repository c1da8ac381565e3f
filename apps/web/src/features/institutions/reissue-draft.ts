import { REISSUE, type TApplicationDetail, type TReissueContent, type TReissueReason } from '@jhrm/contracts';
import { applicationPath, createApplication, saveContent } from '../../lib/application-api';
import { INSTITUTION_QUERY_PATH, REISSUE_NEW_PATH, reissuePath } from './paths';

/** The 补办 form's antd name: its fields' element ids start with it (problem links focus them). */
export const REISSUE_FORM = 'reissue';

/** 许可证补办申请's fields: the institution, 审批部门, 补办原因, 情况说明. */
export interface ReissueFormValues {
  institutionId: string | null;
  department: string | null;
  reason: TReissueReason | null;
  statement: string | null;
}

/** The form's tabs: its own fields, then the institution's record, read-only. */
export const REISSUE_TABS = [
  { key: 'reissue', label: '许可证补办申请' },
  { key: 'record', label: '机构信息（只读）' },
] as const;

const contentOf = (d: TApplicationDetail | null | undefined) => (d?.content && 'statement' in d.content ? d.content : null);

/**
 * 补办 (decision 0047) as a kind of the shared draft lifecycle: only 补办原因 and 情况说明 are saved (the
 * record is the institution's, copied by the server); the licence keeps its number.
 */
export const reissueDraft = {
  label: '许可证补办申请',
  submitTitle: '提交许可证补办申请',
  submitLabel: '提交',
  video: REISSUE.video !== 'none',
  formName: REISSUE_FORM,
  tabs: REISSUE_TABS,
  lists: [],
  departmentField: ['department'],
  toValues: (d: TApplicationDetail | null | undefined): ReissueFormValues => {
    const c = contentOf(d);
    return {
      institutionId: d?.institutionId ?? null,
      department: d?.department ?? d?.record.basic?.department ?? null,
      reason: c?.reason ?? null,
      statement: c?.statement || null,
    };
  },
  toDraft: (v: ReissueFormValues): TReissueContent => ({ institutionId: v.institutionId ?? '', reason: v.reason ?? null, statement: v.statement?.trim() ?? '' }),
  create: (content: TReissueContent) => createApplication(REISSUE.name, content),
  save: saveContent,
  pathOf: (applicationId: string) => reissuePath(applicationId),
  newPath: REISSUE_NEW_PATH,
  afterSubmitPath: INSTITUTION_QUERY_PATH,
  preview: {
    title: '登记预览：人力资源服务许可证补办申请表',
    frameTitle: '补办申请表预览',
    url: (id: string) => applicationPath(id, '/templates/reissueForm?inline=1'),
  },
};

/** The licence number and 有效期至 a saved 补办 concerns (the server's view), if any. */
export const reissueLicenceOf = (d: TApplicationDetail | null | undefined) => {
  const c = contentOf(d);
  return c ? { number: c.licenceNumber, validUntil: c.validUntil } : null;
};

/** A new 补办 form starts with the institution its link named. */
export const prefillReissue = (institutionId: string | null) => (blank: ReissueFormValues): ReissueFormValues => ({ ...blank, institutionId });
