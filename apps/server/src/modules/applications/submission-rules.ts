import {
  MATERIAL_SLOTS,
  RECORD_FIELD_ENTRIES,
  ZIdCard,
  ZMobile,
  type TApplicationType,
  type TMissingField,
  type TSubmissionProblem,
} from '@jhrm/contracts';
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

const BASIC = RECORD_FIELD_ENTRIES.filter((e) => e.tab === 'basic').map((e) => ({ ...e, key: e.key as BasicField }));

/** Required fields of section 1 (any application type), from the field catalogue, in the form's order. */
const REQUIRED_BASIC = BASIC.filter((e) => e.field.required === 'filled');

/** Fields that must be chosen (申请业务) with their own message, checked after the formats. */
const REQUIRED_CHOICE = BASIC.flatMap((e) => (typeof e.field.required === 'object' ? [{ ...e, message: e.field.required.message }] : []));

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Formats a non-empty value must have (统一社会信用代码, 身份证, 手机号码, 邮政编码, 电子邮件). */
const FORMAT_CHECKS = BASIC.flatMap((e) => (e.field.format ? [{ key: e.key, format: e.field.format }] : []));

const requiredText = (e: (typeof BASIC)[number]) => `请填写${e.field.requiredLabel ?? e.field.label}`;

/** The report's required fields (设立). */
const REQUIRED_REPORT = RECORD_FIELD_ENTRIES.filter((e) => e.tab === 'report' && e.field.required === 'filled');

/**
 * Every reason a submission is not yet acceptable (SPEC §4.1), all at once, each pointing at the
 * tab and field that holds it. Empty means it may be submitted.
 */
export function submissionProblems(ctx: SubmissionContext): TSubmissionProblem[] {
  const problems: TSubmissionProblem[] = [];
  const basic = ctx.record.basic ?? {};
  const add = (tab: string, path: string, message: string) => problems.push({ tab, path, message });

  for (const e of REQUIRED_BASIC) {
    if (isEmpty(basic[e.key])) add('basic', e.path, requiredText(e));
  }
  for (const { key, format } of FORMAT_CHECKS) {
    const v = basic[key];
    if (typeof v === 'string' && v !== '') {
      const r = format.safeParse(v);
      if (!r.success) add('basic', `basic.${key}`, r.error.issues[0]!.message);
    }
  }
  for (const e of REQUIRED_CHOICE) {
    if (isEmpty(basic[e.key])) add('basic', e.path, e.message);
  }

  if (ctx.type === '设立') {
    const report = (ctx.record.report ?? {}) as Record<string, unknown>;
    for (const e of REQUIRED_REPORT) {
      if (!report[e.key]) add('report', e.path, `请填写${e.field.label}`);
    }

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
  return [...REQUIRED_BASIC, ...REQUIRED_CHOICE]
    .filter((e) => isEmpty(b[e.key]))
    .map((e) => ({ section: e.field.section, label: e.field.label }));
}
