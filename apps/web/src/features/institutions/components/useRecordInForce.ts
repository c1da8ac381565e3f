import { useEffect } from 'react';
import type { FormInstance } from 'antd';
import type { TApplicationDetail } from '@jhrm/contracts';
import { useInstitution } from '../api/institutions.api';
import { toFormValues } from '../model/draft';

/**
 * The institution's record in force, for a form that edits it (变更, 延续): a new form (no saved
 * application yet) starts from it; a saved one keeps what was saved. `form` is the kind's form,
 * whose record fields are the 设立 form's (model/draft.ts).
 */
export function useRecordInForce(form: FormInstance, detail: TApplicationDetail | null, institutionId: string) {
  const institution = useInstitution(institutionId, { enabled: !!institutionId });
  const inForce = institution.data?.record;
  useEffect(() => {
    if (!detail && inForce && !form.getFieldValue(['basic', 'name'])) form.setFieldsValue(toFormValues(inForce));
  }, [detail, inForce, form]);
  return inForce;
}
