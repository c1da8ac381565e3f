import { Form, Input, InputNumber } from 'antd';
import { FACILITY_COLUMNS as F, type TFacility } from '@jhrm/contracts';
import { zodRules } from '../../../lib/form';
import { cleanObject } from '../model/draft';
import { requiredRule } from '../model/rules';
import type { RowFocusRequest } from '../../../components/draft-body';
import { ListEditor } from './ListEditor';
import { facilityColumns } from '../../../components/record/record-columns';


type FacilityForm = Partial<Record<keyof TFacility, unknown>>;

function FacilityFields() {
  return (
    <>
      <Form.Item name="name" label={F.name.label} required rules={zodRules(F.name.validator)}>
        <Input maxLength={F.name.maxLength} autoComplete="off" />
      </Form.Item>
      <Form.Item name="unit" label={F.unit.label}>
        <Input maxLength={F.unit.maxLength} autoComplete="off" placeholder={F.unit.placeholder} />
      </Form.Item>
      <Form.Item name="quantity" label={F.quantity.label}>
        <InputNumber className="inst-full" min={0} max={1e7} precision={0} />
      </Form.Item>
      <Form.Item name="area" label={F.area.label}>
        <InputNumber className="inst-full" min={0} max={1e10} precision={2} />
      </Form.Item>
      <Form.Item name="value" label={F.value.label} rules={requiredRule(`请输入${F.value.label}`)}>
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
