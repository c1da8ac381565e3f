import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { AppErrorCode, IMPORT_SKIP_MARK, normalizeImportHeader } from '@jhrm/contracts';
import { AppError } from './app-error';

/**
 * Reading an uploaded spreadsheet (the admin's institution import, a unit's practitioner import): the
 * format judged by content (a ZIP container is an XLSX, text is a CSV, anything else is refused), the
 * header matched to the caller's columns, every data row as text. No rule about the values lives
 * here; the caller checks them.
 */

export type SheetFormat = 'xlsx' | 'csv';

/** A column the sheet may carry, matched by its header or an alias (normalizeImportHeader). */
export interface SheetColumn<K extends string> {
  key: K;
  header: string;
  aliases?: readonly string[];
  required: boolean;
  /** an Excel date serial in it is read as YYYY-MM-DD */
  date?: boolean;
}

export interface SheetSpec<K extends string> {
  columns: readonly SheetColumn<K>[];
  maxRows: number;
}

export interface SheetRow<K extends string> {
  /** the row number a person sees in Excel (header = 1 in the template) */
  row: number;
  values: Partial<Record<K, string>>;
  /** columns whose cell Excel stored as a number too long to keep every digit */
  digitsLost: K[];
}

export interface Sheet<K extends string> {
  format: SheetFormat;
  rows: SheetRow<K>[];
}

/** An XLSX is a ZIP whose parts may inflate far beyond the upload: refuse before exceljs expands them. */
const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 5000;

const notSpreadsheet = (name: string) =>
  new AppError(AppErrorCode.UNSUPPORTED_MEDIA, `文件“${name}”不是 XLSX 或 CSV 文件（按文件内容判断，与扩展名无关），请使用下载的模板填写`);

/** Binary formats people might pick by mistake; each gets a message of its own where that helps. */
function sniffBinary(buf: Buffer, name: string): void {
  const head = buf.subarray(0, 8);
  if (head.length >= 8 && head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw new AppError(AppErrorCode.UNSUPPORTED_MEDIA, `文件“${name}”是旧版 Excel（.xls）格式，请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）后再导入`);
  }
  if (buf.includes(0) || KNOWN_BINARY.some((sig) => buf.subarray(0, sig.length).equals(sig))) throw notSpreadsheet(name);
}

/** Files people pick by mistake whose first bytes are not NUL-free garbage: images, PDF. */
const KNOWN_BINARY = [
  Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  Buffer.from([0xff, 0xd8, 0xff]),
  Buffer.from('GIF8', 'latin1'),
  Buffer.from('%PDF-', 'latin1'),
];

/** Text a person could have written in a spreadsheet: no control characters but tab and line breaks. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/** A ZIP container, as every XLSX is; anything else is read as CSV text (or refused as binary). */
export const isZip = (buf: Buffer) => buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;

export function sniffFormat(buf: Buffer, name: string): SheetFormat {
  if (buf.length === 0) throw new AppError(AppErrorCode.VALIDATION, `文件“${name}”是空文件`);
  if (isZip(buf)) return 'xlsx';
  sniffBinary(buf, name);
  return 'csv';
}

/** Sum of the uncompressed sizes in the ZIP central directory (null when it cannot be read). */
export function zipUnpackedSize(buf: Buffer): { bytes: number; entries: number } | null {
  const min = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  let bytes = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const size = buf.readUInt32LE(p + 24);
    // ZIP64 sizes (0xFFFFFFFF) are more than any sheet we accept
    if (size === 0xffffffff) return { bytes: Number.MAX_SAFE_INTEGER, entries };
    bytes += size;
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return { bytes, entries };
}

/** Text of a CSV: UTF-8 (with or without BOM), else GB18030, which is what Excel on Chinese Windows writes. */
export function decodeCsv(buf: Buffer, name: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(buf);
    } catch {
      throw notSpreadsheet(name);
    }
  }
  if (CONTROL.test(text)) throw notSpreadsheet(name);
  return text;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An Excel date serial (days since 1899-12-30) as YYYY-MM-DD. */
function excelSerialDate(n: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** One XLSX cell as the text a person typed; dates (in a date column) as YYYY-MM-DD. */
function cellText(v: ExcelJS.CellValue, isDate = false): { text: string; digitsLost?: boolean } {
  if (v === null || v === undefined) return { text: '' };
  if (v instanceof Date) {
    // exceljs reads a date cell as that day's midnight UTC
    return { text: `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}` };
  }
  if (typeof v === 'number') {
    if (isDate && v > 1 && v < 2_958_466) return { text: excelSerialDate(v) };
    // Excel keeps 15 significant digits: an 18-digit ID typed as a number has lost its end
    if (Number.isInteger(v) && Math.abs(v) >= 1e15) return { text: BigInt(v).toString(), digitsLost: true };
    return { text: String(v) };
  }
  if (typeof v === 'string') return { text: v.trim() };
  if (typeof v === 'boolean') return { text: v ? '是' : '否' };
  if ('richText' in v) return { text: v.richText.map((t) => t.text).join('').trim() };
  if ('formula' in v || 'sharedFormula' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue, isDate);
  if ('hyperlink' in v) return { text: String(v.text ?? '').trim() };
  if ('error' in v) return { text: String(v.error) };
  return { text: '' };
}

/** Which column of the sheet holds which field; refuses a sheet that lacks a required column. */
export function mapHeader<K extends string>(header: string[], spec: SheetSpec<K>): Map<number, SheetColumn<K>> {
  const byHeader = new Map<string, SheetColumn<K>>();
  for (const c of spec.columns) for (const h of [c.header, ...(c.aliases ?? [])]) byHeader.set(normalizeImportHeader(h), c);
  const map = new Map<number, SheetColumn<K>>();
  const seen = new Set<K>();
  header.forEach((h, i) => {
    const c = byHeader.get(normalizeImportHeader(h));
    if (c && !seen.has(c.key)) {
      map.set(i, c);
      seen.add(c.key);
    }
  });
  const missing = spec.columns.filter((c) => c.required && !seen.has(c.key)).map((c) => c.header);
  if (missing.length) {
    throw new AppError(
      AppErrorCode.VALIDATION,
      `文件第1行缺少必填列：${missing.join('、')}。请使用下载的模板，第1行为列名`,
      missing.map((m) => ({ path: 'file', message: `缺少列：${m}` })),
    );
  }
  return map;
}

const tooManyRows = (max: number) => new AppError(AppErrorCode.VALIDATION, `每个文件最多导入 ${max} 行，请拆分为多个文件`);

function toRows<K extends string>(grid: { row: number; cells: { text: string; digitsLost?: boolean }[] }[], name: string, spec: SheetSpec<K>): SheetRow<K>[] {
  const headerAt = grid.findIndex((r) => r.cells.some((c) => c.text !== ''));
  if (headerAt < 0) throw new AppError(AppErrorCode.VALIDATION, `文件“${name}”中没有内容`);
  const columns = mapHeader(grid[headerAt]!.cells.map((c) => c.text), spec);
  const rows: SheetRow<K>[] = [];
  for (const r of grid.slice(headerAt + 1)) {
    const first = r.cells.find((c) => c.text !== '');
    // blank rows, and the template's 【示例】/【说明】 rows, are not data
    if (!first || first.text.startsWith(IMPORT_SKIP_MARK)) continue;
    const values: SheetRow<K>['values'] = {};
    const digitsLost: K[] = [];
    for (const [i, { key }] of columns) {
      const cell = r.cells[i];
      if (!cell) continue;
      values[key] = cell.text;
      if (cell.digitsLost) digitsLost.push(key);
    }
    rows.push({ row: r.row, values, digitsLost });
    if (rows.length > spec.maxRows) throw tooManyRows(spec.maxRows);
  }
  if (rows.length === 0) throw new AppError(AppErrorCode.VALIDATION, `文件“${name}”中没有可导入的数据行（第1行为列名，以“【”开头的行是示例或说明，不导入）`);
  return rows;
}

async function readXlsx<K extends string>(buf: Buffer, name: string, spec: SheetSpec<K>): Promise<Sheet<K>> {
  const size = zipUnpackedSize(buf);
  if (!size) throw new AppError(AppErrorCode.UNSUPPORTED_MEDIA, `文件“${name}”不是有效的 XLSX 文件（文件已损坏或不完整）`);
  if (size.bytes > MAX_UNZIPPED_BYTES || size.entries > MAX_ZIP_ENTRIES) {
    throw new AppError(AppErrorCode.PAYLOAD_TOO_LARGE, `文件“${name}”解压后过大，请删除多余的工作表、图片后再导入，或另存为 CSV`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError(AppErrorCode.UNSUPPORTED_MEDIA, `文件“${name}”不是有效的 XLSX 文件（按文件内容判断，与扩展名无关）`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError(AppErrorCode.VALIDATION, `文件“${name}”中没有工作表`);
  if (sheet.actualRowCount > spec.maxRows + 20) throw tooManyRows(spec.maxRows);
  // the header row decides which cells are read; keys are resolved per column after mapping
  const raw: { row: number; values: ExcelJS.CellValue[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    raw.push({ row: rowNumber, values });
  });
  const headerAt = raw.findIndex((r) => r.values.some((v) => cellText(v).text !== ''));
  const columns = headerAt >= 0 ? mapHeader(Array.from(raw[headerAt]!.values, (v) => cellText(v).text), spec) : new Map<number, SheetColumn<K>>();
  // Array.from, not map: a blank cell is a hole in exceljs's row array, and holes must become ''
  const grid = raw.map((r) => ({ row: r.row, cells: Array.from({ length: r.values.length }, (_, i) => cellText(r.values[i], columns.get(i)?.date)) }));
  return { format: 'xlsx', rows: toRows(grid, name, spec) };
}

function readCsv<K extends string>(buf: Buffer, name: string, spec: SheetSpec<K>): Sheet<K> {
  const text = decodeCsv(buf, name);
  let records: string[][];
  try {
    records = parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new AppError(AppErrorCode.VALIDATION, `文件“${name}”不是有效的 CSV 文件${line ? `（第${line}行附近引号不匹配或格式错误）` : ''}，请用 Excel 另存为“CSV UTF-8（逗号分隔）”`);
  }
  const grid = records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => ({ text: c.trim() })) }));
  return { format: 'csv', rows: toRows(grid, name, spec) };
}

/** The data rows of an uploaded spreadsheet, or an AppError a person can act on. */
export async function readSheet<K extends string>(buf: Buffer, name: string, spec: SheetSpec<K>): Promise<Sheet<K>> {
  return sniffFormat(buf, name) === 'xlsx' ? readXlsx(buf, name, spec) : readCsv(buf, name, spec);
}
