import { Alert, Form } from 'antd';
import { chineseDate, RENEWAL_WINDOW_DAYS } from '@jhrm/contracts';
import type { DraftBodyProps } from '../../../components/draft-body';
import { useDepartments } from '../../../lib/application-api';
import { RENEWAL_FORM, RENEWAL_TABS, renewalViewOf, type RenewalFormValues } from '../renewal-draft';
import { institutionViewPath } from '../paths';
import { recordPanes, recordTabItems } from './RecordPanes';
import { CancelItem, DraftTabsForm, InstitutionItems } from './DraftTabsForm';
import { useRecordInForce } from './useRecordInForce';
import './institutions.css';

/** The licence a 延续 renews: its number, 有效期至 and, when it cannot be renewed today, why. */
export interface RenewedLicence {
  number: string | null;
  validUntil: string | null;
  blocked: string | null;
}

/**
 * 许可证延续申请 (decision 0047): the licence renewed (same number, 有效期至 before and how it moves),
 * then the record's six tabs pre-filled from the record in force, every field correctable (the
 * reviewer compares them with the record in force). `licence` is what the app layer knows of a new
 * form's licence; a saved one's comes from the server.
 */
export function RenewalEditor({ licence: known, ...body }: DraftBodyProps<RenewalFormValues> & { licence?: RenewedLicence | null }) {
  const { form, initialValues, editable, detail, rowFocus } = body;
  const departments = useDepartments();
  const institutionId = initialValues.institutionId ?? '';
  const inForce = useRecordInForce(form, detail, institutionId);
  const saved = renewalViewOf(detail);
  const licence: RenewedLicence | null = saved ? { number: saved.licenceNumber, validUntil: saved.validUntil, blocked: saved.blocked } : (known ?? null);
  const panes = recordPanes({ departments: departments.data, departmentsLoading: departments.isPending, editable, rowFocus });

  const own = (
    <>
      <InstitutionItems name={inForce?.basic?.name ?? detail?.record.basic?.name} />
      <Form.Item label="许可证编号">
        <span>{licence?.number ? `${licence.number}（延续后编号不变）` : ''}</span>
      </Form.Item>
      <Form.Item label="原有效期至" extra={`有效期届满前${RENEWAL_WINDOW_DAYS}日内可以申请延续；审核通过后，有效期自原有效期至起按现行许可证有效期顺延`}>
        <span>{chineseDate(licence?.validUntil)}</span>
      </Form.Item>
      {licence?.blocked && editable ? <Alert type="error" showIcon className="table-alert" message={licence.blocked} /> : null}
      <Alert
        type="info"
        showIcon
        className="table-alert"
        message="各页签已按现行机构信息预填：没有变化的无需修改，有变化的请如实更正；审核人员将看到与现行信息的对比。"
      />
      <CancelItem to={institutionViewPath(institutionId)} />
    </>
  );

  return (
    <DraftTabsForm<RenewalFormValues>
      {...body}
      title="许可证延续申请"
      className="inst-renewal"
      name={RENEWAL_FORM}
      items={recordTabItems(panes, { ...RENEWAL_TABS[0], children: own })}
    />
  );
}
