import ExcelJS from 'exceljs';
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

type DataValidations = { add(range: string, validation: ExcelJS.DataValidation): void };

export async function templateXlsx(departments: readonly TemplateDepartment[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '吉林人力资源市场管理';
  const ws = wb.addWorksheet('机构信息', { views: [{ state: 'frozen', ySplit: 1 }] });
  const guide = wb.addWorksheet('填写说明');

  ws.columns = IMPORT_COLUMNS.map((c) => ({
    header: importHeader(c),
    key: c.key,
    width: Math.min(40, Math.max(12, c.example.length * 2 + 2, importHeader(c).length * 2 + 2)),
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFDE2E2' : 'FFF0F0F0' } };
    const note = [c.required ? '必填' : '选填', c.note, c.values ? '可选值见“填写说明”' : ''].filter(Boolean).join('；');
    cell.note = note;
  });
  const sample = ws.addRow(Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, example(c)])));
  sample.font = { italic: true, color: { argb: 'FF888888' } };

  // 填写说明: usage, the columns, then the allowed values of each dictionary column
  guide.columns = [{ width: 28 }, { width: 14 }, { width: 60 }, { width: 40 }];
  guide.addRow(['填写说明']).font = { bold: true, size: 14 };
  for (const line of USAGE) guide.addRow([line]);
  guide.addRow([]);
  guide.addRow(['列名', '是否必填', '填写要求', '示例']).font = { bold: true };
  for (const c of IMPORT_COLUMNS) guide.addRow([c.header, c.required ? '必填' : '选填', c.note, c.example]);

  const list = (title: string, head: string[], rows: string[][]) => {
    guide.addRow([]);
    guide.addRow([title]).font = { bold: true };
    guide.addRow(head).font = { bold: true };
    const first = guide.rowCount + 1;
    for (const r of rows) guide.addRow(r);
    return `'填写说明'!$A$${first}:$A$${guide.rowCount}`;
  };
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
  const validations = (ws as unknown as { dataValidations: DataValidations }).dataValidations;
  const letter = (key: string) => ws.getColumn(key).letter;
  validations.add(`${letter('category')}2:${letter('category')}${last}`, {
    type: 'list',
    allowBlank: true,
    formulae: [categories],
    showErrorMessage: true,
    errorTitle: category,
    error: `请从下拉列表中选择${category}`,
  });
  validations.add(`${letter('department')}2:${letter('department')}${last}`, {
    type: 'list',
    allowBlank: true,
    formulae: [codes],
    showErrorMessage: false,
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** UTF-8 with a BOM, so Excel opens the Chinese headers correctly. */
export function templateCsv(): Buffer {
  const lines = [IMPORT_COLUMNS.map(importHeader), IMPORT_COLUMNS.map(example)].map((r) => r.map(csvField).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
