import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Result } from 'antd';
import type { Rule } from 'antd/es/form';
import { DesktopOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { ROLE_LABELS, type TSessionUser } from '@jhrm/contracts';
import type { ApiError } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form';
import { useLogout, useMe } from '../../../lib/session';
import { Spinner } from '../../../components/Spinner';
import { Notice } from '../../../components/Notice';
import { captchaRequired, useLogin, type LoginBody } from '../api/auth.api';
import { decideQrTicket, scanQrTicket } from '../api/qr.api';
import CaptchaField from '../components/CaptchaField';
import './mobile-qr.css';

const SYSTEM = '吉林人力资源市场管理';

/**
 * 扫码登录, phone side (the stand-in for the 吉事办 app): the QR's link opens here; an agent signs
 * in if needed, sees which desktop sign-in is asked for, and confirms or cancels it.
 */
export default function MobileQrConfirmPage() {
  const { id = '' } = useParams();
  const me = useMe();
  let body: ReactNode;
  if (me.isPending) body = <Spinner />;
  else if (me.isError)
    body = (
      <Result
        status="warning"
        title="无法连接服务器"
        subTitle="请检查网络后重试"
        extra={
          <Button type="primary" block onClick={() => void me.refetch()}>
            重试
          </Button>
        }
      />
    );
  else if (me.data === null) body = <MobileSignIn />;
  else body = <SignedIn id={id} user={me.data.user} />;

  return (
    <div className="m-page">
      <header className="m-header">
        <span>{SYSTEM}</span>
        <span className="m-header-sub">扫码登录</span>
      </header>
      <main className="m-main">{body}</main>
    </div>
  );
}

function SignedIn({ id, user }: { id: string; user: TSessionUser }) {
  const { logout, pending } = useLogout();
  const switchAccount = (
    <Button block loading={pending} onClick={() => void logout()}>
      切换账号
    </Button>
  );
  if (user.mustChangePassword) {
    return (
      <Result
        status="warning"
        title="请先修改密码"
        subTitle="该账号首次登录或密码已被重置，请先在电脑上登录并修改密码，再扫码登录。"
        extra={switchAccount}
      />
    );
  }
  if (user.role !== 'agent') {
    return (
      <Result
        status="warning"
        title="仅经办人账号可扫码登录"
        subTitle={`当前登录账号：${user.account}（${ROLE_LABELS[user.role]}）。请使用经办人账号登录后重新扫码。`}
        extra={switchAccount}
      />
    );
  }
  return <ConfirmTicket id={id} user={user} switchAccount={switchAccount} />;
}

function ConfirmTicket({ id, user, switchAccount }: { id: string; user: TSessionUser; switchAccount: ReactNode }) {
  // Opening the page marks the ticket scanned; the desktop then shows 已扫码，请在手机上确认.
  const scan = useQuery({
    queryKey: ['qr-scan', id, user.id],
    queryFn: ({ signal }) => scanQrTicket(id, signal),
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
  });
  const decide = useMutation<unknown, ApiError, 'confirm' | 'cancel'>({
    mutationFn: (decision) => decideQrTicket(id, decision),
  });

  if (decide.isSuccess) {
    return decide.variables === 'confirm' ? (
      <Result status="success" title="已确认登录，请在电脑上继续操作" />
    ) : (
      <Result status="info" title="已取消登录" subTitle="电脑端不会登录。如需登录，请在电脑上刷新二维码后重新扫码。" />
    );
  }
  if (decide.isError) return <Result status="warning" title="无法完成操作" subTitle={decide.error.message} />;
  if (scan.isPending) return <Spinner label="正在读取二维码…" />;
  if (scan.isError) return <Result status="warning" title="无法扫码登录" subTitle={scan.error.message} />;

  const status = scan.data.status;
  if (status === 'expired') return <Result status="warning" title="二维码已过期，请在电脑上刷新二维码后重新扫码" />;
  if (status === 'used') return <Result status="info" title="该二维码已使用，请在电脑上刷新二维码后重新扫码" />;
  if (status === 'confirmed' || status === 'cancelled') return <Result status="info" title="该二维码已处理，请在电脑上刷新二维码" />;

  return (
    <section className="m-confirm" aria-labelledby="m-confirm-title">
      <DesktopOutlined className="m-confirm-icon" aria-hidden />
      <h1 id="m-confirm-title" className="m-confirm-title">
        确认登录「{SYSTEM}」电脑端？
      </h1>
      <dl className="m-confirm-who">
        <div>
          <dt>账号</dt>
          <dd>{user.account}</dd>
        </div>
        <div>
          <dt>单位</dt>
          <dd>{user.unit?.name ?? '—'}</dd>
        </div>
      </dl>
      <p className="m-confirm-note">请确认是您本人在电脑上发起的登录。</p>
      <div className="m-actions">
        <Button type="primary" size="large" block loading={decide.isPending && decide.variables === 'confirm'} disabled={decide.isPending} onClick={() => decide.mutate('confirm')}>
          确认登录
        </Button>
        <Button size="large" block loading={decide.isPending && decide.variables === 'cancel'} disabled={decide.isPending} onClick={() => decide.mutate('cancel')}>
          取消
        </Button>
        {switchAccount}
      </div>
    </section>
  );
}

const accountRules: Rule[] = [{ required: true, whitespace: true, message: '请输入账号' }];
const passwordRules: Rule[] = [{ required: true, message: '请输入密码' }];
const captchaRules: Rule[] = [{ required: true, whitespace: true, message: '请输入图片验证码' }];

/** A compact sign-in for the phone: agents sign in here once, then confirm desktop sign-ins. */
function MobileSignIn() {
  const [form] = Form.useForm<LoginBody>();
  const login = useLogin();
  const [needCaptcha, setNeedCaptcha] = useState(false);
  const [captchaKey, setCaptchaKey] = useState(0);

  const onFinish = (values: LoginBody) => {
    const sentCaptcha = needCaptcha;
    login.mutate(values, {
      onError: (error) => {
        applyFieldErrors(form, error.fieldErrors);
        if (sentCaptcha) setCaptchaKey((k) => k + 1);
        if (captchaRequired(error)) setNeedCaptcha(true);
      },
    });
  };

  return (
    <section className="m-signin" aria-labelledby="m-signin-title">
      <h1 id="m-signin-title" className="m-signin-title">
        经办人登录
      </h1>
      <p className="m-signin-note">登录经办人账号后，确认电脑端的扫码登录。</p>
      {login.isError && <Notice type="error" message={login.error.message} className="m-signin-alert" />}
      <Form<LoginBody> form={form} layout="vertical" size="large" requiredMark={false} onFinish={onFinish}>
        <Form.Item label="账号" name="account" rules={accountRules}>
          <Input prefix={<UserOutlined aria-hidden />} placeholder="请输入账号" autoComplete="username" autoCapitalize="off" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={passwordRules}>
          <Input.Password prefix={<LockOutlined aria-hidden />} placeholder="请输入密码" autoComplete="current-password" />
        </Form.Item>
        {needCaptcha && <CaptchaField refreshKey={captchaKey} rules={captchaRules} size="large" autoFocus />}
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          登录
        </Button>
      </Form>
    </section>
  );
}
