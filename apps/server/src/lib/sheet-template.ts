import ExcelJS from 'exceljs';
import { importHeader } from '@jhrm/contracts';

/** What an import template shows of one column. */
export interface TemplateColumn {
  key: string;
  header: string;
  required: boolean;
  /** how to fill it (the header cell's note and 填写说明) */
  note: string;
  example: string;
  /** the allowed values are listed in 填写说明 */
  values?: readonly unknown[];
  /** kept as text so Excel does not turn long digit strings into numbers */
  text?: boolean;
}

/**
 * An import template: the data sheet (frozen header, required columns shaded, a note on each header,
 * an example row) and a 填写说明 sheet with the usage lines and a table of the columns. The caller may
 * add its dictionaries and validations before writing it.
 */
export function templateWorkbook<C extends TemplateColumn>(sheetName: string, columns: readonly C[], example: (c: C) => string, usage: readonly string[]) {
  const wb = new ExcelJS.Workbook();
  wb.creator = '吉林人力资源市场管理';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const guide = wb.addWorksheet('填写说明');

  ws.columns = columns.map((c) => ({
    header: importHeader(c),
    key: c.key,
    width: Math.min(40, Math.max(12, c.example.length * 2 + 2, importHeader(c).length * 2 + 2)),
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFDE2E2' : 'FFF0F0F0' } };
    cell.note = [c.required ? '必填' : '选填', c.note, c.values ? '可选值见“填写说明”' : ''].filter(Boolean).join('；');
  });
  const sample = ws.addRow(Object.fromEntries(columns.map((c) => [c.key, example(c)])));
  sample.font = { italic: true, color: { argb: 'FF888888' } };

  guide.columns = [{ width: 28 }, { width: 14 }, { width: 60 }, { width: 40 }];
  guide.addRow(['填写说明']).font = { bold: true, size: 14 };
  for (const line of usage) guide.addRow([line]);
  guide.addRow([]);
  guide.addRow(['列名', '是否必填', '填写要求', '示例']).font = { bold: true };
  for (const c of columns) guide.addRow([c.header, c.required ? '必填' : '选填', c.note, c.example]);

  /** Appends a table of allowed values to 填写说明; returns the range of its first column (for a list validation). */
  const list = (title: string, head: string[], rows: string[][]) => {
    guide.addRow([]);
    guide.addRow([title]).font = { bold: true };
    guide.addRow(head).font = { bold: true };
    const first = guide.rowCount + 1;
    for (const r of rows) guide.addRow(r);
    return `'填写说明'!$A$${first}:$A$${guide.rowCount}`;
  };
  return { wb, ws, guide, list };
}

type DataValidations = { add(range: string, validation: ExcelJS.DataValidation): void };

/** Excel's drop-down on a column's data rows (2 … lastRow) from a range of allowed values. */
export function listValidation(ws: ExcelJS.Worksheet, key: string, lastRow: number, formula: string, title: string, strict = true): void {
  const letter = ws.getColumn(key).letter;
  (ws as unknown as { dataValidations: DataValidations }).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: strict,
    ...(strict ? { errorTitle: title, error: `请从下拉列表中选择${title}` } : {}),
  });
}

export const xlsxBuffer = async (wb: ExcelJS.Workbook): Promise<Buffer> => Buffer.from(await wb.xlsx.writeBuffer());
