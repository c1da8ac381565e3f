import { useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { ACCEPTANCE_WORKING_DAYS, DECISION_WORKING_DAYS, isRecordReviewContent, type TAcceptanceRequestInput, type TDecisionResponse, type TReviewDetail } from '@jhrm/contracts';
import { isApiError } from '../../../lib/api-client';
import { useAccept } from '../api/reviews.api';
import { noteTargetGroups, parseTarget } from '../model/note-targets';
import { NoteRows } from './NoteRows';
import './reviews.css';

interface NoteValue {
  key?: string;
  message?: string;
}

/** The reviewer's notes (a target `field:…` / `material:…`, or none) as the request's items. */
export function toItems(notes: readonly NoteValue[] | undefined): NonNullable<TAcceptanceRequestInput['items']> {
  return (notes ?? []).flatMap((n) => {
    const message = n.message?.trim();
    if (!message) return [];
    const t = n.key ? parseTarget(n.key) : null;
    return [t ? { target: t.target, key: t.key, message } : { message }];
  });
}

/**
 * 受理 / 补正 / 不予受理 (行政许可法 第三十二条, decision 0034) before the decision on the merits: 受理
 * asks to confirm; 不予受理 asks for the reason; 补正 lists every item to correct at once, pre-filled
 * with the reviewer's notes on fields and materials. Each issues its notice to the unit.
 */
export function AcceptancePanel({ detail, onDone }: { detail: TReviewDetail; onDone?: (r: TDecisionResponse) => void }) {
  const { modal, message } = App.useApp();
  const accept = useAccept(detail.id);
  const [notesForm] = Form.useForm<{ notes: NoteValue[] }>();
  const [refuseForm] = Form.useForm<{ reason: string }>();
  const [correctForm] = Form.useForm<{ items: NoteValue[] }>();
  const [dialog, setDialog] = useState<'不予受理' | '补正' | null>(null);
  // what 补正 starts with: the reviewer's notes so far (the modal's form is mounted afresh each time)
  const [seed, setSeed] = useState<NoteValue[]>([{}]);
  const [error, setError] = useState<string | null>(null);
  const recordContent = isRecordReviewContent(detail.content) ? detail.content : null;
  const groups = useMemo(() => noteTargetGroups(detail.type, recordContent?.record ?? null), [detail.type, recordContent]);

  const send = async (body: TAcceptanceRequestInput): Promise<boolean> => {
    setError(null);
    try {
      const r = await accept.mutateAsync(body);
      void message.success(body.decision === '受理' ? '已受理，已出具受理通知书并通知申请单位' : body.decision === '补正' ? '已出具补正告知书并通知申请单位' : '已出具不予受理通知书并通知申请单位');
      setDialog(null);
      notesForm.resetFields();
      onDone?.(r);
      return true;
    } catch (e) {
      setError(isApiError(e) ? e.message : '操作失败，请稍后重试');
      return false;
    }
  };

  const confirmAccept = () =>
    modal.confirm({
      title: '确定受理？',
      width: 480,
      content: (
        <div className="review-confirm">
          <p>{detail.institutionName}（第{detail.round}轮）</p>
          <p>
            {detail.procedure === '告知承诺'
              ? '申请单位选择告知承诺：受理即作出准予许可决定并核发许可证，同时生成核查任务，请在核查期限内核查承诺事项；将出具受理通知书，并以站内消息和短信通知申请单位。'
              : `申请材料齐全、符合法定形式的予以受理。受理后申请单位不能再撤回，${DECISION_WORKING_DAYS}个工作日的办理期限自受理之日起计算；将出具受理通知书，并以站内消息和短信通知申请单位。`}
          </p>
        </div>
      ),
      okText: '受理',
      cancelText: '取消',
      onOk: () => send({ decision: '受理' }),
    });

  const openCorrection = () => {
    setError(null);
    const notes = (notesForm.getFieldValue('notes') as NoteValue[] | undefined)?.filter((n) => n.message?.trim()) ?? [];
    setSeed(notes.length ? notes : [{}]);
    setDialog('补正');
  };

  return (
    <div className="acceptance-panel">
      <p className="review-hint">
        请审查申请材料是否齐全、是否符合法定形式，并在受理期限{detail.dueOn ? `（${detail.dueOn}）` : ''}前作出受理、补正或不予受理的决定（{ACCEPTANCE_WORKING_DAYS}个工作日）。受理前申请单位可以撤回；受理后方可作出审核结论。
      </p>
      {error && !dialog && <Alert className="review-alert" type="error" showIcon message={error} closable onClose={() => setError(null)} />}
      <Form form={notesForm} name="acceptanceNotes" layout="vertical" initialValues={{ notes: [] }}>
        <NoteRows name="notes" groups={groups} head="审查意见（补正时带入补正告知书）" noun="审查意见" />
      </Form>
      <Space wrap>
        <Button type="primary" loading={accept.isPending && !dialog} onClick={confirmAccept}>
          受理
        </Button>
        <Button onClick={openCorrection}>补正</Button>
        <Button
          danger
          onClick={() => {
            setError(null);
            setDialog('不予受理');
          }}
        >
          不予受理
        </Button>
      </Space>

      <Modal
        open={dialog === '补正'}
        title="补正告知：一次性告知需要补正的全部内容"
        width={720}
        okText="出具补正告知书"
        cancelText="取消"
        confirmLoading={accept.isPending}
        onCancel={() => setDialog(null)}
        onOk={async () => {
          const values = await correctForm.validateFields();
          await send({ decision: '补正', items: toItems(values.items) });
        }}
        destroyOnHidden
      >
        {error && <Alert className="review-alert" type="error" showIcon message={error} />}
        <Form form={correctForm} name="correction" layout="vertical" preserve={false} initialValues={{ items: seed }}>
          <NoteRows
            name="items"
            groups={groups}
            head="补正内容（可指明字段或材料，也可直接填写）"
            noun="补正内容"
            optionalTarget
            rules={[{ validator: async (_r, items?: NoteValue[]) => {
              if (!toItems(items).length) throw new Error('请至少列明一项需要补正的内容');
            } }]}
          />
        </Form>
        <p className="review-hint">出具补正告知书后，申请单位按告知的内容修改并重新提交，受理期限自重新提交之日起重新计算。</p>
      </Modal>

      <Modal
        open={dialog === '不予受理'}
        title="不予受理"
        okText="不予受理"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        confirmLoading={accept.isPending}
        onCancel={() => setDialog(null)}
        onOk={async () => {
          const values = await refuseForm.validateFields();
          await send({ decision: '不予受理', reason: values.reason.trim() });
        }}
        destroyOnHidden
      >
        {error && <Alert className="review-alert" type="error" showIcon message={error} />}
        <Form form={refuseForm} name="refusal" layout="vertical" preserve={false}>
          <Form.Item name="reason" label="不予受理的理由" rules={[{ required: true, whitespace: true, message: '请填写不予受理的理由' }]}>
            <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 8 }} placeholder="理由将写入不予受理通知书" />
          </Form.Item>
        </Form>
        <p className="review-hint">不予受理后该申请即办结，不能撤销；将出具不予受理通知书（告知申请行政复议或者提起行政诉讼的权利），并通知申请单位。</p>
      </Modal>
    </div>
  );
}
