import { useEffect } from 'react';
import { Button, Card, Col, Divider, Form, InputNumber, Row, Space } from 'antd';
import { CREDIT_LEVELS, DEFAULT_CREDIT_RATING_RULES, ZCreditRatingRules, type TCreditRatingRules, type TSettingItem } from '@jhrm/contracts';
import { formatDateTime } from '../../../lib/format-datetime';
import { applyFieldErrors } from '../../../lib/form';
import { useSaveSetting } from './useSaveSetting';

type Path = readonly string[];

/** One number of the rules: its path under `value`, its label, and the bounds the schema allows. */
const FIELDS: { title: string; items: { path: Path; label: string; min: number; max: number; step?: number; precision?: number }[] }[] = [
  {
    title: '基础分与年度报告',
    items: [
      { path: ['base'], label: '基础分', min: 0, max: 1000 },
      { path: ['report', 'years'], label: '考察最近几个服务年度的年度报告', min: 1, max: 10 },
      { path: ['report', 'onTime'], label: '年度报告按时报送（每年）', min: -100, max: 100 },
      { path: ['report', 'late'], label: '年度报告逾期报送（每年）', min: -100, max: 0 },
      { path: ['report', 'missing'], label: '年度报告未报送（每年）', min: -100, max: 0 },
    ],
  },
  {
    title: '核查、抽查与信用记录',
    items: [
      { path: ['promiseUntrue'], label: '告知承诺核查不属实（每次）', min: -100, max: 0 },
      { path: ['sampling', 'passed'], label: '双随机抽查合格（每次）', min: 0, max: 100 },
      { path: ['sampling', 'passedMax'], label: '抽查合格加分上限', min: 0, max: 100 },
      { path: ['sampling', 'rectify'], label: '双随机抽查责令整改（每次）', min: -100, max: 0 },
      { path: ['sampling', 'caseFiled'], label: '双随机抽查立案（每次）', min: -100, max: 0 },
      { path: ['dishonesty'], label: '失信记录（每条）', min: -100, max: 0 },
      { path: ['integrityTitle'], label: '诚信示范机构称号（每个年度）', min: 0, max: 100 },
    ],
  },
  {
    title: '等级分数线（不低于）',
    items: (['A', 'B', 'C'] as const).map((l) => ({ path: ['thresholds', l], label: `${l}级`, min: 0, max: 1000 })),
  },
  {
    title: '双随机抽查权重（相对抽中概率）',
    items: CREDIT_LEVELS.map((l) => ({ path: ['samplingWeights', l], label: `${l}级`, min: 0.01, max: 100, step: 0.5, precision: 2 })),
  },
];

/**
 * 机构信用等级评价规则 (decision 0048): the base score, the points of each event, the thresholds of the
 * levels and the 抽查 weights. Checked here with the contracts' schema and again by the server.
 */
export function CreditRatingSetting({ item }: { item: TSettingItem }) {
  const [form] = Form.useForm<{ value: TCreditRatingRules }>();
  const { save, saving } = useSaveSetting(item.key, form);
  const current = item.value as TCreditRatingRules;
  useEffect(() => {
    form.setFieldsValue({ value: current });
  }, [current, form]);

  const onFinish = (v: { value: TCreditRatingRules }) => {
    const parsed = ZCreditRatingRules.safeParse(v.value);
    if (!parsed.success) {
      applyFieldErrors(
        form,
        parsed.error.issues.map((i) => ({ path: ['value', ...i.path.map(String)].join('.'), message: i.message })),
      );
      return;
    }
    return save(parsed.data);
  };

  return (
    <Card size="small" type="inner" title={item.label} className="sysadmin-setting" data-testid="credit-rating-setting">
      <Form form={form} name="creditRatingRules" layout="vertical" onFinish={onFinish} initialValues={{ value: current }}>
        <p className="sysadmin-preview">
          每个机构的信用分 = 基础分 + 各计分事项的分值（扣分填负数）；按分数线评为A、B、C级，低于C级分数线为D级。D级机构所在单位不能以告知承诺方式申请许可。
        </p>
        {FIELDS.map((group) => (
          <div key={group.title}>
            <Divider orientation="left" plain>
              {group.title}
            </Divider>
            <Row gutter={16}>
              {group.items.map((f) => (
                <Col xs={24} sm={12} lg={6} key={f.path.join('.')}>
                  <Form.Item name={['value', ...f.path]} label={f.label} rules={[{ required: true, message: `请填写${f.label}` }]}>
                    <InputNumber min={f.min} max={f.max} step={f.step ?? 1} precision={f.precision ?? 0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </div>
        ))}
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存
          </Button>
          <Button onClick={() => form.setFieldsValue({ value: current })}>撤销修改</Button>
          <Button onClick={() => form.setFieldsValue({ value: DEFAULT_CREDIT_RATING_RULES })}>填入默认规则</Button>
        </Space>
        <p className="sysadmin-preview">最近修改：{item.updatedAt ? `${formatDateTime(item.updatedAt)}（${item.updatedBy ?? '—'}）` : '未修改（使用默认规则）'}</p>
      </Form>
    </Card>
  );
}
