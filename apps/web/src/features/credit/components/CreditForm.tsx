import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Card, Col, Form, Input, InputNumber, Row } from 'antd';
import { CREDIT_RECORD_FACTS, CREDIT_SECTIONS, YES_NO, creditFieldsOf, type CreditField, type TCreditFacts, type TCreditFieldKey } from '@jhrm/contracts';
import type { DraftBodyProps } from '../../../components/draft-body';
import { ApplicationStatusTag, StatusTag } from '../../../components/StatusTag';
import { departmentOptions, useDepartments } from '../../../lib/application-api';
import { useCreditInstitutions } from '../api/credit.api';
import { CREDIT_FORM, creditViewOf, type CreditFormValues } from '../credit-draft';
import { creditPath } from '../paths';
import './credit.css';
import { FormSelect, FormCheckboxGroup } from '../../../components/FormControls';

const YES_NO_OPTIONS = YES_NO.map((v) => ({ label: v, value: v }));

/** One field's input, by the catalogue's kind. */
function input(f: CreditField): ReactNode {
  switch (f.input) {
    case 'yesNo':
      return <FormSelect placeholder="请选择" allowClear options={YES_NO_OPTIONS} />;
    case 'percent':
      return <InputNumber min={0} max={100} precision={2} addonAfter="%" placeholder="0–100" style={{ width: '100%' }} />;
    case 'amount':
      return <InputNumber min={0} precision={2} style={{ width: '100%' }} />;
    case 'signedAmount':
      return <InputNumber precision={2} style={{ width: '100%' }} />;
    case 'count':
      return <InputNumber min={0} precision={0} style={{ width: '100%' }} />;
    case 'text':
      return <Input maxLength={f.maxLength} autoComplete="off" />;
    case 'textarea':
      return <Input.TextArea rows={4} maxLength={f.maxLength} showCount />;
    case 'multi':
      return <FormCheckboxGroup options={(f.options ?? []).map((o) => ({ label: o, value: o }))} />;
  }
}

function FieldItem({ k, f }: { k: TCreditFieldKey; f: CreditField }) {
  const wide = f.input === 'textarea' || f.input === 'multi';
  return (
    <Col xs={24} lg={wide ? 24 : 12}>
      <Form.Item name={['answers', k]} label={f.label} required={f.required}>
        {input(f)}
      </Form.Item>
    </Col>
  );
}

/** 机构基本信息 from the record in force, read-only. */
function Facts({ facts }: { facts: TCreditFacts | null }) {
  return (
    <>
      {CREDIT_RECORD_FACTS.map((f) => (
        <Col xs={24} lg={12} key={f.key}>
          <Form.Item label={f.label} required className="credit-facts">
            <span data-testid={`credit-fact-${f.key}`}>{facts?.[f.key] ?? ''}</span>
          </Form.Item>
        </Col>
      ))}
    </>
  );
}

/**
 * 人力资源诚信示范机构新增 (guide 3.2/3.3): the institution (one of the unit's in force; 机构基本信息
 * pre-filled from its record), then the guide's six sections, every field from the catalogue.
 * 保存 / 上传材料 / 提交 / 重置 come from the draft lifecycle.
 */
export function CreditForm(body: DraftBodyProps<CreditFormValues>) {
  const { form, initialValues, editable, detail, activeTab, onValuesChange, toolbar, banners } = body;
  const view = creditViewOf(detail);
  const institutions = useCreditInstitutions();
  const departments = useDepartments();
  const chosenId = Form.useWatch('institutionId', form) ?? initialValues.institutionId;
  const chosen = institutions.data?.items.find((i) => i.id === chosenId);
  const facts = view?.facts ?? chosen?.facts ?? null;
  const year = view?.year ?? institutions.data?.year;
  const taken = !detail && chosen?.applicationId ? chosen.applicationId : null;

  // a new form proposes the institution's own 审批部门
  useEffect(() => {
    if (!detail && chosen?.department && !form.getFieldValue('department')) form.setFieldValue('department', chosen.department);
  }, [chosen, detail, form]);

  // 下一项 and problem links name a section: bring it into view
  useEffect(() => {
    if (activeTab && activeTab !== CREDIT_SECTIONS[0].key) document.getElementById(`credit-section-${activeTab}`)?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [activeTab]);

  const institutionOptions = (institutions.data?.items ?? []).map((i) => ({ label: i.applicationId ? `${i.name}（本年度已申请）` : i.name, value: i.id }));

  return (
    <div className="credit-page">
      <Card size="small">
        <header className="credit-header">
          <h1>人力资源诚信示范机构新增</h1>
          {detail?.status ? <ApplicationStatusTag status={detail.status} /> : <StatusTag tone="neutral">新建（未保存）</StatusTag>}
          {year && <span>申报年度：{year}年度</span>}
        </header>
        {banners}
        {toolbar}
        <Form<CreditFormValues>
          form={form}
          name={CREDIT_FORM}
          className="credit-form"
          layout="horizontal"
          labelCol={{ flex: '220px' }}
          labelWrap
          wrapperCol={{ flex: '1 1 0' }}
          disabled={!editable}
          initialValues={initialValues}
          onValuesChange={onValuesChange}
        >
          {CREDIT_SECTIONS.map((s) => (
            <Card key={s.key} id={`credit-section-${s.key}`} size="small" type="inner" title={s.label} className="credit-section">
              <Row gutter={16}>
                {s.key === 'basic' && (
                  <>
                    <Col xs={24}>
                      <Form.Item
                        name="institutionId"
                        label="选择机构"
                        required
                        extra={!detail && !institutions.isPending && institutionOptions.length === 0 ? '本单位暂无审核通过且未注销的机构' : undefined}
                      >
                        <FormSelect
                          placeholder="请选择本单位审核通过的机构"
                          options={institutionOptions}
                          loading={institutions.isPending}
                          disabled={!!detail || !editable}
                          showSearch
                          optionFilterProp="label"
                        />
                      </Form.Item>
                    </Col>
                    {taken && (
                      <Col xs={24}>
                        <Alert
                          type="warning"
                          showIcon
                          className="credit-taken"
                          message={
                            <>
                              该机构本年度已有一份诚信示范机构申请，每个机构每年只能申请一次。<Link to={creditPath(taken)}>打开该申请</Link>
                            </>
                          }
                        />
                      </Col>
                    )}
                    <Facts facts={facts} />
                  </>
                )}
                {creditFieldsOf(s.key).map(([k, f]) => (
                  <FieldItem key={k} k={k} f={f} />
                ))}
                {s.key === 'basic' && (
                  <Col xs={24} lg={12}>
                    <Form.Item name="department" label="审批部门" required>
                      <FormSelect placeholder="请选择审批部门" options={departmentOptions(departments.data)} loading={departments.isPending} showSearch optionFilterProp="label" />
                    </Form.Item>
                  </Col>
                )}
              </Row>
            </Card>
          ))}
        </Form>
      </Card>
    </div>
  );
}
