import { Form, Input } from 'antd';
import { ZServiceFee, type TServiceFee } from '@jhrm/contracts';
import { zodRules } from '../../../lib/form';
import { cleanObject } from '../model/draft';
import { ListEditor, type RowFocusRequest } from './ListEditor';
import { feeColumns } from '../../../components/record/record-columns';


type FeeForm = Partial<Record<keyof TServiceFee, unknown>>;

function FeeFields() {
  return (
    <>
      <Form.Item name="business" label="项目业务" required rules={zodRules(ZServiceFee.shape.business)}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name="content" label="服务内容">
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="procedure" label="程序">
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="feeItem" label="收费项目">
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name="feeStandard" label="收费标准" extra="收费标准须清晰明确，忌使用模糊字样">
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
    </>
  );
}

interface Props {
  value?: TServiceFee[];
  onChange?: (rows: TServiceFee[]) => void;
  id?: string;
  readOnly: boolean;
  focusRequest?: RowFocusRequest | null;
}

/** 服务及收费标准 (选填). */
export function FeeEditor(props: Props) {
  return (
    <ListEditor<TServiceFee, FeeForm>
      {...props}
      title="服务及收费标准"
      formName="feeRow"
      columns={feeColumns}
      Fields={FeeFields}
      toForm={(r) => ({ ...(r ?? {}) })}
      fromForm={(v) => cleanObject(v) as TServiceFee}
      rowLabel={(r) => r.business}
      modalWidth={720}
      scrollX={760}
    />
  );
}
