import { useState } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import type { Rule } from 'antd/es/form';
import { LogoutOutlined } from '@ant-design/icons';
import { PASSWORD_EXPIRED_MESSAGE, ZChangePasswordRequest, type TChangePasswordRequest } from '@jhrm/contracts';
import { setCsrfToken } from '../../../lib/api-client';
import { applyFieldErrors, zodRule } from '../../../lib/form';
import { ME_QUERY_KEY, forgetSignedIn, useLogout, useMe } from '../../../lib/session';
import { Spinner } from '../../../components/Spinner';
import { useForcedPasswordChange } from '../api/password-change.api';
import { PasswordRules } from '../components/PasswordRules';
import { firstPasswordProblem } from '../components/password-rules';
import { LOGIN_PATH, PORTAL_PATH, type LoginPageState } from '../paths';
import './change-password.css';

const shape = ZChangePasswordRequest.shape;

/**
 * 修改密码 before anything else: after the first login of an agent or reviewer, after a reset, or
 * when a reviewer's or administrator's password is older than 90 days, the server refuses every
 * other call until this is done. Requires a session (handled here rather than by RequireAuth, so
 * that the end of the session after the change leads to /login with 密码已修改，请重新登录 rather
 * than 登录已过期).
 */
export default function ForcedPasswordChangePage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const { logout, pending: loggingOut } = useLogout();
  const change = useForcedPasswordChange();
  const [form] = Form.useForm<TChangePasswordRequest>();
  // The account whose password was just changed (the session is gone by then).
  const [changed, setChanged] = useState<string | null>(null);
  const newPassword = Form.useWatch('newPassword', form);

  if (changed !== null) {
    const state: LoginPageState = { notice: '密码已修改，请重新登录', account: changed };
    return <Navigate to={LOGIN_PATH} replace state={state} />;
  }
  if (me.isPending) {
    return (
      <div className="full-page-center">
        <Spinner />
      </div>
    );
  }
  if (!me.data) return <Navigate to={LOGIN_PATH} replace />;
  const user = me.data.user;

  const newPasswordRules: Rule[] = [
    zodRule(shape.newPassword),
    {
      validator: async (_rule, value: string | undefined) => {
        const problem = firstPasswordProblem(value ?? '', { account: user.account });
        if (problem) throw new Error(problem);
      },
    },
    ({ getFieldValue }) => ({
      validator: async (_rule, value: string | undefined) => {
        if (value && value === getFieldValue('oldPassword')) throw new Error('新密码不能与原密码相同');
      },
    }),
  ];
  const confirmRules: Rule[] = [
    zodRule(shape.confirmPassword),
    ({ getFieldValue }) => ({
      validator: async (_rule, value: string | undefined) => {
        if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的密码不一致');
      },
    }),
  ];

  const onFinish = (values: TChangePasswordRequest) => {
    change.mutate(values, {
      onSuccess: () => {
        // The server ended every session of this user, this one included.
        setChanged(user.account);
        forgetSignedIn();
        setCsrfToken(null);
        queryClient.setQueryData(ME_QUERY_KEY, null);
      },
      onError: (error) => {
        applyFieldErrors(form, error.fieldErrors);
      },
    });
  };

  return (
    <div className="cpw-page">
      <header className="cpw-header">
        <span className="cpw-brand">吉林人力资源市场管理</span>
        <span className="cpw-user">
          <span data-testid="current-user">{user.name}</span>
          <Button icon={<LogoutOutlined />} loading={loggingOut} onClick={() => void logout()}>
            退出登录
          </Button>
        </span>
      </header>
      <main className="cpw-main">
        <section className="cpw-card" aria-labelledby="cpw-title">
          <h1 id="cpw-title" className="cpw-title">
            修改密码
          </h1>
          {user.mustChangePassword ? (
            <Alert
              type="warning"
              showIcon
              className="cpw-alert"
              message={user.passwordExpired ? PASSWORD_EXPIRED_MESSAGE : '首次登录或密码被重置后，请先修改密码'}
              description="修改成功后需要使用新密码重新登录。"
            />
          ) : (
            <Alert type="info" showIcon className="cpw-alert" message="修改成功后，本账号在所有设备上的登录都将退出，请使用新密码重新登录。" />
          )}
          {change.isError && change.error.fieldErrors.length === 0 && (
            <Alert type="error" showIcon className="cpw-alert" message={change.error.message} />
          )}
          <Form<TChangePasswordRequest> form={form} layout="vertical" requiredMark onFinish={onFinish}>
            <Form.Item label="账号">
              <Input value={user.account} disabled aria-label="账号" />
            </Form.Item>
            <Form.Item label="原密码" name="oldPassword" rules={[zodRule(shape.oldPassword)]}>
              <Input.Password placeholder="请输入原密码" autoComplete="current-password" maxLength={128} />
            </Form.Item>
            <Form.Item
              label="新密码"
              name="newPassword"
              rules={newPasswordRules}
              dependencies={['oldPassword']}
              validateFirst
              extra={<PasswordRules password={newPassword ?? ''} context={{ account: user.account }} />}
            >
              <Input.Password placeholder="请输入新密码" autoComplete="new-password" maxLength={64} />
            </Form.Item>
            <Form.Item label="确认新密码" name="confirmPassword" rules={confirmRules} dependencies={['newPassword']} validateFirst>
              <Input.Password placeholder="请再次输入新密码" autoComplete="new-password" maxLength={64} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={change.isPending}>
              确认修改
            </Button>
          </Form>
          {!user.mustChangePassword && (
            <p className="cpw-back">
              <Link to={PORTAL_PATH}>返回应用入口</Link>
            </p>
          )}
        </section>
      </main>
    </div>
  );
}
