import { useCallback, useEffect, useRef, useState } from 'react';
import { Form } from 'antd';
import type { Rule } from 'antd/es/form';
// Input straight from its module: this field also renders on the login page (lazily), where the
// Input barrel's TextArea/OTP/Search would only add weight.
import Input from 'antd/es/input/Input';
import { captchaImageSrc, fetchCaptcha } from '../api/captcha.api';
import './captcha.css';

export interface CaptchaFieldProps {
  /** Bump after every request that sent the captcha: the server consumes it on any check. */
  refreshKey: number;
  /** Form field of the typed answer; the captcha id goes into `idName` (a hidden field). */
  name?: string;
  idName?: string;
  label?: string;
  rules?: Rule[];
  size?: 'large' | 'middle';
  /** For the login page, where the field appears after failures: focus it when it shows up. */
  autoFocus?: boolean;
}

/**
 * 图片验证码: an input beside the image; a click on the image loads a new one. The captcha id is
 * kept in a hidden form field so the form's values carry both parts. Contains no zod: the login
 * page loads this on demand and must stay light; callers pass rules.
 */
export default function CaptchaField({
  refreshKey,
  name = 'captcha',
  idName = 'captchaId',
  label = '图片验证码',
  rules,
  size,
  autoFocus,
}: CaptchaFieldProps) {
  const form = Form.useFormInstance();
  const [svg, setSvg] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const c = await fetchCaptcha();
      if (mine !== seq.current) return;
      setSvg(c.svg);
      setFailed(false);
      // The old answer belongs to the old image; a message the server gave for it stays visible.
      form.setFields([
        { name: idName, value: c.id },
        { name, value: '', errors: form.getFieldError(name) },
      ]);
    } catch {
      if (mine !== seq.current) return;
      setFailed(true);
      form.setFieldValue(idName, undefined);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [form, idName, name]);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  return (
    <>
      <Form.Item name={idName} hidden>
        <input type="hidden" />
      </Form.Item>
      <Form.Item label={label} required>
        <div className="captcha-row">
          <Form.Item name={name} rules={rules} validateFirst noStyle>
            <Input
              size={size}
              placeholder="请输入验证码"
              autoComplete="off"
              maxLength={10}
              aria-label={label}
              autoFocus={autoFocus}
            />
          </Form.Item>
          <button
            type="button"
            className="captcha-image"
            onClick={() => void load()}
            aria-label="看不清？点击刷新图片验证码"
            title="看不清？点击刷新"
            aria-busy={loading}
          >
            {svg && !failed ? (
              <img src={captchaImageSrc(svg)} alt="图片验证码，点击刷新" width={110} height={40} />
            ) : (
              <span className="captcha-placeholder">{failed ? '加载失败，点击重试' : '加载中…'}</span>
            )}
          </button>
        </div>
      </Form.Item>
    </>
  );
}
