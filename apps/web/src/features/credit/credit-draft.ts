import { CREDIT, CREDIT_FIELD_KEYS, CREDIT_SECTIONS, type TApplicationDetail, type TCreditAnswers, type TCreditContent, type TCreditView } from '@jhrm/contracts';
import { createApplication, saveContent } from '../../lib/application-api';
import { CREDIT_NEW_PATH, CREDIT_QUERY_PATH, creditPath } from './paths';
import { answersToDraft } from './model/answers';

/** The form's antd name: its fields' element ids start with it (problem links focus them). */
export const CREDIT_FORM = 'credit';

/** 人力资源诚信示范机构新增's fields: the institution, 审批部门 (chosen again at 提交) and the answers. */
export interface CreditFormValues {
  institutionId: string | null;
  department: string | null;
  answers: TCreditAnswers;
}

/** The kind's content as the unit's detail carries it. */
export const creditViewOf = (d: TApplicationDetail | null | undefined): TCreditView | null => {
  const c = (d as { content?: unknown } | null | undefined)?.content;
  return c && typeof c === 'object' && 'answers' in c && 'year' in c ? (c as TCreditView) : null;
};

/**
 * 诚信示范 as a kind of the shared draft lifecycle: the answers are saved (机构基本信息 is the
 * record's, shown read-only); the toolbar's buttons carry the guide's names 上传材料 and 重置.
 */
export const creditDraft = {
  label: '人力资源诚信示范机构新增',
  submitTitle: '提交人力资源诚信示范机构申请',
  submitLabel: '提交',
  video: CREDIT.video !== 'none',
  buttonLabels: { materials: '上传材料', clear: '重置' },
  formName: CREDIT_FORM,
  tabs: CREDIT_SECTIONS,
  lists: [],
  departmentField: ['department'],
  toValues: (d: TApplicationDetail | null | undefined): CreditFormValues => {
    const c = creditViewOf(d);
    const answers = Object.fromEntries(CREDIT_FIELD_KEYS.map((k) => [k, c?.answers[k] ?? null])) as TCreditAnswers;
    return { institutionId: d?.institutionId ?? null, department: d?.department ?? c?.recordDepartment ?? null, answers };
  },
  toDraft: (v: CreditFormValues): TCreditContent => ({ institutionId: v.institutionId ?? '', answers: answersToDraft(v.answers) }),
  create: (content: TCreditContent) => createApplication(CREDIT.name, content),
  save: saveContent,
  pathOf: (applicationId: string) => creditPath(applicationId),
  newPath: CREDIT_NEW_PATH,
  afterSubmitPath: CREDIT_QUERY_PATH,
};

/** A new form starts with the institution 查询 named, if any. */
export const prefillCredit = (institutionId: string | null) => (blank: CreditFormValues): CreditFormValues => ({ ...blank, institutionId });
