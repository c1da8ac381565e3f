import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { LIST_EXPORT_MAX_ROWS, listExportCapNote, listExportFileName } from '@jhrm/contracts';
import { contentDisposition, XLSX_TYPE } from './downloads';
import { formatBeijing } from './time';

/** One column of a list's 导出: the list's own column title and what the list shows in it. */
export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => string | number | Date | boolean | null | undefined;
  /** in characters; by default from the header */
  width?: number;
}

/**
 * The rows of the filters a page at a time: the list's own query (its filters, scoping and order),
 * asked for page 1, 2, … of `pageSize` rows; a short page ends it.
 */
export type ExportPages<Row> = (page: number, pageSize: number) => Promise<Row[]>;

export const EXPORT_BATCH = 500;

const cell = (v: ReturnType<ExportColumn<unknown>['value']>) => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return formatBeijing(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return v;
};

/**
 * A list's 导出: one sheet of the rows its filters select (not one page), header row bold,
 * columns as wide as their title or set, dates as text in Beijing time. Written by exceljs's
 * streaming writer while the rows are read in batches, so memory holds a batch, never the file.
 * Past `cap` rows the file stops and its last row says so. A failure half-way ends the download
 * broken, never hanging.
 */
export function streamListExport<Row>(
  sheetName: string,
  columns: readonly ExportColumn<Row>[],
  pages: ExportPages<Row>,
  { cap = LIST_EXPORT_MAX_ROWS, batch = EXPORT_BATCH }: { cap?: number; batch?: number } = {},
): Readable {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  const write = async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
    wb.creator = '吉林人力资源市场管理';
    const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.min(40, Math.max(10, c.header.length * 2 + 2)) }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    let written = 0;
    for (let page = 1; ; page++) {
      const rows = await pages(page, batch);
      if (written + rows.length > cap) {
        for (const row of rows.slice(0, cap - written)) ws.addRow(columns.map((c) => cell(c.value(row)))).commit();
        const note = ws.addRow([listExportCapNote(cap)]);
        note.font = { bold: true };
        note.commit();
        break;
      }
      for (const row of rows) ws.addRow(columns.map((c) => cell(c.value(row)))).commit();
      written += rows.length;
      // let the zip and the client take the batch before reading the next one
      await drained(ws, wb, out);
      if (out.destroyed) return;
      if (rows.length < batch) break;
    }
    ws.commit();
    await wb.commit();
  };
  void write().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}

/** What may wait between the rows written and the client before the next batch is read. */
const MAX_PENDING_BYTES = 4 * 1024 * 1024;
type Pending = { writableLength?: number; readableLength?: number; destroyed?: boolean };

/**
 * Waits until the bytes written so far have left for the client. exceljs's streaming writer pushes
 * each sheet's XML into the zip's deflate stream without heeding back-pressure, so the queue
 * between the rows and the socket is measured where it builds up (the sheet's pipe into the zip,
 * the zip's output, the response stream) and the writer waits while it is above MAX_PENDING_BYTES.
 */
export async function drained(ws: ExcelJS.Worksheet, wb: ExcelJS.stream.xlsx.WorkbookWriter, out: PassThrough) {
  const sheetPipes = ((ws as unknown as { stream?: { pipes?: Pending[] } }).stream?.pipes ?? []) as Pending[];
  const zip = (wb as unknown as { zip?: Pending }).zip;
  const pending = () =>
    sheetPipes.reduce((n, p) => n + (p.writableLength ?? 0) + (p.readableLength ?? 0), 0) + (zip?.readableLength ?? 0) + out.writableLength + out.readableLength;
  while (!out.destroyed && pending() > MAX_PENDING_BYTES) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** Sends the export as a download named `<list>_<Beijing time>.xlsx`, never sniffed, never cached. */
export function sendListExport(reply: FastifyReply, listName: string, stream: Readable, now: Date) {
  return reply
    .header('Content-Type', XLSX_TYPE)
    .header('Content-Disposition', contentDisposition(listExportFileName(listName, now)))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store')
    .send(stream);
}
