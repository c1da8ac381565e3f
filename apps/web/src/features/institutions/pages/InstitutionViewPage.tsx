import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Button, Card, Descriptions, Result, type DescriptionsProps } from 'antd';
import type { TBusinessScope, TInstitutionBasic } from '@jhrm/contracts';
import { Spinner } from '../../../components/Spinner';
import { useInstitution } from '../api/institutions.api';
import { useDepartments } from '../api/applications.api';
import { describeKind } from '../model/application-kind';
import { PagedTable } from '../components/PagedTable';
import { facilityColumns, feeColumns, staffColumns } from '../components/record-columns';
import { CancelStatusTag, ReviewStatusTag } from '../components/StatusTags';
import { MissingForChangeAlert } from '../components/UnitNotices';
import { INSTITUTION_QUERY_PATH } from '../paths';
import '../components/institutions.css';

type Basic = Partial<TInstitutionBasic>;
type Item = NonNullable<DescriptionsProps['items']>[number];

const text = (v: unknown): ReactNode => {
  if (v === undefined || v === null || v === '') return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.join('、');
  return String(v);
};

function items(pairs: [string, unknown, number?][]): Item[] {
  return pairs.map(([label, value, span]) => ({ key: label, label, children: text(value), ...(span ? { span } : {}) }));
}

function phone(b: Basic): string {
  if (!b.phoneNumber) return '';
  return [b.phoneAreaCode, b.phoneNumber, b.phoneExtension].filter(Boolean).join('-');
}

const COLUMNS = { xs: 1, sm: 1, md: 2, xl: 3 } as const;

/**
 * 查看: the institution's whole record, read-only, in the six sections of SPEC §3. The app layer
 * puts the licence (another feature) in `licencePanel`, below the status.
 */
export default function InstitutionViewPage({ licencePanel }: { licencePanel?: ReactNode } = {}) {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = useInstitution(id);
  const departments = useDepartments();

  if (query.isError) {
    return (
      <Result
        status="warning"
        title={query.error.message}
        extra={
          <Button type="primary" onClick={() => void navigate(INSTITUTION_QUERY_PATH)}>
            返回人力资源服务机构查询
          </Button>
        }
      />
    );
  }
  if (!query.data) return <Spinner />;

  const { record, reviewStatus, cancelStatus, licensed } = query.data;
  const b: Basic = record.basic ?? {};
  const departmentName = departments.data?.find((d) => d.code === b.department)?.name ?? b.department;
  const kind = describeKind(b.scopes as TBusinessScope[] | undefined);
  const counts = record.educationCounts;

  return (
    <div className="inst-page inst-view">
      <Card size="small">
        <header className="inst-header">
          <h1>{b.name || '（未填写机构名称）'}</h1>
        </header>
        <Descriptions
          size="small"
          column={COLUMNS}
          items={[
            { key: 'review', label: '审核状态', children: <ReviewStatusTag status={reviewStatus} /> },
            { key: 'licensed', label: '是否发证', children: licensed ? '是' : '否' },
            { key: 'cancel', label: '注销状态', children: <CancelStatusTag status={cancelStatus} /> },
          ]}
        />
      </Card>

      {licencePanel}

      <MissingForChangeAlert fields={query.data.missingForChange} />

      <Card size="small" title="机构基本信息">
        <Descriptions
          bordered
          size="small"
          column={COLUMNS}
          items={items([
            ['机构名称', b.name],
            ['机构简称', b.shortName],
            ['统一社会信用代码', b.uscc],
            ['机构类别', b.category],
            ['成立时间', b.foundedOn],
            ['法人代表', b.legalRep],
            ['法人身份证', b.legalRepIdCard],
            ['法人电话', b.legalRepPhone],
            ['法人职务', b.legalRepTitle],
            ['注册资金(万元)', b.registeredCapital],
            ['审批部门', departmentName],
            ['申请类型', kind.kind ? `${kind.kind}（${kind.reason}）` : ''],
            ['申请业务', b.scopes, 3],
            ['网站名称', b.websiteName],
            ['网站域名', b.websiteDomain],
            ['获取许可证方式', b.licenceDelivery],
            ['从业人员人数', b.staffCount],
            ['具有执业资格人数', b.qualifiedCount],
            ['内设机构名称', b.internalDepartments],
            ['分支机构名称', b.branches],
            ['备注', b.remarks, 2],
          ])}
        />
        <h2 className="inst-section-title">机构联系信息</h2>
        <Descriptions
          bordered
          size="small"
          column={COLUMNS}
          items={items([
            ['机构负责人', b.contactPerson],
            ['手机号码', b.contactMobile],
            ['单位电话', phone(b)],
            ['传真号码', b.fax],
            ['是否邮寄', b.byPost],
            ['邮政编码', b.postcode],
            ['办公地址', b.officeAddress, 2],
            ['电子邮件', b.email],
          ])}
        />
        <h2 className="inst-section-title">现有资产状况</h2>
        <Descriptions
          bordered
          size="small"
          column={COLUMNS}
          items={items([
            ['固定经营场所面积(m²)', b.premisesArea],
            ['设施总值(万元)', b.facilitiesValue],
            ['现有资产总额(万元)', b.totalAssets],
            ['净资产总额(万元)', b.netAssets],
            ['自有办公用房面积(m²)', b.ownedOfficeArea],
            ['租用办公用房面积(m²)', b.rentedOfficeArea],
            ['办公场地合计面积(m²)', b.officeAreaTotal],
            ['办公场地数量', b.officeCount],
          ])}
        />
      </Card>

      <Card size="small" title="申请报告">
        <Descriptions
          bordered
          size="small"
          column={1}
          items={items([
            ['公司简介', record.report?.companyProfile],
            ['申请理由', record.report?.reason],
          ]).map((i) => ({ ...i, children: <div className="inst-pre">{i.children}</div> }))}
        />
      </Card>

      <Card size="small" title="专职工作人员">
        <PagedTable columns={staffColumns} rows={record.staff ?? []} scrollX={640} />
      </Card>

      <Card size="small" title="现有设施情况">
        <PagedTable columns={facilityColumns} rows={record.facilities ?? []} />
      </Card>

      <Card size="small" title="诚信档案">
        <Descriptions
          bordered
          size="small"
          column={COLUMNS}
          items={items([
            ['本年度收入(利润)(元)', record.integrity?.annualIncome],
            ['研究生学历', `${counts.postgraduate} 人`],
            ['本科学历', `${counts.bachelor} 人`],
            ['大专及以下学历', `${counts.collegeOrBelow} 人`],
            ['其他不良记录', record.integrity?.badRecords, 2],
          ])}
        />
      </Card>

      <Card size="small" title="服务及收费标准">
        <PagedTable columns={feeColumns} rows={record.fees ?? []} scrollX={760} />
      </Card>
    </div>
  );
}
