import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Button, Descriptions, Form, Input } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { chineseDate, LICENCE_NUMBER_MAX, LICENCE_TITLES, type TLicenceVerification } from '@jhrm/contracts';
import { PublicLayout } from '../../../components/PublicLayout';
import { Spinner } from '../../../components/Spinner';
import { isApiError } from '../../../lib/api-client';
import { PUBLIC_REGISTER_PATH, licenceVerifyPagePath } from '../../../lib/public-paths';
import { useLicenceVerification } from '../api/licences.api';
import { verificationVerdict } from '../model/licence-status';
import '../components/licences.css';

const ICONS = { success: CheckCircleFilled, warning: ExclamationCircleFilled, danger: CloseCircleFilled } as const;

function ResultCard({ v }: { v: TLicenceVerification }) {
  const verdict = verificationVerdict(v);
  const Icon = ICONS[verdict.tone as keyof typeof ICONS] ?? ExclamationCircleFilled;
  return (
    <section className={`licence-verdict licence-verdict-${verdict.tone}`} aria-live="polite" data-testid="licence-verdict">
      <header className="licence-verdict-head">
        <Icon className="licence-verdict-icon" aria-hidden />
        <div>
          <div className="licence-verdict-title">{verdict.headline}</div>
          <div className="licence-verdict-detail">{verdict.detail}</div>
        </div>
      </header>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
        items={[
          { key: 'kind', label: '证书类型', children: LICENCE_TITLES[v.kind] },
          { key: 'number', label: '编号', children: v.number },
          { key: 'name', label: '机构名称', children: v.institutionName, span: 2 },
          { key: 'uscc', label: '统一社会信用代码', children: v.uscc },
          { key: 'legalRep', label: '法定代表人(负责人)', children: v.legalRep ?? '' },
          { key: 'scopes', label: '服务范围', children: v.scopes.join('、'), span: 2 },
          { key: 'department', label: '发证机关', children: v.departmentName },
          { key: 'issued', label: '发证日期', children: chineseDate(v.issuedOn) },
          { key: 'validUntil', label: '有效期至', children: v.validUntil ? chineseDate(v.validUntil) : '长期' },
          ...(v.reissuedOn ? [{ key: 'reissued', label: '补发日期', children: `补发于${chineseDate(v.reissuedOn)}（此前打印的同编号证件作废）` }] : []),
          ...(v.supersededByNumber
            ? [
                {
                  key: 'successor',
                  label: '现行编号',
                  span: 2,
                  children: <Link to={licenceVerifyPagePath(v.supersededByNumber)}>{v.supersededByNumber}（点击核验）</Link>,
                },
              ]
            : []),
        ]}
      />
      <p className="licence-verdict-count">本证已被核验 {v.verifyCount} 次（含本次）。</p>
    </section>
  );
}

/**
 * 许可证验证 (no login): the QR code on a licence opens this page with ?number=…, which verifies
 * at once; anyone can also type a number. Each 查询 is counted by the server.
 */
export default function LicenceVerifyPage() {
  const [params, setParams] = useSearchParams();
  const number = (params.get('number') ?? '').trim().slice(0, LICENCE_NUMBER_MAX);
  // the edition a printout's QR code names (a number typed by hand has none)
  const edition = Number(params.get('edition')) || undefined;
  const [form] = Form.useForm<{ number: string }>();
  // a new 查询 of the same number verifies (and counts) again
  const [attempt, setAttempt] = useState(0);
  const query = useLicenceVerification(number, attempt, edition && Number.isInteger(edition) && edition > 0 && edition < 10000 ? edition : undefined);

  useEffect(() => form.setFieldsValue({ number }), [form, number]);
  const unknownNumber = isApiError(query.error) && query.error.status === 404;

  const onFinish = ({ number: typed }: { number: string }) => {
    const next = typed.trim();
    if (next === number) setAttempt((a) => a + 1);
    else setParams({ number: next });
  };

  return (
    <PublicLayout title="许可证验证" width="form" headerExtra={<Link to={PUBLIC_REGISTER_PATH}>公示查询</Link>}>
      <p className="licence-verify-intro">
        <SafetyCertificateOutlined aria-hidden /> 输入人力资源服务许可证或备案凭证上的编号，或用手机扫描证书上的二维码，核验证书真伪与当前状态。
      </p>
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item label="许可证/备案凭证编号" htmlFor="licence-number">
          <div className="public-inline-row">
            <Form.Item
              name="number"
              noStyle
              rules={[
                { required: true, whitespace: true, message: '请输入许可证/备案凭证编号' },
                { max: LICENCE_NUMBER_MAX, message: `编号不能超过 ${LICENCE_NUMBER_MAX} 个字符` },
              ]}
            >
              <Input id="licence-number" placeholder="例如：（吉）人服证字〔2026〕第2200000001号" maxLength={LICENCE_NUMBER_MAX} allowClear autoComplete="off" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={query.isFetching}>
              核验
            </Button>
          </div>
        </Form.Item>
      </Form>
      {query.isFetching && !query.data && <Spinner label="正在核验…" />}
      {query.isError && !query.isFetching && (
        <Alert
          type={unknownNumber ? 'error' : 'warning'}
          showIcon
          message={unknownNumber ? '无效：未查询到该编号' : '暂时无法核验'}
          description={query.error.message}
          data-testid="licence-verdict-error"
        />
      )}
      {query.data && <ResultCard v={query.data} />}
    </PublicLayout>
  );
}
