import type { ReactNode } from 'react';
import { Form, Tag, type TabsProps } from 'antd';
import { RECORD_TABS, type TRecordTab } from '@jhrm/contracts';
import type { DraftBodyProps } from '../../../components/draft-body';
import type { Department } from '../../../lib/application-api';
import { BasicInfoSection } from './BasicInfoSection';
import { FacilityEditor } from './FacilityEditor';
import { FeeEditor } from './FeeEditor';
import { IntegritySection, ReportSection } from './OtherSections';
import { StaffEditor } from './StaffEditor';

interface PanesProps {
  departments: Department[] | undefined;
  departmentsLoading: boolean;
  editable: boolean;
  rowFocus: DraftBodyProps<object>['rowFocus'];
  /** which record paths may be edited (a 变更's reason); every one when absent (设立) */
  canEdit?: (path: string) => boolean;
}

/** The six tabs of the institution record as form panes (设立 and 变更). */
export function recordPanes({ departments, departmentsLoading, editable, rowFocus, canEdit = () => true }: PanesProps): Record<TRecordTab, ReactNode> {
  return {
    basic: <BasicInfoSection departments={departments} departmentsLoading={departmentsLoading} canEdit={canEdit} />,
    report: <ReportSection canEdit={canEdit} />,
    staff: (
      <Form.Item name="staff" noStyle>
        <StaffEditor readOnly={!editable || !canEdit('staff')} focusRequest={rowFocus.staff} />
      </Form.Item>
    ),
    facilities: (
      <Form.Item name="facilities" noStyle>
        <FacilityEditor readOnly={!editable || !canEdit('facilities')} focusRequest={rowFocus.facilities} />
      </Form.Item>
    ),
    integrity: <IntegritySection canEdit={canEdit} />,
    fees: (
      <Form.Item name="fees" noStyle>
        <FeeEditor readOnly={!editable || !canEdit('fees')} focusRequest={rowFocus.fees} />
      </Form.Item>
    ),
  };
}

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
 * The tabs of a form over the institution record: the kind's own tab first when it has one (变更事由,
 * 延续), then the record's six (选填 ones tagged), every pane rendered so problem links find its fields.
 */
export function recordTabItems(panes: Record<TRecordTab, ReactNode>, own?: { key: string; label: string; children: ReactNode }): NonNullable<TabsProps['items']> {
  return [
    ...(own ? [{ ...own, forceRender: true }] : []),
    ...RECORD_TABS.map((t) => ({ key: t.key, label: tabLabel(t), forceRender: true, children: panes[t.key] })),
  ];
}
