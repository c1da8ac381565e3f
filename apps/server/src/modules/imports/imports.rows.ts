import {
  BUSINESS_SCOPES,
  IMPORT_COLUMNS,
  INSTITUTION_CATEGORIES,
  ZEmail,
  ZIdCard,
  ZInstitutionBasicDraft,
  ZLandline,
  ZMobile,
  ZPostcode,
  ZUscc,
  type TBusinessScope,
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

/** Record field → the import column it comes from (for the record schema's own messages). */
const COLUMN_OF: Partial<Record<keyof TInstitutionBasicDraft, TImportColumnKey>> = {
  phoneAreaCode: 'unitPhone',
  phoneNumber: 'unitPhone',
  phoneExtension: 'unitPhone',
};

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

const SCOPE_SEPARATORS = /[；;、,，\n\s]+/;

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
  const text = (key: TImportColumnKey & keyof TInstitutionBasicDraft) => {
    if (v(key) && !lost.has(key)) (basic as Record<string, unknown>)[key] = v(key);
  };
  text('name');
  text('shortName');
  text('legalRep');
  text('legalRepTitle');
  text('officeAddress');
  text('contactPerson');
  text('remarks');

  const formatted = (key: TImportColumnKey & keyof TInstitutionBasicDraft, schema: z.ZodType, prefix: string, normalize: (s: string) => string = (s) => s) => {
    const value = normalize(v(key));
    if (!value || lost.has(key)) return;
    const message = firstMessage(schema, value, prefix);
    if (message) add(key, message);
    else (basic as Record<string, unknown>)[key] = value;
  };
  formatted('uscc', ZUscc, '统一社会信用代码', (s) => s.toUpperCase());
  formatted('legalRepIdCard', ZIdCard, '身份证号', (s) => s.toUpperCase());
  formatted('legalRepPhone', ZMobile, '手机号码');
  formatted('contactMobile', ZMobile, '手机号码');
  formatted('postcode', ZPostcode, '邮政编码');
  formatted('email', ZEmail, '电子邮件');

  const category = v('category');
  if (category) {
    if ((INSTITUTION_CATEGORIES as readonly string[]).includes(category)) basic.category = category as TInstitutionBasicDraft['category'];
    else add('category', `“${category}”不是可选值，应为：${INSTITUTION_CATEGORIES.join('、')}`);
  }

  for (const key of ['foundedOn'] as const) {
    const raw = v(key);
    if (!raw) continue;
    const date = parseDate(raw);
    if (!date) add(key, `“${raw}”不是有效日期，格式应为 YYYY-MM-DD`);
    else if (date > today) add(key, '不能晚于今天');
    else basic[key] = date;
  }

  const capital = v('registeredCapital');
  if (capital) {
    const n = Number(capital.replace(/[,，]/g, '').replace(/万元$/, ''));
    if (!Number.isFinite(n)) add('registeredCapital', `“${capital}”不是数字`);
    else basic.registeredCapital = n;
  }

  const department = v('department');
  if (department) {
    const d = departments.get(department);
    if (!d) add('department', `“${department}”不是已有的审批部门编码，见模板“填写说明”`);
    else if (!d.active) add('department', `审批部门“${d.name}”已停用`);
    else basic.department = d.code;
  }

  const scopesText = v('scopes');
  if (scopesText) {
    const parts = [...new Set(scopesText.split(SCOPE_SEPARATORS).filter(Boolean))];
    const unknown = parts.filter((s) => !(BUSINESS_SCOPES as readonly string[]).includes(s));
    if (unknown.length) add('scopes', `${unknown.map((s) => `“${s}”`).join('、')}不是可选的申请业务，见模板“填写说明”；多项用“；”分隔`);
    else basic.scopes = parts as TBusinessScope[];
  }

  const phone = v('unitPhone');
  if (phone && !lost.has('unitPhone')) {
    const message = firstMessage(ZLandline, phone, '电话号码');
    if (message) add('unitPhone', `${message}，应为 区号-号码[-分机号]，如 0431-88886666`);
    else {
      const [area, number, ext] = phone.split('-');
      Object.assign(basic, { phoneAreaCode: area, phoneNumber: number, phoneExtension: ext ?? '' });
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
