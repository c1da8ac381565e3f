import { RECORD_FIELD_ENTRIES, ZIdCard, ZMobile, type TMissingField, type TSubmissionProblem } from '@jhrm/contracts';
import type { FullRecord } from './records.repository';

/**
 * The institution record's submission rules (SPEC §4.1), from the field catalogue: what every record
 * kind's 提交 checks, and what 设立 checks besides. The record kinds' adapters (modules/record-kinds)
 * apply them; the engine adds the kind's declared materials and video.
 */

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

type Add = (tab: string, path: string, message: string) => void;

const collector = (): [TSubmissionProblem[], Add] => {
  const problems: TSubmissionProblem[] = [];
  return [problems, (tab, path, message) => problems.push({ tab, path, message })];
};

/**
 * Every reason the record's section 1 is not yet acceptable, all at once, each pointing at the tab
 * and field that holds it (any record kind). Empty means it may be submitted.
 */
export function recordProblems(record: FullRecord): TSubmissionProblem[] {
  const [problems, add] = collector();
  const basic = record.basic ?? {};
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
  return problems;
}

/** What a 设立 asks of the record besides section 1: the report and the 专职工作人员. */
export function establishmentProblems(record: FullRecord, minStaff: number): TSubmissionProblem[] {
  const [problems, add] = collector();
  const report = (record.report ?? {}) as Record<string, unknown>;
  for (const e of REQUIRED_REPORT) {
    if (!report[e.key]) add('report', e.path, `请填写${e.field.label}`);
  }

  const staff = record.staff ?? [];
  if (staff.length < minStaff) add('staff', 'staff', `专职工作人员至少${minStaff}人，当前${staff.length}人`);
  if (!staff.some((s) => s.qualificationCertNo)) add('staff', 'staff', '专职工作人员中至少1人须具有人力资源从业资格证书（填写从业资质证书编号）');
  staff.forEach((s, i) => {
    const id = ZIdCard.safeParse(s.idCard);
    if (!id.success) add('staff', `staff.${i}.idCard`, `第${i + 1}位专职工作人员（${s.name}）：${id.error.issues[0]!.message}`);
    const m = ZMobile.safeParse(s.mobile);
    if (!m.success) add('staff', `staff.${i}.mobile`, `第${i + 1}位专职工作人员（${s.name}）：${m.error.issues[0]!.message}`);
  });
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
