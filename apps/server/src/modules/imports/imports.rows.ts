import {
  IMPORT_COLUMNS,
  RECORD_FIELD_ENTRIES,
  ZInstitutionBasicDraft,
  ZLandline,
  type TImportColumnKey,
  type TImportProblem,
  type TInstitutionBasicDraft,
} from '@jhrm/contracts';
import type { z } from 'zod';
import type { SheetRow } from './imports.parse';

/**
 * The checks of one imported row on its own (no database): every problem of every column, in
 * the words of the contracts validators, and the record section it becomes.
 */

export interface DepartmentRef {
  code: string;
  name: string;
  active: boolean;
}

export interface RowValues {
  basic: TInstitutionBasicDraft;
  licenceNumber: string | null;
  issuedOn: string | null;
}

const HEADER = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.header])) as Record<TImportColumnKey, string>;

type BasicKey = keyof TInstitutionBasicDraft;
type Entry = (typeof RECORD_FIELD_ENTRIES)[number];
const columnOfEntry = (e: Entry) => (e.field.import ? ((e.field.import.column ?? e.key) as TImportColumnKey) : undefined);
const BASIC_ENTRIES = RECORD_FIELD_ENTRIES.filter((e) => e.tab === 'basic');

/** The record fields the import fills, from the field catalogue: each with its import column and catalogue entry. */
const IMPORTED = BASIC_ENTRIES.flatMap((e) => {
  const column = columnOfEntry(e);
  return column ? [{ column, key: e.key as BasicKey, field: e.field }] : [];
});
type Imported = (typeof IMPORTED)[number];
const imported = (test: (f: Imported['field']) => boolean) => IMPORTED.filter((i) => test(i.field));

/** Record field → the import column it comes from (for the record schema's own messages); 区号 and 分机号 come with 单位电话. */
const COLUMN_OF = Object.fromEntries(
  BASIC_ENTRIES.flatMap((e) => {
    const owner = e.field.partOf ? BASIC_ENTRIES.find((o) => o.key === e.field.partOf) : e;
    const column = owner && columnOfEntry(owner);
    return column ? [[e.key, column]] : [];
  }),
) as Partial<Record<BasicKey, TImportColumnKey>>;

/** The name a validator's messages start with (统一社会信用代码, 身份证号, …): its message for an empty value names it. */
function subjectOf(schema: z.ZodType): string {
  const r = schema.safeParse('');
  return r.success ? '' : (r.error.issues[0]?.message ?? '').replace(/^请输入/, '').replace(/格式不正确$/, '');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD from the spellings people type (2015-6-8, 2015/06/08, 2015.6.8, 2015年6月8日, 20150608). */
export function parseDate(s: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1900) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** A validator's message without the field name it starts with (the column is named already). */
function firstMessage(schema: z.ZodType, value: string, prefix: string): string | null {
  const r = schema.safeParse(value);
  if (r.success) return null;
  const message = r.error.issues[0]?.message ?? '格式不正确';
  return message.startsWith(prefix) && message.length > prefix.length ? message.slice(prefix.length) : message;
}

const LIST_SEPARATORS = /[；;、,，\n\s]+/;

export function checkRow(r: SheetRow, departments: ReadonlyMap<string, DepartmentRef>, today: string): { problems: TImportProblem[]; values: RowValues } {
  const problems: TImportProblem[] = [];
  const add = (key: TImportColumnKey, message: string) => problems.push({ column: HEADER[key], message });
  const v = (key: TImportColumnKey) => r.values[key]?.trim() ?? '';
  const basic: TInstitutionBasicDraft = {};
  const lost = new Set(r.digitsLost);

  for (const c of IMPORT_COLUMNS) {
    if (lost.has(c.key)) add(c.key, 'Excel 把该单元格存成了数字，末尾几位已丢失；请将该列设为“文本”格式后重新填写');
    else if (c.required && v(c.key) === '') add(c.key, '不能为空');
  }
  const set = (key: BasicKey, value: unknown) => ((basic as Record<string, unknown>)[key] = value);

  // plain text
  for (const { column, key } of imported((f) => (f.input === 'text' || f.input === 'textarea') && !f.format)) {
    if (v(column) && !lost.has(column)) set(key, v(column));
  }

  // formats, in the words of the contracts validators (without the name the column already says)
  for (const { column, key, field } of imported((f) => !!f.format)) {
    const parsed = field.validator.safeParse(v(column));
    const value = parsed.success && typeof parsed.data === 'string' ? parsed.data : v(column);
    if (!value || lost.has(column)) continue;
    const message = firstMessage(field.format!, value, subjectOf(field.format!));
    if (message) add(column, message);
    else set(key, value);
  }

  for (const { column, key, field } of imported((f) => f.input === 'select')) {
    const value = v(column);
    if (!value) continue;
    const options = field.options ?? [];
    if (options.includes(value)) set(key, value);
    else add(column, `“${value}”不是可选值，应为：${options.join('、')}`);
  }

  for (const { column, key } of imported((f) => f.input === 'date')) {
    const raw = v(column);
    if (!raw) continue;
    const date = parseDate(raw);
    if (!date) add(column, `“${raw}”不是有效日期，格式应为 YYYY-MM-DD`);
    else if (date > today) add(column, '不能晚于今天');
    else set(key, date);
  }

  for (const { column, key } of imported((f) => f.input === 'amount')) {
    const raw = v(column);
    if (!raw) continue;
    const n = Number(raw.replace(/[,，]/g, '').replace(/万元$/, ''));
    if (!Number.isFinite(n)) add(column, `“${raw}”不是数字`);
    else set(key, n);
  }

  for (const { column, key, field } of imported((f) => f.input === 'department')) {
    const department = v(column);
    if (!department) continue;
    const d = departments.get(department);
    if (!d) add(column, `“${department}”不是已有的${field.label}编码，见模板“填写说明”`);
    else if (!d.active) add(column, `${field.label}“${d.name}”已停用`);
    else set(key, d.code);
  }

  for (const { column, key, field } of imported((f) => f.input === 'multi')) {
    const raw = v(column);
    if (!raw) continue;
    const parts = [...new Set(raw.split(LIST_SEPARATORS).filter(Boolean))];
    const unknown = parts.filter((s) => !(field.options ?? []).includes(s));
    if (unknown.length) add(column, `${unknown.map((s) => `“${s}”`).join('、')}不是可选的${field.label}，见模板“填写说明”；多项用“；”分隔`);
    else set(key, parts);
  }

  // 单位电话: 区号-号码[-分机号] into its three inputs
  for (const { column, key } of imported((f) => f.input === 'phone')) {
    const phone = v(column);
    if (!phone || lost.has(column)) continue;
    const message = firstMessage(ZLandline, phone, subjectOf(ZLandline));
    if (message) add(column, `${message}，应为 区号-号码[-分机号]，如 0431-88886666`);
    else {
      const [area, number, ext] = phone.split('-');
      const parts = BASIC_ENTRIES.filter((e) => e.field.partOf === key).map((e) => e.key as BasicKey);
      // the inputs in the form's order: 区号, (the number itself), 分机号
      set(parts[0]!, area);
      set(key, number);
      set(parts[1]!, ext ?? '');
    }
  }

  const licenceNumber = v('licenceNumber') || null;
  if (licenceNumber && licenceNumber.length > 60) add('licenceNumber', '不能超过60个字');
  let issuedOn: string | null = null;
  const issuedRaw = v('issuedOn');
  if (issuedRaw) {
    const date = parseDate(issuedRaw);
    if (!date) add('issuedOn', `“${issuedRaw}”不是有效日期，格式应为 YYYY-MM-DD`);
    else if (date > today) add('issuedOn', '不能晚于今天');
    else issuedOn = date;
    if (!licenceNumber) add('issuedOn', '填写了发证日期，但未填写许可证/备案编号');
  }

  // lengths and the remaining shapes, in the record schema's own words
  const parsed = ZInstitutionBasicDraft.safeParse(basic);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof TInstitutionBasicDraft;
      const key = COLUMN_OF[field] ?? (field as TImportColumnKey);
      if (key in HEADER) add(key, issue.message);
    }
  }
  return { problems, values: { basic: parsed.success ? parsed.data : basic, licenceNumber, issuedOn } };
}
