import { useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Col, ConfigProvider, Form, Input, InputNumber, Row } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import {
  STATISTICS_CROSS_CHECKS,
  STATISTICS_SECTIONS,
  crossFieldProblems,
  statisticsFieldsOf,
  type StatisticsField,
  type TStatisticsFieldKey,
} from '@jhrm/contracts';
import type { DraftBodyProps } from '../../../components/draft-body';
import { ApplicationStatusTag, StatusTag } from '../../../components/StatusTag';
import { useDepartments } from '../../../lib/application-api';
import { useStatisticsInstitutions } from '../api/statistics.api';
import { STATISTICS_QUERY_PATH } from '../paths';
import { STATISTICS_FORM, type StatisticsFormValues } from '../statistics-draft';
import './statistics.css';
import { DateField } from '../../../components/DateField';
import { FormSelect, FormCheckboxGroup } from '../../../components/FormControls';


const isBlank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** The catalogue's checks of one field as the browser runs them: its shape, then its format (empty is for 提交 to ask). */
function fieldRules(field: StatisticsField, key: TStatisticsFieldKey): Rule[] {
  const rules: Rule[] = [
    {
      validator: async (_r, value: unknown) => {
        if (isBlank(value)) return;
        const shape = field.validator.safeParse(value);
        if (!shape.success) throw new Error(shape.error.issues[0]?.message ?? '输入内容有误');
        const format = field.format?.safeParse(value);
        if (format && !format.success) throw new Error(format.error.issues[0]?.message ?? '输入内容有误');
      },
    },
  ];
  if (STATISTICS_CROSS_CHECKS.some((c) => c.on === key)) {
    rules.push(({ getFieldsValue }) => ({
      validator: async () => {
        const problem = crossFieldProblems(getFieldsValue(true) as Record<string, unknown>).find((p) => p.path === key);
        if (problem) throw new Error(problem.message);
      },
    }));
  }
  return rules;
}

/** The fields a cross-field check on `key` reads: the check runs again when one of them changes. */
const dependenciesOf = (key: TStatisticsFieldKey): string[] => {
  const c = STATISTICS_CROSS_CHECKS.find((x) => x.on === key);
  return c ? [...c.parts, c.bound].filter((k) => k !== key) : [];
};

/** The control of one field; Form.Item hands it `value`, `onChange` and the ids, passed on to the control. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each antd control takes its own value type
function FieldInput({ field, departmentName, ...props }: { field: StatisticsField; departmentName?: string } & Record<string, any>) {
  const control = props;
  switch (field.input) {
    case 'count':
    case 'year':
      return <InputNumber {...control} min={0} precision={0} controls={false} placeholder={field.input === 'year' ? '如：2025' : undefined} />;
    case 'amount':
      return <InputNumber {...control} min={0} precision={2} controls={false} addonAfter="万元" />;
    case 'select':
      return <FormSelect {...control} allowClear placeholder={`请选择${field.label}`} options={field.options?.map((o) => ({ label: o, value: o }))} />;
    case 'multi':
      return <FormCheckboxGroup {...control} options={field.options?.map((o) => ({ label: o, value: o }))} />;
    case 'department':
      // 审核机构 follows the institution: shown by name, never typed
      return <span id={control.id as string | undefined} className="stats-department">{departmentName ?? ''}</span>;
    default:
      return <Input {...control} maxLength={field.maxLength} autoComplete="off" placeholder={field.placeholder} inputMode={field.numeric ? 'numeric' : undefined} />;
  }
}

const dateProps = {
  getValueProps: (v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

/**
 * 业务基本情况录入 (guide 2.1): choose one of the unit's institutions in force (its record pre-fills
 * 服务机构信息, 服务年度 is last year), then every section of the field catalogue. Each field is
 * checked as it is left (shape, format and the cross-field checks); 提交 reports what is missing
 * all at once. 保存 / 提交 come from the draft lifecycle.
 */
export function StatisticsEditor(body: DraftBodyProps<StatisticsFormValues>) {
  const { form, initialValues, editable, detail, onValuesChange, toolbar, banners } = body;
  const navigate = useNavigate();
  const institutions = useStatisticsInstitutions(!detail);
  const departments = useDepartments({ includeInactive: true });
  const department = Form.useWatch('department', form) as string | null | undefined;
  const departmentName = departments.data?.find((d) => d.code === department)?.name ?? department ?? undefined;
  const chosen = Form.useWatch('institutionId', form) as string | null | undefined;
  const reported = institutions.data?.find((i) => i.id === chosen)?.reportedYears ?? [];

  const choose = (id: string) => {
    const inst = institutions.data?.find((i) => i.id === id);
    if (!inst) return;
    form.setFieldsValue({ ...inst.prefill, institutionId: id } as Parameters<typeof form.setFieldsValue>[0]);
    onValuesChange({ institutionId: id });
  };

  return (
    <div className="stats-page">
      <Card size="small">
        <header className="stats-header">
          <h1>业务基本情况录入</h1>
          {detail?.status ? <ApplicationStatusTag status={detail.status} /> : <StatusTag tone="neutral">新建（未保存）</StatusTag>}
        </header>
        {banners}
        {toolbar}
        <Form<StatisticsFormValues>
          form={form}
          name={STATISTICS_FORM}
          layout="horizontal"
          labelCol={{ flex: '200px' }}
          labelWrap
          wrapperCol={{ flex: '1 1 0' }}
          disabled={!editable}
          initialValues={initialValues}
          onValuesChange={onValuesChange}
        >
          <Form.Item name="institutionId" label="填报机构" required rules={[{ required: true, message: '请选择服务机构' }]}>
            <FormSelect
              placeholder="请选择本单位审核通过的服务机构"
              disabled={!!detail}
              loading={institutions.isPending && !detail}
              options={(institutions.data ?? []).map((i) => ({ label: i.name, value: i.id }))}
              onChange={choose}
              showSearch
              optionFilterProp="label"
            />
          </Form.Item>
          {!detail && chosen && reported.length > 0 && (
            <Alert className="stats-reported" type="info" showIcon message={`该机构已填报的服务年度：${reported.join('、')}。每年只能新增一次。`} />
          )}
          <div className="stats-form-sections">
            {STATISTICS_SECTIONS.map((section) => (
              <Card key={section} size="small" type="inner" title={section}>
                <Row gutter={16}>
                  {statisticsFieldsOf(section).map(({ key, field }) => (
                    <Col key={key} xs={24} md={field.full ? 24 : 12} xl={field.full ? 24 : 8}>
                      <Form.Item
                        name={key}
                        label={field.label}
                        required={!!field.required}
                        rules={fieldRules(field, key)}
                        dependencies={dependenciesOf(key)}
                        validateFirst
                        {...(field.input === 'date' ? dateProps : {})}
                      >
                        {field.input === 'date' ? <DateField style={{ width: '100%' }} /> : <FieldInput field={field} {...(departmentName ? { departmentName } : {})} />}
                      </Form.Item>
                    </Col>
                  ))}
                </Row>
              </Card>
            ))}
          </div>
          <ConfigProvider componentDisabled={false}>
            {/* not a Form.Item: its empty label column pushed the button off a phone's screen */}
            <div className="stats-back">
              <Button onClick={() => void navigate(STATISTICS_QUERY_PATH)}>返回业务基本情况查询</Button>
            </div>
          </ConfigProvider>
        </Form>
      </Card>
    </div>
  );
}
