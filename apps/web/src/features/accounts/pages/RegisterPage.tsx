import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Checkbox, Form, Input, Radio } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import {
  APPEAL_PHONE,
  ID_VALIDITY_PERIODS,
  LEGAL_TYPES,
  ZAccountName,
  ZCaptchaAnswer,
  ZIdCard,
  ZMobile,
  ZRegisterRequest,
  ZSmsCode,
  ZUscc,
  maskMobile,
  type TIdValidityPeriod,
  type TRegisterRequest,
} from '@jhrm/contracts';
import { applyFieldErrors, toNamePath, zodRules } from '../../../lib/form';
import type { ApiError } from '../../../lib/api-client';
import { useRegister, useSendSmsCode } from '../api/register.api';
import { AgreementModal, type AgreementKind } from '../components/AgreementModal';
import CaptchaField from '../components/CaptchaField';
import { PasswordRules } from '../components/PasswordRules';
import { PublicLayout } from '../../../components/PublicLayout';
import { retryAfterSeconds, smsButtonLabel } from '../components/countdown';
import { idEndDisplay } from '../components/id-validity';
import { firstPasswordProblem } from '../components/password-rules';
import { useCountdown } from '../components/useCountdown';
import { APPEAL_PATH, LOGIN_PATH, type LoginPageState } from '../paths';
import { DateField } from '../../../components/DateField';
import { FormSelect } from '../../../components/FormControls';

type LegalType = (typeof LEGAL_TYPES)[number];

interface RegisterValues {
  account?: string;
  legalType?: LegalType;
  unitName?: string;
  uscc?: string;
  legalName?: string;
  idCard?: string;
  idValidity?: TIdValidityPeriod;
  idStart?: Dayjs | null;
  phone?: string;
  captchaId?: string;
  captcha?: string;
  smsCode?: string;
  password?: string;
  confirmPassword?: string;
  agreed?: boolean;
}

const DATE_FORMAT = 'YYYY-MM-DD';
const shape = ZRegisterRequest.shape;

// Every rule comes from contracts, so the browser says what the server would.
const rules = {
  account: zodRules(ZAccountName),
  legalType: [{ required: true, message: '请选择法人类型' }] satisfies Rule[],
  unitName: zodRules(shape.unitName),
  uscc: zodRules(ZUscc),
  legalName: zodRules(shape.legalName),
  idCard: zodRules(ZIdCard),
  idValidity: [{ required: true, message: '请选择身份证有效期' }] satisfies Rule[],
  phone: zodRules(ZMobile),
  smsCode: zodRules(ZSmsCode),
};

/** 身份证有效开始日期: chosen, not in the future, and the card not yet expired. */
const idStartRules: Rule[] = [
  { required: true, message: '请选择身份证有效开始日期' },
  ({ getFieldValue }) => ({
    validator: async (_rule, value: Dayjs | null | undefined) => {
      if (!value) return;
      const today = dayjs().format(DATE_FORMAT);
      const start = value.format(DATE_FORMAT);
      if (start > today) throw new Error('身份证有效开始日期不能晚于今天');
      const end = idEndDisplay(start, getFieldValue('idValidity') as TIdValidityPeriod | undefined);
      if (end && end !== '长期有效' && end <= today) throw new Error('身份证已过有效期，请使用有效身份证');
    },
  }),
];

const passwordRules: Rule[] = [
  { required: true, message: '请设置密码' },
  ({ getFieldValue }) => ({
    validator: async (_rule, value: string | undefined) => {
      const problem = firstPasswordProblem(value ?? '', {
        account: getFieldValue('account') as string | undefined,
        phone: getFieldValue('phone') as string | undefined,
        idCard: getFieldValue('idCard') as string | undefined,
      });
      if (problem) throw new Error(problem);
    },
  }),
];

const confirmRules: Rule[] = [
  { required: true, message: '请再次输入密码' },
  ({ getFieldValue }) => ({
    validator: async (_rule, value: string | undefined) => {
      if (value && value !== getFieldValue('password')) throw new Error('两次输入的密码不一致');
    },
  }),
];

const agreedRules: Rule[] = [
  {
    validator: async (_rule, value: boolean | undefined) => {
      if (value !== true) throw new Error('请阅读并同意《注册协议》与《隐私政策》');
    },
  },
];

interface FormProblem {
  message: string;
  /** 409: the USCC already has a legal person; the way out is 账号申诉. */
  appeal: boolean;
}

/** Text fields validate as the user types, shortly after the last key. */
const TYPING = { validateDebounce: 300 } as const;

/** 法人注册 (guide 一 1.2). Public. */
export default function RegisterPage() {
  const [form] = Form.useForm<RegisterValues>();
  const navigate = useNavigate();
  const register = useRegister();
  const sendSms = useSendSmsCode();
  const countdown = useCountdown();
  const [captchaKey, setCaptchaKey] = useState(0);
  const [smsSentTo, setSmsSentTo] = useState<{ phone: string; minutes: number } | null>(null);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [agreement, setAgreement] = useState<AgreementKind | null>(null);

  const phone = Form.useWatch('phone', form);
  const captcha = Form.useWatch('captcha', form);
  const idStart = Form.useWatch('idStart', form);
  const idValidity = Form.useWatch('idValidity', form);
  const password = Form.useWatch('password', form);
  const account = Form.useWatch('account', form);
  const idCard = Form.useWatch('idCard', form);

  const idEnd = idEndDisplay(idStart ? idStart.format(DATE_FORMAT) : null, idValidity);
  const canSendSms = !!phone?.trim() && !!captcha?.trim() && !countdown.running && !sendSms.isPending;

  const showServerError = (error: ApiError) => {
    const unknown = applyFieldErrors(form, error.fieldErrors);
    const first = error.fieldErrors.find((fe) => !unknown.includes(fe));
    if (first) form.scrollToField(toNamePath(first.path), { block: 'center' });
    return unknown;
  };

  const onSendSms = async () => {
    try {
      await form.validateFields(['phone']);
    } catch {
      return;
    }
    const values = form.getFieldsValue(['phone', 'captchaId', 'captcha']) as RegisterValues;
    const answer = ZCaptchaAnswer.safeParse(values.captcha ?? '');
    if (!answer.success) {
      form.setFields([{ name: 'captcha', errors: [answer.error.issues[0]?.message ?? '请输入图片验证码'] }]);
      return;
    }
    if (!values.captchaId) {
      form.setFields([{ name: 'captcha', errors: ['图片验证码未加载，请点击图片刷新'] }]);
      return;
    }
    const to = (values.phone ?? '').trim();
    sendSms.mutate(
      { phone: to, captchaId: values.captchaId, captcha: answer.data, purpose: 'register' },
      {
        onSuccess: (r) => {
          countdown.start(r.cooldownSeconds);
          setSmsSentTo({ phone: to, minutes: Math.max(1, Math.round(r.expiresInSeconds / 60)) });
          form.setFields([{ name: 'smsCode', errors: [] }]);
        },
        onError: (error) => {
          setSmsSentTo(null);
          const unknown = showServerError(error);
          // A message that names no field of this form belongs to the code's own line.
          if (error.fieldErrors.length === 0 || unknown.length > 0) {
            form.setFields([{ name: 'smsCode', errors: [error.message] }]);
          }
          if (error.code === 'RATE_LIMITED') {
            const wait = retryAfterSeconds(error.message);
            if (wait) countdown.start(wait);
          }
        },
        // The captcha was checked (and so consumed) whatever the outcome: a new image.
        onSettled: () => setCaptchaKey((k) => k + 1),
      },
    );
  };

  // The password may not contain the account, phone or ID number: check it again when one of
  // those changes, once the user has typed a password (antd's `dependencies` would also flag
  // the still-empty password while the phone is being typed).
  const onValuesChange = (changed: Partial<RegisterValues>) => {
    if (!('account' in changed || 'phone' in changed || 'idCard' in changed)) return;
    if (form.getFieldValue('password')) void form.validateFields(['password']).catch(() => undefined);
  };

  const onFinish = (v: RegisterValues) => {
    setProblem(null);
    const body: TRegisterRequest = {
      account: (v.account ?? '').trim(),
      legalType: v.legalType ?? '企业法人',
      unitName: (v.unitName ?? '').trim(),
      uscc: (v.uscc ?? '').trim().toUpperCase(),
      legalName: (v.legalName ?? '').trim(),
      idCard: (v.idCard ?? '').trim().toUpperCase(),
      idValidity: v.idValidity ?? '长期有效',
      idStart: v.idStart ? v.idStart.format(DATE_FORMAT) : '',
      phone: (v.phone ?? '').trim(),
      smsCode: (v.smsCode ?? '').trim(),
      password: v.password ?? '',
      confirmPassword: v.confirmPassword ?? '',
      faceVerified: false,
      agreed: true,
    };
    register.mutate(body, {
      onSuccess: (r) => {
        const state: LoginPageState = { account: r.account, notice: '注册成功，请登录' };
        void navigate(LOGIN_PATH, { state });
      },
      onError: (error) => {
        // Nothing typed is touched: the messages go next to the fields and above the button.
        showServerError(error);
        setProblem({ message: error.message, appeal: error.details.appeal === true });
      },
    });
  };

  return (
    <PublicLayout title="法人注册">
      <Form<RegisterValues>
        form={form}
        layout="horizontal"
        labelCol={{ xs: { span: 24 }, sm: { span: 7 } }}
        wrapperCol={{ xs: { span: 24 }, sm: { span: 14 } }}
        labelWrap
        initialValues={{ legalType: '企业法人', agreed: false }}
        onFinish={onFinish}
        onValuesChange={onValuesChange}
        scrollToFirstError={{ block: 'center' }}
      >
        <h2 className="public-section-title">法人信息</h2>
        <Form.Item label="法人账号" name="account" rules={rules.account} required validateFirst {...TYPING}>
          <Input placeholder="请输入自定义账号6-20位字符, 字母开头" autoComplete="username" maxLength={20} />
        </Form.Item>
        <Form.Item label="法人类型" name="legalType" rules={rules.legalType}>
          <LegalTypeSelect />
        </Form.Item>
        <Form.Item label="企业名称" name="unitName" rules={rules.unitName} required {...TYPING}>
          <Input placeholder="请输入企业名称" maxLength={100} autoComplete="organization" />
        </Form.Item>
        <Form.Item label="统一社会信用代码" name="uscc" rules={rules.uscc} required {...TYPING}>
          <Input placeholder="请输入统一社会信用代码" maxLength={18} autoComplete="off" />
        </Form.Item>

        <h2 className="public-section-title">法定代表人信息</h2>
        <Form.Item label="法定代表人姓名" name="legalName" rules={rules.legalName} required {...TYPING}>
          <Input placeholder="请输入法定代表人姓名" maxLength={50} autoComplete="name" />
        </Form.Item>
        <Form.Item label="身份证号" name="idCard" rules={rules.idCard} required {...TYPING}>
          <Input placeholder="请输入身份证号" maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item label="身份证有效期" name="idValidity" rules={rules.idValidity}>
          {/* role: Form.Item marks required fields with aria-required, valid on a radiogroup only */}
          <Radio.Group {...RADIOGROUP} options={ID_VALIDITY_PERIODS.map((p) => ({ label: p, value: p }))} />
        </Form.Item>
        <Form.Item label="身份证有效开始日期" name="idStart" rules={idStartRules} dependencies={['idValidity']}>
          <DateField
            placeholder="请选择身份证有效开始日期"
            format={DATE_FORMAT}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item label="身份证有效结束日期" htmlFor="register-id-end" required>
          <Input
            id="register-id-end"
            value={idEnd}
            readOnly
            placeholder={idValidity ? '选择开始日期后自动计算' : '选择有效期和开始日期后自动计算'}
            aria-readonly="true"
            data-testid="id-end"
          />
        </Form.Item>
        <Form.Item label="手机号码" name="phone" rules={rules.phone} required {...TYPING}>
          <Input placeholder="请输入手机号码" maxLength={11} inputMode="numeric" autoComplete="tel" />
        </Form.Item>
        {/* Checked by 获取验证码 only, not by 注册: it gates the SMS, and each check consumes it. */}
        <CaptchaField refreshKey={captchaKey} />
        <Form.Item
          label="验证码"
          required
          extra={
            smsSentTo ? `验证码已发送至 ${maskMobile(smsSentTo.phone)}，${smsSentTo.minutes}分钟内有效` : '填写手机号码和图片验证码后获取'
          }
        >
          <div className="public-inline-row">
            <Form.Item name="smsCode" rules={rules.smsCode} noStyle {...TYPING}>
              <Input placeholder="请输入短信验证码" maxLength={6} inputMode="numeric" autoComplete="one-time-code" aria-label="验证码" />
            </Form.Item>
            {/* No loading spinner: the label says 发送中… and then counts down. */}
            <Button onClick={() => void onSendSms()} disabled={!canSendSms}>
              {sendSms.isPending ? '发送中…' : smsButtonLabel(countdown.seconds)}
            </Button>
          </div>
        </Form.Item>

        <h2 className="public-section-title">设置登录密码</h2>
        <Form.Item
          label="设置密码"
          name="password"
          rules={passwordRules}
          validateFirst
          extra={<PasswordRules password={password ?? ''} context={{ account, phone, idCard }} />}
        >
          <Input.Password placeholder="请设置密码" autoComplete="new-password" maxLength={64} />
        </Form.Item>
        <Form.Item label="确认密码" name="confirmPassword" rules={confirmRules} dependencies={['password']} validateFirst>
          <Input.Password placeholder="请再次输入密码" autoComplete="new-password" maxLength={64} />
        </Form.Item>
        <Form.Item
          label="人脸验证提升等级"
          extra="需使用吉事办 App 完成人脸验证后提升，本系统暂不支持"
        >
          <Radio.Group
            disabled
            value={false}
            options={[
              { label: '是', value: true },
              { label: '否', value: false },
            ]}
            aria-label="人脸验证提升等级"
          />
        </Form.Item>

        {problem && (
          <Form.Item wrapperCol={{ xs: { span: 24 }, sm: { span: 14, offset: 7 } }}>
            <Alert
              type="error"
              showIcon
              message={problem.message}
              action={
                problem.appeal ? (
                  <Link to={APPEAL_PATH} className="register-appeal-link">
                    去账号申诉
                  </Link>
                ) : undefined
              }
            />
          </Form.Item>
        )}
        <Form.Item wrapperCol={{ xs: { span: 24 }, sm: { span: 14, offset: 7 } }}>
          <Button type="primary" htmlType="submit" block size="large" loading={register.isPending}>
            注册
          </Button>
        </Form.Item>
        <Form.Item
          name="agreed"
          valuePropName="checked"
          rules={agreedRules}
          wrapperCol={{ xs: { span: 24 }, sm: { span: 14, offset: 7 } }}
        >
          <AgreementLine onOpen={setAgreement} />
        </Form.Item>
      </Form>

      <p className="public-note">
        注: 如果注册有问题, 可点击<Link to={APPEAL_PATH}>【账号申诉】</Link>功能进行账号申诉, 也可咨询电话:{' '}
        <strong>{APPEAL_PHONE}</strong>
      </p>
      <p className="public-note">
        已有账号？<Link to={LOGIN_PATH}>去登录</Link>
      </p>
      <AgreementModal kind={agreement} onClose={() => setAgreement(null)} />
    </PublicLayout>
  );
}

/** antd's Radio.Group passes `role` to its <div> but does not declare it. */
const RADIOGROUP: Record<string, string> = { role: 'radiogroup' };

const LEGAL_TYPE_OPTIONS = LEGAL_TYPES.map((t) => ({ label: t, value: t }));

/** 法人类型: the list always has a value (企业法人 by default). */
function LegalTypeSelect(props: { id?: string; value?: LegalType; onChange?: (value: LegalType) => void }) {
  return <FormSelect<LegalType> {...props} options={LEGAL_TYPE_OPTIONS} placeholder="请选择法人类型" />;
}

/**
 * 已阅读并同意《注册协议》与《隐私政策》: the box and its words form one label; the two titles are
 * buttons beside it that open the texts (a click there does not tick the box).
 */
function AgreementLine({
  checked,
  onChange,
  onOpen,
}: {
  checked?: boolean;
  onChange?: (e: { target: { checked: boolean } }) => void;
  onOpen: (kind: AgreementKind) => void;
}) {
  return (
    <span className="register-agreement">
      <Checkbox checked={checked} onChange={(e) => onChange?.(e)}>
        已阅读并同意
      </Checkbox>
      <Button type="link" size="small" className="register-agreement-link" onClick={() => onOpen('terms')}>
        《注册协议》
      </Button>
      与
      <Button type="link" size="small" className="register-agreement-link" onClick={() => onOpen('privacy')}>
        《隐私政策》
      </Button>
    </span>
  );
}
