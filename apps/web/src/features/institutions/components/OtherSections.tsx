import { Col, Form, Input, InputNumber, Row } from 'antd';
import { DERIVED_LABELS, INTEGRITY_FIELDS, REPORT_FIELDS, type TStaffMember } from '@jhrm/contracts';
import { educationCounts } from '../model/staff';
import { locked } from './BasicInfoSection';

type CanEdit = { canEdit?: (path: string) => boolean };
const always = () => true;

/** 申请报告 */
export function ReportSection({ canEdit = always }: CanEdit) {
  return (
    <>
      {Object.entries(REPORT_FIELDS).map(([key, f]) => (
        <Form.Item key={key} name={['report', key]} label={f.label} required={!!f.required}>
          <Input.TextArea maxLength={f.maxLength} showCount autoSize={{ minRows: 6, maxRows: 16 }} {...locked(canEdit(`report.${key}`))} />
        </Form.Item>
      ))}
    </>
  );
}

/** 诚信档案: the education counts follow the 专职工作人员 list (read-only). */
export function IntegritySection({ canEdit = always }: CanEdit) {
  const staff = Form.useWatch('staff') as TStaffMember[] | undefined;
  const counts = educationCounts(staff);
  const third = { xs: 24, md: 8 };
  return (
    <>
      <Form.Item name={['integrity', 'annualIncome']} label={INTEGRITY_FIELDS.annualIncome.label}>
        <InputNumber<number> className="inst-full" min={0} max={1e10} precision={2} style={{ maxWidth: 320 }} {...locked(canEdit('integrity.annualIncome'))} />
      </Form.Item>
      <Row gutter={16}>
        {(['postgraduate', 'bachelor', 'collegeOrBelow'] as const).map((key) => (
          <Col {...third} key={key}>
            <Form.Item label={DERIVED_LABELS[key]} htmlFor={`establishment_integrity_${key}`} extra="根据专职工作人员自动统计">
              <Input id={`establishment_integrity_${key}`} readOnly tabIndex={-1} value={String(counts[key])} suffix="人" />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item name={['integrity', 'badRecords']} label={INTEGRITY_FIELDS.badRecords.label}>
        <Input.TextArea maxLength={INTEGRITY_FIELDS.badRecords.maxLength} showCount autoSize={{ minRows: 3, maxRows: 10 }} {...locked(canEdit('integrity.badRecords'))} />
      </Form.Item>
    </>
  );
}
