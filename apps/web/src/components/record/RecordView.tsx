import type { ReactNode } from 'react';
import { Card, Descriptions, type DescriptionsProps } from 'antd';
import type { TBusinessScope, TInstitutionBasic } from '@jhrm/contracts';
import { describeKind } from './application-kind';
import { PagedTable } from './PagedTable';
import { facilityColumns, feeColumns, staffColumns } from './record-columns';
import { displayValue, unitPhone, type FullRecord } from './record-values';
import './record.css';

type Basic = Partial<TInstitutionBasic>;
type Item = NonNullable<DescriptionsProps['items']>[number];

const COLUMNS = { xs: 1, sm: 1, md: 2, xl: 3 } as const;
/** beside a side panel (the reviewer's decision) the record has half the width */
const NARROW_COLUMNS = { xs: 1, sm: 1, md: 1, lg: 1, xl: 1, xxl: 2 } as const;

export interface RecordViewProps {
  record: FullRecord;
  /** the 审批部门's name (the record holds its code) */
  departmentName?: string;
  /** a reviewer's note per field path (`basic.officeAddress`), shown under the value */
  notes?: ReadonlyMap<string, string>;
  /** laid out for half the page's width */
  narrow?: boolean;
}

/** The whole institution record, read-only, in the six sections of SPEC §3 (查看, and what a reviewer decides on). */
export function RecordView({ record, departmentName, notes, narrow = false }: RecordViewProps) {
  const column = narrow ? NARROW_COLUMNS : COLUMNS;
  const b: Basic = record.basic ?? {};
  const kind = describeKind(b.scopes as TBusinessScope[] | undefined);
  const counts = record.educationCounts;

  const items = (pairs: [string, unknown, string?, number?][]): Item[] =>
    pairs.map(([label, value, path, span]) => {
      const note = path ? notes?.get(path) : undefined;
      const children: ReactNode = note ? (
        <>
          {displayValue(value)}
          <div className="rec-noted" role="note">
            审核意见：{note}
          </div>
        </>
      ) : (
        displayValue(value)
      );
      return { key: label, label, children, ...(span ? { span } : {}) };
    });
  const listNote = (path: string) => {
    const note = notes?.get(path);
    return note ? (
      <p className="rec-noted" role="note">
        审核意见：{note}
      </p>
    ) : null;
  };

  return (
    <div className="rec-view">
      <Card size="small" title="机构基本信息">
        <Descriptions
          bordered
          size="small"
          column={column}
          items={items([
            ['机构名称', b.name, 'basic.name'],
            ['机构简称', b.shortName, 'basic.shortName'],
            ['统一社会信用代码', b.uscc, 'basic.uscc'],
            ['机构类别', b.category, 'basic.category'],
            ['成立时间', b.foundedOn, 'basic.foundedOn'],
            ['法人代表', b.legalRep, 'basic.legalRep'],
            ['法人身份证', b.legalRepIdCard, 'basic.legalRepIdCard'],
            ['法人电话', b.legalRepPhone, 'basic.legalRepPhone'],
            ['法人职务', b.legalRepTitle, 'basic.legalRepTitle'],
            ['注册资金(万元)', b.registeredCapital, 'basic.registeredCapital'],
            ['审批部门', departmentName ?? b.department, 'basic.department'],
            ['申请类型', kind.kind ? `${kind.kind}（${kind.reason}）` : ''],
            ['申请业务', b.scopes, 'basic.scopes', 3],
            ['网站名称', b.websiteName, 'basic.websiteName'],
            ['网站域名', b.websiteDomain, 'basic.websiteDomain'],
            ['获取许可证方式', b.licenceDelivery, 'basic.licenceDelivery'],
            ['从业人员人数', b.staffCount, 'basic.staffCount'],
            ['具有执业资格人数', b.qualifiedCount, 'basic.qualifiedCount'],
            ['内设机构名称', b.internalDepartments, 'basic.internalDepartments'],
            ['分支机构名称', b.branches, 'basic.branches'],
            ['备注', b.remarks, 'basic.remarks', 2],
          ])}
        />
        <h2 className="rec-section-title">机构联系信息</h2>
        <Descriptions
          bordered
          size="small"
          column={column}
          items={items([
            ['机构负责人', b.contactPerson, 'basic.contactPerson'],
            ['手机号码', b.contactMobile, 'basic.contactMobile'],
            ['单位电话', unitPhone(b), 'basic.phoneNumber'],
            ['传真号码', b.fax, 'basic.fax'],
            ['是否邮寄', b.byPost, 'basic.byPost'],
            ['邮政编码', b.postcode, 'basic.postcode'],
            ['办公地址', b.officeAddress, 'basic.officeAddress', 2],
            ['电子邮件', b.email, 'basic.email'],
          ])}
        />
        <h2 className="rec-section-title">现有资产状况</h2>
        <Descriptions
          bordered
          size="small"
          column={column}
          items={items([
            ['固定经营场所面积(m²)', b.premisesArea, 'basic.premisesArea'],
            ['设施总值(万元)', b.facilitiesValue, 'basic.facilitiesValue'],
            ['现有资产总额(万元)', b.totalAssets, 'basic.totalAssets'],
            ['净资产总额(万元)', b.netAssets, 'basic.netAssets'],
            ['自有办公用房面积(m²)', b.ownedOfficeArea, 'basic.ownedOfficeArea'],
            ['租用办公用房面积(m²)', b.rentedOfficeArea, 'basic.rentedOfficeArea'],
            ['办公场地合计面积(m²)', b.officeAreaTotal, 'basic.officeAreaTotal'],
            ['办公场地数量', b.officeCount, 'basic.officeCount'],
          ])}
        />
      </Card>

      <Card size="small" title="申请报告">
        <Descriptions
          bordered
          size="small"
          column={1}
          items={items([
            ['公司简介', record.report?.companyProfile, 'report.companyProfile'],
            ['申请理由', record.report?.reason, 'report.reason'],
          ]).map((i) => ({ ...i, children: <div className="rec-pre">{i.children}</div> }))}
        />
      </Card>

      <Card size="small" title="专职工作人员">
        {listNote('staff')}
        <PagedTable columns={staffColumns} rows={record.staff ?? []} scrollX={640} />
      </Card>

      <Card size="small" title="现有设施情况">
        {listNote('facilities')}
        <PagedTable columns={facilityColumns} rows={record.facilities ?? []} />
      </Card>

      <Card size="small" title="诚信档案">
        <Descriptions
          bordered
          size="small"
          column={column}
          items={items([
            ['本年度收入(利润)(元)', record.integrity?.annualIncome, 'integrity.annualIncome'],
            ['研究生学历', `${counts.postgraduate} 人`],
            ['本科学历', `${counts.bachelor} 人`],
            ['大专及以下学历', `${counts.collegeOrBelow} 人`],
            ['其他不良记录', record.integrity?.badRecords, 'integrity.badRecords', 2],
          ])}
        />
      </Card>

      <Card size="small" title="服务及收费标准">
        {listNote('fees')}
        <PagedTable columns={feeColumns} rows={record.fees ?? []} scrollX={760} />
      </Card>
    </div>
  );
}
