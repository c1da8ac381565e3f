import { useEffect, useState } from 'react';
import { Alert, App, Descriptions, Form, Input, Modal } from 'antd';
import { CHILD_LEVEL, DEPARTMENT_LEVEL_LABELS, ZCreateDepartmentRequest, type TAdminDepartment } from '@jhrm/contracts';
import { applyFieldErrors, zodRules } from '../../../lib/form';
import { useCreateDepartment, useUpdateDepartment } from '../api/admin-departments.api';
import { childCodeHint } from './department-tree';

/** 新增下级部门 under `parent`, or 修改 (rename) `department`. */
export type DepartmentFormTarget = { mode: 'create'; parent: TAdminDepartment } | { mode: 'rename'; department: TAdminDepartment };

interface Values {
  code: string;
  name: string;
}

const codeRules = zodRules(ZCreateDepartmentRequest.shape.code);
const nameRules = zodRules(ZCreateDepartmentRequest.shape.name);

export function DepartmentFormModal({ target, onClose }: { target: DepartmentFormTarget | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const [formError, setFormError] = useState<string | null>(null);
  const pending = create.isPending || update.isPending;

  useEffect(() => {
    if (target?.mode === 'rename') form.setFieldsValue({ code: target.department.code, name: target.department.name });
  }, [target, form]);

  const onError = (e: { fieldErrors: { path: string; message: string }[]; message: string }) => {
    const unplaced = applyFieldErrors(form, e.fieldErrors);
    if (e.fieldErrors.length === 0 || unplaced.length > 0) setFormError(unplaced[0]?.message ?? e.message);
  };

  const onFinish = (values: Values) => {
    if (!target) return;
    setFormError(null);
    if (target.mode === 'create') {
      const level = CHILD_LEVEL[target.parent.level];
      if (level !== 'city' && level !== 'county') return;
      create.mutate(
        { code: values.code.trim(), name: values.name.trim(), level, parentCode: target.parent.code },
        {
          onSuccess: () => {
            message.success(`已新增审批部门「${values.name.trim()}」`);
            onClose();
          },
          onError,
        },
      );
    } else {
      update.mutate(
        { code: target.department.code, name: values.name.trim() },
        {
          onSuccess: () => {
            message.success('部门名称已修改');
            onClose();
          },
          onError,
        },
      );
    }
  };

  const level = target?.mode === 'create' ? CHILD_LEVEL[target.parent.level] : null;
  const hint = target?.mode === 'create' ? childCodeHint(target.parent) : null;

  return (
    <Modal
      open={target !== null}
      title={target?.mode === 'create' ? '新增下级部门' : '修改审批部门'}
      okText="确定"
      cancelText="取消"
      maskClosable={false}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        setFormError(null);
      }}
    >
      {target?.mode === 'create' && (
        <Descriptions
          size="small"
          column={1}
          className="sysadmin-intro"
          items={[
            { key: 'parent', label: '上级部门', children: `${target.parent.name}（${target.parent.code}）` },
            { key: 'level', label: '级别', children: level ? DEPARTMENT_LEVEL_LABELS[level] : '' },
          ]}
        />
      )}
      {formError && <Alert className="sysadmin-intro" type="error" showIcon message={formError} />}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="code"
          label="部门编码"
          rules={target?.mode === 'create' ? codeRules : []}
          extra={target?.mode === 'create' ? `6位行政区划代码（GB/T 2260），格式 ${hint ?? ''}；保存后不能修改` : '部门编码不能修改'}
        >
          <Input placeholder={hint ?? ''} maxLength={6} inputMode="numeric" autoComplete="off" disabled={target?.mode === 'rename'} />
        </Form.Item>
        <Form.Item name="name" label="部门名称" rules={nameRules}>
          <Input placeholder="例如：长春新区人力资源和社会保障局" maxLength={50} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
