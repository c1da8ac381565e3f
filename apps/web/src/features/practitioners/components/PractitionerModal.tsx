import { useEffect, useState } from 'react';
import { App, Col, Form, Input, Modal, Row } from 'antd';
import type { Rule } from 'antd/es/form';
import {
  DERIVED_LABELS,
  PRACTITIONER_CHECKS,
  PRACTITIONER_COLUMNS,
  STAFF_COLUMNS,
  idCardDerived,
  type ListColumn,
  type TPractitioner,
  type TPractitionerColumnKey,
} from '@jhrm/contracts';
import { isApiError } from '../../../lib/api-client';
import { applyFieldErrors, zodRules } from '../../../lib/form';
import { fetchPractitioner, useSavePractitioner } from '../api/practitioners.api';
import { fromForm, toForm, type PractitionerFormValues } from '../model/practitioner-form';
import { DateField } from '../../../components/DateField';
import { FormSelect } from '../../../components/FormControls';

const half = { xs: 24, md: 12 };
const FORM = 'practitioner';
const ENTRIES = Object.entries(PRACTITIONER_COLUMNS) as [TPractitionerColumnKey, ListColumn][];

/** The field's rules: the contracts check for a required column or one with a format (blank optional ones pass). */
function rulesOf(key: TPractitionerColumnKey, c: ListColumn): Rule[] {
  if (c.input === 'date') return [];
  if (c.required) return zodRules(PRACTITIONER_CHECKS[key]);
  return c.format ? zodRules(PRACTITIONER_CHECKS[key]) : [];
}

/** A dictionary column. */
function Choice({ column, ...props }: { column: ListColumn; id?: string; value?: string; onChange?: (v: string) => void }) {
  const options = column.options ?? [];
  // typing to find a value helps in a long list only (民族)
  return <FormSelect {...props} allowClear={!column.required} showSearch={options.length > 10} options={options.map((v) => ({ label: v, value: v }))} />;
}

/** One catalogue column as its input kind asks. */
function inputOf(c: ListColumn) {
  if (c.input === 'select') return <Choice column={c} />;
  if (c.input === 'date') return <DateField className="practitioner-full" />;
  return <Input maxLength={c.maxLength} autoComplete="off" placeholder={c.placeholder} inputMode={c.numeric ? 'numeric' : undefined} />;
}

/** 性别 and 出生日期, shown read-only from the 身份证号 as it is typed. */
function Derived({ form }: { form: ReturnType<typeof Form.useForm<PractitionerFormValues>>[0] }) {
  const idCard = Form.useWatch('idCard', form);
  const derived = idCardDerived(typeof idCard === 'string' ? idCard : '');
  return (
    <>
      <Col {...half}>
        <Form.Item label={STAFF_COLUMNS.gender.label} htmlFor={`${FORM}_gender`} extra="根据身份证号自动生成">
          <Input id={`${FORM}_gender`} readOnly value={derived.gender ?? ''} tabIndex={-1} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label={DERIVED_LABELS.birthDate} htmlFor={`${FORM}_birthDate`} extra="根据身份证号自动生成">
          <Input id={`${FORM}_birthDate`} readOnly value={derived.birthDate ?? ''} tabIndex={-1} />
        </Form.Item>
      </Col>
    </>
  );
}

interface Props {
  institutionId: string;
  /** null: closed; 'new': 新增; a row: 变更 (loaded in clear first) */
  editing: 'new' | TPractitioner | null;
  onClose: () => void;
}

/**
 * 新增 / 变更 of one practitioner: the catalogue's 专职工作人员 fields in its order, 性别 and 出生日期
 * from the 身份证号. The server's field errors land on their fields; nothing typed is lost on error.
 */
export function PractitionerModal({ institutionId, editing, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PractitionerFormValues>();
  const save = useSavePractitioner(institutionId);
  const [loaded, setLoaded] = useState<TPractitioner | null>(null);
  const [loading, setLoading] = useState(false);
  const open = editing !== null;

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing === 'new') {
      setLoaded(null);
      form.setFieldsValue(toForm(null));
      return;
    }
    setLoading(true);
    fetchPractitioner(institutionId, editing.id)
      .then((p) => {
        setLoaded(p);
        form.setFieldsValue(toForm(p));
      })
      .catch((e: Error) => {
        void message.error(e.message);
        onClose();
      })
      .finally(() => setLoading(false));
  }, [editing, institutionId, form, message, onClose]);

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await save.mutateAsync({ id: loaded?.id, version: loaded?.version, values: fromForm(values) });
      void message.success(loaded ? '已保存变更' : '已新增从业人员');
      onClose();
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) {
        const rest = applyFieldErrors(form, e.fieldErrors);
        void message.error(rest.length ? rest.map((f) => f.message).join('；') : e.message);
      } else void message.error((e as Error).message);
    }
  };

  return (
    <Modal
      open={open}
      title={editing === 'new' ? '新增从业人员' : '变更从业人员信息'}
      width={880}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      loading={loading}
      destroyOnHidden
      maskClosable={false}
    >
      <Form form={form} name={FORM} layout="vertical" preserve>
        <Row gutter={16}>
          {ENTRIES.map(([key, c]) => (
            <Col key={key} {...half}>
              <Form.Item name={key} label={c.label} required={c.required} rules={rulesOf(key, c)} extra={c.extra} validateTrigger={c.format ? 'onBlur' : 'onChange'}>
                {inputOf(c)}
              </Form.Item>
            </Col>
          )).flatMap((col, i) => (ENTRIES[i]![0] === 'idCard' ? [col, <Derived key="derived" form={form} />] : [col]))}
        </Row>
      </Form>
    </Modal>
  );
}
