import { useEffect } from 'react';
import { Alert, Form, Modal, Radio } from 'antd';
import { PROCEDURES, PROMISE_SLOT, type TProcedure, type TSubmissionProblem } from '@jhrm/contracts';
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
  /** the kind offers 告知承诺 (人社部令第50号 第七条): the unit chooses the procedure here */
  promise?: boolean;
  /** the procedure of the last 提交 */
  defaultProcedure?: TProcedure;
  onSubmit: (department: string, procedure: TProcedure) => void;
  onCancel: () => void;
  onGo: (p: TSubmissionProblem) => void;
}

/**
 * 提交: asks for the 审批部门 and confirms. A refusal lists every problem at once, grouped by tab,
 * each a link to where it is fixed.
 */
export function SubmitModal({ title, tabs, open, pending, departments, defaultDepartment, error, departmentError, problems, promise, defaultProcedure, onSubmit, onCancel, onGo }: Props) {
  const [form] = Form.useForm<{ department?: string; procedure?: TProcedure }>();
  const procedure = Form.useWatch('procedure', form);

  useEffect(() => {
    if (open) form.setFieldsValue({ department: defaultDepartment ?? undefined, procedure: defaultProcedure ?? '一般程序' });
  }, [open, defaultDepartment, defaultProcedure, form]);

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
      <Form form={form} name="submitApplication" layout="vertical" onFinish={(v) => onSubmit(v.department!, promise ? (v.procedure ?? '一般程序') : '一般程序')}>
        <Form.Item name="department" label="审批部门" rules={[{ required: true, message: '请选择审批部门' }]}>
          <FormSelect showSearch optionFilterProp="label" placeholder="请选择审批部门" options={departmentOptions(departments)} />
        </Form.Item>
        {promise && (
          <Form.Item
            name="procedure"
            label="办理方式"
            extra={
              procedure === '告知承诺'
                ? `告知承诺：请在附件材料中下载《${PROMISE_SLOT}》，签字盖章后上传到“${PROMISE_SLOT}”；承诺书可替代的材料不必上传。审批部门受理即发证，并在发证后对承诺事项进行核查。仅适用于许可类申请。`
                : '一般程序：上传全部材料，审批部门受理后20个工作日内作出审核结论。'
            }
          >
            <Radio.Group options={PROCEDURES.map((p) => ({ label: p, value: p }))} />
          </Form.Item>
        )}
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
