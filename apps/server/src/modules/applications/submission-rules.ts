import {
  MATERIAL_SLOTS,
  ZEmail,
  ZIdCard,
  ZMobile,
  ZPostcode,
  ZUscc,
  type TApplicationType,
  type TMissingField,
  type TSubmissionProblem,
} from '@jhrm/contracts';
import type { z } from 'zod';
import type { FullRecord } from '../institutions/records.repository';

export interface SubmissionContext {
  type: TApplicationType;
  record: FullRecord;
  /** slot name → number of files */
  materialCounts: Record<string, number>;
  videoCount: number;
  minStaff: number;
}

type BasicField = keyof NonNullable<FullRecord['basic']>;
type Section = '机构基本信息' | '机构联系信息' | '现有资产状况';

/** Required fields of section 1 (any application type): field, message label, tab section, label on that section. */
const REQUIRED_BASIC: [BasicField, string, Section, string?][] = [
  ['name', '机构名称', '机构基本信息'],
  ['uscc', '统一社会信用代码', '机构基本信息'],
  ['category', '机构类别', '机构基本信息'],
  ['foundedOn', '成立时间', '机构基本信息'],
  ['legalRep', '法人代表', '机构基本信息'],
  ['legalRepIdCard', '法人身份证', '机构基本信息'],
  ['legalRepPhone', '法人电话', '机构基本信息'],
  ['legalRepTitle', '法人职务', '机构基本信息'],
  ['registeredCapital', '注册资金(万元)', '机构基本信息'],
  ['contactPerson', '机构负责人', '机构联系信息'],
  ['contactMobile', '机构联系信息中的手机号码', '机构联系信息', '手机号码'],
  ['byPost', '是否邮寄', '机构联系信息'],
  ['officeAddress', '办公地址', '机构联系信息'],
  ['postcode', '邮政编码', '机构联系信息'],
  ['premisesArea', '固定经营场所面积(m²)', '现有资产状况'],
  ['facilitiesValue', '设施总值(万元)', '现有资产状况'],
  ['totalAssets', '现有资产总额(万元)', '现有资产状况'],
  ['netAssets', '净资产总额(万元)', '现有资产状况'],
  ['officeAreaTotal', '办公场地合计面积(m²)', '现有资产状况'],
  ['officeCount', '办公场地数量', '现有资产状况'],
];

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

const FORMAT_CHECKS: [BasicField, z.ZodType][] = [
  ['uscc', ZUscc],
  ['legalRepIdCard', ZIdCard],
  ['legalRepPhone', ZMobile],
  ['contactMobile', ZMobile],
  ['postcode', ZPostcode],
];

/**
 * Every reason a submission is not yet acceptable (SPEC §4.1), all at once, each pointing at the
 * tab and field that holds it. Empty means it may be submitted.
 */
export function submissionProblems(ctx: SubmissionContext): TSubmissionProblem[] {
  const problems: TSubmissionProblem[] = [];
  const basic = ctx.record.basic ?? {};
  const add = (tab: string, path: string, message: string) => problems.push({ tab, path, message });

  for (const [field, label] of REQUIRED_BASIC) {
    if (isEmpty(basic[field])) add('basic', `basic.${field}`, `请填写${label}`);
  }
  for (const [field, schema] of FORMAT_CHECKS) {
    const v = basic[field];
    if (typeof v === 'string' && v !== '') {
      const r = schema.safeParse(v);
      if (!r.success) add('basic', `basic.${field}`, r.error.issues[0]!.message);
    }
  }
  if (basic.email) {
    const r = ZEmail.safeParse(basic.email);
    if (!r.success) add('basic', 'basic.email', r.error.issues[0]!.message);
  }
  if (!basic.scopes?.length) add('basic', 'basic.scopes', '请至少选择一项申请业务');

  if (ctx.type === '设立') {
    const report = ctx.record.report ?? {};
    if (!report.companyProfile) add('report', 'report.companyProfile', '请填写公司简介');
    if (!report.reason) add('report', 'report.reason', '请填写申请理由');

    const staff = ctx.record.staff ?? [];
    if (staff.length < ctx.minStaff) add('staff', 'staff', `专职工作人员至少${ctx.minStaff}人，当前${staff.length}人`);
    if (!staff.some((s) => s.qualificationCertNo)) add('staff', 'staff', '专职工作人员中至少1人须具有人力资源从业资格证书（填写从业资质证书编号）');
    staff.forEach((s, i) => {
      const id = ZIdCard.safeParse(s.idCard);
      if (!id.success) add('staff', `staff.${i}.idCard`, `第${i + 1}位专职工作人员（${s.name}）：${id.error.issues[0]!.message}`);
      const m = ZMobile.safeParse(s.mobile);
      if (!m.success) add('staff', `staff.${i}.mobile`, `第${i + 1}位专职工作人员（${s.name}）：${m.error.issues[0]!.message}`);
    });

    if (ctx.videoCount === 0) add('video', 'video', '请上传场所视频（MP4）');
  }
  for (const slot of MATERIAL_SLOTS[ctx.type]) {
    if (slot.required && !((ctx.materialCounts[slot.name] ?? 0) > 0)) add('materials', `materials.${slot.name}`, `请上传材料：${slot.name}`);
  }
  return problems;
}

/**
 * The record fields a 变更 will ask for that this record lacks (the guide's first FAQ: an imported
 * institution may be incomplete). Same list as the submission rules, so the two never disagree.
 */
export function missingForChange(basic: FullRecord['basic']): TMissingField[] {
  const b = basic ?? {};
  const missing: TMissingField[] = REQUIRED_BASIC.filter(([field]) => isEmpty(b[field])).map(([, label, section, short]) => ({ section, label: short ?? label }));
  if (!b.scopes?.length) missing.push({ section: '机构基本信息', label: '申请业务' });
  return missing;
}
