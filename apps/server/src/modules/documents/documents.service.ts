import {
  AppErrorCode,
  BASIC_FIELDS,
  BASIC_SECTIONS,
  CANCEL_CATEGORIES,
  DERIVED_LABELS,
  FACILITY_COLUMNS,
  FEE_COLUMNS,
  INTEGRITY_FIELDS,
  LICENCE_KINDS,
  PROMISE_ITEMS,
  RECORD_FIELD_ENTRIES,
  RECORD_TABS,
  REPORT_FIELDS,
  STAFF_COLUMNS,
  TEMPLATES,
  applicationKind,
  beijingDay,
  chineseDate,
  idCardBirthDate,
  pdfFieldsOf,
  recordTabLabel,
  type CatalogueEntry,
  type TBusinessScope,
  type TRecordTab,
  type TTemplateKey,
} from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import type { AppDeps } from '../../deps';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../accounts/actor';
import { readableApplication } from '../applications/applications.access';
import { cancellationOf, recordIdOf } from '../applications/application-records.repository';
import { educationCounts } from '../institutions/records.repository';
import { departmentName, loadTemplateRecord, type TemplateRecord } from './documents.repository';
import { FormPdf, choices, type CellValue, type Field } from './pdf';

export interface TemplateInput {
  record: TemplateRecord;
  /** 审批部门 by name (the record stores its code) */
  departmentName: string | null;
  createdAt: Date;
  /** a 注销's 注销原因 / 注销类别 (its two templates print them) */
  cancellation?: { reason: string; category: string | null } | null;
  /** the licence a 延续 renews, as last submitted or else in force (the 延续申请表 prints it) */
  licence?: { number: string; validUntil: string | null } | null;
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

/** One field of the record as its PDF cell: dictionaries as tick boxes, dates in Chinese, personal data decrypted. */
function cell(e: CatalogueEntry, t: TemplateInput): CellValue {
  const r = t.record.row;
  const value = (r as unknown as Record<string, unknown>)[e.key];
  const f = e.field;
  switch (f.input) {
    case 'select':
      return choices(f.options ?? [], value as string | null);
    case 'multi':
      return choices(f.options ?? [], (value as string[] | null) ?? []);
    case 'date':
      return chineseDate(value as string | null);
    case 'amount':
    case 'count':
      return num(value as number | null);
    case 'yesNo':
      return yesNo(value as boolean | null);
    case 'department':
      return t.departmentName ?? r.department;
    case 'phone':
      return phoneOf(r);
    default:
      return f.masking ? t.record[e.key as 'legalRepIdCard' | 'legalRepPhone' | 'contactMobile'] : (value as string | null);
  }
}

const pdfField = (e: CatalogueEntry, t: TemplateInput): Field => ({ label: e.field.pdfLabel ?? e.field.label, value: cell(e, t), ...(e.field.pdfFull ? { full: true } : {}) });
const byKey = (key: string) => RECORD_FIELD_ENTRIES.find((e) => e.tab === 'basic' && e.key === key)!;

/** 1. 机构基本信息 + 机构联系信息 + 现有资产状况, from the field catalogue (申请类型 follows 审批部门). */
function basicFields(t: TemplateInput): { basic: Field[]; contact: Field[]; assets: Field[] } {
  const [basicSection, contactSection, assetsSection] = BASIC_SECTIONS;
  const basic = pdfFieldsOf(basicSection).flatMap((e) => {
    const field = pdfField(e, t);
    return e.field.input === 'department' ? [field, { label: DERIVED_LABELS.kind, value: choices(LICENCE_KINDS, kindOf(t.record.row)) }] : [field];
  });
  return {
    basic,
    contact: pdfFieldsOf(contactSection).map((e) => pdfField(e, t)),
    assets: pdfFieldsOf(assetsSection).map((e) => pdfField(e, t)),
  };
}

function integrityFields(t: TemplateInput): Field[] {
  const staff = t.record.staff;
  const counts = educationCounts(staff.map((s) => s.education));
  // no staff entered yet: blanks to fill by hand rather than zeros
  const n = (v: number) => (staff.length ? `${v} 人` : '');
  return [
    { label: INTEGRITY_FIELDS.annualIncome.label, value: num(t.record.row.annualIncome) },
    { label: recordTabLabel('staff'), value: n(staff.length) },
    { label: DERIVED_LABELS.postgraduate, value: n(counts.postgraduate) },
    { label: DERIVED_LABELS.bachelor, value: n(counts.bachelor) },
    { label: DERIVED_LABELS.collegeOrBelow, value: n(counts.collegeOrBelow) },
  ];
}

const NUMERALS = ['一', '二', '三', '四', '五', '六'];
/** 「一、机构基本信息」: the tabs of the record, numbered as the 登记表 numbers its parts. */
const part = (tab: TRecordTab) => `${NUMERALS[RECORD_TABS.findIndex((x) => x.key === tab)]}、${recordTabLabel(tab)}`;
const S = STAFF_COLUMNS;
const F = FACILITY_COLUMNS;
const FEE = FEE_COLUMNS;

function registrationForm(t: TemplateInput, pdf: FormPdf) {
  const r = t.record.row;
  const { basic, contact, assets } = basicFields(t);
  pdf.section(part('basic'));
  pdf.grid(basic);
  pdf.section(BASIC_SECTIONS[1]);
  pdf.grid(contact);
  pdf.section(BASIC_SECTIONS[2]);
  pdf.grid(assets);

  pdf.section(part('report'));
  pdf.textBox(REPORT_FIELDS.companyProfile.label, r.companyProfile, 90);
  pdf.textBox(REPORT_FIELDS.reason.label, r.reason, 90);

  pdf.section(part('staff'));
  pdf.table(
    [
      { header: '序号', weight: 32, align: 'center' },
      { header: S.name.label, weight: 52 },
      { header: S.gender.label, weight: 28, align: 'center' },
      { header: S.idCard.label, weight: 112 },
      { header: S.education.label, weight: 56 },
      { header: S.qualificationLevel.label, weight: 46, align: 'center' },
      { header: S.qualificationCertNo.label, weight: 92 },
      { header: S.mobile.label, weight: 80 },
    ],
    t.record.staff.map((s, i) => [i + 1, s.name, s.gender, s.idCard, s.education, s.qualificationLevel, s.qualificationCertNo, s.mobile]),
    { minRows: 3 },
  );
  pdf.paragraph(`${recordTabLabel('staff')}的详细信息见《${TEMPLATES.staffForm}》。`, { size: 8.5, color: '#444444' });

  pdf.section(part('facilities'));
  pdf.table(
    [
      { header: '序号', weight: 32, align: 'center' },
      { header: F.name.label, weight: 150 },
      { header: F.unit.label, weight: 50, align: 'center' },
      { header: F.quantity.label, weight: 50, align: 'right' },
      { header: F.area.label, weight: 70, align: 'right' },
      { header: F.value.label, weight: 90, align: 'right' },
    ],
    t.record.facilities.map((f, i) => [i + 1, f.name, f.unit, num(f.quantity), num(f.area), num(f.value)]),
    { minRows: 3 },
  );

  pdf.section(part('integrity'));
  pdf.grid(integrityFields(t));
  pdf.textBox(INTEGRITY_FIELDS.badRecords.label, r.badRecords, 50);

  pdf.section(part('fees'));
  pdf.table(
    [
      { header: '序号', weight: 32, align: 'center' },
      { header: FEE.business.label, weight: 80 },
      { header: FEE.content.label, weight: 110 },
      { header: FEE.procedure.label, weight: 100 },
      { header: FEE.feeItem.label, weight: 80 },
      { header: FEE.feeStandard.label, weight: 90 },
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
  pdf.grid(['name', 'uscc', 'foundedOn', 'legalRep', 'legalRepTitle', 'contactPerson', 'contactMobile', 'officeAddress', 'scopes'].map((k) => pdfField(byKey(k), t)));
  pdf.section(recordTabLabel('integrity'));
  pdf.grid(integrityFields(t));
  pdf.textBox(INTEGRITY_FIELDS.badRecords.label, r.badRecords, 120);
  pdf.paragraph(UNDERTAKING);
  pdf.signatures();
}

function staffForm(t: TemplateInput, pdf: FormPdf) {
  const r = t.record.row;
  pdf.grid([
    { label: BASIC_FIELDS.name.label, value: r.name },
    { label: BASIC_FIELDS.uscc.label, value: r.uscc },
  ]);
  const people: (TemplateRecord['staff'][number] | null)[] = t.record.staff.length ? t.record.staff : [null, null];
  people.forEach((s, i) => {
    const v = <K extends keyof NonNullable<typeof s>>(k: K) => (s ? s[k] : null);
    const fields: Field[] = [
      { label: S.name.label, value: v('name') },
      { label: S.idType.label, value: v('idType') ?? '' },
      { label: S.idCard.label, value: v('idCard') },
      { label: S.gender.label, value: choices(S.gender.options ?? [], v('gender')) },
      { label: DERIVED_LABELS.birthDate, value: s ? chineseDate(s.birthDate ?? idCardBirthDate(s.idCard)) : '' },
      { label: S.politicalStatus.label, value: v('politicalStatus') },
      { label: S.ethnicity.label, value: v('ethnicity') },
      { label: S.education.label, value: v('education') },
      { label: S.qualificationLevel.label, value: v('qualificationLevel') },
      { label: S.qualificationCertNo.label, value: v('qualificationCertNo') },
      { label: S.graduatedOn.label, value: chineseDate(v('graduatedOn')) },
      { label: S.school.label, value: v('school') },
      { label: S.major.label, value: v('major') },
      { label: S.householdRegion.label, value: v('householdRegion') },
      { label: S.workStartOn.label, value: chineseDate(v('workStartOn')) },
      { label: S.workEndOn.label, value: chineseDate(v('workEndOn')) },
      { label: S.mobile.label, value: v('mobile') },
      { label: S.email.label, value: v('email') },
      { label: S.postcode.label, value: v('postcode') },
    ];
    // one person never splits over two pages; rows a little tighter so three fit on a page
    pdf.section(`${recordTabLabel('staff')}（${i + 1}）`, pdf.gridHeight(fields, { compact: true }));
    pdf.grid(fields, { compact: true });
  });
  pdf.paragraph(t.record.staff.length ? `共 ${t.record.staff.length} 人。` : '');
  pdf.signatures();
}

/** The institution as the 注销 and 变更 forms name it, from the application's record. */
const institutionGrid = (t: TemplateInput) =>
  ['name', 'uscc', 'legalRep', 'legalRepIdCard', 'category', 'officeAddress', 'contactPerson', 'contactMobile'].map((k) => pdfField(byKey(k), t));

function cancellationForm(t: TemplateInput, pdf: FormPdf) {
  pdf.section('机构基本情况');
  pdf.grid(institutionGrid(t));
  pdf.section('注销事项');
  pdf.grid([
    { label: '注销类别', value: choices(CANCEL_CATEGORIES, t.cancellation?.category ?? null), full: true },
    { label: '审批部门', value: t.departmentName ?? t.record.row.department },
  ]);
  pdf.textBox('注销原因', t.cancellation?.reason || null, 90);
  pdf.signatures();
  pdf.section('审批部门意见');
  pdf.textBox('审批意见', null, 90);
  pdf.paragraph('审批部门（盖章）：                              年        月        日');
}

function cancellationUndertaking(t: TemplateInput, pdf: FormPdf) {
  const name = t.record.row.name ?? '';
  pdf.grid(institutionGrid(t).slice(0, 3));
  pdf.paragraph(
    `本机构（${name}）申请注销人力资源服务${kindOf(t.record.row) === '许可' ? '许可' : '备案'}，注销原因：${t.cancellation?.reason || '________'}。本机构承诺：` +
      '所提交的注销申请材料真实、准确、完整；注销前已妥善处理全部在办服务事项及与服务对象的债权债务，依法保护劳动者和用人单位的合法权益；' +
      '注销后不再以人力资源服务机构名义开展经营活动，并交回人力资源服务许可证（备案凭证）。如有虚假，愿承担相应的法律责任。',
  );
  pdf.signatures();
}

/** 许可证补办申请表 (a 变更's material): the institution filled from its record, the licence number and reason by hand. */
function reissueForm(t: TemplateInput, pdf: FormPdf) {
  pdf.section('机构基本情况');
  pdf.grid(institutionGrid(t));
  pdf.section('补办事项');
  pdf.grid([
    { label: '原许可证编号', value: null },
    { label: '审批部门', value: t.departmentName ?? t.record.row.department },
  ]);
  pdf.textBox('补办原因', null, 90);
  pdf.signatures();
  pdf.section('审批部门意见');
  pdf.textBox('审批意见', null, 90);
  pdf.paragraph('审批部门（盖章）：                              年        月        日');
}

/**
 * 许可证延续申请表 (decision 0047): the institution and the licence it renews, from the application's
 * record and the licence, what is asked for, the unit's declaration, signature, seal and 申请日期.
 */
function renewalForm(t: TemplateInput, pdf: FormPdf) {
  const r = t.record.row;
  const name = r.name ?? '';
  const licence = t.licence ?? null;
  pdf.section('机构及许可证情况');
  pdf.grid([
    pdfField(byKey('name'), t),
    pdfField(byKey('uscc'), t),
    { label: '许可证编号', value: licence?.number ?? null },
    { label: '原有效期至', value: chineseDate(licence?.validUntil ?? null) },
    pdfField(byKey('legalRep'), t),
    { label: '审批部门', value: t.departmentName ?? r.department },
    { label: '住所', value: r.officeAddress, full: true },
    { label: '服务范围', value: r.scopes?.length ? r.scopes.join('、') : null, full: true },
  ]);
  pdf.section('延续事项');
  pdf.paragraph(
    `本机构（${name || '________'}）持有的人力资源服务许可证${licence?.number ? `（编号${licence.number}）` : ''}` +
      `有效期至${licence?.validUntil ? chineseDate(licence.validUntil) : '____年__月__日'}，现申请延续。` +
      '延续后许可证编号不变，有效期自原有效期届满之日起顺延；机构信息如有变化，已在申请中如实更正。',
  );
  pdf.section('申请人声明');
  pdf.paragraph(
    '本机构声明：仍符合《人力资源市场暂行条例》和《人力资源服务机构管理规定》规定的许可条件；有效期内依法开展人力资源服务活动，按时报送年度报告；' +
      '所填内容及所附材料真实、准确、完整，如有虚假，愿承担相应的法律责任。',
  );
  pdf.paragraph(`申请日期：${chineseDate(beijingDay(t.createdAt))}`);
  pdf.signatures({ unit: true, legalRep: true });
  pdf.section('审批部门意见');
  pdf.textBox('审批意见', null, 90);
  pdf.paragraph('审批部门（盖章）：                              年        月        日');
}

/**
 * 告知承诺书 (告知承诺制, decision 0043): the institution from its record, what the department tells
 * (the conditions of 人社部令第50号, the 核查 and what a false commitment costs) and what the unit
 * commits to, each condition numbered as the 核查 checks it, then the signature, seal and date.
 */
function promiseLetter(t: TemplateInput, pdf: FormPdf) {
  const name = t.record.row.name ?? '';
  pdf.section('申请人基本情况');
  pdf.grid(['name', 'uscc', 'legalRep', 'officeAddress', 'scopes'].map((k) => pdfField(byKey(k), t)));
  pdf.section('审批部门告知');
  pdf.paragraph(
    `根据《人力资源市场暂行条例》和《人力资源服务机构管理规定》（人力资源社会保障部令第50号），申请从事职业中介活动，可以选择一般程序或者告知承诺方式办理。` +
      `选择告知承诺方式的，申请人书面承诺符合许可条件后，审批部门${t.departmentName ? `（${t.departmentName}）` : ''}在受理时即作出准予许可的决定，` +
      `并在发证后依法对承诺内容进行核查；经核查承诺内容与实际情况不符的，责令限期整改，逾期未整改或者整改后仍不符合条件的，依法撤销许可，并记入失信记录。`,
  );
  pdf.section('申请人承诺');
  pdf.paragraph(`本机构（${name || '________'}）已知悉上述告知内容，自愿选择告知承诺方式申请人力资源服务许可，并郑重承诺符合下列条件：`);
  PROMISE_ITEMS.forEach((item, i) => pdf.paragraph(`${i + 1}. ${item.label}；`));
  pdf.paragraph('本机构愿意接受审批部门的核查；如承诺不实，愿意承担被撤销许可、记入失信记录等法律责任。');
  pdf.paragraph(`本承诺书于${chineseDate(beijingDay(t.createdAt))}生成，签字盖章后作为“告知承诺书”材料上传。`);
  pdf.signatures();
}

const RENDERERS: Record<TTemplateKey, (t: TemplateInput, pdf: FormPdf) => void> = {
  registrationForm,
  integrityFile,
  staffForm,
  cancellationForm,
  cancellationUndertaking,
  reissueForm,
  renewalForm,
  promiseLetter,
};

/** One template as PDF bytes, pre-filled with the record; empty fields print as blanks to fill by hand. */
export async function renderTemplate(key: TTemplateKey, input: TemplateInput): Promise<Buffer> {
  const title = TEMPLATES[key];
  const pdf = new FormPdf({ title, createdAt: input.createdAt });
  pdf.title(title, input.record.row.name ? `（${input.record.row.name}）` : undefined);
  RENDERERS[key](input, pdf);
  return pdf.finish();
}

/**
 * The licence a 延续 renews, for its 延续申请表 (the licences and record-kinds modules know it; the
 * composition wires it in as a hook, deps.ts), or null when there is none.
 */
export type RenewedLicence = (db: DbOrTx, applicationId: string) => Promise<{ number: string; validUntil: string | null } | null>;

/** Templates of an application (材料模板下载, 登记预览), generated from what the unit entered. */
export class DocumentsService {
  constructor(private readonly deps: AppDeps) {}

  async template(actor: Actor, applicationId: string, key: TTemplateKey): Promise<{ pdf: Buffer; fileName: string }> {
    const db = this.deps.database.db;
    const app = await readableApplication(db, actor, applicationId);
    const record = await loadTemplateRecord(db, this.deps.pii, await recordIdOf(db, app.id));
    if (!record) throw new AppError(AppErrorCode.NOT_FOUND, '申请的机构信息不存在');
    const dept = await departmentName(db, record.row.department ?? app.department);
    const cancellation = await cancellationOf(db, app.id);
    const licence = key === 'renewalForm' ? await this.deps.hooks.renewedLicence(db, app.id) : null;
    const pdf = await renderTemplate(key, { record, departmentName: dept, createdAt: this.deps.clock(), cancellation, licence });
    return { pdf, fileName: `${TEMPLATES[key]}.pdf` };
  }
}
