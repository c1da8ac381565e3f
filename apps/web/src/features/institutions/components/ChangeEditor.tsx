import { useMemo } from 'react';
import { Alert, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  CHANGE_REASONS,
  REGISTERED_CHANGE_REASONS,
  beijingDay,
  changeLateDays,
  fieldsChangedBy,
  type TBusinessScope,
  type TChangeReason,
} from '@jhrm/contracts';
import type { DraftBodyProps } from '../../../components/draft-body';
import { describeKind } from '../../../components/record/application-kind';
import { useDepartments } from '../../../lib/application-api';
import { CHANGE_FORM, CHANGE_TABS, changeViewOf, type ChangeFormValues } from '../change-draft';
import { DATE_FORMAT } from '../model/draft';
import { CHANGE_LIST_PATH } from '../paths';
import { recordPanes, recordTabItems } from './RecordPanes';
import { useRecordInForce } from './useRecordInForce';
import { CancelItem, DraftTabsForm, InstitutionItems } from './DraftTabsForm';
import './institutions.css';
import { DateField } from '../../../components/DateField';
import { FormSelect } from '../../../components/FormControls';

const REASON_OPTIONS = CHANGE_REASONS.map((r) => ({ label: r, value: r }));
const noFuture = (d: Dayjs) => d.isAfter(new Date(), 'day');

/**
 * 机构变更申请 (guide 1.3): 变更事由 and 工商变更登记日期, then the record's six tabs with only the
 * fields the reason may change editable (the catalogue's changeReasons; the server refuses the
 * rest too). Warns before sending when the report is past 条例 第二十一条's 15 days, and when the
 * new 申请业务 turn a 备案 into a 许可.
 */
export function ChangeEditor(body: DraftBodyProps<ChangeFormValues>) {
  const { form, initialValues, editable, detail, rowFocus } = body;
  const departments = useDepartments();
  const institutionId = initialValues.institutionId ?? '';
  const inForce = useRecordInForce(form, detail, institutionId);

  const reason = Form.useWatch('reason', form) as TChangeReason | null | undefined;
  const registeredOn = Form.useWatch('registeredOn', form) as Dayjs | null | undefined;
  const scopes = Form.useWatch(['basic', 'scopes'], form) as TBusinessScope[] | undefined;
  const allowed = useMemo(() => new Set(reason ? fieldsChangedBy(reason) : []), [reason]);
  const panes = recordPanes({ departments: departments.data, departmentsLoading: departments.isPending, editable, rowFocus, canEdit: (path) => allowed.has(path) });

  const lateDays = changeLateDays(reason ?? null, registeredOn?.isValid() ? registeredOn.format(DATE_FORMAT) : null, beijingDay(new Date()));
  const before = describeKind(inForce?.basic?.scopes as TBusinessScope[] | undefined).kind;
  const after = describeKind(scopes).kind;
  const submittedLate = changeViewOf(detail)?.lateDays ?? null;

  const own = (
    <>
      <InstitutionItems name={inForce?.basic?.name ?? detail?.record.basic?.name} />
      <Form.Item name="reason" label="变更事由" required extra="选择后，只有该事由涉及的信息可以修改">
        <FormSelect placeholder="请选择变更事由" allowClear options={REASON_OPTIONS} />
      </Form.Item>
      <Form.Item
        name="registeredOn"
        label="工商变更登记日期"
        required={!!reason && REGISTERED_CHANGE_REASONS.includes(reason)}
        extra="《人力资源市场暂行条例》第二十一条：变更名称、住所、法定代表人的，应当自工商变更登记之日起15日内书面报告"
      >
        <DateField className="inst-full" disabledDate={noFuture} style={{ maxWidth: 320 }} />
      </Form.Item>
      {lateDays !== null ? (
        <Alert type="warning" showIcon className="inst-change-alert" message={`已超过工商变更登记之日起15日的报告期限（逾期${detail?.status && submittedLate !== null ? submittedLate : lateDays}天），审核人员将看到逾期情况`} />
      ) : null}
      {before && after && before !== after ? (
        <Alert type="warning" showIcon className="inst-change-alert" message={`变更后的申请业务使申请类型由“${before}”变为“${after}”，审核通过后将换发相应证照`} />
      ) : null}
      <CancelItem to={CHANGE_LIST_PATH} />
    </>
  );

  return (
    <DraftTabsForm<ChangeFormValues>
      {...body}
      title="机构变更申请"
      className="inst-change"
      name={CHANGE_FORM}
      items={recordTabItems(panes, { ...CHANGE_TABS[0], children: own })}
    />
  );
}
