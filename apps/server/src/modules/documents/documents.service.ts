import {
  AppErrorCode,
  BUSINESS_SCOPES,
  INSTITUTION_CATEGORIES,
  LICENCE_DELIVERY,
  TEMPLATES,
  applicationKind,
  chineseDate,
  idCardBirthDate,
  type TBusinessScope,
  type TTemplateKey,
} from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import type { AppDeps } from '../../deps';
import type { Actor } from '../accounts/actor';
import { readableApplication } from '../applications/applications.access';
import { educationCounts } from '../institutions/records.repository';
import { departmentName, loadTemplateRecord, type TemplateRecord } from './documents.repository';
import { FormPdf, choices, type CellValue, type Field } from './pdf';

export interface TemplateInput {
  record: TemplateRecord;
  /** 审批部门 by name (the record stores its code) */
  departmentName: string | null;
  createdAt: Date;
}

const num = (v: number | null | undefined): CellValue => (v === null || v === undefined ? '' : v);
const yesNo = (v: boolean | null | undefined) => choices(['是', '否'], v === null || v === undefined ? null : v ? '是' : '否');
const UNDERTAKING = '本单位承诺：以上填报内容及所附材料真实、准确、完整，如有虚假，愿承担相应的法律责任。';

function phoneOf(r: TemplateRecord['row']): string {
  if (!r.phoneNumber) return '';
  return `${r.phoneAreaCode ? `${r.phoneAreaCode}-` : ''}${r.phoneNumber}${r.phoneExtension ? ` 转 ${r.phoneExtension}` : ''}`;
}

function kindOf(r: TemplateRecord['row']): string | null {
  return r.scopes?.length ? applicationKind(r.scopes as TBusinessScope[]).kind : null;
}

/** 1. 机构基本信息 + 机构联系信息 + 现有资产状况, labels exactly as SPEC §3. */
function basicFields(t: TemplateInput): { basic: Field[]; contact: Field[]; assets: Field[] } {
  const r = t.record.row;
  return {
    basic: [
      { label: '机构名称', value: r.name, full: true },
      { label: '机构简称', value: r.shortName },
      { label: '统一社会信用代码', value: r.uscc },
      { label: '机构类别', value: choices(INSTITUTION_CATEGORIES, r.category), full: true },
      { label: '成立时间', value: chineseDate(r.foundedOn) },
      { label: '法人代表', value: r.legalRep },
      { label: '法人身份证', value: t.record.legalRepIdCard },
      { label: '法人电话', value: t.record.legalRepPhone },
      { label: '法人职务', value: r.legalRepTitle },
      { label: '注册资金(万元)', value: num(r.registeredCapital) },
      { label: '审批部门', value: t.departmentName ?? r.department },
      { label: '申请类型', value: choices(['许可', '备案'], kindOf(r)) },
      { label: '申请业务', value: choices(BUSINESS_SCOPES, r.scopes ?? []), full: true },
      { label: '网站名称', value: r.websiteName },
      { label: '网站域名', value: r.websiteDomain },
      { label: '从业人员人数', value: num(r.staffCount) },
      { label: '具有执业资格人数', value: num(r.qualifiedCount) },
      { label: '内设机构名称', value: r.internalDepartments, full: true },
      { label: '分支机构名称', value: r.branches, full: true },
      { label: '获取许可证方式', value: choices(LICENCE_DELIVERY, r.licenceDelivery), full: true },
      { label: '备注', value: r.remarks, full: true },
    ],
    contact: [
      { label: '机构负责人', value: r.contactPerson },
      { label: '手机号码', value: t.record.contactMobile },
      { label: '单位电话', value: phoneOf(r) },
      { label: '传真号码', value: r.fax },
      { label: '是否邮寄', value: yesNo(r.byPost) },
      { label: '邮政编码', value: r.postcode },
      { label: '办公地址', value: r.officeAddress, full: true },
      { label: '电子邮件', value: r.email, full: true },
    ],
    assets: [
      { label: '固定经营场所面积(m²)', value: num(r.premisesArea) },
      { label: '设施总值(万元)', value: num(r.facilitiesValue) },
      { label: '现有资产总额(万元)', value: num(r.totalAssets) },
      { label: '净资产总额(万元)', value: num(r.netAssets) },
      { label: '自有办公用房面积(m²)', value: num(r.ownedOfficeArea) },
      { label: '租用办公用房面积(m²)', value: num(r.rentedOfficeArea) },
      { label: '办公场地合计面积(m²)', value: num(r.officeAreaTotal) },
      { label: '办公场地数量', value: num(r.officeCount) },
    ],
  };
}

function integrityFields(t: TemplateInput): Field[] {
  const staff = t.record.staff;
  const counts = educationCounts(staff.map((s) => s.education));
  // no staff entered yet: blanks to fill by hand rather than zeros
  const n = (v: number) => (staff.length ? `${v} 人` : '');
  return [
    { label: '本年度收入(利润)(元)', value: num(t.record.row.annualIncome) },
    { label: '专职工作人员', value: n(staff.length) },
    { label: '研究生学历', value: n(counts.postgraduate) },
    { label: '本科学历', value: n(counts.bachelor) },
    { label: '大专及以下学历', value: n(counts.collegeOrBelow) },
  ];
}

function registrationForm(t: TemplateInput, pdf: FormPdf) {
  const r = t.record.row;
  const { basic, contact, assets } = basicFields(t);
  pdf.section('一、机构基本信息');
  pdf.grid(basic);
  pdf.section('机构联系信息');
  pdf.grid(contact);
  pdf.section('现有资产状况');
  pdf.grid(assets);

  pdf.section('二、申请报告');
  pdf.textBox('公司简介', r.companyProfile, 90);
  pdf.textBox('申请理由', r.reason, 90);

  pdf.section('三、专职工作人员');
  pdf.table(
    [
      { header: '序号', weight: 32, align: 'center' },
      { header: '姓名', weight: 52 },
      { header: '性别', weight: 28, align: 'center' },
      { header: '身份证号', weight: 112 },
      { header: '学历', weight: 56 },
      { header: '从业资质等级', weight: 46, align: 'center' },
      { header: '从业资质证书编号', weight: 92 },
      { header: '手机号码', weight: 80 },
    ],
    t.record.staff.map((s, i) => [i + 1, s.name, s.gender, s.idCard, s.education, s.qualificationLevel, s.qualificationCertNo, s.mobile]),
    { minRows: 3 },
  );
  pdf.paragraph('专职工作人员的详细信息见《专职工作人员登记表》。', { size: 8.5, color: '#444444' });

  pdf.section('四、现有设施情况');
  pdf.table(
    [
      { header: '序号', weight: 32, align: 'center' },
      { header: '设施名称', weight: 150 },
      { header: '单位', weight: 50, align: 'center' },
      { header: '数量', weight: 50, align: 'right' },
      { header: '面积(m²)', weight: 70, align: 'right' },
      { header: '价值(元)', weight: 90, align: 'right' },
    ],
    t.record.facilities.map((f, i) => [i + 1, f.name, f.unit, num(f.quantity), num(f.area), num(f.value)]),
    { minRows: 3 },
  );

  pdf.section('五、诚信档案');
  pdf.grid(integrityFields(t));
  pdf.textBox('其他不良记录', r.badRecords, 50);

  pdf.section('六、服务及收费标准');
  pdf.table(
    [
      { header: '序号', weight: 32, align: 'center' },
      { header: '项目业务', weight: 80 },
      { header: '服务内容', weight: 110 },
      { header: '程序', weight: 100 },
      { header: '收费项目', weight: 80 },
      { header: '收费标准', weight: 90 },
    ],
    t.record.fees.map((f, i) => [i + 1, f.business, f.content, f.procedure, f.feeItem, f.feeStandard]),
    { minRows: 3 },
  );
  pdf.paragraph(UNDERTAKING);
  pdf.signatures();
}

function integrityFile(t: TemplateInput, pdf: FormPdf) {
  const r = t.record.row;
  pdf.section('机构基本情况');
  pdf.grid([
    { label: '机构名称', value: r.name, full: true },
    { label: '统一社会信用代码', value: r.uscc },
    { label: '成立时间', value: chineseDate(r.foundedOn) },
    { label: '法人代表', value: r.legalRep },
    { label: '法人职务', value: r.legalRepTitle },
    { label: '机构负责人', value: r.contactPerson },
    { label: '手机号码', value: t.record.contactMobile },
    { label: '办公地址', value: r.officeAddress, full: true },
    { label: '申请业务', value: choices(BUSINESS_SCOPES, r.scopes ?? []), full: true },
  ]);
  pdf.section('诚信档案');
  pdf.grid(integrityFields(t));
  pdf.textBox('其他不良记录', r.badRecords, 120);
  pdf.paragraph(UNDERTAKING);
  pdf.signatures();
}

function staffForm(t: TemplateInput, pdf: FormPdf) {
  const r = t.record.row;
  pdf.grid([
    { label: '机构名称', value: r.name },
    { label: '统一社会信用代码', value: r.uscc },
  ]);
  const people: (TemplateRecord['staff'][number] | null)[] = t.record.staff.length ? t.record.staff : [null, null];
  people.forEach((s, i) => {
    const v = <K extends keyof NonNullable<typeof s>>(k: K) => (s ? s[k] : null);
    const fields: Field[] = [
      { label: '姓名', value: v('name') },
      { label: '证件类型', value: v('idType') ?? '' },
      { label: '身份证号', value: v('idCard') },
      { label: '性别', value: choices(['男', '女'], v('gender')) },
      { label: '出生日期', value: s ? chineseDate(s.birthDate ?? idCardBirthDate(s.idCard)) : '' },
      { label: '政治面貌', value: v('politicalStatus') },
      { label: '民族', value: v('ethnicity') },
      { label: '学历', value: v('education') },
      { label: '从业资质等级', value: v('qualificationLevel') },
      { label: '从业资质证书编号', value: v('qualificationCertNo') },
      { label: '最高学历毕业日期', value: chineseDate(v('graduatedOn')) },
      { label: '最高学历毕业院校', value: v('school') },
      { label: '最高学历所学专业', value: v('major') },
      { label: '户口行政区划', value: v('householdRegion') },
      { label: '工作开始日期', value: chineseDate(v('workStartOn')) },
      { label: '工作终止日期', value: chineseDate(v('workEndOn')) },
      { label: '手机号码', value: v('mobile') },
      { label: '电子信箱', value: v('email') },
      { label: '邮政编码', value: v('postcode') },
    ];
    // one person never splits over two pages; rows a little tighter so three fit on a page
    pdf.section(`专职工作人员（${i + 1}）`, pdf.gridHeight(fields, { compact: true }));
    pdf.grid(fields, { compact: true });
  });
  pdf.paragraph(t.record.staff.length ? `共 ${t.record.staff.length} 人。` : '');
  pdf.signatures();
}

const RENDERERS: Record<TTemplateKey, (t: TemplateInput, pdf: FormPdf) => void> = { registrationForm, integrityFile, staffForm };

/** One template as PDF bytes, pre-filled with the record; empty fields print as blanks to fill by hand. */
export async function renderTemplate(key: TTemplateKey, input: TemplateInput): Promise<Buffer> {
  const title = TEMPLATES[key];
  const pdf = new FormPdf({ title, createdAt: input.createdAt });
  pdf.title(title, input.record.row.name ? `（${input.record.row.name}）` : undefined);
  RENDERERS[key](input, pdf);
  return pdf.finish();
}

/** Templates of an application (材料模板下载, 登记预览), generated from what the unit entered. */
export class DocumentsService {
  constructor(private readonly deps: AppDeps) {}

  async template(actor: Actor, applicationId: string, key: TTemplateKey): Promise<{ pdf: Buffer; fileName: string }> {
    const db = this.deps.database.db;
    const app = await readableApplication(db, actor, applicationId);
    const record = await loadTemplateRecord(db, this.deps.pii, app.recordId);
    if (!record) throw new AppError(AppErrorCode.NOT_FOUND, '申请的机构信息不存在');
    const dept = await departmentName(db, record.row.department ?? app.department);
    const pdf = await renderTemplate(key, { record, departmentName: dept, createdAt: this.deps.clock() });
    return { pdf, fileName: `${TEMPLATES[key]}.pdf` };
  }
}
