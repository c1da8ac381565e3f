import { useEffect } from 'react';
import { Form, Input } from 'antd';
import { CANCEL_CATEGORIES } from '@jhrm/contracts';
import type { DraftBodyProps } from '../../../components/draft-body';
import { RecordView } from '../../../components/record/RecordView';
import { Spinner } from '../../../components/Spinner';
import { departmentOptions, useDepartments } from '../../../lib/application-api';
import { useInstitution } from '../api/institutions.api';
import { CANCELLATION_FORM, CANCELLATION_TABS, type CancellationFormValues } from '../cancellation-draft';
import { CANCELLATION_LIST_PATH } from '../paths';
import { CancelItem, DraftTabsForm, InstitutionItems } from './DraftTabsForm';
import './institutions.css';
import { FormSelect } from '../../../components/FormControls';

const CATEGORY_OPTIONS = CANCEL_CATEGORIES.map((c) => ({ label: c, value: c }));

/**
 * 机构注销申请 (guide 1.4): 审批部门, 注销原因 and 注销类别, and the institution's record read-only
 * (the one in force; once saved, the copy the 注销 carries). 保存 / 注销 / 附件材料 … come from the
 * draft lifecycle; 取消 returns to the list.
 */
export function CancellationEditor(body: DraftBodyProps<CancellationFormValues>) {
  const { form, initialValues, detail } = body;
  const departments = useDepartments();
  const allDepartments = useDepartments({ includeInactive: true });
  const institutionId = initialValues.institutionId ?? '';
  // a new form shows the record in force; a saved one its own copy
  const institution = useInstitution(institutionId, { enabled: !detail && !!institutionId });
  const record = detail?.record ?? institution.data?.record;

  // the 审批部门 proposed is the institution's own
  useEffect(() => {
    const code = institution.data?.record.basic?.department;
    if (code && !form.getFieldValue('department')) form.setFieldValue('department', code);
  }, [institution.data, form]);

  const departmentCode = record?.basic?.department;
  const departmentName = allDepartments.data?.find((d) => d.code === departmentCode)?.name;

  const own = (
    <>
      <InstitutionItems name={record?.basic?.name} className="inst-cancel-name" />
      <Form.Item name="department" label="审批部门" required>
        <FormSelect placeholder="请选择审批部门" options={departmentOptions(departments.data)} loading={departments.isPending} showSearch optionFilterProp="label" />
      </Form.Item>
      <Form.Item name="reason" label="注销原因" required>
        <Input.TextArea rows={4} maxLength={500} showCount placeholder="请填写注销原因" />
      </Form.Item>
      <Form.Item name="category" label="注销类别" required>
        <FormSelect placeholder="请选择注销类别" allowClear options={CATEGORY_OPTIONS} />
      </Form.Item>
      <CancelItem to={CANCELLATION_LIST_PATH} />
    </>
  );

  return (
    <DraftTabsForm<CancellationFormValues>
      {...body}
      title="机构注销申请"
      className="inst-cancellation"
      name={CANCELLATION_FORM}
      items={CANCELLATION_TABS.map((t) => ({
        key: t.key,
        label: t.label,
        forceRender: true,
        children: t.key === 'cancellation' ? own : record ? <RecordView record={record} {...(departmentName ? { departmentName } : {})} /> : <Spinner />,
      }))}
    />
  );
}
