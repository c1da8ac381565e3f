import { Form, Input, InputNumber } from 'antd';
import { ZFacility, type TFacility } from '@jhrm/contracts';
import { zodRules } from '../../../lib/form';
import { cleanObject } from '../model/draft';
import { requiredRule } from '../model/rules';
import { ListEditor, type RowFocusRequest } from './ListEditor';
import { facilityColumns } from '../../../components/record/record-columns';


type FacilityForm = Partial<Record<keyof TFacility, unknown>>;

function FacilityFields() {
  return (
    <>
      <Form.Item name="name" label="设施名称" required rules={zodRules(ZFacility.shape.name)}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name="unit" label="单位">
        <Input maxLength={20} autoComplete="off" placeholder="如：台、套、间" />
      </Form.Item>
      <Form.Item name="quantity" label="数量">
        <InputNumber className="inst-full" min={0} max={1e7} precision={0} />
      </Form.Item>
      <Form.Item name="area" label="面积(m²)">
        <InputNumber className="inst-full" min={0} max={1e10} precision={2} />
      </Form.Item>
      <Form.Item name="value" label="价值(元)" rules={requiredRule('请输入价值(元)')}>
        <InputNumber className="inst-full" min={0} max={1e10} precision={2} />
      </Form.Item>
    </>
  );
}

interface Props {
  value?: TFacility[];
  onChange?: (rows: TFacility[]) => void;
  id?: string;
  readOnly: boolean;
  focusRequest?: RowFocusRequest | null;
}

/** 现有设施情况 (选填). */
export function FacilityEditor(props: Props) {
  return (
    <ListEditor<TFacility, FacilityForm>
      {...props}
      title="现有设施"
      formName="facilityRow"
      columns={facilityColumns}
      Fields={FacilityFields}
      toForm={(r) => ({ ...(r ?? {}) })}
      fromForm={(v) => cleanObject(v) as TFacility}
      rowLabel={(r) => r.name}
    />
  );
}
