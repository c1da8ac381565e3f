import { Fragment, type ReactNode } from 'react';
import { Col, Form, Input, InputNumber, Row, Space, type InputNumberProps } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  BASIC_FIELDS,
  BASIC_SECTIONS,
  DERIVED_LABELS,
  RECORD_FIELD_ENTRIES,
  basicFieldsOf,
  type CatalogueEntry,
  type RecordField,
  type TBusinessScope,
} from '@jhrm/contracts';
import { optionalZodRules } from '../model/rules';
import { describeKind } from '../../../components/record/application-kind';
import { departmentOptions, type Department } from '../../../lib/application-api';
import { DateField } from '../../../components/DateField';
import { FormSelect, FormCheckboxGroup } from '../../../components/FormControls';

const options = (values: readonly string[]) => values.map((v) => ({ label: v, value: v }));
/** Two columns on common screens, three on very wide ones (ID numbers must stay readable). */
const third = { xs: 24, lg: 12, xxl: 8 };
const full = { span: 24 };
const noFuture = (d: Dayjs) => d.isAfter(new Date(), 'day');
const YES_NO = [
  { label: '是', value: true },
  { label: '否', value: false },
];

function SectionTitle({ children }: { children: ReactNode }) {
  return <h2 className="inst-section-title">{children}</h2>;
}

/** Money and areas: non-negative, two decimals. (Form.Item's value, onChange and id pass through.) */
function Amount(props: InputNumberProps<number>) {
  return <InputNumber<number> {...props} className="inst-full" min={0} max={1e10} precision={2} />;
}

/** Counts: non-negative integers. */
function Count(props: InputNumberProps<number>) {
  return <InputNumber<number> {...props} className="inst-full" min={0} max={1e7} precision={0} />;
}

const b = (key: string) => ['basic', key];

/** Disables a control only when it may not be edited (an explicit `disabled={false}` would override a submitted form's). */
export const locked = (editable: boolean) => (editable ? {} : { disabled: true });

interface FieldInputProps {
  field: RecordField;
  departments?: Department[];
  departmentsLoading?: boolean;
}

/**
 * One field's input, as the catalogue says it is entered. Form.Item hands its child the value,
 * onChange, id and aria attributes; they are passed on to the control itself.
 */
function FieldInput({ field, departments, departmentsLoading, ...control }: FieldInputProps & Record<string, unknown>) {
  switch (field.input) {
    case 'textarea':
      return <Input.TextArea {...control} maxLength={field.maxLength} autoSize={{ minRows: 1, maxRows: 4 }} />;
    case 'select':
      return <FormSelect {...control} allowClear placeholder="请选择" options={options(field.options ?? [])} />;
    case 'multi':
      return <FormCheckboxGroup {...control} className="inst-scopes" options={options(field.options ?? [])} />;
    case 'date':
      return <DateField {...control} className="inst-full" disabledDate={noFuture} />;
    case 'amount':
      return <Amount {...control} />;
    case 'count':
      return <Count {...control} />;
    case 'yesNo':
      return <FormSelect {...control} allowClear placeholder="请选择" options={YES_NO} />;
    case 'department':
      return (
        <FormSelect
          {...control}
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="请选择"
          loading={departmentsLoading}
          options={departmentOptions(departments)}
        />
      );
    default:
      return (
        <Input
          maxLength={field.inputMaxLength ?? field.maxLength}
          autoComplete="off"
          {...(field.numeric ? { inputMode: 'numeric' as const } : {})}
          {...(field.placeholder ? { placeholder: field.placeholder } : {})}
          {...control}
        />
      );
  }
}

/** 单位电话: 区号, number and 分机号 side by side, each checked by its own catalogue validator. */
function UnitPhone({ entry, locked: isLocked }: { entry: CatalogueEntry; locked: boolean }) {
  const parts = PARTS.filter((p) => p.field.partOf === entry.key);
  const [area, extension] = parts;
  const part = (e: CatalogueEntry, placeholder: string, maxLength: number, width: string) => (
    <Form.Item name={b(e.key)} noStyle rules={optionalZodRules(e.field.validator)}>
      <Input aria-label={e.field.label} placeholder={placeholder} maxLength={maxLength} inputMode="numeric" style={{ width }} {...locked(!isLocked)} />
    </Form.Item>
  );
  return (
    <Form.Item label={entry.field.label} htmlFor={`establishment_basic_${entry.key}`} extra={entry.field.extra}>
      <Space.Compact className="inst-full">
        {part(area!, area!.field.label, 4, '28%')}
        {part(entry, '电话号码', 8, '44%')}
        {part(extension!, extension!.field.label, 6, '28%')}
      </Space.Compact>
    </Form.Item>
  );
}

const PARTS = RECORD_FIELD_ENTRIES.filter((e) => e.tab === 'basic' && e.field.partOf);

/**
 * 机构基本信息 with its sub-sections 机构联系信息 and 现有资产状况 (SPEC §3.1), field by field from the
 * catalogue. Required fields carry the asterisk; what is missing is reported by 提交, so 保存 works
 * on any form. Format checks run as soon as a field is left.
 */
export function BasicInfoSection({
  departments,
  departmentsLoading,
  canEdit = () => true,
}: {
  departments?: Department[];
  departmentsLoading?: boolean;
  /** a field outside this (a 变更's reason) is shown read-only */
  canEdit?: (path: string) => boolean;
}) {
  const scopes = Form.useWatch(['basic', 'scopes']) as TBusinessScope[] | undefined;
  const kind = describeKind(scopes).kind;

  const item = (e: CatalogueEntry) => {
    const f = e.field;
    if (f.input === 'phone') {
      return (
        <Col {...third} key={e.key}>
          <UnitPhone entry={e} locked={!canEdit(e.path)} />
        </Col>
      );
    }
    const formatRules = f.format ? { rules: optionalZodRules(f.format), validateTrigger: 'onBlur' } : {};
    const col = (
      <Col {...(f.full ? full : third)} key={e.key}>
        <Form.Item name={b(e.key)} label={f.label} required={!!f.required} {...formatRules} extra={f.extra}>
          <FieldInput field={f} departments={departments} departmentsLoading={departmentsLoading} {...locked(canEdit(e.path))} />
        </Form.Item>
      </Col>
    );
    if (f.input !== 'department') return col;
    // 申请类型 follows 审批部门: derived from 申请业务, never entered
    return [
      col,
      <Col {...third} key="kind">
        <Form.Item label={DERIVED_LABELS.kind} htmlFor="establishment_basic_kind" extra={`根据${BASIC_FIELDS.scopes.label}自动判断`}>
          <Input id="establishment_basic_kind" readOnly tabIndex={-1} value={kind ?? ''} placeholder="待定" />
        </Form.Item>
      </Col>,
    ];
  };

  return (
    <>
      {BASIC_SECTIONS.map((section) => (
        <Fragment key={section}>
          <SectionTitle>{section}</SectionTitle>
          <Row gutter={16}>{basicFieldsOf(section).flatMap(item)}</Row>
        </Fragment>
      ))}
    </>
  );
}
