import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Input, Select, type TableColumnsType } from 'antd';
import { BUSINESS_SCOPES, CANCEL_STATUSES, LICENCE_KINDS, REGISTER_TITLES as T, type TRegisterItem, type TRegisterPage } from '@jhrm/contracts';
import { buildUrl } from '../../../lib/api-client';
import { PublicLayout } from '../../../components/PublicLayout';
import { QueryPage } from '../../../components/QueryPage';
import type { ListSearch, Paging } from '../../../components/server-list';
import { StatusTag } from '../../../components/StatusTag';
import { LICENCE_VERIFY_PAGE_PATH, registerEntryPath } from '../../../lib/public-paths';
import { useRegisterDepartments, useRegisterSearch } from '../api/register.api';
import { REGISTER_PAGE_SIZES, parseRegisterParams, toRegisterParams, type RegisterFilters } from '../model/register-params';
import { LicenceNumber } from '../components/LicenceNumber';
import { CreditTitles } from '../components/CreditTitles';
import { CreditLevelTag } from '../../../components/credit/CreditRating';
import '../components/register.css';

const options = (values: readonly string[]) => values.map((v) => ({ label: v, value: v }));

const columns: TableColumnsType<TRegisterItem> = [
  {
    title: T.name,
    dataIndex: 'name',
    key: 'name',
    width: 200,
    fixed: 'left',
    render: (v: string, row) => <Link to={registerEntryPath(row.id)}>{v}</Link>,
  },
  { title: T.uscc, dataIndex: 'uscc', key: 'uscc', width: 170 },
  { title: T.legalRep, dataIndex: 'legalRep', key: 'legalRep', width: 100, render: (v: string | null) => v ?? '' },
  {
    title: T.licence,
    key: 'licence',
    width: 200,
    render: (_: unknown, row) => <LicenceNumber number={row.licenceNumber} status={row.licenceStatus} />,
  },
  { title: T.kind, dataIndex: 'kind', key: 'kind', width: 56, render: (v: string | null) => v ?? '' },
  { title: T.scopes, dataIndex: 'scopes', key: 'scopes', render: (v: string[]) => v.join('、') },
  { title: T.departmentName, dataIndex: 'departmentName', key: 'departmentName', width: 150, render: (v: string | null) => v ?? '' },
  {
    title: T.status,
    dataIndex: 'status',
    key: 'status',
    width: 70,
    render: (v: TRegisterItem['status']) => <StatusTag tone={v === '正常' ? 'success' : 'danger'}>{v}</StatusTag>,
  },
  { title: T.creditYears, dataIndex: 'creditYears', key: 'creditYears', width: 190, render: (v: number[]) => <CreditTitles years={v} /> },
  { title: T.creditLevel, dataIndex: 'creditLevel', key: 'creditLevel', width: 80, render: (v: TRegisterItem['creditLevel']) => <CreditLevelTag level={v} /> },
];

/** The form's values as the search's filters: blanks left out, the keyword trimmed. */
function toFilters(values: RegisterFilters): RegisterFilters {
  const keyword = values.keyword?.trim();
  return {
    ...(keyword ? { keyword } : {}),
    ...(values.scope ? { scope: values.scope } : {}),
    ...(values.department ? { department: values.department } : {}),
    ...(values.kind ? { kind: values.kind } : {}),
    ...(values.status ? { status: values.status } : {}),
  };
}

/**
 * The search kept in the address (?keyword=…&page=2), so a result can be bookmarked, shared and
 * reached again with the back button; 查询 with unchanged conditions still asks the server again.
 */
function useAddressSearch(): ListSearch<RegisterFilters> {
  const [params, setParams] = useSearchParams();
  const [searches, setSearches] = useState(0);
  const q = useMemo(() => parseRegisterParams(params), [params]);
  const { page, pageSize, keyword, scope, department, kind, status } = q;
  const filters = useMemo(() => toFilters({ keyword, scope, department, kind, status }), [keyword, scope, department, kind, status]);
  const paging = useMemo(() => ({ page, pageSize }), [page, pageSize]);
  const search = useCallback(
    (next: RegisterFilters) => {
      setParams(toRegisterParams({ ...next, pageSize }));
      setSearches((n) => n + 1);
    },
    [setParams, pageSize],
  );
  const setPaging = useCallback((nextPage: number, nextSize: number) => setParams(toRegisterParams({ ...filters, page: nextPage, pageSize: nextSize })), [setParams, filters]);
  return { filters, paging, searches, search, setPaging };
}

const useRows = (filters: RegisterFilters, paging: Paging, searches: number) => useRegisterSearch({ ...filters, ...paging }, searches);
/** every condition named, so one the address no longer has (the back button) is emptied in the form */
const toValues = ({ keyword, scope, department, kind, status }: RegisterFilters): RegisterFilters => ({ keyword, scope, department, kind, status });

/**
 * 人力资源服务机构公示查询 (条例 第二十二条, no login): licensed and filed institutions, found by
 * name, USCC or licence number and filtered by 服务范围, 审批部门, 类型 and 状态.
 */
export default function RegisterSearchPage() {
  const state = useAddressSearch();
  const departments = useRegisterDepartments();
  const keyword = state.filters.keyword;

  return (
    <PublicLayout title="人力资源服务机构公示查询" width="wide" headerExtra={<Link to={LICENCE_VERIFY_PAGE_PATH}>许可证验证</Link>}>
      <p className="register-intro">
        依据《人力资源市场暂行条例》第二十二条，公示经许可或备案的人力资源服务机构的名称、统一社会信用代码、许可证/备案凭证编号、服务范围、审批部门和状态。
      </p>
      <QueryPage<RegisterFilters, RegisterFilters, TRegisterItem, TRegisterPage>
        name="registerSearch"
        layout="vertical"
        title="人力资源服务机构公示查询"
        className="register-filters"
        state={state}
        toValues={toValues}
        toFilters={toFilters}
        useRows={useRows}
        exportUrl={(f) => buildUrl('/api/public/register/export', { ...f })}
        filters={[
          {
            name: 'keyword',
            label: '关键字',
            wide: true,
            rules: [{ max: 100, message: '关键字不能超过 100 个字' }],
            input: <Input placeholder="机构名称（可输入部分）、统一社会信用代码或许可证/备案凭证编号" maxLength={100} allowClear autoComplete="off" />,
          },
          { name: 'scope', label: '服务范围', input: <Select allowClear placeholder="全部" options={options(BUSINESS_SCOPES)} /> },
          {
            name: 'department',
            label: '审批部门',
            input: (
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder="全部"
                loading={departments.isLoading}
                options={(departments.data ?? []).map((d) => ({ label: d.name, value: d.code }))}
              />
            ),
          },
          {
            name: 'kind',
            label: '类型',
            input: <Select allowClear placeholder="全部" options={LICENCE_KINDS.map((k) => ({ label: k === '许可' ? '许可（人力资源服务许可证）' : '备案（备案凭证）', value: k }))} />,
          },
          { name: 'status', label: '状态', input: <Select allowClear placeholder="全部" options={options(CANCEL_STATUSES)} /> },
        ]}
        header={(page) =>
          page?.totalCapped && <Alert className="register-alert" type="info" showIcon message={`符合条件的机构超过 ${page.total} 条，仅可翻阅前 ${page.total} 条，请缩小查询范围。`} />
        }
        rowKey="id"
        columns={columns}
        scroll={{ x: 1180 }}
        locale={{ emptyText: keyword ? `未找到与“${keyword}”相关的机构` : '暂无公示机构' }}
        // the public list pages at most 50
        pageSizes={REGISTER_PAGE_SIZES}
      />
    </PublicLayout>
  );
}
