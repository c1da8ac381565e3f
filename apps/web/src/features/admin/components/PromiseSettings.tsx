import { useEffect } from 'react';
import { Button, Card, Form, InputNumber, Select } from 'antd';
import { PROMISE_REPLACEABLE_SLOTS, PROMISE_SLOT, type TSettingItem } from '@jhrm/contracts';
import { useSaveSetting } from './useSaveSetting';

/**
 * 告知承诺制 (decision 0043): which 设立 slots the signed 告知承诺书 replaces (`promise.replacedSlots`)
 * and the months the department has to verify a licence issued so (`promise.inspectionMonths`).
 */
export function PromiseSetting({ item }: { item: TSettingItem }) {
  const slots = item.key === 'promise.replacedSlots';
  const [form] = Form.useForm<{ value: string[] | number }>();
  const { save, saving } = useSaveSetting(item.key, form);
  useEffect(() => {
    form.setFieldsValue({ value: item.value as string[] | number });
  }, [item.value, form]);
  const onFinish = (v: { value: string[] | number }) => save(v.value);
  return (
    <Card size="small" type="inner" title={item.label} className="sysadmin-setting">
      <Form form={form} name={slots ? 'promiseSlots' : 'promiseMonths'} layout="vertical" onFinish={onFinish}>
        {slots ? (
          <Form.Item
            name="value"
            label="可替代的材料"
            extra={`选择“告知承诺”提交时，已上传签字盖章的“${PROMISE_SLOT}”即可不上传这些材料；一般程序仍须上传。默认为证明场所和专职工作人员条件的材料，由发证后的核查现场核实。`}
          >
            <Select mode="multiple" allowClear options={PROMISE_REPLACEABLE_SLOTS.map((s) => ({ label: s, value: s }))} />
          </Form.Item>
        ) : (
          <Form.Item name="value" label="月数" extra={`默认${String(item.default)}个月：告知承诺发证后，审批部门应在此期限内完成核查。`} rules={[{ required: true, message: '请填写1–12之间的整数' }]}>
            <InputNumber min={1} max={12} precision={0} style={{ width: 120 }} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
