import { Col, DatePicker, Form, Input, Row, Select, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  EDUCATION_LEVELS,
  ETHNIC_GROUPS,
  ID_DOCUMENT_TYPES,
  POLITICAL_STATUSES,
  QUALIFICATION_LEVELS,
  ZEmail,
  ZIdCard,
  ZMobile,
  ZPostcode,
  ZStaffMember,
  type TStaffMember,
} from '@jhrm/contracts';
import { zodRules } from '../../../lib/form';
import { optionalZodRules, requiredRule } from '../model/rules';
import { staffDerived, staffFromForm, staffToForm, type StaffFormValues } from '../model/staff';
import { ListEditor, type RowFocusRequest } from './ListEditor';
import { staffColumns } from '../../../components/record/record-columns';

const options = (values: readonly string[]) => values.map((v) => ({ label: v, value: v }));
const half = { xs: 24, md: 12 };
const noFuture = (d: Dayjs) => d.isAfter(new Date(), 'day');


const idCardRules = zodRules(ZIdCard);

function StaffFields({ form, rows, editing }: { form: FormInstance<StaffFormValues>; rows: TStaffMember[]; editing: number | null }) {
  const idCard = Form.useWatch('idCard', form);
  const derived = staffDerived(idCard);
  const duplicate = {
    validator: async (_rule: unknown, value: unknown) => {
      const id = typeof value === 'string' ? value.trim().toUpperCase() : '';
      if (id && rows.some((r, i) => i !== editing && r.idCard.toUpperCase() === id)) throw new Error('该身份证号已在专职工作人员名单中');
    },
  };
  return (
    <Row gutter={16}>
      <Col {...half}>
        <Form.Item name="name" label="姓名" required rules={zodRules(ZStaffMember.shape.name)}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="idType" label="证件类型" rules={requiredRule('请选择证件类型')}>
          <Select options={options(ID_DOCUMENT_TYPES)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="idCard" label="身份证号" required rules={[...idCardRules, duplicate]} validateTrigger="onBlur">
          <Input maxLength={18} autoComplete="off" placeholder="18位居民身份证号" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="性别" required htmlFor="staffRow_gender" extra="根据身份证号自动生成">
          <Input id="staffRow_gender" readOnly value={derived.gender ?? ''} tabIndex={-1} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="出生日期" htmlFor="staffRow_birthDate" extra="根据身份证号自动生成">
          <Input id="staffRow_birthDate" readOnly value={derived.birthDate ?? ''} tabIndex={-1} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="politicalStatus" label="政治面貌" rules={requiredRule('请选择政治面貌')}>
          <Select options={options(POLITICAL_STATUSES)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="ethnicity" label="民族" rules={requiredRule('请选择民族')}>
          <Select showSearch options={options(ETHNIC_GROUPS)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="qualificationLevel" label="从业资质等级">
          <Select allowClear options={options(QUALIFICATION_LEVELS)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="qualificationCertNo" label="从业资质证书编号" extra="持人力资源从业资格证书者填写">
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="education" label="学历" rules={requiredRule('请选择学历')}>
          <Select options={options(EDUCATION_LEVELS)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="graduatedOn" label="最高学历毕业日期">
          <DatePicker className="inst-full" disabledDate={noFuture} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="school" label="最高学历毕业院校">
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="major" label="最高学历所学专业">
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="workStartOn" label="工作开始日期">
          <DatePicker className="inst-full" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          name="workEndOn"
          label="工作终止日期"
          dependencies={['workStartOn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_rule, value: Dayjs | null | undefined) => {
                const start = getFieldValue('workStartOn') as Dayjs | null | undefined;
                if (value && start && value.isBefore(start, 'day')) throw new Error('工作终止日期不能早于工作开始日期');
              },
            }),
          ]}
        >
          <DatePicker className="inst-full" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="mobile" label="手机号码" required rules={zodRules(ZMobile)} validateTrigger="onBlur">
          <Input maxLength={11} inputMode="numeric" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="email" label="电子信箱" rules={optionalZodRules(ZEmail)} validateTrigger="onBlur">
          <Input maxLength={254} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="postcode" label="邮政编码" rules={optionalZodRules(ZPostcode)} validateTrigger="onBlur">
          <Input maxLength={6} inputMode="numeric" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="householdRegion" label="户口行政区划">
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
      </Col>
    </Row>
  );
}

interface Props {
  value?: TStaffMember[];
  onChange?: (rows: TStaffMember[]) => void;
  id?: string;
  readOnly: boolean;
  focusRequest?: RowFocusRequest | null;
}

/** 专职工作人员: the list and its modal with every staff field (性别, 出生日期 from the ID). */
export function StaffEditor(props: Props) {
  return (
    <ListEditor<TStaffMember, StaffFormValues>
      {...props}
      title="专职工作人员"
      formName="staffRow"
      columns={staffColumns}
      Fields={StaffFields}
      toForm={staffToForm}
      fromForm={staffFromForm}
      rowLabel={(r) => r.name}
      modalWidth={880}
      scrollX={780}
    />
  );
}
