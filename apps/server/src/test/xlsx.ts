import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { TestClient } from './harness';

/** GETs a list's 导出 and opens it: the sheet's header row and data rows, as text. */
export async function readExport(c: TestClient, url: string) {
  const res = await c.get(url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="[^"]*\.xlsx"; filename\*=UTF-8''/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  const sheet = wb.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => rows.push(Array.from((row.values as unknown[]).slice(1), (v) => (v == null ? '' : String(v)))));
  // a row's trailing empty cells are not stored: pad to the header's width
  const width = rows[0]?.length ?? 0;
  for (const r of rows) while (r.length < width) r.push('');
  return { sheet, fileName: decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!), header: rows[0]!, rows: rows.slice(1), bold: sheet.getRow(1).font?.bold };
}
