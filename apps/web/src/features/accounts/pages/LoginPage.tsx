import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Form } from 'antd';
// Input and Password straight from their modules: antd's Input barrel also carries TextArea,
// OTP and Search (~10 KB gzip) that the login page's first-paint budget cannot spare.
import Input from 'antd/es/input/Input';
import Password from 'antd/es/input/Password';
import type { Rule } from 'antd/es/form';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Notice, type NoticeType } from '../../../components/Notice';
import { PrimaryButton } from '../../../components/PrimaryButton';
import { Spinner } from '../../../components/Spinner';
import { applyFieldErrors } from '../../../lib/form';
import { forgetSignedIn, useMe } from '../../../lib/session';
import { LICENCE_VERIFY_PAGE_PATH, PUBLIC_REGISTER_PATH } from '../../../lib/public-paths';
import { captchaRequired, useLogin, type LoginBody } from '../api/auth.api';
import { LoginTabs } from '../components/LoginTabs';
import { APPEAL_PATH, REGISTER_PATH, afterLoginPath, readLoginPageState } from '../paths';
import './login.css';
import { LargeTypeSwitch } from '../../../components/LargeTypeSwitch';

// Loaded on demand, off the first-paint budget: the captcha only after failed attempts, the QR
// panel (antd QRCode and the polling) only when its tab is opened.
const CaptchaField = lazy(() => import('../components/CaptchaField'));
const QrLoginPanel = lazy(() => import('../components/QrLoginPanel'));

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
const captchaRules: Rule[] = [{ required: true, whitespace: true, message: '请输入图片验证码' }];

type NoticeState = { type: NoticeType; message: string };

function PasswordLoginForm() {
  const [form] = Form.useForm<LoginBody>();
  const navigate = useNavigate();
  const location = useLocation();
  const login = useLogin();
  const [arrival] = useState(() => readLoginPageState(location.state));
  const [notice, setNotice] = useState<NoticeState | null>(() =>
    arrival.notice
      ? { type: 'success', message: arrival.notice }
      : arrival.expired
        ? { type: 'warning', message: '登录已过期，请重新登录' }
        : null,
  );
  const [needCaptcha, setNeedCaptcha] = useState(false);
  const [captchaKey, setCaptchaKey] = useState(0);

  const hasState = location.state !== null && location.state !== undefined;
  useEffect(() => {
    // Said once: neither a reload of /login nor a later visit in this tab repeats it.
    if (arrival.expired) forgetSignedIn();
    if (hasState) void navigate(location.pathname, { replace: true, state: null });
  }, [arrival.expired, hasState, navigate, location.pathname]);

  const onFinish = (values: LoginBody) => {
    setNotice(null);
    const sentCaptcha = needCaptcha;
    login.mutate(values, {
      onSuccess: (me) => void navigate(afterLoginPath(me.user), { replace: true }),
      onError: (error) => {
        // The form keeps every value: only messages are added.
        setNotice({ type: 'error', message: error.message });
        applyFieldErrors(form, error.fieldErrors);
        // The server consumes the captcha on any check: a new image for the next attempt.
        if (sentCaptcha) setCaptchaKey((k) => k + 1);
        if (captchaRequired(error)) setNeedCaptcha(true);
      },
    });
  };

  return (
    <>
      {notice && <Notice className="login-alert" type={notice.type} message={notice.message} />}
      <Form<LoginBody>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        onFinish={onFinish}
        initialValues={arrival.account ? { account: arrival.account } : undefined}
      >
        <Form.Item label="账号" name="account" rules={accountRules} validateFirst>
          <Input prefix={<UserOutlined aria-hidden />} placeholder="请输入账号" autoComplete="username" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={passwordRules} validateFirst>
          <Password
            prefix={<LockOutlined aria-hidden />}
            placeholder="请输入密码"
            autoComplete="current-password"
            autoFocus={!!arrival.account}
          />
        </Form.Item>
        {needCaptcha && (
          <Suspense fallback={<div className="login-captcha-loading">图片验证码加载中…</div>}>
            <CaptchaField refreshKey={captchaKey} rules={captchaRules} size="large" autoFocus />
          </Suspense>
        )}
        <Form.Item className="login-submit">
          {/* plain markup drawn like antd's primary button: antd's Button costs the first-paint budget */}
          <PrimaryButton type="submit" large block loading={login.isPending}>
            登录
          </PrimaryButton>
        </Form.Item>
      </Form>
    </>
  );
}

function QrTab() {
  return (
    <Suspense fallback={<div className="login-qr-loading"><Spinner label="二维码加载中…" /></div>}>
      <QrLoginPanel />
    </Suspense>
  );
}

export function LoginPage() {
  const me = useMe();
  // Already signed in: nothing to do here. While the session probe runs the form is shown at once
  // (first paint); a signed-in user is moved on as soon as it answers.
  if (me.data) return <Navigate to={afterLoginPath(me.data.user)} replace />;

  return (
    <main className="login-page">
      <div className="login-brand">
        <BankIcon />
        <h1>吉林人力资源市场管理</h1>
      </div>
      <section className="login-card" aria-labelledby="login-card-title">
        <h2 id="login-card-title">单位网厅登录</h2>
        <LoginTabs
          items={[
            { key: 'password', label: '账号密码登录', content: <PasswordLoginForm /> },
            { key: 'qr', label: '扫码登录', content: <QrTab /> },
          ]}
        />
        <div className="login-links">
          <Link to={REGISTER_PATH}>没有账号？立即注册</Link>
          <Link to={APPEAL_PATH}>【账号申诉】</Link>
        </div>
        <nav className="login-public-links" aria-label="公众服务">
          <Link to={PUBLIC_REGISTER_PATH}>公示查询</Link>
          <Link to={LICENCE_VERIFY_PAGE_PATH}>许可证验证</Link>
          <LargeTypeSwitch />
        </nav>
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
