import type { ReactNode } from 'react';
import { Form, Tag } from 'antd';
import { RECORD_TABS, type TBusinessScope, type TRecordTab } from '@jhrm/contracts';
import type { DraftBodyProps } from '../../../components/draft-body';
import { StatusTag } from '../../../components/StatusTag';
import { describeKind } from '../../../components/record/application-kind';
import { useDepartments } from '../../../lib/application-api';
import type { EstablishmentFormValues } from '../model/draft';
import { ESTABLISHMENT_FORM } from '../establishment-draft';
import { BasicInfoSection } from './BasicInfoSection';
import { FacilityEditor } from './FacilityEditor';
import { FeeEditor } from './FeeEditor';
import { IntegritySection, ReportSection } from './OtherSections';
import { StaffEditor } from './StaffEditor';
import { ReviewStatusTag } from './StatusTags';
import { DraftTabsForm } from './DraftTabsForm';
import './institutions.css';

const tabLabel = (t: (typeof RECORD_TABS)[number]) =>
  t.optional ? (
    <span>
      {t.label}
      <Tag className="inst-optional-tag" bordered={false}>
        选填
      </Tag>
    </span>
  ) : (
    t.label
  );

/**
 * 人力资源服务机构设立审批 (guide 1.2): the six tabs of the institution record, with the
 * application's status and 申请类型 above them. The draft lifecycle (保存, 提交, 撤回, 清空 …)
 * and its toolbar and banners come from features/applications through the app layer.
 */
export function EstablishmentEditor(body: DraftBodyProps<EstablishmentFormValues>) {
  const { form, editable, detail, rowFocus, banners } = body;
  const departments = useDepartments();
  const scopes = Form.useWatch(['basic', 'scopes'], form) as TBusinessScope[] | undefined;
  const kind = describeKind(scopes);

  const panes: Record<TRecordTab, ReactNode> = {
    basic: <BasicInfoSection departments={departments.data} departmentsLoading={departments.isPending} />,
    report: <ReportSection />,
    staff: (
      <Form.Item name="staff" noStyle>
        <StaffEditor readOnly={!editable} focusRequest={rowFocus.staff} />
      </Form.Item>
    ),
    facilities: (
      <Form.Item name="facilities" noStyle>
        <FacilityEditor readOnly={!editable} focusRequest={rowFocus.facilities} />
      </Form.Item>
    ),
    integrity: <IntegritySection />,
    fees: (
      <Form.Item name="fees" noStyle>
        <FeeEditor readOnly={!editable} focusRequest={rowFocus.fees} />
      </Form.Item>
    ),
  };

  const status = detail?.status;
  return (
    <div className="inst-page inst-establishment">
      <div className="inst-card">
        <header className="inst-header">
          <h1>人力资源服务机构设立审批</h1>
          {status ? <ReviewStatusTag status={status} /> : <StatusTag tone="neutral">新建（未保存）</StatusTag>}
          <span className="inst-kind" data-testid="application-kind">
            {kind.text}
          </span>
        </header>

        {banners}

        <DraftTabsForm<EstablishmentFormValues>
          {...body}
          name={ESTABLISHMENT_FORM}
          items={RECORD_TABS.map((t) => ({ key: t.key, label: tabLabel(t), forceRender: true, children: panes[t.key] }))}
        />
      </div>
    </div>
  );
}
