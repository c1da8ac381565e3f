import { Col, Form, Input, InputNumber, Row } from 'antd';
import type { TStaffMember } from '@jhrm/contracts';
import { educationCounts } from '../model/staff';

/** 申请报告 */
export function ReportSection() {
  return (
    <>
      <Form.Item name={['report', 'companyProfile']} label="公司简介" required>
        <Input.TextArea maxLength={5000} showCount autoSize={{ minRows: 6, maxRows: 16 }} />
      </Form.Item>
      <Form.Item name={['report', 'reason']} label="申请理由" required>
        <Input.TextArea maxLength={5000} showCount autoSize={{ minRows: 6, maxRows: 16 }} />
      </Form.Item>
    </>
  );
}

/** 诚信档案: the education counts follow the 专职工作人员 list (read-only). */
export function IntegritySection() {
  const staff = Form.useWatch('staff') as TStaffMember[] | undefined;
  const counts = educationCounts(staff);
  const third = { xs: 24, md: 8 };
  return (
    <>
      <Form.Item name={['integrity', 'annualIncome']} label="本年度收入(利润)(元)">
        <InputNumber<number> className="inst-full" min={0} max={1e10} precision={2} style={{ maxWidth: 320 }} />
      </Form.Item>
      <Row gutter={16}>
        {(
          [
            ['postgraduate', '研究生学历'],
            ['bachelor', '本科学历'],
            ['collegeOrBelow', '大专及以下学历'],
          ] as const
        ).map(([key, label]) => (
          <Col {...third} key={key}>
            <Form.Item label={label} htmlFor={`establishment_integrity_${key}`} extra="根据专职工作人员自动统计">
              <Input id={`establishment_integrity_${key}`} readOnly tabIndex={-1} value={String(counts[key])} suffix="人" />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item name={['integrity', 'badRecords']} label="其他不良记录">
        <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
    </>
  );
}
