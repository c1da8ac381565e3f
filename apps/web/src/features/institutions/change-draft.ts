import dayjs, { type Dayjs } from 'dayjs';
import { CHANGE, RECORD_TABS, type TApplicationDetail, type TChangeContent, type TChangeReason, type TChangeView } from '@jhrm/contracts';
import { applicationPath, createApplication, saveContent } from '../../lib/application-api';
import { DATE_FORMAT, toFormValues, toRecordDraft, type EstablishmentFormValues } from './model/draft';
import { CHANGE_LIST_PATH, CHANGE_NEW_PATH, changePath } from './paths';

/** The 变更 form's antd name: its fields' element ids start with it (problem links focus them). */
export const CHANGE_FORM = 'change';

/** 机构变更申请's fields: the institution, 变更事由, 工商变更登记日期 and the record's six tabs. */
export interface ChangeFormValues extends EstablishmentFormValues {
  institutionId: string | null;
  reason: TChangeReason | null;
  registeredOn: Dayjs | null;
}

/** Its tabs: the 变更事由 first, then the record's. */
export const CHANGE_TABS = [{ key: 'change', label: '机构变更申请' }, ...RECORD_TABS] as const;

/** A 变更's own fields in a detail (the union's 变更 side). */
export const changeViewOf = (d: TApplicationDetail | null | undefined): TChangeView | null => (d?.content && 'editable' in d.content ? d.content : null);

/**
 * 变更 as a kind of the shared draft lifecycle: 保存 sends the reason, the date and the record;
 * the server refuses any field the reason may not change. 提交 is the guide's 变更 button.
 */
export const changeDraft = {
  label: '机构变更申请',
  submitTitle: '人力资源服务机构变更',
  submitLabel: '变更',
  video: CHANGE.video !== 'none',
  formName: CHANGE_FORM,
  tabs: CHANGE_TABS,
  lists: ['staff', 'facilities', 'fees'],
  departmentField: ['basic', 'department'],
  toValues: (d: TApplicationDetail | null | undefined): ChangeFormValues => {
    const c = changeViewOf(d);
    const on = c?.registeredOn ? dayjs(c.registeredOn, DATE_FORMAT) : null;
    return { ...toFormValues(d?.record), institutionId: d?.institutionId ?? null, reason: c?.reason ?? null, registeredOn: on?.isValid() ? on : null };
  },
  toDraft: (v: ChangeFormValues): TChangeContent => ({
    institutionId: v.institutionId ?? '',
    reason: v.reason ?? null,
    registeredOn: v.registeredOn?.isValid() ? v.registeredOn.format(DATE_FORMAT) : null,
    record: toRecordDraft(v),
  }),
  create: (content: TChangeContent) => createApplication(CHANGE.name, content),
  save: saveContent,
  pathOf: (applicationId: string) => changePath(applicationId),
  newPath: CHANGE_NEW_PATH,
  afterSubmitPath: CHANGE_LIST_PATH,
  preview: {
    title: '登记预览：人力资源服务许可证补办申请表',
    frameTitle: '许可证补办申请表预览',
    url: (id: string) => applicationPath(id, '/templates/reissueForm?inline=1'),
  },
};

/** A new 变更 form starts with the institution its list row named (its record arrives with the institution). */
export const prefillChange = (institutionId: string | null) => (blank: ChangeFormValues): ChangeFormValues => ({ ...blank, institutionId });
