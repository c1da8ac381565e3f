import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Form, Input, Result, Upload } from 'antd';
import type { RcFile, UploadFile } from 'antd/es/upload';
import { UploadOutlined } from '@ant-design/icons';
import { APPEAL_PHONE, ZAppealRequest, ZCaptchaAnswer, ZMobile, ZUscc, maskMobile } from '@jhrm/contracts';
import { applyFieldErrors, toNamePath, zodRules } from '../../../lib/form';
import { useSubmitAppeal } from '../api/appeal.api';
import CaptchaField from '../components/CaptchaField';
import { PublicLayout } from '../../../components/PublicLayout';
import { APPEAL_ACCEPT, APPEAL_MAX_FILES, appealFileProblem, formatFileSize } from '../components/appeal-files';
import { LOGIN_PATH } from '../paths';

interface AppealValues {
  account?: string;
  uscc?: string;
  contact?: string;
  phone?: string;
  description?: string;
  captchaId?: string;
  captcha?: string;
}

const shape = ZAppealRequest.shape;
const rules = {
  account: zodRules(shape.account),
  uscc: zodRules(ZUscc),
  contact: zodRules(shape.contact),
  phone: zodRules(ZMobile),
  description: zodRules(shape.description),
  captcha: zodRules(ZCaptchaAnswer),
};
const TYPING = { validateDebounce: 300 } as const;

/** 账号申诉 (public): for a lost account, a USCC registered by someone else, and the like. */
export default function AppealPage() {
  const [form] = Form.useForm<AppealValues>();
  const submit = useSubmitAppeal();
  const navigate = useNavigate();
  const [files, setFiles] = useState<RcFile[]>([]);
  // beforeUpload runs once per file of a multi-selection before state updates: count here.
  const chosen = useRef(0);
  const [fileError, setFileError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [captchaKey, setCaptchaKey] = useState(0);
  const [done, setDone] = useState<{ phone: string } | null>(null);

  const beforeUpload = (file: RcFile) => {
    const why = appealFileProblem(file, chosen.current);
    if (why) {
      setFileError(why);
      return Upload.LIST_IGNORE;
    }
    chosen.current += 1;
    setFileError(null);
    setFiles((prev) => [...prev, file]);
    // Kept in the browser and sent with the form, not uploaded on its own.
    return false;
  };

  const onRemove = (f: UploadFile) => {
    chosen.current = Math.max(0, chosen.current - 1);
    setFiles((prev) => prev.filter((x) => x.uid !== f.uid));
    setFileError(null);
  };

  const fileList: UploadFile[] = files.map((f) => ({
    uid: f.uid,
    name: `${f.name}（${formatFileSize(f.size)}）`,
    size: f.size,
    status: 'done',
    originFileObj: f,
  }));

  const onFinish = (v: AppealValues) => {
    setProblem(null);
    submit.mutate(
      {
        account: (v.account ?? '').trim(),
        uscc: (v.uscc ?? '').trim().toUpperCase(),
        contact: (v.contact ?? '').trim(),
        phone: (v.phone ?? '').trim(),
        description: (v.description ?? '').trim(),
        captchaId: v.captchaId ?? '',
        captcha: (v.captcha ?? '').trim(),
        files,
      },
      {
        onSuccess: () => setDone({ phone: (v.phone ?? '').trim() }),
        onError: (error) => {
          // Every typed value and chosen file stays; only messages are added.
          const unknown = applyFieldErrors(form, error.fieldErrors);
          const first = error.fieldErrors.find((fe) => !unknown.includes(fe));
          if (first) form.scrollToField(toNamePath(first.path), { block: 'center' });
          // A refused file is named next to the attachments; anything else goes above the button.
          if (error.status === 413 || error.status === 415 || error.status === 422) setFileError(error.message);
          else setProblem(error.message);
        },
        // The captcha is consumed by any check: a new image for the next attempt.
        onSettled: () => setCaptchaKey((k) => k + 1),
      },
    );
  };

  if (done) {
    return (
      <PublicLayout title="账号申诉">
        <Result
          status="success"
          title="申诉已提交"
          subTitle={`我们将尽快处理，处理结果将以短信发送至 ${maskMobile(done.phone)}。如有疑问，请咨询电话 ${APPEAL_PHONE}。`}
          extra={
            <Button type="primary" onClick={() => void navigate(LOGIN_PATH)}>
              返回登录
            </Button>
          }
        />
      </PublicLayout>
    );
  }

  return (
    <PublicLayout title="账号申诉">
      <Alert
        type="info"
        showIcon
        className="appeal-intro"
        message="忘记法人账号、统一社会信用代码已被他人注册或其他账号问题，可在此提交申诉，管理员处理后将以短信回复。"
        description={`咨询电话：${APPEAL_PHONE}`}
      />
      <Form<AppealValues>
        form={form}
        layout="horizontal"
        labelCol={{ xs: { span: 24 }, sm: { span: 6 } }}
        wrapperCol={{ xs: { span: 24 }, sm: { span: 16 } }}
        onFinish={onFinish}
        scrollToFirstError={{ block: 'center' }}
      >
        <Form.Item label="账号" name="account" rules={rules.account} required {...TYPING} extra="需要申诉的账号；如忘记账号，请填写“忘记账号”">
          <Input placeholder="请输入账号" maxLength={64} autoComplete="username" />
        </Form.Item>
        <Form.Item label="统一社会信用代码" name="uscc" rules={rules.uscc} required {...TYPING}>
          <Input placeholder="请输入统一社会信用代码" maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item label="联系人" name="contact" rules={rules.contact} required {...TYPING}>
          <Input placeholder="请输入联系人姓名" maxLength={50} autoComplete="name" />
        </Form.Item>
        <Form.Item label="手机号码" name="phone" rules={rules.phone} required {...TYPING} extra="处理结果将以短信发送至此号码">
          <Input placeholder="请输入手机号码" maxLength={11} inputMode="numeric" autoComplete="tel" />
        </Form.Item>
        <Form.Item label="申诉说明" name="description" rules={rules.description} required {...TYPING}>
          <Input.TextArea
            placeholder="请说明申诉原因和需要处理的事项（至少10个字）"
            showCount
            maxLength={2000}
            autoSize={{ minRows: 4, maxRows: 10 }}
          />
        </Form.Item>
        <Form.Item
          label="附件"
          extra={`可上传营业执照、授权书等证明材料：PDF、JPG、PNG 格式，每个不超过 20 MB，最多 ${APPEAL_MAX_FILES} 个`}
          validateStatus={fileError ? 'error' : undefined}
          help={fileError ?? undefined}
        >
          <Upload
            accept={APPEAL_ACCEPT}
            multiple
            beforeUpload={beforeUpload}
            onRemove={onRemove}
            fileList={fileList}
          >
            <Button icon={<UploadOutlined />} disabled={files.length >= APPEAL_MAX_FILES}>
              选择文件
            </Button>
          </Upload>
        </Form.Item>
        <CaptchaField refreshKey={captchaKey} rules={rules.captcha} />
        {problem && (
          <Form.Item wrapperCol={{ xs: { span: 24 }, sm: { span: 16, offset: 6 } }}>
            <Alert type="error" showIcon message={problem} />
          </Form.Item>
        )}
        <Form.Item wrapperCol={{ xs: { span: 24 }, sm: { span: 16, offset: 6 } }}>
          <Button type="primary" htmlType="submit" size="large" loading={submit.isPending}>
            提交申诉
          </Button>
          <Link to={LOGIN_PATH} className="appeal-back">
            返回登录
          </Link>
        </Form.Item>
      </Form>
      <p className="public-note">
        咨询电话: <strong>{APPEAL_PHONE}</strong>
      </p>
    </PublicLayout>
  );
}
