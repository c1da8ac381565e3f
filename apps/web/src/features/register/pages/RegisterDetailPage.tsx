import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Descriptions, Result, Table, type TableColumnsType } from 'antd';
import { LICENCE_TITLES, type TPublishedSpotCheck, type TRegisterDetail } from '@jhrm/contracts';
import { PublicLayout } from '../../../components/PublicLayout';
import { Spinner } from '../../../components/Spinner';
import { StatusTag } from '../../../components/StatusTag';
import { LicenceStatusTag } from '../../../components/LicenceStatusTag';
import { LICENCE_VERIFY_PAGE_PATH, PUBLIC_REGISTER_PATH, licenceVerifyPagePath } from '../../../lib/public-paths';
import { useRegisterEntry } from '../api/register.api';
import { LicenceNumber } from '../components/LicenceNumber';
import { CreditTitles } from '../components/CreditTitles';
import '../components/register.css';
import { NoData } from '../../../components/NoData';
import { CreditLevelTag } from '../../../components/credit/CreditRating';

type Change = TRegisterDetail['changes'][number];
type HeldLicence = TRegisterDetail['licences'][number];

const CHANGE_LABELS: Record<Change['type'], string> = { 设立: '设立（准予许可/备案）', 变更: '变更', 注销: '注销' };

const changeColumns: TableColumnsType<Change> = [
  { title: '序号', key: 'i', width: 70, render: (_: unknown, __: Change, i: number) => i + 1 },
  { title: '事项', dataIndex: 'type', key: 'type', render: (v: Change['type']) => CHANGE_LABELS[v] },
  { title: '审批通过日期', dataIndex: 'decidedOn', key: 'decidedOn', width: 160, render: (v: string | null) => v ?? '' },
];

const licenceColumns: TableColumnsType<HeldLicence> = [
  { title: '编号', dataIndex: 'number', key: 'number', render: (v: string) => <Link to={licenceVerifyPagePath(v)}>{v}</Link> },
  { title: '证书类型', dataIndex: 'kind', key: 'kind', width: 170, render: (v: HeldLicence['kind']) => LICENCE_TITLES[v] },
  { title: '发证机关', dataIndex: 'departmentName', key: 'departmentName', width: 200 },
  { title: '发证日期', dataIndex: 'issuedOn', key: 'issuedOn', width: 120 },
  { title: '有效期至', dataIndex: 'validUntil', key: 'validUntil', width: 120, render: (v: string | null) => v ?? '长期' },
  { title: '补发日期', dataIndex: 'reissuedOn', key: 'reissuedOn', width: 120, render: (v: string | null) => v ?? '' },
  { title: '状态', dataIndex: 'status', key: 'status', width: 90, render: (v: HeldLicence['status']) => <LicenceStatusTag status={v} /> },
  { title: '失效日期', dataIndex: 'endedOn', key: 'endedOn', width: 120, render: (v: string | null) => v ?? '' },
];

/** 双随机、一公开: a closed 抽查's result (责令整改 shown once the 整改 is done: the task is closed then). */
const SPOT_CHECK_RESULT: Record<string, { text: string; tone: 'success' | 'warning' | 'danger' }> = {
  合格: { text: '合格', tone: 'success' },
  责令整改: { text: '责令整改（已整改）', tone: 'warning' },
  立案: { text: '立案查处', tone: 'danger' },
};
const spotCheckColumns: TableColumnsType<TPublishedSpotCheck> = [
  { title: '抽查计划', dataIndex: 'planName', key: 'planName' },
  { title: '检查机关', dataIndex: 'departmentName', key: 'departmentName', width: 200 },
  { title: '办结日期', dataIndex: 'closedOn', key: 'closedOn', width: 120 },
  {
    title: '抽查结果',
    dataIndex: 'outcome',
    key: 'outcome',
    width: 160,
    render: (v: string) => <StatusTag tone={SPOT_CHECK_RESULT[v]?.tone ?? 'neutral'}>{SPOT_CHECK_RESULT[v]?.text ?? v}</StatusTag>,
  },
];

/** 公示详情: one institution of the register with its change history and every licence it held. */
export default function RegisterDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const query = useRegisterEntry(id);
  // came from the list (same tab): back keeps the search; opened directly: go to the list
  const back = () => (location.key !== 'default' ? navigate(-1) : navigate(PUBLIC_REGISTER_PATH));

  const title = query.data?.name ?? '机构公示信息';
  return (
    <PublicLayout title={title} width="wide" headerExtra={<Link to={LICENCE_VERIFY_PAGE_PATH}>许可证验证</Link>}>
      <div className="register-detail">
        <div className="register-detail-actions">
          <Button onClick={() => void back()}>返回公示查询</Button>
        </div>
        {query.isError ? (
          <Result status="warning" title={query.error.message} />
        ) : !query.data ? (
          <Spinner />
        ) : (
          <>
            <h2 className="public-section-title">基本信息</h2>
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
              items={[
                { key: 'name', label: '机构名称', children: query.data.name, span: 2 },
                { key: 'uscc', label: '统一社会信用代码', children: query.data.uscc },
                { key: 'legalRep', label: '法定代表人(负责人)', children: query.data.legalRep ?? '' },
                { key: 'kind', label: '类型', children: query.data.kind ?? '' },
                {
                  key: 'status',
                  label: '状态',
                  children: <StatusTag tone={query.data.status === '正常' ? 'success' : 'danger'}>{query.data.status}</StatusTag>,
                },
                {
                  key: 'licence',
                  label: '许可证/备案凭证编号',
                  span: 2,
                  children: <LicenceNumber number={query.data.licenceNumber} status={query.data.licenceStatus} />,
                },
                { key: 'scopes', label: '服务范围', span: 2, children: query.data.scopes.join('、') },
                { key: 'department', label: '审批部门', children: query.data.departmentName ?? '' },
                { key: 'issued', label: '发证日期', children: query.data.issuedOn ?? '' },
                { key: 'validUntil', label: '有效期至', children: query.data.licenceNumber ? (query.data.validUntil ?? '长期') : '' },
                {
                  key: 'report',
                  label: `${query.data.lastReport.year}年度报告`,
                  children: (
                    <StatusTag tone={query.data.lastReport.filed ? 'success' : 'warning'}>{query.data.lastReport.filed ? '已报送' : '未报送'}</StatusTag>
                  ),
                },
                { key: 'creditLevel', label: '信用等级', children: <CreditLevelTag level={query.data.creditLevel} /> },
                ...(query.data.creditYears.length
                  ? [{ key: 'credit', label: '诚信示范', span: 2, children: <CreditTitles years={query.data.creditYears} /> }]
                  : []),
              ]}
            />
            <h2 className="public-section-title">变更记录</h2>
            <Table<Change>
              size="small"
              columns={changeColumns}
              dataSource={query.data.changes.map((c, i) => ({ ...c, key: String(i) }))}
              pagination={false}
              locale={{ emptyText: <NoData text="暂无记录" /> }}
            />
            <h2 className="public-section-title">许可证/备案凭证记录</h2>
            <Table<HeldLicence>
              rowKey="number"
              size="small"
              columns={licenceColumns}
              dataSource={query.data.licences}
              pagination={false}
              scroll={{ x: 900 }}
              locale={{ emptyText: <NoData text="暂无证书记录" /> }}
            />
            <h2 className="public-section-title">双随机抽查结果</h2>
            <Table<TPublishedSpotCheck>
              rowKey={(r) => `${r.planName}-${r.closedOn}`}
              size="small"
              columns={spotCheckColumns}
              dataSource={query.data.spotChecks}
              pagination={false}
              locale={{ emptyText: <NoData text="暂无抽查记录" /> }}
            />
            {query.data.dishonesty.length > 0 && (
              <>
                <h2 className="public-section-title">失信记录</h2>
                {query.data.dishonesty.map((r, i) => (
                  <Alert key={i} type="error" showIcon message={`${r.recordedOn} ${r.source}`} description={r.reason} style={{ marginBottom: 8 }} />
                ))}
              </>
            )}
          </>
        )}
      </div>
    </PublicLayout>
  );
}
