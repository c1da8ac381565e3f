import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input } from 'antd';
import type { Rule } from 'antd/es/form';
import { ZChangePasswordRequest, type TChangePasswordRequest } from '@jhrm/contracts';
import { setCsrfToken } from '../../../lib/api-client';
import { applyFieldErrors, zodRules } from '../../../lib/form';
import { forgetSignedIn, ME_QUERY_KEY, useCurrentUser } from '../../../lib/session';
import { useChangeMyPassword } from '../api/sessions.api';
import { LOGIN_PATH, type LoginPageState } from '../paths';
import { newPasswordRule } from './new-password-rule';
import { PasswordRules } from './PasswordRules';

const oldPasswordRules = zodRules(ZChangePasswordRequest.shape.oldPassword);
const PASSWORD_CHANGED = '密码已修改，请重新登录';

/** 修改密码 in 账号设置. Success ends every session of the account, this one too: back to /login. */
export function ChangePasswordCard() {
  const user = useCurrentUser();
  const [form] = Form.useForm<TChangePasswordRequest>();
  const change = useChangeMyPassword();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const newPassword = Form.useWatch('newPassword', form);
  const context = { account: user.account };

  const newPasswordRules: Rule[] = [
    newPasswordRule('请输入新密码', () => context),
    ({ getFieldValue }) => ({
      validator: async (_r, value: unknown) => {
        if (value && value === getFieldValue('oldPassword')) throw new Error('新密码不能与原密码相同');
      },
    }),
  ];
  const confirmRules: Rule[] = [
    ...zodRules(ZChangePasswordRequest.shape.confirmPassword),
    ({ getFieldValue }) => ({
      validator: async (_r, value: unknown) => {
        if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的密码不一致');
      },
    }),
  ];

  const onFinish = (values: TChangePasswordRequest) => {
    setFormError(null);
    change.mutate(values, {
      onSuccess: () => {
        // The server has ended this session and cleared its cookie. Sign out here without the
        // "expired" flag. The cached user is dropped rather than set to null: null would make
        // RequireAuth redirect to /login on its own (without the notice) before this navigation
        // lands; a dropped query is merely pending until /login asks the server again.
        forgetSignedIn();
        setCsrfToken(null);
        queryClient.removeQueries({ queryKey: ME_QUERY_KEY, exact: true });
        const state: LoginPageState = { notice: PASSWORD_CHANGED };
        void navigate(LOGIN_PATH, { replace: true, state });
      },
      onError: (e) => {
        // Everything typed stays; the messages go on the fields, or above the form.
        const unplaced = applyFieldErrors(form, e.fieldErrors);
        if (e.fieldErrors.length === 0 || unplaced.length > 0) setFormError(unplaced[0]?.message ?? e.message);
      },
    });
  };

  return (
    <Card size="small" title="修改密码">
      <Alert
        className="account-page-intro"
        type="info"
        showIcon
        message="修改成功后，本账号在所有设备上的登录都将退出，请使用新密码重新登录。"
      />
      {formError && <Alert className="account-page-intro" type="error" showIcon message={formError} />}
      <Form<TChangePasswordRequest> form={form} layout="vertical" className="account-password-form" onFinish={onFinish}>
        {/* For password managers: the account these passwords belong to. */}
        <input type="text" name="username" autoComplete="username" value={user.account} readOnly hidden />
        <Form.Item name="oldPassword" label="原密码" rules={oldPasswordRules}>
          <Input.Password placeholder="请输入原密码" maxLength={128} autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          dependencies={['oldPassword']}
          rules={newPasswordRules}
          extra={<PasswordRules password={newPassword ?? ''} context={context} />}
        >
          <Input.Password placeholder="请输入新密码" maxLength={64} autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirmPassword" label="确认新密码" dependencies={['newPassword']} rules={confirmRules}>
          <Input.Password placeholder="请再次输入新密码" maxLength={64} autoComplete="new-password" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            确认修改
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
