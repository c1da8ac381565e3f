import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import type { TAgent } from '@jhrm/contracts';
import { isApiError } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form';
import { useResetAgentPassword } from '../api/agents.api';
import { newPasswordRule } from './new-password-rule';
import { PasswordRules } from './PasswordRules';

interface Values {
  newPassword: string;
}

/** 重置密码 of one agent: the new password is an initial password again (changed at next login). */
export function ResetAgentPasswordModal({ agent, onClose }: { agent: TAgent | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const reset = useResetAgentPassword();
  const [formError, setFormError] = useState<string | null>(null);
  const password = Form.useWatch('newPassword', form);
  const context = { account: agent?.account };

  const submit = async () => {
    if (!agent) return;
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd shows the problems on the fields
    }
    setFormError(null);
    reset.mutate(
      { id: agent.id, newPassword: values.newPassword },
      {
        onSuccess: () => {
          message.success(`已重置经办人「${agent.name}」的密码，请告知本人，下次登录时须修改密码`);
          onClose();
        },
        onError: (e) => {
          const unplaced = isApiError(e) ? applyFieldErrors(form, e.fieldErrors) : [];
          if (!isApiError(e) || e.fieldErrors.length === 0 || unplaced.length > 0) setFormError(unplaced[0]?.message ?? e.message);
        },
      },
    );
  };

  return (
    <Modal
      open={agent !== null}
      title={agent ? `重置密码：${agent.name}（${agent.account}）` : '重置密码'}
      okText="确定重置"
      cancelText="取消"
      maskClosable={false}
      confirmLoading={reset.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        setFormError(null);
      }}
    >
      <Alert
        className="account-page-intro"
        type="info"
        showIcon
        message="重置后该经办人当前的登录将立即退出，下次登录时须修改密码。"
      />
      {formError && <Alert className="account-page-intro" type="error" showIcon message={formError} />}
      <Form<Values> form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item
          name="newPassword"
          label="新密码"
          rules={[newPasswordRule('请输入新密码', () => context)]}
          extra={<PasswordRules password={password ?? ''} context={context} />}
        >
          <Input.Password placeholder="请输入新密码" maxLength={64} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
