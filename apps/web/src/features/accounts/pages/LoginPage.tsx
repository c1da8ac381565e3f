import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Button, Form } from 'antd';
// Input and Password straight from their modules: antd's Input barrel also carries TextArea,
// OTP and Search (~10 KB gzip) that the login page's first-paint budget cannot spare.
import Input from 'antd/es/input/Input';
import Password from 'antd/es/input/Password';
import type { Rule } from 'antd/es/form';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { TLoginRequest } from '@jhrm/contracts';
import { Notice } from '../../../components/Notice';
import { isApiError } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form';
import { forgetSignedIn, useMe } from '../../../lib/session';
import { useLogin } from '../api/auth.api';
import { LoginTabs } from '../components/LoginTabs';
import './login.css';

// These mirror ZLoginRequest (contracts/accounts) by hand instead of going through zodRules():
// importing any zod schema puts zod (~60 KB gzip) on the login page, over its first-paint budget.
// The server validates with the schema itself and its fieldErrors land on these fields.
const accountRules: Rule[] = [
  { required: true, whitespace: true, message: '请输入账号' },
  { max: 64, message: '账号过长' },
];
const passwordRules: Rule[] = [
  { required: true, message: '请输入密码' },
  { max: 128, message: '密码过长' },
];

type Notice = { type: 'error' | 'warning'; message: string };

function PasswordLoginForm() {
  const [form] = Form.useForm<TLoginRequest>();
  const navigate = useNavigate();
  const location = useLocation();
  const login = useLogin();
  const expired = (location.state as { expired?: boolean } | null)?.expired === true;
  const [notice, setNotice] = useState<Notice | null>(
    expired ? { type: 'warning', message: '登录已过期，请重新登录' } : null,
  );

  useEffect(() => {
    // Said once: neither a reload of /login nor a later visit in this tab is another expiry.
    if (expired) {
      forgetSignedIn();
      void navigate(location.pathname, { replace: true, state: null });
    }
  }, [expired, navigate, location.pathname]);

  const onFinish = (values: TLoginRequest) => {
    setNotice(null);
    login.mutate(values, {
      onSuccess: () => void navigate('/portal', { replace: true }),
      onError: (error) => {
        // The form keeps every value: only messages are added.
        setNotice({ type: 'error', message: error.message });
        if (isApiError(error)) applyFieldErrors(form, error.fieldErrors);
      },
    });
  };

  return (
    <>
      {notice && <Notice className="login-alert" type={notice.type} message={notice.message} />}
      <Form<TLoginRequest> form={form} layout="vertical" size="large" requiredMark={false} onFinish={onFinish}>
        <Form.Item label="账号" name="account" rules={accountRules} validateFirst>
          <Input prefix={<UserOutlined aria-hidden />} placeholder="请输入账号" autoComplete="username" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={passwordRules} validateFirst>
          <Password prefix={<LockOutlined aria-hidden />} placeholder="请输入密码" autoComplete="current-password" />
        </Form.Item>
        <Form.Item className="login-submit">
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            登录
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}

export function LoginPage() {
  const me = useMe();
  // Already signed in: nothing to do here. While the session probe runs the form is shown at once
  // (first paint); a signed-in user is moved on as soon as it answers.
  if (me.data) return <Navigate to="/portal" replace />;

  return (
    <main className="login-page">
      <div className="login-brand">
        <BankIcon />
        <h1>吉林人力资源市场管理</h1>
      </div>
      <section className="login-card" aria-labelledby="login-card-title">
        <h2 id="login-card-title">单位网厅登录</h2>
        <LoginTabs items={[{ key: 'password', label: '账号密码登录', content: <PasswordLoginForm /> }]} />
        <p className="login-note">如登录有问题，可咨询电话：0431-80767550</p>
      </section>
    </main>
  );
}

function BankIcon() {
  return (
    <svg className="login-brand-icon" viewBox="0 0 24 24" width="1em" height="1em" fill="currentColor" aria-hidden="true">
      <path d="M12 2 2 7v2h20V7L12 2zm-7 9v7h2v-7H5zm4 0v7h2v-7H9zm4 0v7h2v-7h-2zm4 0v7h2v-7h-2zM2 20v2h20v-2H2z" />
    </svg>
  );
}
