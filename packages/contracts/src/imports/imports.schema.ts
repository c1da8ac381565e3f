import { z } from 'zod';
import { RECORD_FIELD_ENTRIES } from '../institutions/record.catalogue';
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

/** The columns that are no field of the record: the licence already issued. */
const LICENCE_COLUMNS: Partial<Record<TImportColumnKey, Omit<ImportColumn, 'key'>>> = {
  licenceNumber: {
    header: '许可证/备案编号',
    required: false,
    note: '已发许可证或备案凭证的编号；不得与已有编号重复',
    example: '（吉）人服证字〔2015〕第220000001号',
    aliases: ['许可证编号', '备案编号'],
    text: true,
  },
  issuedOn: { header: '发证日期', required: false, note: '格式 YYYY-MM-DD；不填则为导入当日', example: '2015-07-01' },
};

/** The record's columns from the field catalogue: header, note, example, aliases (the label too). */
function recordColumn(key: TImportColumnKey): ImportColumn | null {
  const entry = RECORD_FIELD_ENTRIES.find((e) => e.tab === 'basic' && (e.field.import?.column ?? e.key) === key);
  const spec = entry?.field.import;
  if (!entry || !spec) return null;
  const { label, options } = entry.field;
  const header = spec.header ?? label;
  const aliases = [...(spec.aliases ?? []), ...(header !== label && spec.labelIsAlias !== false ? [label] : [])];
  return {
    key,
    header,
    required: spec.required,
    note: spec.note,
    example: spec.example,
    ...(aliases.length ? { aliases } : {}),
    ...(options ? { values: options } : {}),
    ...(spec.text ? { text: true } : {}),
  };
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = IMPORT_COLUMN_KEYS.map((key) => {
  const column = recordColumn(key) ?? (LICENCE_COLUMNS[key] ? { key, ...LICENCE_COLUMNS[key] } : null);
  if (!column) throw new Error(`import column ${key} is neither a catalogue field nor a licence column`);
  return column;
});

/** A column's header in the template and in the report's problems (without the `*`). */
export const importColumnHeader = (key: TImportColumnKey): string => IMPORT_COLUMNS.find((c) => c.key === key)!.header;

/** Data rows whose first cell starts with this are notes or examples, never imported. */
export const IMPORT_SKIP_MARK = '【';
export const IMPORT_EXAMPLE_PREFIX = '【示例】';
export const IMPORT_MAX_ROWS = 5000;
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** The header written in the template: required columns end with `*`. */
export const importHeader = (c: { header: string; required: boolean }) => (c.required ? `${c.header}*` : c.header);

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
