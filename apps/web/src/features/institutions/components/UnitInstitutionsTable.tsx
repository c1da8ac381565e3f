import { useState } from 'react';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { institutionNextStep, type TInstitutionListItem, type TNextStep } from '@jhrm/contracts';
import { INITIAL_PAGE } from '../../../components/pagination';
import { ServerTable } from '../../../components/ServerTable';
import { ApplicationStatusTag, StatusTag, type StatusTone } from '../../../components/StatusTag';
import { useCurrentUser } from '../../../lib/session';
import { useUnitInstitutions } from '../api/institutions.api';
import { cancellationPath, changePath, establishmentPath, institutionViewPath } from '../paths';
import { AcceptedTag } from './AcceptedTag';

const TONES: Record<TNextStep['tone'], StatusTone> = { todo: 'warning', wait: 'info', done: 'neutral' };

/** Where a 下一步 leads: the open application's page for an agent, else 查看. */
function nextStepPath(step: TNextStep, row: TInstitutionListItem, agent: boolean): string {
  if (!agent || !step.applicationId) return institutionViewPath(row.id);
  if (step.page === 'establishment') return establishmentPath(step.applicationId);
  if (step.page === 'change') return changePath(step.applicationId);
  if (step.page === 'cancellation') return cancellationPath(step.applicationId);
  return institutionViewPath(row.id);
}

function NextStepCell({ row, agent }: { row: TInstitutionListItem; agent: boolean }) {
  const step = institutionNextStep(row);
  return (
    <Link to={nextStepPath(step, row, agent)} aria-label={`${row.name}：${step.text}`}>
      <StatusTag tone={TONES[step.tone]}>{step.text}</StatusTag>
    </Link>
  );
}

/** 本单位人力资源服务机构 on 主页: the unit's institutions, each with its 下一步. */
export function UnitInstitutionsTable() {
  const [paging, setPaging] = useState<{ page: number; pageSize: number }>(INITIAL_PAGE);
  const query = useUnitInstitutions(paging.page, paging.pageSize);
  const agent = useCurrentUser().role === 'agent';
  const columns: TableColumnsType<TInstitutionListItem> = [
    { title: '机构名称(全称)', dataIndex: 'name', key: 'name' },
    { title: '机构名称(简称)', dataIndex: 'shortName', key: 'shortName', width: 130, render: (v: string | null) => v ?? '' },
    { title: '是否发证', dataIndex: 'licensed', key: 'licensed', width: 90, render: (v: boolean) => (v ? '是' : '否') },
    {
      title: '审核状态',
      dataIndex: 'reviewStatus',
      key: 'reviewStatus',
      width: 130,
      render: (v: TInstitutionListItem['reviewStatus'], row) => (
        <>
          <ApplicationStatusTag status={v} />
          <AcceptedTag acceptedAt={row.acceptedAt} />
        </>
      ),
    },
    { title: '注销状态', dataIndex: 'cancelStatus', key: 'cancelStatus', width: 90 },
    { title: '下一步', key: 'nextStep', width: 300, render: (_: unknown, row) => <NextStepCell row={row} agent={agent} /> },
  ];

  return (
    <ServerTable<TInstitutionListItem> rowKey="id" columns={columns} query={query} paging={paging} onPaging={(page, pageSize) => setPaging({ page, pageSize })} scroll={{ x: 1000 }} />
  );
}
