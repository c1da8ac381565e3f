import { Form } from 'antd';
import type { TBusinessScope } from '@jhrm/contracts';
import type { DraftBodyProps } from '../../../components/draft-body';
import { describeKind } from '../../../components/record/application-kind';
import { useDepartments } from '../../../lib/application-api';
import type { EstablishmentFormValues } from '../model/draft';
import { ESTABLISHMENT_FORM } from '../establishment-draft';
import { recordPanes, recordTabItems } from './RecordPanes';
import { DraftTabsForm } from './DraftTabsForm';
import './institutions.css';

/**
 * 人力资源服务机构设立审批 (guide 1.2): the six tabs of the institution record, with the
 * application's status and 申请类型 above them. The draft lifecycle (保存, 提交, 撤回, 清空 …)
 * and its toolbar and banners come from features/applications through the app layer.
 */
export function EstablishmentEditor(body: DraftBodyProps<EstablishmentFormValues>) {
  const { form, editable, rowFocus } = body;
  const departments = useDepartments();
  const scopes = Form.useWatch(['basic', 'scopes'], form) as TBusinessScope[] | undefined;
  const kind = describeKind(scopes);

  const panes = recordPanes({ departments: departments.data, departmentsLoading: departments.isPending, editable, rowFocus });

  return (
    <DraftTabsForm<EstablishmentFormValues>
      {...body}
      title="人力资源服务机构设立审批"
      className="inst-establishment"
      headerExtra={
        <span className="inst-kind" data-testid="application-kind">
          {kind.text}
        </span>
      }
      name={ESTABLISHMENT_FORM}
      items={recordTabItems(panes)}
    />
  );
}
