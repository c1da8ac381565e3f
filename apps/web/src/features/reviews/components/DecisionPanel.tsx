import { useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, Radio, type RadioChangeEvent } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { isRecordReviewContent, LICENCE_TITLES, REISSUE, RENEWAL, type TDecisionResponse, type TReviewDecision, type TReviewDetail } from '@jhrm/contracts';
import { applyFieldErrors } from '../../../lib/form';
import { isApiError } from '../../../lib/api-client';
import { useDecide } from '../api/reviews.api';
import { noteTargetGroups, parseTarget } from '../model/note-targets';
import './reviews.css';
import { DateField } from '../../../components/DateField';
import { NoteRows } from './NoteRows';

interface DecisionForm {
  decision: TReviewDecision;
  opinion?: string;
  notes?: { key?: string; message?: string }[];
  issuedOn?: Dayjs;
}

/**
 * 审核通过 / 审核不通过 as a radio group. Form.Item puts its aria-* attributes (aria-required …) on
 * its child; antd's Radio.Group renders a plain div, where they are not allowed, so the child is a
 * div with the radiogroup role around it.
 */
function DecisionChoice({ value, onChange, options, ...aria }: { value?: TReviewDecision; onChange?: (e: RadioChangeEvent) => void; options: TReviewDecision[] }) {
  return (
    <div role="radiogroup" {...aria}>
      <Radio.Group value={value} onChange={onChange} optionType="button" buttonStyle="solid" options={options.map((a) => ({ label: a, value: a }))} />
    </div>
  );
}

/**
 * 审核通过 / 审核不通过 with 审核意见 (required for 不通过) and notes on single fields or material
 * slots; approving a 设立 issues the licence (许可) or 备案凭证, dated 发证日期. Asks before deciding.
 */
export function DecisionPanel({ detail, onDecided }: { detail: TReviewDetail; onDecided?: (r: TDecisionResponse) => void }) {
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<DecisionForm>();
  const decide = useDecide(detail.id);
  const [error, setError] = useState<string | null>(null);
  const decision = Form.useWatch('decision', form);
  // a record kind's content: its fields and list rows may carry notes, and approving may issue a licence
  const recordContent = isRecordReviewContent(detail.content) ? detail.content : null;
  const groups = useMemo(() => noteTargetGroups(detail.type, recordContent?.record ?? null), [detail.type, recordContent]);
  const labelOf = (value: string | undefined) => groups.flatMap((g) => g.options).find((o) => o.value === value)?.label ?? value ?? '';
  const issues = decision === '审核通过' ? (recordContent?.issuesOnApproval ?? null) : null;

  const send = async (values: DecisionForm) => {
    setError(null);
    const notes = (values.notes ?? []).flatMap((n) => {
      const t = n.key ? parseTarget(n.key) : null;
      return t ? [{ target: t.target, key: t.key, message: n.message ?? '' }] : [];
    });
    try {
      const r = await decide.mutateAsync({
        version: detail.version,
        decision: values.decision,
        opinion: values.opinion?.trim() || undefined,
        notes,
        ...(issues ? { licence: { issuedOn: (values.issuedOn ?? dayjs()).format('YYYY-MM-DD') } } : {}),
      });
      form.resetFields();
      if (r.licence && r.licence.kind) {
        // 补办 / 延续 re-issue the licence in force under its number (decision 0047); the others issue one
        const done = r.licence.reissuedOn && detail.type === REISSUE.name ? '已补发' : detail.type === RENEWAL.name ? '已延续' : '已核发';
        modal.success({ title: '审核通过', content: `${done}${LICENCE_TITLES[r.licence.kind]}，编号：${r.licence.number}` });
      } else {
        void message.success(`已${r.status === '审核通过' ? '审核通过' : '退回单位修改'}，已通知申请单位`);
      }
      onDecided?.(r);
    } catch (e) {
      if (!isApiError(e)) {
        setError('操作失败，请稍后重试');
        return;
      }
      const rest = applyFieldErrors(form, e.fieldErrors.map((f) => (f.path === 'licence.issuedOn' ? { ...f, path: 'issuedOn' } : f)));
      setError(rest.length || !e.fieldErrors.length ? e.message : null);
    }
  };

  const confirm = (values: DecisionForm) => {
    const notes = (values.notes ?? []).filter((n) => n.key);
    modal.confirm({
      title: `确定${values.decision}？`,
      width: 520,
      content: (
        <div className="review-confirm">
          <p>
            {detail.institutionName}（第{detail.round}轮）
          </p>
          {values.opinion?.trim() && <p className="review-pre">审核意见：{values.opinion.trim()}</p>}
          {notes.length > 0 && (
            <ul>
              {notes.map((n) => (
                <li key={n.key}>
                  {labelOf(n.key)}：{n.message}
                </li>
              ))}
            </ul>
          )}
          {issues && (
            <p>
              将核发<strong>{LICENCE_TITLES[issues]}</strong>，发证日期 {(values.issuedOn ?? dayjs()).format('YYYY-MM-DD')}。
            </p>
          )}
          <p>审核结论提交后不能撤销，申请单位将收到站内消息和短信通知。</p>
        </div>
      ),
      okText: values.decision,
      okButtonProps: values.decision === '审核不通过' ? { danger: true } : {},
      cancelText: '取消',
      onOk: () => send(values),
    });
  };

  if (!detail.actions.length) return null;

  return (
    <Form<DecisionForm> form={form} name="decision" layout="vertical" initialValues={{ decision: '审核通过', notes: [], issuedOn: dayjs() }} onFinish={confirm}>
      {error && <Alert className="review-alert" type="error" showIcon message={error} closable onClose={() => setError(null)} />}
      <Form.Item name="decision" label="审核结论" rules={[{ required: true, message: '请选择审核结论' }]}>
        <DecisionChoice options={detail.actions.filter((a): a is TReviewDecision => a === '审核通过' || a === '审核不通过')} />
      </Form.Item>
      <Form.Item
        name="opinion"
        label="审核意见"
        required={decision === '审核不通过'}
        rules={[{ validator: async (_r, v?: string) => {
          if (form.getFieldValue('decision') === '审核不通过' && !v?.trim()) throw new Error('审核不通过时须填写审核意见');
        } }]}
        dependencies={['decision']}
      >
        <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 10 }} placeholder={decision === '审核不通过' ? '请写明不通过的理由和需要单位修改的内容' : '选填'} />
      </Form.Item>

      <NoteRows name="notes" groups={groups} />

      {issues && (
        <Alert
          className="review-alert"
          type="info"
          showIcon
          message={`审核通过后将核发${LICENCE_TITLES[issues]}`}
          description={
            <Form.Item name="issuedOn" label="发证日期" rules={[{ required: true, message: '请选择发证日期' }]} style={{ marginBottom: 0 }}>
              <DateField disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} />
            </Form.Item>
          }
        />
      )}

      <Button type="primary" htmlType="submit" loading={decide.isPending} danger={decision === '审核不通过'}>
        提交审核结论
      </Button>
    </Form>
  );
}
