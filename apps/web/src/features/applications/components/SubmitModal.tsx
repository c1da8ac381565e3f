import { useEffect } from 'react';
import { Alert, Form, Modal } from 'antd';
import type { TSubmissionProblem } from '@jhrm/contracts';
import { departmentOptions, type Department } from '../../../lib/application-api';
import type { DraftTab } from '../model/problems';
import { ProblemList } from './ProblemList';
import { FormSelect } from '../../../components/FormControls';

interface Props {
  /** e.g. 提交人力资源服务机构设立审批 */
  title: string;
  /** the kind's tabs, to group the problems */
  tabs: readonly DraftTab[];
  open: boolean;
  pending: boolean;
  departments?: Department[];
  /** The form's 审批部门, proposed again here. */
  defaultDepartment?: string | null;
  /** Why the last attempt failed (not the list of problems). */
  error?: string | null;
  departmentError?: string | null;
  problems?: readonly TSubmissionProblem[] | null;
  onSubmit: (department: string) => void;
  onCancel: () => void;
  onGo: (p: TSubmissionProblem) => void;
}

/**
 * 提交: asks for the 审批部门 and confirms. A refusal lists every problem at once, grouped by tab,
 * each a link to where it is fixed.
 */
export function SubmitModal({ title, tabs, open, pending, departments, defaultDepartment, error, departmentError, problems, onSubmit, onCancel, onGo }: Props) {
  const [form] = Form.useForm<{ department?: string }>();

  useEffect(() => {
    if (open) form.setFieldsValue({ department: defaultDepartment ?? undefined });
  }, [open, defaultDepartment, form]);

  useEffect(() => {
    if (departmentError) form.setFields([{ name: 'department', errors: [departmentError] }]);
  }, [departmentError, form]);

  return (
    <Modal
      open={open}
      title={title}
      okText="确定提交"
      cancelText="取消"
      width={640}
      maskClosable={false}
      confirmLoading={pending}
      forceRender
      // A problem link moves the focus to its field; the dialog must not take it back on closing.
      focusTriggerAfterClose={false}
      onOk={() => form.submit()}
      onCancel={onCancel}
    >
      <p>提交后将由所选审批部门审核，审核期间不能修改；审批部门受理前可以撤回。</p>
      <Form form={form} name="submitApplication" layout="vertical" onFinish={(v) => onSubmit(v.department!)}>
        <Form.Item name="department" label="审批部门" rules={[{ required: true, message: '请选择审批部门' }]}>
          <FormSelect showSearch optionFilterProp="label" placeholder="请选择审批部门" options={departmentOptions(departments)} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} className="table-alert" />}
      {problems && problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={`还有${problems.length}处需要完善后才能提交，点击各项可直接前往修改：`}
          description={<ProblemList problems={problems} tabs={tabs} onGo={onGo} />}
        />
      )}
    </Modal>
  );
}
