import type { ReactNode } from 'react';
import { Form } from 'antd';
import type { TRecordTab } from '@jhrm/contracts';
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
