import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Button, Col, Form, Input, Row, Select, Table, type TableColumnsType } from 'antd';
import { BUSINESS_SCOPES, CANCEL_STATUSES, LICENCE_KINDS, type TRegisterItem } from '@jhrm/contracts';
import { PublicLayout } from '../../../components/PublicLayout';
import { StatusTag } from '../../../components/StatusTag';
import { guidePagination } from '../../../components/pagination';
import { LICENCE_VERIFY_PAGE_PATH, registerEntryPath } from '../../../lib/public-paths';
import { useRegisterDepartments, useRegisterSearch } from '../api/register.api';
import { REGISTER_PAGE_SIZES, parseRegisterParams, toRegisterParams, type RegisterFilters } from '../model/register-params';
import { LicenceNumber } from '../components/LicenceNumber';
import '../components/register.css';

const options = (values: readonly string[]) => values.map((v) => ({ label: v, value: v }));

const columns: TableColumnsType<TRegisterItem> = [
  {
    title: '机构名称',
    dataIndex: 'name',
    key: 'name',
    width: 200,
    fixed: 'left',
    render: (v: string, row) => <Link to={registerEntryPath(row.id)}>{v}</Link>,
  },
  { title: '统一社会信用代码', dataIndex: 'uscc', key: 'uscc', width: 170 },
  { title: '法定代表人(负责人)', dataIndex: 'legalRep', key: 'legalRep', width: 100, render: (v: string | null) => v ?? '' },
  {
    title: '许可证/备案凭证编号',
    key: 'licence',
    width: 200,
    render: (_: unknown, row) => <LicenceNumber number={row.licenceNumber} status={row.licenceStatus} />,
  },
  { title: '类型', dataIndex: 'kind', key: 'kind', width: 56, render: (v: string | null) => v ?? '' },
  { title: '服务范围', dataIndex: 'scopes', key: 'scopes', render: (v: string[]) => v.join('、') },
  { title: '审批部门', dataIndex: 'departmentName', key: 'departmentName', width: 150, render: (v: string | null) => v ?? '' },
  {
    title: '状态',
    dataIndex: 'status',
    key: 'status',
    width: 70,
    render: (v: TRegisterItem['status']) => <StatusTag tone={v === '正常' ? 'success' : 'danger'}>{v}</StatusTag>,
  },
];

/**
 * 人力资源服务机构公示查询 (条例 第二十二条, no login): licensed and filed institutions, found by
 * name, USCC or licence number and filtered by 服务范围, 审批部门, 类型 and 状态. The search is in
 * the address, so results can be shared and the back button returns to them.
 */
export default function RegisterSearchPage() {
  const [params, setParams] = useSearchParams();
  const q = parseRegisterParams(params);
  const [form] = Form.useForm<RegisterFilters>();
  const search = useRegisterSearch(q);
  const departments = useRegisterDepartments();

  const { keyword, scope, department, kind, status } = q;
  useEffect(() => form.setFieldsValue({ keyword, scope, department, kind, status }), [form, keyword, scope, department, kind, status]);

  const onFinish = (values: RegisterFilters) => setParams(toRegisterParams({ ...values, pageSize: q.pageSize }));
  const reset = () => setParams(new URLSearchParams());

  const col = { xs: 24, md: 12, xl: 8 };
  return (
    <PublicLayout title="人力资源服务机构公示查询" width="wide" headerExtra={<Link to={LICENCE_VERIFY_PAGE_PATH}>许可证验证</Link>}>
      <p className="register-intro">
        依据《人力资源市场暂行条例》第二十二条，公示经许可或备案的人力资源服务机构的名称、统一社会信用代码、许可证/备案凭证编号、服务范围、审批部门和状态。
      </p>
      <Form<RegisterFilters> form={form} name="registerSearch" layout="vertical" onFinish={onFinish} className="register-filters">
        <Row gutter={16}>
          <Col xs={24} xl={16}>
            <Form.Item name="keyword" label="关键字" rules={[{ max: 100, message: '关键字不能超过 100 个字' }]}>
              <Input placeholder="机构名称（可输入部分）、统一社会信用代码或许可证/备案凭证编号" maxLength={100} allowClear autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="scope" label="服务范围">
              <Select allowClear placeholder="全部" options={options(BUSINESS_SCOPES)} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="department" label="审批部门">
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder="全部"
                loading={departments.isLoading}
                options={(departments.data ?? []).map((d) => ({ label: d.name, value: d.code }))}
              />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="kind" label="类型">
              <Select allowClear placeholder="全部" options={LICENCE_KINDS.map((k) => ({ label: k === '许可' ? '许可（人力资源服务许可证）' : '备案（备案凭证）', value: k }))} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="status" label="状态">
              <Select allowClear placeholder="全部" options={options(CANCEL_STATUSES)} />
            </Form.Item>
          </Col>
        </Row>
        <div className="register-filter-actions">
          <Button type="primary" htmlType="submit" loading={search.isFetching}>
            查询
          </Button>
          <Button onClick={reset}>清空</Button>
        </div>
      </Form>
      {search.isError && <Alert className="register-alert" type="error" showIcon message={search.error.message} />}
      {search.data?.totalCapped && (
        <Alert className="register-alert" type="info" showIcon message={`符合条件的机构超过 ${search.data.total} 条，仅可翻阅前 ${search.data.total} 条，请缩小查询范围。`} />
      )}
      <Table<TRegisterItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={search.data?.items ?? []}
        loading={search.isFetching}
        scroll={{ x: 1100 }}
        locale={{ emptyText: q.keyword ? `未找到与“${q.keyword}”相关的机构` : '暂无公示机构' }}
        pagination={{
          ...guidePagination({
            page: q.page,
            pageSize: q.pageSize,
            total: search.data?.total ?? 0,
            onChange: (page, pageSize) => setParams(toRegisterParams({ ...q, page, pageSize })),
          }),
          // the public list pages at most 50
          pageSizeOptions: REGISTER_PAGE_SIZES.map(String),
        }}
      />
    </PublicLayout>
  );
}
