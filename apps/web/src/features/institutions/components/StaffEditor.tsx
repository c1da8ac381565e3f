import { Col, Form, Input, Row, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { DERIVED_LABELS, STAFF_COLUMNS as S, idCardDerived, recordTabLabel, type TStaffMember } from '@jhrm/contracts';
import { zodRules } from '../../../lib/form';
import { optionalZodRules, requiredRule } from '../model/rules';
import { staffFromForm, staffToForm, type StaffFormValues } from '../model/staff';
import type { RowFocusRequest } from '../../../components/draft-body';
import { ListEditor } from './ListEditor';
import { staffColumns } from '../../../components/record/record-columns';
import { DateField } from '../../../components/DateField';
import { FormSelect } from '../../../components/FormControls';

const options = (values: readonly string[]) => values.map((v) => ({ label: v, value: v }));
const half = { xs: 24, md: 12 };
const noFuture = (d: Dayjs) => d.isAfter(new Date(), 'day');
const pick = (c: (typeof S)[keyof typeof S]) => requiredRule(`请选择${c.label}`);

const idCardRules = zodRules(S.idCard.format);

function StaffFields({ form, rows, editing }: { form: FormInstance<StaffFormValues>; rows: TStaffMember[]; editing: number | null }) {
  const idCard = Form.useWatch('idCard', form);
  const derived = idCardDerived(idCard);
  const duplicate = {
    validator: async (_rule: unknown, value: unknown) => {
      const id = typeof value === 'string' ? value.trim().toUpperCase() : '';
      if (id && rows.some((r, i) => i !== editing && r.idCard.toUpperCase() === id)) throw new Error('该身份证号已在专职工作人员名单中');
    },
  };
  return (
    <Row gutter={16}>
      <Col {...half}>
        <Form.Item name="name" label={S.name.label} required rules={zodRules(S.name.validator)}>
          <Input maxLength={S.name.maxLength} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="idType" label={S.idType.label} rules={pick(S.idType)}>
          <FormSelect options={options(S.idType.options)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="idCard" label={S.idCard.label} required rules={[...idCardRules, duplicate]} validateTrigger="onBlur">
          <Input maxLength={S.idCard.maxLength} autoComplete="off" placeholder={S.idCard.placeholder} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label={S.gender.label} required htmlFor="staffRow_gender" extra="根据身份证号自动生成">
          <Input id="staffRow_gender" readOnly value={derived.gender ?? ''} tabIndex={-1} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label={DERIVED_LABELS.birthDate} htmlFor="staffRow_birthDate" extra="根据身份证号自动生成">
          <Input id="staffRow_birthDate" readOnly value={derived.birthDate ?? ''} tabIndex={-1} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="politicalStatus" label={S.politicalStatus.label} rules={pick(S.politicalStatus)}>
          <FormSelect options={options(S.politicalStatus.options)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="ethnicity" label={S.ethnicity.label} rules={pick(S.ethnicity)}>
          <FormSelect showSearch options={options(S.ethnicity.options)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="qualificationLevel" label={S.qualificationLevel.label}>
          <FormSelect allowClear options={options(S.qualificationLevel.options)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="qualificationCertNo" label={S.qualificationCertNo.label} extra={S.qualificationCertNo.extra}>
          <Input maxLength={S.qualificationCertNo.maxLength} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="education" label={S.education.label} rules={pick(S.education)}>
          <FormSelect options={options(S.education.options)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="graduatedOn" label={S.graduatedOn.label}>
          <DateField className="inst-full" disabledDate={noFuture} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="school" label={S.school.label}>
          <Input maxLength={S.school.maxLength} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="major" label={S.major.label}>
          <Input maxLength={S.major.maxLength} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="workStartOn" label={S.workStartOn.label}>
          <DateField className="inst-full" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          name="workEndOn"
          label={S.workEndOn.label}
          dependencies={['workStartOn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_rule, value: Dayjs | null | undefined) => {
                const start = getFieldValue('workStartOn') as Dayjs | null | undefined;
                if (value && start && value.isBefore(start, 'day')) throw new Error(`${S.workEndOn.label}不能早于${S.workStartOn.label}`);
              },
            }),
          ]}
        >
          <DateField className="inst-full" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="mobile" label={S.mobile.label} required rules={zodRules(S.mobile.format)} validateTrigger="onBlur">
          <Input maxLength={S.mobile.maxLength} inputMode="numeric" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="email" label={S.email.label} rules={optionalZodRules(S.email.format)} validateTrigger="onBlur">
          <Input maxLength={S.email.maxLength} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="postcode" label={S.postcode.label} rules={optionalZodRules(S.postcode.format)} validateTrigger="onBlur">
          <Input maxLength={S.postcode.maxLength} inputMode="numeric" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="householdRegion" label={S.householdRegion.label}>
          <Input maxLength={S.householdRegion.maxLength} autoComplete="off" />
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
      title={recordTabLabel('staff')}
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
