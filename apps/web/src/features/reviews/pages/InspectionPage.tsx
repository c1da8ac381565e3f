import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Radio, Space, Table, Upload, type RadioGroupProps } from 'antd';
import { useParams } from 'react-router-dom';
import { beijingDay, type TCheckResult, type TInspectionTask } from '@jhrm/contracts';
import { Spinner } from '../../../components/Spinner';
import { formatDateTime } from '../../../lib/format-datetime';
import { apiErrorText } from '../../../lib/api-client';
import { useInspection, useInspectionStep, useUploadInspectionPhotos } from '../api/inspections.api';
import { InspectionStatus } from './InspectionsPage';
import '../components/reviews.css';
import { CreditRatingCard } from '../../../components/credit/CreditRating';

interface ResultValues {
  checks: Record<string, { result?: TCheckResult; note?: string }>;
  /** a 抽查 with an item not met: 责令整改 or 立案 */
  action?: '责令整改' | '立案';
  findings?: string;
  rectifyDemand?: string;
  rectifyDeadline?: { format(f: string): string } | null;
}


const spot = (t: Pick<TInspectionTask, 'kind'>) => t.kind === '双随机抽查';

/**
 * 核查结论 / 抽查结果: every item (the task's checklist: commitments of a 核查, check items of a 抽查)
 * 属实 / 不属实 with a note, the findings. A 核查 with an item 不属实, or a 抽查 the inspector orders
 * 责令整改, asks for the 整改 demand and deadline; a 抽查 may instead be 立案.
 */
function ResultForm({ task }: { task: TInspectionTask }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ResultValues>();
  const step = useInspectionStep(task.id);
  const checks = Form.useWatch('checks', form) ?? {};
  const action = Form.useWatch('action', form);
  const failed = task.checklist.some((i) => checks[i.key]?.result === '不属实');
  const rectify = failed && (!spot(task) || action !== '立案');
  const outcome = spot(task) ? (failed ? (action ?? '责令整改') : '合格') : failed ? '不属实' : '属实';
  const onFinish = (v: ResultValues) =>
    step.mutate(
      {
        step: 'result',
        body: {
          version: task.version,
          outcome,
          checklist: task.checklist.map((i) => ({ key: i.key, result: v.checks[i.key]!.result!, note: v.checks[i.key]?.note ?? '' })),
          findings: v.findings ?? '',
          ...(rectify ? { rectifyDemand: v.rectifyDemand, rectifyDeadline: v.rectifyDeadline?.format('YYYY-MM-DD') } : {}),
        },
      },
      {
        onSuccess: (t) =>
          void message.success(t.status === '整改中' ? '已责令限期整改，已通知申请单位' : t.outcome === '立案' ? '已登记立案，任务已办结' : spot(t) ? '抽查合格，任务已办结' : '核查属实，任务已办结'),
        onError: (e) => void message.error(apiErrorText(e)),
      },
    );
  const submitText = spot(task) ? (!failed ? '抽查合格，办结' : rectify ? '责令限期整改' : '立案，办结') : failed ? '不属实，责令限期整改' : '核查属实，办结';
  return (
    <Card size="small" title={spot(task) ? '抽查结果' : '核查结论'}>
      <Form form={form} name="inspectionResult" layout="vertical" onFinish={onFinish} initialValues={{ action: '责令整改' }}>
        {task.checklist.map((item, i) => (
          <Space key={item.key} align="start" wrap className="inspection-check">
            <Form.Item name={['checks', item.key, 'result']} label={`${i + 1}. ${item.label}`} rules={[{ required: true, message: '请选择属实或不属实' }]}>
              <CheckResult label={`${i + 1}. ${item.label}`} />
            </Form.Item>
            <Form.Item name={['checks', item.key, 'note']} label="说明">
              <Input maxLength={500} style={{ width: 280 }} />
            </Form.Item>
          </Space>
        ))}
        <Form.Item name="findings" label={spot(task) ? '检查情况' : '核查情况'} rules={[{ required: true, whitespace: true, message: spot(task) ? '请填写检查情况' : '请填写核查情况' }]}>
          <Input.TextArea maxLength={2000} rows={3} />
        </Form.Item>
        {failed && spot(task) && (
          <Form.Item name="action" label="处理方式">
            <Radio.Group
              aria-label="处理方式"
              options={[
                { label: '责令整改', value: '责令整改' },
                { label: '立案', value: '立案' },
              ]}
            />
          </Form.Item>
        )}
        {failed && spot(task) && !rectify && <Alert type="warning" showIcon message="发现违法行为：登记为立案，任务办结，抽查结果向社会公开，并以站内消息和短信通知机构所属单位。" className="table-alert" />}
        {rectify && (
          <>
            <Alert type="warning" showIcon message={`${spot(task) ? '有检查事项不符合' : '有承诺事项不属实'}：将责令限期整改，并以站内消息和短信通知申请单位。`} className="table-alert" />
            <Form.Item name="rectifyDemand" label="整改要求" rules={[{ required: true, whitespace: true, message: '请填写整改要求' }]}>
              <Input.TextArea maxLength={1000} rows={2} />
            </Form.Item>
            <Form.Item name="rectifyDeadline" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]}>
              <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') <= beijingDay(new Date())} />
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" loading={step.isPending}>
          {submitText}
        </Button>
      </Form>
    </Card>
  );
}

/** 整改中: 整改完成 closes the task; once the deadline has passed, 撤销许可 (with the reason). */
function RectificationActions({ task }: { task: TInspectionTask }) {
  const { message } = App.useApp();
  const step = useInspectionStep(task.id);
  const [dialog, setDialog] = useState<'rectified' | 'revoke' | null>(null);
  const [form] = Form.useForm<{ text?: string }>();
  const send = (v: { text?: string }) =>
    step.mutate(dialog === 'revoke' ? { step: 'revoke', body: { version: task.version, reason: v.text ?? '' } } : { step: 'rectified', body: { version: task.version, note: v.text ?? '' } }, {
      onSuccess: () => {
        setDialog(null);
        form.resetFields();
        void message.success(dialog === 'revoke' ? '已撤销许可，已记入失信记录并通知申请单位' : '已确认整改完成，任务已办结');
      },
      onError: (e) => void message.error(apiErrorText(e)),
    });
  return (
    <Card size="small" title="限期整改">
      <Space>
        <Button type="primary" onClick={() => setDialog('rectified')}>
          整改完成
        </Button>
        {task.actions.includes('撤销许可') && (
          <Button danger onClick={() => setDialog('revoke')}>
            撤销许可
          </Button>
        )}
      </Space>
      <Modal
        open={dialog !== null}
        title={dialog === 'revoke' ? '撤销许可' : '整改完成'}
        okText={dialog === 'revoke' ? '撤销许可' : '确认整改完成'}
        okButtonProps={{ danger: dialog === 'revoke' }}
        cancelText="取消"
        confirmLoading={step.isPending}
        forceRender
        onOk={() => form.submit()}
        onCancel={() => setDialog(null)}
      >
        {dialog === 'revoke' && <p>整改期限已届满仍未整改：撤销其人力资源服务许可（许可证验证和公示查询将显示已撤销），记入失信记录，并通知申请单位。</p>}
        <Form form={form} name="inspectionStep" layout="vertical" onFinish={send}>
          <Form.Item name="text" label={dialog === 'revoke' ? '撤销理由' : '整改情况'} rules={dialog === 'revoke' ? [{ required: true, whitespace: true, message: '请填写撤销理由' }] : []}>
            <Input.TextArea maxLength={1000} rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function Photos({ task }: { task: TInspectionTask }) {
  const { message } = App.useApp();
  const upload = useUploadInspectionPhotos(task.id);
  return (
    <Card size="small" title={`核查照片（${task.photos.length}）`}>
      <Space direction="vertical">
        {task.photos.map((p) => (
          <a key={p.id} href={`/api/inspections/${task.id}/photos/${p.id}?inline=1`} target="_blank" rel="noreferrer">
            {p.name}
          </a>
        ))}
        {task.actions.includes('上传照片') && (
          <Upload
            multiple
            accept=".jpg,.jpeg,.png,.pdf"
            showUploadList={false}
            beforeUpload={(file, list) => {
              if (file === list[0]) upload.mutate(list, { onSuccess: () => void message.success('照片已上传'), onError: (e) => void message.error(apiErrorText(e)) });
              return false;
            }}
          >
            <Button loading={upload.isPending}>上传照片</Button>
          </Upload>
        )}
      </Space>
    </Card>
  );
}

/** One 核查任务: what was licensed, the checklist and findings, 整改, photos and the steps the reviewer may take now. */
/**
 * 属实 / 不属实 of one commitment, as a group named after it: screen readers (and the journey) find each
 * item's choice by the item. The Form.Item's id and aria-* (required, invalid, described by) belong to
 * the group, where they are allowed; the radios get the value.
 */
function CheckResult({ label, value, onChange, id, ...rest }: Pick<RadioGroupProps, 'value' | 'onChange' | 'id'> & { label: string }) {
  const aria = Object.fromEntries(Object.entries(rest).filter(([k]) => k.startsWith('aria-')));
  return (
    <div role="radiogroup" aria-label={label} id={id} {...aria}>
      <Radio.Group value={value} onChange={onChange} options={['属实', '不属实'].map((r) => ({ label: r, value: r }))} />
    </div>
  );
}

export default function InspectionPage() {
  const { id = '' } = useParams();
  const q = useInspection(id);
  if (q.isError) return <Alert type="error" showIcon message={apiErrorText(q.error)} />;
  if (!q.data) return <Spinner />;
  const t = q.data;
  return (
    <div className="review-page">
      <Card size="small" title={`${spot(t) ? '抽查任务' : '核查任务'}：${t.institutionName}`} extra={<InspectionStatus row={t} />}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'uscc', label: '统一社会信用代码', children: t.uscc },
            { key: 'unit', label: '申请单位', children: t.unitName },
            { key: 'licence', label: '许可证编号', children: t.licenceNumber ? `${t.licenceNumber}（${t.licenceStatus ?? ''}）` : '' },
            { key: 'dept', label: '审批部门', children: t.departmentName },
            ...(spot(t)
              ? [
                  { key: 'plan', label: '抽查计划', children: t.planName ?? '' },
                  { key: 'inspectors', label: '检查人员', children: t.inspectors.join('、') },
                  { key: 'drawn', label: '抽取时间', children: formatDateTime(t.createdAt) },
                  { key: 'due', label: '完成期限', children: t.dueOn },
                ]
              : [
                  { key: 'issued', label: '发证（告知承诺）', children: formatDateTime(t.createdAt) },
                  { key: 'due', label: '核查期限', children: t.dueOn },
                ]),
            ...(t.rectifyDeadline ? [{ key: 'rd', label: '整改期限', children: t.rectifyDeadline }, { key: 'rq', label: '整改要求', children: t.rectifyDemand ?? '' }] : []),
            ...(t.closedAt ? [{ key: 'closed', label: '办结时间', children: formatDateTime(t.closedAt) }] : []),
            ...(t.revokeReason ? [{ key: 'why', label: '撤销理由', children: t.revokeReason }] : []),
          ]}
        />
      </Card>
      <CreditRatingCard rating={t.creditRating} showScore={false} />
      {t.status !== '待核查' && (
        <Card size="small" title={spot(t) ? '检查记录' : '核查记录'}>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={t.checklist}
            columns={[
              { title: spot(t) ? '检查事项' : '承诺事项', dataIndex: 'label', key: 'label' },
              { title: '核查结果', dataIndex: 'result', key: 'result', width: 100 },
              { title: '说明', dataIndex: 'note', key: 'note', width: 240 },
            ]}
          />
          <p className="inspection-findings">
            {spot(t) ? '检查情况' : '核查情况'}：{t.findings}
          </p>
        </Card>
      )}
      {t.actions.includes('核查结论') && <ResultForm task={t} />}
      {t.actions.includes('整改完成') && <RectificationActions task={t} />}
      <Photos task={t} />
    </div>
  );
}
