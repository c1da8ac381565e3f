import { Card, Descriptions, Table, type TableColumnsType } from 'antd';
import { CREDIT_RECORD_FACTS, CREDIT_SECTIONS, creditFieldsOf, type TCreditAnswers, type TCreditCheck, type TCreditFacts } from '@jhrm/contracts';
import { StatusTag } from '../../../components/StatusTag';
import { answerText } from './credit-values';
import './credit.css';

/** 诚信示范's answers read-only, section by section, from the catalogue (the reviewer's 申请内容). */
export function CreditView({ facts, answers, departmentName, year }: { facts: TCreditFacts; answers: TCreditAnswers; departmentName?: string | null; year: number }) {
  return (
    <div className="credit-view">
      {CREDIT_SECTIONS.map((s) => (
        <Card key={s.key} size="small" title={s.label} className="credit-view-section">
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, lg: 2 }}
            items={[
              ...(s.key === 'basic'
                ? [
                    { key: 'year', label: '申报年度', children: `${year}年度` },
                    ...CREDIT_RECORD_FACTS.map((f) => ({ key: f.key, label: f.label, children: facts[f.key] ?? '' })),
                    { key: 'department', label: '审批部门', children: departmentName ?? '' },
                  ]
                : []),
              ...creditFieldsOf(s.key).map(([k, f]) => ({
                key: k,
                label: f.label,
                children: <span className="credit-answer">{answerText(f, answers[k])}</span>,
                ...(f.input === 'textarea' ? { span: 2 } : {}),
              })),
            ]}
          />
        </Card>
      ))}
    </div>
  );
}

/**
 * The reviewer's criteria checklist: every criterion the 系统设置 names, the answer, what meets it,
 * and whether it does; an answer that fails is flagged (不符合).
 */
export function CreditChecklist({ checks }: { checks: TCreditCheck[] }) {
  const failed = checks.filter((c) => c.failed).length;
  const columns: TableColumnsType<TCreditCheck> = [
    { title: '审核项', dataIndex: 'label', key: 'label' },
    { title: '填报情况', dataIndex: 'answer', key: 'answer', width: 100, render: (v: TCreditCheck['answer']) => (v === null ? '未填写' : typeof v === 'number' ? `${v}%` : v) },
    { title: '标准', dataIndex: 'expected', key: 'expected', width: 90 },
    {
      title: '结果',
      dataIndex: 'failed',
      key: 'failed',
      width: 90,
      render: (v: boolean) => (v ? <StatusTag tone="danger">不符合</StatusTag> : <StatusTag tone="success">符合</StatusTag>),
    },
  ];
  return (
    <div className="credit-checklist">
      <p role="status" className={failed ? 'credit-checklist-failed' : 'credit-checklist-ok'}>
        {failed ? `共${checks.length}项审核标准，其中${failed}项不符合（已标出）。` : `共${checks.length}项审核标准，全部符合。`}
      </p>
      <Table<TCreditCheck>
        size="small"
        rowKey="key"
        pagination={false}
        columns={columns}
        dataSource={checks}
        rowClassName={(r) => (r.failed ? 'credit-check-failed' : '')}
      />
    </div>
  );
}
