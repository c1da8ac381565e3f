import {
  BASIC_FIELDS,
  BUSINESS_SCOPES,
  DERIVED_LABELS,
  IMPORT_COLUMNS,
  IMPORT_EXAMPLE_PREFIX,
  IMPORT_MAX_ROWS,
  INSTITUTION_CATEGORIES,
  LICENSED_SCOPES,
  importColumnHeader,
  importHeader,
  type ImportColumn,
} from '@jhrm/contracts';
import { listValidation, templateWorkbook, xlsxBuffer } from '../../lib/sheet-template';

/** The import templates: what the admin fills in, with the allowed values beside it. */

export const TEMPLATE_NAME = '人力资源服务机构导入模板';

export interface TemplateDepartment {
  code: string;
  name: string;
}

const example = (c: ImportColumn) => (c.key === 'name' ? `${IMPORT_EXAMPLE_PREFIX}${c.example}` : c.example);

const USAGE = [
  '1. 第1行为列名，请勿修改；带 * 的列必须填写。',
  `2. 第2行为示例（以“${IMPORT_EXAMPLE_PREFIX}”开头），不会被导入，可保留或删除；以“【”开头的行都不导入。`,
  `3. 每个文件最多 ${IMPORT_MAX_ROWS} 行，文件不超过 10 MB；也可另存为“CSV UTF-8（逗号分隔）”后导入。`,
  '4. 机构按“统一社会信用代码”归属到单位：该单位已注册的，导入后立即可见；尚未注册的，单位法人注册后即可见。',
  '5. 统一社会信用代码、身份证号、手机号码等列已设为文本格式，请勿改为数字（Excel 会丢失末几位）。',
  '6. 导入前请先“校验”：系统逐行列出问题；任何一行有问题时不会导入任何数据。',
  '7. 导入的机构为“审核通过”；填写了许可证/备案编号的，同时登记该证照（申请业务含职业中介活动的为许可证，否则为备案凭证）。',
];

export async function templateXlsx(departments: readonly TemplateDepartment[]): Promise<Buffer> {
  const { wb, ws, guide, list } = templateWorkbook('机构信息', IMPORT_COLUMNS, example, USAGE);
  const [category, scopes, department] = [importColumnHeader('category'), importColumnHeader('scopes'), importColumnHeader('department')];
  const categories = list(`${category} 可选值`, [category], INSTITUTION_CATEGORIES.map((c) => [c]));
  list(
    `${scopes} 可选值（多项用“；”分隔）`,
    [scopes, DERIVED_LABELS.kind],
    BUSINESS_SCOPES.map((s) => [s, LICENSED_SCOPES.includes(s) ? '许可（职业中介活动）' : '备案']),
  );
  const codes = list(department, ['编码', BASIC_FIELDS.department.label], departments.map((d) => [d.code, d.name]));
  for (let r = 1; r <= guide.rowCount; r++) {
    const cell = guide.getCell(r, 1);
    if (/^\d{6}$/.test(String(cell.value ?? ''))) cell.numFmt = '@';
  }

  const last = IMPORT_MAX_ROWS + 1;
  listValidation(ws, 'category', last, categories, category);
  listValidation(ws, 'department', last, codes, department, false);
  return xlsxBuffer(wb);
}

const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** UTF-8 with a BOM, so Excel opens the Chinese headers correctly. */
export function templateCsv(): Buffer {
  const lines = [IMPORT_COLUMNS.map(importHeader), IMPORT_COLUMNS.map(example)].map((r) => r.map(csvField).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
