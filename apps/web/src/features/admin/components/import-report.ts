import { groupMissingFields, IMPORT_MAX_BYTES, type TImportReport, type TImportRowReport, type TMissingField } from '@jhrm/contracts';

/** Which rows the report table shows. */
export type RowFilter = 'all' | 'problems' | 'ok';

export function filterRows(rows: readonly TImportRowReport[], filter: RowFilter): TImportRowReport[] {
  if (filter === 'problems') return rows.filter((r) => r.status !== '可导入');
  if (filter === 'ok') return rows.filter((r) => r.status === '可导入');
  return [...rows];
}

/** 「机构联系信息：是否邮寄、邮政编码」 per section, in the order the fields come. */
export function groupMissing(fields: readonly TMissingField[]): string[] {
  return groupMissingFields(fields).map(([section, labels]) => `${section}：${labels.join('、')}`);
}

/** Whether the 导入 button may be offered for this report. */
export const importable = (report: TImportReport | null): report is TImportReport => !!report && report.total > 0 && report.ok === report.total;

/** What the browser can say before uploading: a name the server will sniff anyway, and the size. */
export function fileProblem(file: { name: string; size: number }): string | null {
  if (!/\.(xlsx|csv)$/i.test(file.name)) return '请选择 .xlsx 或 .csv 文件（可从本页下载模板）';
  if (file.size > IMPORT_MAX_BYTES) return `文件超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB，请拆分为多个文件后再导入`;
  if (file.size === 0) return '文件是空的';
  return null;
}

export const confirmText = (n: number) => `将导入${n}个机构，导入后立即对相应单位可见。确定导入？`;
