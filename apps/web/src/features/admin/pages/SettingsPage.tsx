import { useEffect } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Space, Typography } from 'antd';
import { CREDIT_RATING_SETTING, LICENCE_NUMBER_SAMPLE, LICENCE_VALIDITY_SETTING, ZLicenceValidityYears, ZMonthDay, type TSettingItem } from '@jhrm/contracts';
import { Spinner } from '../../../components/Spinner';
import { zodRules } from '../../../lib/form';
import { formatDateTime } from '../../../lib/format-datetime';
import { useSettings } from '../api/admin-settings.api';
import { useSaveSetting } from '../components/useSaveSetting';
import { isLicencePatternKey, previewLicencePattern } from '../components/licence-preview';
import { CreditCriteriaSetting } from '../components/CreditCriteriaSetting';
import { PromiseSetting } from '../components/PromiseSettings';
import { CreditRatingSetting } from '../components/CreditRatingSetting';
import './system-admin.css';

function Preview({ value }: { value: string | undefined }) {
  const p = previewLicencePattern(value);
  if (!p.ok) return null; // the field shows why
  return (
    <div className="sysadmin-preview" aria-live="polite">
      示例编号：<strong className="sysadmin-preview-ok" data-testid="pattern-preview">{p.sample}</strong>
    </div>
  );
}

/** One licence number pattern: edit with a live preview; saving is checked again by the server. */
function PatternSetting({ item }: { item: TSettingItem }) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ value: string }>();
  const { save, saving } = useSaveSetting(item.key, form);
  const value = Form.useWatch('value', form);
  const current = String(item.value);
  const preview = previewLicencePattern(value);
  const changed = preview.ok ? preview.pattern !== current : (value ?? '') !== current;

  useEffect(() => {
    form.setFieldsValue({ value: current });
  }, [current, form]);

  const onFinish = (v: { value: string }) => {
    const next = previewLicencePattern(v.value);
    if (!next.ok) return;
    const was = previewLicencePattern(current);
    modal.confirm({
      title: `确定修改「${item.label}」？`,
      content: (
        <div>
          <p>修改后新发放的证书将按新规则编号，已发放的证书编号不变。</p>
          <p>
            原规则示例：{was.ok ? was.sample : current}
            <br />
            新规则示例：<strong>{next.sample}</strong>
          </p>
        </div>
      ),
      okText: '确定修改',
      cancelText: '取消',
      onOk: () => save(next.pattern),
    });
  };

  return (
    <Card size="small" type="inner" title={item.label} className="sysadmin-setting">
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ value: current }}>
        <Form.Item
          name="value"
          label="编号规则"
          rules={[
            {
              validator: async (_r, v: string | undefined) => {
                const p = previewLicencePattern(v);
                if (!p.ok) throw new Error(p.message);
              },
            },
          ]}
          extra={<Preview value={value} />}
        >
          <Input maxLength={60} showCount autoComplete="off" />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" disabled={!changed} loading={saving}>
            保存
          </Button>
          <Button onClick={() => form.setFieldsValue({ value: current })} disabled={!changed}>
            撤销修改
          </Button>
          <Button onClick={() => form.setFieldsValue({ value: String(item.default) })} disabled={value === item.default}>
            填入默认规则
          </Button>
        </Space>
        <Descriptions
          size="small"
          column={1}
          className="sysadmin-preview"
          items={[
            { key: 'default', label: '默认规则', children: <Typography.Text code>{String(item.default)}</Typography.Text> },
            {
              key: 'updated',
              label: '最近修改',
              children: item.updatedAt ? `${formatDateTime(item.updatedAt)}（${item.updatedBy ?? '—'}）` : '未修改（使用默认规则）',
            },
          ]}
        />
      </Form>
    </Card>
  );
}

/** 业务基本情况审核截止日期: a 月-日 of the year after 服务年度 (the reviewer's 办理期限 of a report submitted from then on). */
function DeadlineSetting({ item }: { item: TSettingItem }) {
  const [form] = Form.useForm<{ value: string }>();
  const { save, saving } = useSaveSetting(item.key, form);
  const current = String(item.value);
  useEffect(() => {
    form.setFieldsValue({ value: current });
  }, [current, form]);
  const onFinish = (v: { value: string }) => save(v.value.trim());
  return (
    <Card size="small" type="inner" title={item.label} className="sysadmin-setting">
      <Form form={form} name="statisticsDeadline" layout="vertical" onFinish={onFinish} initialValues={{ value: current }}>
        <Form.Item name="value" label="月-日" rules={zodRules(ZMonthDay)} extra={`默认 ${String(item.default)}（服务年度次年的3月31日）；修改后对此后提交的报表生效。`}>
          <Input maxLength={5} autoComplete="off" placeholder="03-31" style={{ width: 120 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
      </Form>
    </Card>
  );
}

/** 许可证有效期（年）(decision 0047): whole years a licence issued from then on is valid; 0 = without expiry. */
function ValiditySetting({ item }: { item: TSettingItem }) {
  const [form] = Form.useForm<{ value: number }>();
  const { save, saving } = useSaveSetting(item.key, form);
  const current = Number(item.value);
  useEffect(() => {
    form.setFieldsValue({ value: current });
  }, [current, form]);
  const onFinish = (v: { value: number }) => save(v.value);
  return (
    <Card size="small" type="inner" title={item.label} className="sysadmin-setting">
      <Form form={form} name="licenceValidity" layout="vertical" onFinish={onFinish} initialValues={{ value: current }}>
        <Form.Item
          name="value"
          label="有效期（年）"
          rules={zodRules(ZLicenceValidityYears)}
          extra="0 表示不设有效期（默认）。修改后对此后发放的许可证生效；已发放的证书有效期不变，到期前90日内可申请延续。"
        >
          <InputNumber min={0} max={10} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
      </Form>
    </Card>
  );
}

/** 系统设置: the licence and 备案 number patterns, the 诚信示范 criteria, the 业务基本情况 deadline (other settings, when added, are listed read-only). */
export default function SettingsPage() {
  const settings = useSettings();
  return (
    <Card size="small" title="系统设置">
      <Alert
        className="sysadmin-intro"
        type="info"
        showIcon
        message="证书编号规则"
        description={
          <>
            可用占位符：<Typography.Text code>{'{year}'}</Typography.Text> 发证年度，
            <Typography.Text code>{'{dept}'}</Typography.Text> 发证部门编码，
            <Typography.Text code>{'{seq:N}'}</Typography.Text> 流水号（N 位，不足补 0；按证书类型、年度和部门分别从 1 起编）。三者都必须包含，以保证编号不重复。示例编号按
            {LICENCE_NUMBER_SAMPLE.year}年、部门 {LICENCE_NUMBER_SAMPLE.dept}、第 {LICENCE_NUMBER_SAMPLE.seq} 号生成。
          </>
        }
      />
      {settings.isPending && <Spinner />}
      {settings.isError && <Alert type="error" showIcon message={settings.error.message} />}
      {settings.data?.map((item) =>
        isLicencePatternKey(item.key) ? (
          <PatternSetting key={item.key} item={item} />
        ) : item.key === 'credit.criteria' ? (
          <CreditCriteriaSetting key={item.key} item={item} />
        ) : item.key === CREDIT_RATING_SETTING ? (
          <CreditRatingSetting key={item.key} item={item} />
        ) : item.key === 'promise.replacedSlots' || item.key === 'promise.inspectionMonths' ? (
          <PromiseSetting key={item.key} item={item} />
        ) : item.key === LICENCE_VALIDITY_SETTING ? (
          <ValiditySetting key={item.key} item={item} />
        ) : item.key === 'statistics.deadline' ? (
          <DeadlineSetting key={item.key} item={item} />
        ) : (
          <Card key={item.key} size="small" type="inner" title={item.label} className="sysadmin-setting">
            <Typography.Text code>{JSON.stringify(item.value)}</Typography.Text>
          </Card>
        ),
      )}
    </Card>
  );
}
