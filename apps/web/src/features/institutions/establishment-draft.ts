import { ESTABLISHMENT, RECORD_TABS, type TApplicationDetail } from '@jhrm/contracts';
import { saveRecord } from '../../lib/application-api';
import { createEstablishment, registrationFormUrl } from './api/applications.api';
import { toFormValues, toRecordDraft, type EstablishmentFormValues } from './model/draft';
import { ESTABLISHMENT_PATH, establishmentPath, INSTITUTION_QUERY_PATH } from './paths';

/** The 设立 form's antd name: its fields' element ids start with it (problem links focus them). */
export const ESTABLISHMENT_FORM = 'establishment';

/**
 * 设立 as a kind of the shared draft lifecycle (features/applications' DraftKind, matched by the
 * app layer, which composes the two): its form values, create call, tabs and pages.
 */
export const establishmentDraft = {
  label: '设立审批',
  submitTitle: '提交人力资源服务机构设立审批',
  formName: ESTABLISHMENT_FORM,
  tabs: RECORD_TABS,
  lists: ['staff', 'facilities', 'fees'],
  departmentField: ['basic', 'department'],
  toValues: (detail: TApplicationDetail | null | undefined) => toFormValues(detail?.record),
  toDraft: (values: EstablishmentFormValues) => toRecordDraft(values),
  create: createEstablishment,
  save: saveRecord,
  submitLabel: '提交',
  video: ESTABLISHMENT.video !== 'none',
  pathOf: (applicationId: string) => establishmentPath(applicationId),
  newPath: ESTABLISHMENT_PATH,
  afterSubmitPath: INSTITUTION_QUERY_PATH,
  preview: {
    title: '登记预览：吉林省人力资源服务机构登记申请表',
    frameTitle: '登记申请表预览',
    url: registrationFormUrl,
  },
};

/** A new 设立 form starts with the signed-in unit's name and code. */
export function prefillEstablishment(unit: { name?: string; uscc?: string } | null | undefined) {
  return (blank: EstablishmentFormValues): EstablishmentFormValues => ({ ...blank, basic: { ...blank.basic, name: unit?.name ?? null, uscc: unit?.uscc ?? null } });
}
