import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ZAccountName, ZCreateAgentRequest, ZIdCard, ZMobile, type TCreateAgentRequest } from '@jhrm/contracts';
import { applyFieldErrors, zodRules } from '../../../lib/form';
import { useCreateAgent } from '../api/agents.api';
import { newPasswordRule } from './new-password-rule';
import { PasswordRules } from './PasswordRules';

const nameRules = zodRules(ZCreateAgentRequest.shape.name);
const idCardRules = zodRules(ZIdCard);
const phoneRules = zodRules(ZMobile);
const accountRules = zodRules(ZAccountName);

/**
 * 新增经办人: a button and its modal form. A plain antd Modal + Form rather than pro-components'
 * ModalForm: ProFormText pulls every ProField renderer (~130 KB gzip) into this page's chunk for
 * five text fields. On a refusal everything typed stays and the server's messages go on the fields.
 */
export function CreateAgentModal() {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<TCreateAgentRequest>();
  const create = useCreateAgent();
  const [formError, setFormError] = useState<string | null>(null);
  const password = Form.useWatch('initialPassword', form);
  const account = Form.useWatch('account', form);
  const phone = Form.useWatch('phone', form);
  const idCard = Form.useWatch('idCard', form);
  const context = { account, phone, idCard };

  const onFinish = (values: TCreateAgentRequest) => {
    setFormError(null);
    create.mutate(values, {
      onSuccess: () => {
        message.success(`已新增经办人「${values.name.trim()}」，请将账号和初始密码告知本人，首次登录须修改密码`);
        setOpen(false);
      },
      onError: (e) => {
        const unplaced = applyFieldErrors(form, e.fieldErrors);
        // Field problems are shown on the fields; anything else (e.g. no permission) above the form.
        if (e.fieldErrors.length === 0 || unplaced.length > 0) setFormError(unplaced[0]?.message ?? e.message);
      },
    });
  };

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        新增经办人
      </Button>
      <Modal
        open={open}
        title="新增经办人"
        width={560}
        okText="确定"
        cancelText="取消"
        maskClosable={false}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        afterClose={() => {
          form.resetFields();
          setFormError(null);
        }}
      >
        {formError && <Alert className="account-page-intro" type="error" showIcon message={formError} />}
        <Form<TCreateAgentRequest>
          form={form}
          layout="horizontal"
          labelCol={{ flex: '96px' }}
          wrapperCol={{ flex: 'auto' }}
          onFinish={onFinish}
        >
          <Form.Item name="name" label="姓名" rules={nameRules}>
            <Input placeholder="请输入姓名" maxLength={50} autoComplete="off" />
          </Form.Item>
          <Form.Item name="idCard" label="身份证号" rules={idCardRules}>
            <Input placeholder="请输入18位身份证号" maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item name="phone" label="手机号码" rules={phoneRules}>
            <Input placeholder="请输入11位手机号码" maxLength={11} inputMode="numeric" autoComplete="off" />
          </Form.Item>
          <Form.Item name="account" label="账号" rules={accountRules} extra="6-20位字母、数字或下划线，以字母开头">
            <Input placeholder="经办人登录用的账号" maxLength={20} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="initialPassword"
            label="初始密码"
            dependencies={['account', 'phone', 'idCard']}
            rules={[newPasswordRule('请输入初始密码', () => context)]}
            extra={<PasswordRules password={password ?? ''} context={context} />}
          >
            <Input.Password placeholder="请设置初始密码" maxLength={64} autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
