import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Popconfirm, Radio, Space, Table, Tag, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CALENDAR_DAY_KIND_LABELS, CALENDAR_DAY_KINDS, ZSetCalendarDayRequest, calendarDayProblem, type TCalendarDay, type TCalendarDayKind } from '@jhrm/contracts';
import { applyFieldErrors, zodRules } from '../../../lib/form';
import { formatDateTime } from '../../../lib/format-datetime';
import { useCalendarYear, useRemoveCalendarDay, useSetCalendarDay } from '../api/admin-calendar.api';
import './system-admin.css';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const KIND_OPTIONS = CALENDAR_DAY_KINDS.map((k) => ({ value: k, label: `${k}（${CALENDAR_DAY_KIND_LABELS[k]}）` }));

interface DayForm {
  date?: Dayjs;
  kind?: TCalendarDayKind;
  name?: string;
}

/**
 * 节假日设置: a year's public holidays (休) and 调休 working weekend days (班), which the 20-working-day
 * 办理期限 and every 剩余工作日 count with. Seeded from the published arrangements; the administrator
 * enters each new year's arrangement when the State Council publishes it.
 */
export default function CalendarPage() {
  const { message } = App.useApp();
  const [year, setYear] = useState(() => dayjs().year() + (dayjs().month() >= 10 ? 1 : 0));
  const days = useCalendarYear(year);
  const setDay = useSetCalendarDay();
  const removeDay = useRemoveCalendarDay();
  const [form] = Form.useForm<DayForm>();

  const save = (v: DayForm) => {
    const date = v.date!.format('YYYY-MM-DD');
    setDay
      .mutateAsync({ date, kind: v.kind!, name: v.name ?? '' })
      .then(() => {
        void message.success(`已保存 ${date}`);
        form.resetFields(['date']);
        if (v.date!.year() !== year) setYear(v.date!.year());
      })
      .catch((e: { fieldErrors?: { path: string; message: string }[]; message: string }) => {
        const unplaced = applyFieldErrors(form, e.fieldErrors ?? []);
        if (!e.fieldErrors?.length || unplaced.length) void message.error(e.message);
      });
  };

  const columns: TableColumnsType<TCalendarDay> = [
    { title: '日期', dataIndex: 'date', key: 'date', width: 120, className: 'sysadmin-nowrap' },
    { title: '星期', key: 'weekday', width: 70, render: (_: unknown, d) => WEEKDAYS[dayjs(d.date).day()] },
    {
      title: '类型',
      dataIndex: 'kind',
      key: 'kind',
      width: 130,
      render: (_: unknown, d) => <Tag color={d.kind === '休' ? 'red' : 'blue'}>{`${d.kind}（${CALENDAR_DAY_KIND_LABELS[d.kind]}）`}</Tag>,
    },
    { title: '名称', dataIndex: 'name', key: 'name', width: 140 },
    {
      title: '来源',
      key: 'source',
      render: (_: unknown, d) => (d.updatedBy ? `${d.updatedBy}，${formatDateTime(d.updatedAt)}` : <span className="sysadmin-muted">国务院办公厅通知（内置数据）</span>),
    },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      render: (_: unknown, d) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => form.setFieldsValue({ date: dayjs(d.date), kind: d.kind, name: d.name })} aria-label={`修改 ${d.date}`}>
            修改
          </Button>
          <Popconfirm
            title={`确定删除 ${d.date}？`}
            description={d.kind === '休' ? '删除后该日按普通日期计算（周一至周五为工作日）。' : '删除后该日恢复为周末休息日。'}
            okText="删除"
            cancelText="取消"
            onConfirm={() =>
              removeDay
                .mutateAsync(d.date)
                .then(() => void message.success(`已删除 ${d.date}`))
                .catch((e: Error) => void message.error(e.message))
            }
          >
            <Button type="link" size="small" danger className="sysadmin-danger-link" aria-label={`删除 ${d.date}`}>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card size="small" title="节假日设置">
      <Alert
        className="sysadmin-intro"
        type="info"
        showIcon
        message="办理期限（20个工作日）和剩余工作日按此日历计算"
        description="工作日为周一至周五，但“休”（法定节假日放假）的日期除外；“班”（调休上班）的周六、周日也算工作日。国务院办公厅每年年底公布下一年的放假安排，请据此添加下一年的日期。修改只影响此后提交的申请的办理期限；待审核申请的剩余工作日按新日历计算。"
      />
      <Form<DayForm> form={form} layout="inline" onFinish={save} className="sysadmin-intro" initialValues={{ kind: '休' }} aria-label="添加或修改日期">
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item
          name="kind"
          label="类型"
          dependencies={['date']}
          // presence checked here rather than by a `required` rule (one message with the weekday check)
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_r, kind: TCalendarDayKind | undefined) => {
                if (!kind) throw new Error('请选择类型');
                const date = getFieldValue('date') as Dayjs | undefined;
                const problem = date && kind ? calendarDayProblem(date.format('YYYY-MM-DD'), kind) : '';
                if (problem) throw new Error(problem);
              },
            }),
          ]}
        >
          <Radio.Group optionType="button" buttonStyle="solid" options={KIND_OPTIONS} />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={zodRules(ZSetCalendarDayRequest.shape.name)}>
          <Input placeholder="如：元旦、春节" maxLength={20} autoComplete="off" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={setDay.isPending}>
            保存
          </Button>
        </Form.Item>
      </Form>
      <div className="sysadmin-toolbar">
        <Space>
          <Button onClick={() => setYear(year - 1)} disabled={year <= 2000} aria-label="上一年">
            上一年
          </Button>
          <InputNumber aria-label="年份" min={2000} max={2099} precision={0} value={year} onChange={(v) => v && v >= 2000 && v <= 2099 && setYear(v)} addonAfter="年" style={{ width: 120 }} />
          <Button onClick={() => setYear(year + 1)} disabled={year >= 2099} aria-label="下一年">
            下一年
          </Button>
        </Space>
        <span className="sysadmin-muted">
          {year}年：放假 {(days.data ?? []).filter((d) => d.kind === '休').length} 天，调休上班 {(days.data ?? []).filter((d) => d.kind === '班').length} 天
        </span>
      </div>
      {days.isError && <Alert className="sysadmin-intro" type="error" showIcon message={days.error.message} />}
      {days.data && days.data.length === 0 && <Alert className="sysadmin-intro" type="warning" showIcon message={`尚未设置${year}年的节假日，办理期限暂按周一至周五计算`} />}
      <Table<TCalendarDay> rowKey="date" size="middle" columns={columns} dataSource={days.data ?? []} loading={days.isPending} pagination={false} scroll={{ x: 800 }} />
    </Card>
  );
}
