import { Form, Input } from 'antd';
import { FEE_COLUMNS as FEE, recordTabLabel, type TServiceFee } from '@jhrm/contracts';
import { zodRules } from '../../../lib/form';
import { cleanObject } from '../model/draft';
import type { RowFocusRequest } from '../../../components/draft-body';
import { ListEditor } from './ListEditor';
import { feeColumns } from '../../../components/record/record-columns';


type FeeForm = Partial<Record<keyof TServiceFee, unknown>>;

function FeeFields() {
  return (
    <>
      <Form.Item name="business" label={FEE.business.label} required rules={zodRules(FEE.business.validator)}>
        <Input maxLength={FEE.business.maxLength} autoComplete="off" />
      </Form.Item>
      <Form.Item name="content" label={FEE.content.label}>
        <Input.TextArea maxLength={FEE.content.maxLength} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="procedure" label={FEE.procedure.label}>
        <Input.TextArea maxLength={FEE.procedure.maxLength} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="feeItem" label={FEE.feeItem.label}>
        <Input maxLength={FEE.feeItem.maxLength} autoComplete="off" />
      </Form.Item>
      <Form.Item name="feeStandard" label={FEE.feeStandard.label} extra={FEE.feeStandard.extra}>
        <Input maxLength={FEE.feeStandard.maxLength} autoComplete="off" />
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
      title={recordTabLabel('fees')}
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
