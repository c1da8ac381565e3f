import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { BUSINESS_SCOPES, CREDIT_LEVELS, SPOT_CHECK_LICENCE_KINDS, beijingDay, type TCreditLevel, type TSpotCheckFilter, type TSpotCheckPlanListItem, type TSpotCheckScope } from '@jhrm/contracts';
import { DateField } from '../../../components/DateField';
import { QueryPage, type QueryFilter } from '../../../components/QueryPage';
import { apiErrorText } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format-datetime';
import { useCreateSpotCheckPlan, useSpotCheckPlans, useSpotCheckPreview, useSpotCheckScope, type SpotCheckFilters } from '../api/inspections.api';
import { spotCheckPath } from '../paths';
import '../components/reviews.css';

interface Values {
  name?: string;
}

interface PlanValues {
  name?: string;
  department?: string;
  kind?: TSpotCheckFilter['kind'];
  scope?: TSpotCheckFilter['scope'];
  creditLevels?: TCreditLevel[];
  ratio?: number;
  inspectorsPerTask?: number;
  dueOn?: { format(f: string): string } | null;
  seed?: string;
}


/** The plan's 抽查范围 in words. */
export function rangeText(f: TSpotCheckPlanListItem['filter']): string {
  const parts = [f.departmentName ?? (f.department ? f.department : '全省'), f.kind ?? '许可和备案', f.scope ? `服务范围含“${f.scope}”` : '', f.creditLevels?.length ? `信用等级${f.creditLevels.join('、')}` : ''];
  return parts.filter(Boolean).join('；');
}

const rangeOf = (v: PlanValues): TSpotCheckFilter => ({
  ...(v.department ? { department: v.department } : {}),
  ...(v.kind ? { kind: v.kind } : {}),
  ...(v.scope ? { scope: v.scope } : {}),
  ...(v.creditLevels?.length ? { creditLevels: v.creditLevels } : {}),
});

/**
 * 新建抽查计划: the range, the share and the deadline; 预估 says how many institutions the range holds and
 * how many the ratio draws; 抽取 asks for confirmation (a draw is final and recorded with its seed).
 */
function NewPlan({ open, onClose, scope }: { open: boolean; onClose: () => void; scope: TSpotCheckScope }) {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PlanValues>();
  const preview = useSpotCheckPreview();
  const create = useCreateSpotCheckPlan();
  const [previewed, setPreviewed] = useState<string | null>(null);
  const estimate = async () => {
    const v = await form.validateFields(['ratio']);
    const all = form.getFieldsValue();
    preview.mutate({ ...rangeOf(all), ratio: v.ratio! }, { onSuccess: (p) => setPreviewed(`符合条件的持证机构${p.candidates}个，按${v.ratio}%抽取${p.toDraw}个`), onError: (e) => void message.error(apiErrorText(e)) });
  };
  const onFinish = (v: PlanValues) =>
    modal.confirm({
      title: '确认随机抽取',
      content: '抽取后将生成抽查任务并通知被抽中的检查人员；抽取结果和随机种子记录在计划中，不能修改或重新抽取。',
      okText: '抽取',
      cancelText: '取消',
      onOk: () =>
        create
          .mutateAsync({ name: v.name ?? '', ...rangeOf(v), ratio: v.ratio!, inspectorsPerTask: v.inspectorsPerTask ?? 2, dueOn: v.dueOn?.format('YYYY-MM-DD') ?? '', ...(v.seed?.trim() ? { seed: v.seed.trim() } : {}) })
          .then((plan) => {
            void message.success(`已抽取${plan.drawnCount}个机构，生成抽查任务`);
            form.resetFields();
            setPreviewed(null);
            onClose();
            navigate(spotCheckPath(plan.id));
          })
          .catch((e: unknown) => void message.error(apiErrorText(e))),
    });
  return (
    <Modal open={open} title="新建抽查计划" onCancel={onClose} footer={null} width={640} forceRender destroyOnHidden={false}>
      <Form form={form} name="spotCheckPlan" layout="vertical" onFinish={onFinish} initialValues={{ ratio: 10, inspectorsPerTask: 2 }} onValuesChange={() => setPreviewed(null)}>
        <Form.Item name="name" label="计划名称" rules={[{ required: true, whitespace: true, message: '请填写计划名称' }]}>
          <Input maxLength={60} placeholder="如：2026年第四季度人力资源服务机构双随机抽查" />
        </Form.Item>
        <Form.Item name="department" label="审批部门（发证机关）" extra={`不选则为${scope.label}`}>
          <Select allowClear showSearch optionFilterProp="label" placeholder={scope.label} options={scope.departments.map((d) => ({ label: d.name, value: d.code }))} />
        </Form.Item>
        <Form.Item name="kind" label="许可/备案">
          <Select allowClear placeholder="全部" options={SPOT_CHECK_LICENCE_KINDS.map((k) => ({ label: k, value: k }))} />
        </Form.Item>
        <Form.Item name="scope" label="服务范围">
          <Select allowClear placeholder="全部" options={BUSINESS_SCOPES.map((s) => ({ label: s, value: s }))} />
        </Form.Item>
        <Form.Item name="creditLevels" label="信用等级" extra="不选则为全部；信用等级低的机构被抽中的概率更高">
          <Checkbox.Group options={CREDIT_LEVELS.map((l) => ({ label: `${l}级`, value: l }))} />
        </Form.Item>
        <Form.Item name="ratio" label="抽查比例（%）" rules={[{ required: true, message: '请填写1–100之间的抽查比例' }]}>
          <InputNumber min={1} max={100} precision={0} />
        </Form.Item>
        <Form.Item name="inspectorsPerTask" label="每个机构的检查人员数" extra="从机构所属审批部门的审核人员中随机抽取，不含曾受理、审批该机构的人员">
          <InputNumber min={1} max={3} precision={0} />
        </Form.Item>
        <Form.Item name="dueOn" label="完成期限" rules={[{ required: true, message: '请选择完成期限' }]}>
          <DateField disabledDate={(d) => d.format('YYYY-MM-DD') <= beijingDay(new Date())} />
        </Form.Item>
        <Form.Item name="seed" label="随机种子" extra="可不填，由系统生成；记录在计划中，可据此复核抽取结果" rules={[{ pattern: /^[0-9A-Za-z-]{4,64}$/, message: '随机种子只能包含字母、数字和短横线，4–64位' }]}>
          <Input maxLength={64} autoComplete="off" />
        </Form.Item>
        {previewed && <Alert type="info" showIcon message={previewed} className="table-alert" />}
        <Space>
          <Button onClick={estimate} loading={preview.isPending}>
            预估抽取数量
          </Button>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            抽取
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

/**
 * 双随机抽查 (decision 0049): the plans the caller sees (an administrator every plan, a city's reviewer its
 * department's) and 新建抽查计划 for those who may plan; other reviewers are told who plans.
 */
export default function SpotChecksPage() {
  const [creating, setCreating] = useState(false);
  const scope = useSpotCheckScope();
  const columns: TableColumnsType<TSpotCheckPlanListItem> = [
    { title: '操作', key: 'open', width: 70, render: (_: unknown, r) => <Link to={spotCheckPath(r.id)}>查看</Link> },
    { title: '计划名称', dataIndex: 'name', key: 'name', width: 260, ellipsis: { showTitle: true } },
    { title: '抽查范围', key: 'range', width: 260, render: (_: unknown, r) => rangeText(r.filter) },
    { title: '抽查比例', dataIndex: 'ratio', key: 'ratio', width: 90, render: (v: number) => `${v}%` },
    { title: '候选/抽中', key: 'count', width: 100, render: (_: unknown, r) => `${r.candidateCount}/${r.drawnCount}` },
    { title: '已办结', key: 'closed', width: 80, render: (_: unknown, r) => `${r.closedCount}/${r.drawnCount}` },
    { title: '完成期限', dataIndex: 'dueOn', key: 'dueOn', width: 110 },
    { title: '抽取时间', dataIndex: 'createdAt', key: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
  ];
  const filters: QueryFilter[] = [{ name: 'name', label: '计划名称', input: <Input maxLength={60} allowClear autoComplete="off" /> }];
  return (
    <QueryPage<Values, SpotCheckFilters, TSpotCheckPlanListItem>
      name="spotChecks"
      layout="inline"
      title="双随机抽查"
      filters={filters}
      toFilters={(v) => (v.name?.trim() ? { name: v.name.trim() } : {})}
      useRows={useSpotCheckPlans}
      rowKey="id"
      columns={columns}
      header={() => (scope.data && !scope.data.canPlan ? <Alert type="info" showIcon message={scope.data.label} className="table-alert" /> : null)}
      toolbar={
        scope.data?.canPlan ? (
          <Button type="primary" onClick={() => setCreating(true)}>
            新建抽查计划
          </Button>
        ) : undefined
      }
    >
      {scope.data?.canPlan && <NewPlan open={creating} onClose={() => setCreating(false)} scope={scope.data} />}
    </QueryPage>
  );
}
