import { z } from 'zod';
import { STAFF_COLUMNS, type ListColumn } from '../institutions/record.catalogue';

/**
 * 人力资源从业人员信息补录 (guide 1.5): a unit's agent keeps the practitioner list of its own approved
 * institutions. A practitioner has exactly the fields of a 专职工作人员 row (STAFF_COLUMNS, the one
 * catalogue); 性别 and 出生日期 are derived from the 身份证号, never entered.
 */

/** The columns a person enters (性别 follows from the 身份证号). */
const { gender: _gender, ...ENTERED } = STAFF_COLUMNS;
export const PRACTITIONER_COLUMNS = ENTERED;
export type TPractitionerColumnKey = keyof typeof PRACTITIONER_COLUMNS;

/**
 * A column's check for 新增 / 变更: the catalogue's validator, and where the column has a `format`
 * (身份证号, 手机号码, 电子信箱, 邮政编码) that format, on every value when the column is required and
 * on a non-empty one otherwise.
 */
function checked(c: ListColumn): z.ZodType {
  const format = c.format;
  if (!format) return c.validator;
  if (c.required) return format;
  return z
    .string()
    .trim()
    .optional()
    .superRefine((value, ctx) => {
      if (!value) return;
      const r = format.safeParse(value);
      if (!r.success) ctx.addIssue({ code: 'custom', message: r.error.issues[0]?.message ?? `${c.label}格式不正确` });
    });
}

type Checked = { [K in TPractitionerColumnKey]: (typeof PRACTITIONER_COLUMNS)[K]['validator'] };
/** Each entered column's check, for a form that validates field by field as the server will. */
export const PRACTITIONER_CHECKS = Object.fromEntries(Object.entries(PRACTITIONER_COLUMNS).map(([k, c]) => [k, checked(c)])) as unknown as Checked;

/** 新增 / 变更 (and one imported row): every column checked as above, 工作终止日期 not before 工作开始日期. */
export const ZPractitionerInput = z.object(PRACTITIONER_CHECKS).superRefine((v, ctx) => {
  const { workStartOn, workEndOn } = v;
  if (workStartOn && workEndOn && workEndOn < workStartOn) {
    ctx.addIssue({ code: 'custom', path: ['workEndOn'], message: `${STAFF_COLUMNS.workEndOn.label}不能早于${STAFF_COLUMNS.workStartOn.label}` });
  }
});
export type TPractitionerInput = z.input<typeof ZPractitionerInput>;
export type TPractitionerValues = z.output<typeof ZPractitionerInput>;

export const ZPractitionerUpdate = z.object({ version: z.number().int().min(1), values: ZPractitionerInput });

/** One practitioner: every catalogue field plus the derived ones; the list masks 身份证号 and 手机号码. */
const optionalTexts = Object.fromEntries(Object.keys(PRACTITIONER_COLUMNS).map((k) => [k, z.string().optional()])) as {
  [K in TPractitionerColumnKey]: z.ZodOptional<z.ZodString>;
};
export const ZPractitioner = z.object({
  ...optionalTexts,
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  idCard: z.string(),
  mobile: z.string(),
  gender: z.string(),
  birthDate: z.string().nullable(),
  updatedAt: z.string(),
});
export type TPractitioner = z.infer<typeof ZPractitioner>;

/** The 查询 step: the unit's institutions in force (审核通过, not 注销) whose name matches. */
export const ZPractitionerInstitutionQuery = z.object({
  name: z.string().trim().max(100, '机构名称不能超过100个字').optional(),
  page: z.coerce.number().int().min(1, '页码必须大于 0').default(1),
  pageSize: z.coerce.number().int().min(1).max(100, '每页最多 100 条').default(15),
});

export const ZPractitionerInstitution = z.object({ id: z.string(), name: z.string(), uscc: z.string(), practitioners: z.number().int() });
export type TPractitionerInstitution = z.infer<typeof ZPractitionerInstitution>;

/** 批量导入: the template's columns are the entered columns, headed by their labels. */
export const PRACTITIONER_IMPORT_MAX_ROWS = 10_000;
export const PRACTITIONER_TEMPLATE_NAME = '人力资源从业人员导入模板';

const ZPractitionerImportRow = z.object({
  row: z.number().int(),
  name: z.string(),
  problems: z.array(z.object({ column: z.string(), message: z.string() })),
});
export const ZPractitionerImportReport = z.object({
  fileName: z.string(),
  total: z.number().int(),
  ok: z.number().int(),
  errors: z.number().int(),
  /** only the rows with problems (a clean 10 000-row file answers briefly) */
  rows: z.array(ZPractitionerImportRow),
  imported: z.number().int(),
});
export type TPractitionerImportReport = z.infer<typeof ZPractitionerImportReport>;
