import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, TreeSelect, type FormInstance } from 'antd';
import { ZAccountName, ZCreateReviewerRequest, ZMobile, type TCreateReviewerRequest, type TInitialPassword, type TReviewer } from '@jhrm/contracts';
import { applyFieldErrors, zodRules } from '../../../lib/form';
import { useChangeReviewerDepartment, useCreateReviewer } from '../api/admin-reviewers.api';
import type { DepartmentOption } from './department-tree';

const nameRules = zodRules(ZCreateReviewerRequest.shape.name);
const phoneRules = zodRules(ZMobile);
const accountRules = zodRules(ZAccountName);
const departmentRules = zodRules(ZCreateReviewerRequest.shape.departmentCode);

export function DepartmentTreeSelect(props: { options: DepartmentOption[]; value?: string; onChange?: (v: string) => void; allowClear?: boolean; placeholder?: string; id?: string; width?: number }) {
  return (
    <TreeSelect
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      treeData={props.options}
      allowClear={props.allowClear}
      placeholder={props.placeholder ?? '请选择审批部门'}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandedKeys={props.options.map((o) => o.value)}
      popupMatchSelectWidth={false}
      style={{ width: props.width ?? '100%' }}
    />
  );
}

/** Field errors on the fields, anything else (e.g. no permission) above the form. */
function useFormError(form: FormInstance) {
  const [formError, setFormError] = useState<string | null>(null);
  const onError = (e: { fieldErrors: { path: string; message: string }[]; message: string }) => {
    const unplaced = applyFieldErrors(form, e.fieldErrors);
    if (e.fieldErrors.length === 0 || unplaced.length > 0) setFormError(unplaced[0]?.message ?? e.message);
  };
  return { formError, setFormError, onError };
}

/** 新增审核人员: the server generates the initial password and answers with it once. */
export function CreateReviewerModal({
  open,
  options,
  onClose,
  onCreated,
}: {
  open: boolean;
  options: DepartmentOption[];
  onClose: () => void;
  onCreated: (r: TInitialPassword & { name: string }) => void;
}) {
  const [form] = Form.useForm<TCreateReviewerRequest>();
  const create = useCreateReviewer();
  const { formError, setFormError, onError } = useFormError(form);

  const onFinish = (values: TCreateReviewerRequest) => {
    setFormError(null);
    create.mutate(values, {
      onSuccess: (r) => {
        onClose();
        onCreated({ ...r, name: values.name.trim() });
      },
      onError,
    });
  };

  return (
    <Modal
      open={open}
      title="新增审核人员"
      width={560}
      okText="确定"
      cancelText="取消"
      maskClosable={false}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        setFormError(null);
      }}
    >
      <Alert className="sysadmin-intro" type="info" showIcon message="初始密码由系统随机生成，保存后显示一次；审核人员首次登录时须修改密码。" />
      {formError && <Alert className="sysadmin-intro" type="error" showIcon message={formError} />}
      <Form<TCreateReviewerRequest> form={form} layout="horizontal" labelCol={{ flex: '96px' }} wrapperCol={{ flex: 'auto' }} onFinish={onFinish}>
        <Form.Item name="name" label="姓名" rules={nameRules}>
          <Input placeholder="请输入姓名" maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label="手机号码" rules={phoneRules}>
          <Input placeholder="请输入11位手机号码" maxLength={11} inputMode="numeric" autoComplete="off" />
        </Form.Item>
        <Form.Item name="account" label="账号" rules={accountRules} extra="6-20位字母、数字或下划线，以字母开头">
          <Input placeholder="审核人员登录用的账号" maxLength={20} autoComplete="off" />
        </Form.Item>
        <Form.Item name="departmentCode" label="审批部门" rules={departmentRules}>
          <DepartmentTreeSelect options={options} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 调整部门: moves a reviewer to another active department. */
export function ChangeDepartmentModal({ reviewer, options, onClose }: { reviewer: TReviewer | null; options: DepartmentOption[]; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ departmentCode: string }>();
  const change = useChangeReviewerDepartment();
  const { formError, setFormError, onError } = useFormError(form);

  useEffect(() => {
    if (reviewer?.department) form.setFieldsValue({ departmentCode: reviewer.department.code });
  }, [reviewer, form]);

  const onFinish = ({ departmentCode }: { departmentCode: string }) => {
    if (!reviewer) return;
    setFormError(null);
    change.mutate(
      { id: reviewer.id, departmentCode },
      {
        onSuccess: () => {
          message.success(`已调整「${reviewer.name}」的审批部门`);
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <Modal
      open={reviewer !== null}
      title={reviewer ? `调整审批部门：${reviewer.name}（${reviewer.account}）` : '调整审批部门'}
      okText="确定"
      cancelText="取消"
      maskClosable={false}
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        setFormError(null);
      }}
    >
      <Alert className="sysadmin-intro" type="info" showIcon message="调整后该审核人员立即只能看到新部门收到的申请。" />
      {formError && <Alert className="sysadmin-intro" type="error" showIcon message={formError} />}
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="departmentCode" label="审批部门" rules={departmentRules}>
          <DepartmentTreeSelect options={options} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
