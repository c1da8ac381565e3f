import { z } from 'zod';
import { BUSINESS_SCOPES, INSTITUTION_CATEGORIES } from '../dictionaries/institutions';
import { ZMissingField } from '../institutions/unit-notices.schema';

/**
 * 数据导入: the columns an admin's XLSX/CSV of institutions licensed before this system can carry
 * (a subset of SPEC §3 the old registers actually hold). Headers are matched after removing `*`,
 * blanks and the difference between full- and half-width brackets, so a hand-typed header works.
 */
export const IMPORT_COLUMN_KEYS = [
  'name',
  'shortName',
  'uscc',
  'category',
  'foundedOn',
  'legalRep',
  'legalRepIdCard',
  'legalRepPhone',
  'legalRepTitle',
  'registeredCapital',
  'department',
  'scopes',
  'officeAddress',
  'postcode',
  'contactPerson',
  'contactMobile',
  'unitPhone',
  'email',
  'licenceNumber',
  'issuedOn',
  'remarks',
] as const;
export type TImportColumnKey = (typeof IMPORT_COLUMN_KEYS)[number];

export interface ImportColumn {
  key: TImportColumnKey;
  /** header in the template, without the `*` of a required column */
  header: string;
  required: boolean;
  /** how to fill it (template note and 填写说明) */
  note: string;
  example: string;
  /** other headers accepted for this column */
  aliases?: readonly string[];
  /** the allowed values of a dictionary column */
  values?: readonly string[];
  /** kept as text in the XLSX template so Excel does not turn long digit strings into numbers */
  text?: boolean;
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'name', header: '机构名称(全称)', required: true, note: '与营业执照一致', example: '吉林省示例人力资源有限公司', aliases: ['机构名称'] },
  { key: 'shortName', header: '机构名称(简称)', required: false, note: '', example: '示例人力', aliases: ['机构简称'] },
  { key: 'uscc', header: '统一社会信用代码', required: true, note: '18位，含校验位；机构据此归属到单位', example: '92220102MA15438D0X', text: true },
  { key: 'category', header: '机构类型', required: true, note: '从“填写说明”的可选值中选择', example: '民营性质的服务企业', aliases: ['机构类别'], values: INSTITUTION_CATEGORIES },
  { key: 'foundedOn', header: '成立日期', required: false, note: '格式 YYYY-MM-DD', example: '2015-06-18', aliases: ['成立时间'] },
  { key: 'legalRep', header: '法定代表人(负责人)', required: true, note: '', example: '王示例', aliases: ['法定代表人', '法人代表'] },
  { key: 'legalRepIdCard', header: '法人身份证号', required: false, note: '18位，含校验位', example: '110101197501010039', aliases: ['法人身份证'], text: true },
  { key: 'legalRepPhone', header: '法人手机号码', required: false, note: '11位手机号码', example: '13144440001', aliases: ['法人电话'], text: true },
  { key: 'legalRepTitle', header: '法人职务', required: false, note: '', example: '执行董事' },
  { key: 'registeredCapital', header: '注册资本(万元)', required: false, note: '数字，单位万元', example: '500', aliases: ['注册资金(万元)', '注册资金'] },
  { key: 'department', header: '审批部门编码', required: true, note: '6位编码，见“填写说明”（也可填写部门全称）', example: '220000', aliases: ['审批部门'], text: true },
  { key: 'scopes', header: '申请业务', required: true, note: '多项用“；”分隔，从“填写说明”的可选值中选择', example: '职业介绍；人力资源培训', aliases: ['申请业务(多项用；分隔)', '业务范围'], values: BUSINESS_SCOPES },
  { key: 'officeAddress', header: '办公地址', required: true, note: '', example: '吉林省长春市南关区示例路100号' },
  { key: 'postcode', header: '邮政编码', required: false, note: '6位数字', example: '130022', text: true },
  { key: 'contactPerson', header: '机构负责人(联系人)', required: false, note: '', example: '李联系', aliases: ['机构负责人', '联系人'] },
  { key: 'contactMobile', header: '联系人手机号码', required: false, note: '11位手机号码', example: '13144440002', aliases: ['联系人手机', '联系电话'], text: true },
  { key: 'unitPhone', header: '单位电话', required: false, note: '区号-号码[-分机号]，如 0431-88886666', example: '0431-88886666', text: true },
  { key: 'email', header: '电子邮箱', required: false, note: '', example: 'hr@example.cn', aliases: ['电子邮件'] },
  { key: 'licenceNumber', header: '许可证/备案编号', required: false, note: '已发许可证或备案凭证的编号；不得与已有编号重复', example: '（吉）人服证字〔2015〕第220000001号', aliases: ['许可证编号', '备案编号'], text: true },
  { key: 'issuedOn', header: '发证日期', required: false, note: '格式 YYYY-MM-DD；不填则为导入当日', example: '2015-07-01' },
  { key: 'remarks', header: '备注', required: false, note: '', example: '' },
];

/** Data rows whose first cell starts with this are notes or examples, never imported. */
export const IMPORT_SKIP_MARK = '【';
export const IMPORT_EXAMPLE_PREFIX = '【示例】';
export const IMPORT_MAX_ROWS = 5000;
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** The header written in the template: required columns end with `*`. */
export const importHeader = (c: ImportColumn) => (c.required ? `${c.header}*` : c.header);

/** What makes two header spellings the same column. */
export function normalizeImportHeader(h: string): string {
  return h
    .replace(/[*＊\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/；/g, ';');
}

export const IMPORT_ROW_STATUSES = ['可导入', '有错误', '重复'] as const;

export const ZImportProblem = z.object({ column: z.string(), message: z.string() });
export type TImportProblem = z.infer<typeof ZImportProblem>;

export const ZImportRowReport = z.object({
  /** the row number as the spreadsheet shows it (the header is row 1) */
  row: z.number().int(),
  name: z.string(),
  uscc: z.string(),
  status: z.enum(IMPORT_ROW_STATUSES),
  problems: z.array(ZImportProblem),
  /** fields a later 变更 will ask for (not an error: imports may be incomplete) */
  missingForChange: z.array(ZMissingField),
});
export type TImportRowReport = z.infer<typeof ZImportRowReport>;

export const ZImportReport = z.object({
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  total: z.number().int(),
  ok: z.number().int(),
  errors: z.number().int(),
  duplicates: z.number().int(),
  /** rows whose USCC has no unit yet: a unit is created for them */
  newUnits: z.number().int(),
  rows: z.array(ZImportRowReport),
});
export type TImportReport = z.infer<typeof ZImportReport>;

export const ZImportResult = z.object({
  batchId: z.string(),
  imported: z.number().int(),
  unitsCreated: z.number().int(),
  licences: z.number().int(),
  createdAt: z.string(),
  report: ZImportReport,
});
export type TImportResult = z.infer<typeof ZImportResult>;

export const ZImportBatch = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  totalRows: z.number().int(),
  importedRows: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type TImportBatch = z.infer<typeof ZImportBatch>;

/** 「第5行 统一社会信用代码：校验位不正确」 */
export const importProblemText = (row: number, p: TImportProblem) => `第${row}行 ${p.column}：${p.message}`;
