import { useEffect } from 'react';
import { Form, Input } from 'antd';
import { REISSUE_REASONS, REISSUE_REQUIREMENTS } from '@jhrm/contracts';
import type { DraftBodyProps } from '../../../components/draft-body';
import { RecordView } from '../../../components/record/RecordView';
import { Spinner } from '../../../components/Spinner';
import { FormSelect } from '../../../components/FormControls';
import { departmentOptions, useDepartments } from '../../../lib/application-api';
import { useInstitution } from '../api/institutions.api';
import { REISSUE_FORM, REISSUE_TABS, reissueLicenceOf, type ReissueFormValues } from '../reissue-draft';
import { institutionViewPath } from '../paths';
import { CancelItem, DraftTabsForm, InstitutionItems } from './DraftTabsForm';
import './institutions.css';

const REASON_OPTIONS = REISSUE_REASONS.map((r) => ({ label: r, value: r }));

/**
 * 许可证补办申请 (decision 0047): 审批部门, 补办原因 (遗失 / 损毁) and 情况说明, and the institution's record
 * read-only. 遗失 asks for a 遗失声明, 损毁 for the damaged original (附件材料). 保存 / 提交 / 附件材料
 * come from the draft lifecycle; 取消 returns to the institution.
 */
export function ReissueEditor(body: DraftBodyProps<ReissueFormValues>) {
  const { form, initialValues, detail } = body;
  const departments = useDepartments();
  const allDepartments = useDepartments({ includeInactive: true });
  const institutionId = initialValues.institutionId ?? '';
  const institution = useInstitution(institutionId, { enabled: !detail && !!institutionId });
  const record = detail?.record ?? institution.data?.record;
  const licence = reissueLicenceOf(detail);
  const reason = Form.useWatch('reason', form);

  useEffect(() => {
    const code = institution.data?.record.basic?.department;
    if (code && !form.getFieldValue('department')) form.setFieldValue('department', code);
  }, [institution.data, form]);

  const departmentCode = record?.basic?.department;
  const departmentName = allDepartments.data?.find((d) => d.code === departmentCode)?.name;

  const own = (
    <>
      <InstitutionItems name={record?.basic?.name} />
      {licence?.number && (
        <Form.Item label="许可证编号">
          <span>{licence.number}（补发后编号不变）</span>
        </Form.Item>
      )}
      <Form.Item name="department" label="审批部门" required>
        <FormSelect placeholder="请选择审批部门" options={departmentOptions(departments.data)} loading={departments.isPending} showSearch optionFilterProp="label" />
      </Form.Item>
      <Form.Item
        name="reason"
        label="补办原因"
        required
        extra={reason ? `需上传：${REISSUE_REQUIREMENTS[reason as keyof typeof REISSUE_REQUIREMENTS].join('、')}（附件材料）` : '遗失的须上传遗失声明；损毁的须上传损毁的许可证原件'}
      >
        <FormSelect placeholder="请选择补办原因" allowClear options={REASON_OPTIONS} />
      </Form.Item>
      <Form.Item name="statement" label="情况说明" required>
        <Input.TextArea rows={4} maxLength={500} showCount placeholder="请说明许可证遗失或损毁的经过" />
      </Form.Item>
      <CancelItem to={institutionViewPath(institutionId)} />
    </>
  );

  return (
    <DraftTabsForm<ReissueFormValues>
      {...body}
      title="许可证补办申请"
      className="inst-cancellation"
      name={REISSUE_FORM}
      items={REISSUE_TABS.map((t) => ({
        key: t.key,
        label: t.label,
        forceRender: true,
        children: t.key === 'reissue' ? own : record ? <RecordView record={record} {...(departmentName ? { departmentName } : {})} /> : <Spinner />,
      }))}
    />
  );
}
