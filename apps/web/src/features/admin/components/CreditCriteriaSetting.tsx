import { useEffect } from 'react';
import { App, Button, Card, Checkbox, Col, Form, InputNumber, Row, Space, Typography } from 'antd';
import {
  CREDIT_FIELDS,
  CREDIT_QUESTION_KEYS,
  CREDIT_RATE_KEYS,
  CREDIT_SECTIONS,
  DEFAULT_CREDIT_CRITERIA,
  type TCreditCriteria,
  type TSettingItem,
} from '@jhrm/contracts';
import { applyFieldErrors } from '../../../lib/form';
import { formatDateTime } from '../../../lib/format-datetime';
import { useUpdateSetting } from '../api/admin-settings.api';
import { FormCheckboxGroup } from '../../../components/FormControls';

const sectionLabel = (key: string) => CREDIT_SECTIONS.find((s) => s.key === key)?.label ?? key;

/**
 * 诚信示范机构审核标准: the lowest acceptable rates and which yes/no questions the reviewer's
 * checklist applies (each with the answer that meets it, from the catalogue). Checked again by the server.
 */
export function CreditCriteriaSetting({ item }: { item: TSettingItem }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<TCreditCriteria>();
  const update = useUpdateSetting();
  const current = item.value as TCreditCriteria;

  useEffect(() => {
    form.setFieldsValue(current);
  }, [current, form]);

  const save = (v: TCreditCriteria) =>
    modal.confirm({
      title: `确定修改「${item.label}」？`,
      content: '修改后，审核人员打开诚信示范机构申请时按新标准标出不符合的项目。',
      okText: '确定修改',
      cancelText: '取消',
      onOk: () =>
        update
          .mutateAsync({ key: item.key, value: { minRates: v.minRates, questions: CREDIT_QUESTION_KEYS.filter((k) => v.questions.includes(k)) } })
          .then(() => void message.success('设置已保存'))
          .catch((e: { fieldErrors?: { path: string; message: string }[]; message: string }) => {
            applyFieldErrors(form, e.fieldErrors ?? []);
            void message.error(e.message);
          }),
    });

  return (
    <Card size="small" type="inner" title={item.label} className="sysadmin-setting" data-testid="credit-criteria-setting">
      <Form form={form} layout="vertical" onFinish={save} initialValues={current} name="creditCriteria">
        <Row gutter={16}>
          {CREDIT_RATE_KEYS.map((k) => (
            <Col xs={24} md={8} key={k}>
              <Form.Item name={['minRates', k]} label={`${CREDIT_FIELDS[k].label}不低于`} rules={[{ required: true, message: '请填写最低值' }]}>
                <InputNumber min={0} max={100} precision={2} addonAfter="%" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="questions" label="审核项（勾选的问题按括号中的回答为符合）">
          <FormCheckboxGroup style={{ width: '100%' }}>
            <Row gutter={[8, 4]}>
              {CREDIT_QUESTION_KEYS.map((k) => (
                <Col xs={24} lg={12} key={k}>
                  <Checkbox value={k}>
                    {CREDIT_FIELDS[k].label}（{CREDIT_FIELDS[k].expected}）<Typography.Text type="secondary"> · {sectionLabel(CREDIT_FIELDS[k].section)}</Typography.Text>
                  </Checkbox>
                </Col>
              ))}
            </Row>
          </FormCheckboxGroup>
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            保存
          </Button>
          <Button onClick={() => form.setFieldsValue(current)}>撤销修改</Button>
          <Button onClick={() => form.setFieldsValue(DEFAULT_CREDIT_CRITERIA)}>填入默认标准</Button>
        </Space>
        <p className="sysadmin-preview">
          最近修改：{item.updatedAt ? `${formatDateTime(item.updatedAt)}（${item.updatedBy ?? '—'}）` : '未修改（使用默认标准）'}
        </p>
      </Form>
    </Card>
  );
}
