import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { listExportCapNote } from '@jhrm/contracts';
import { streamListExport, type ExportColumn } from './list-export';

type Row = { n: number; at: Date | null; ok: boolean };
const COLUMNS: ExportColumn<Row>[] = [
  { header: '序号', value: (r) => r.n },
  { header: '提交时间', value: (r) => r.at },
  { header: '是否通过', value: (r) => r.ok },
];
const source = (total: number, asked: [number, number][] = []) => async (page: number, pageSize: number) => {
  asked.push([page, pageSize]);
  return Array.from({ length: Math.max(0, Math.min(pageSize, total - (page - 1) * pageSize)) }, (_, i) => {
    const n = (page - 1) * pageSize + i + 1;
    return { n, at: n === 1 ? new Date('2026-12-05T16:30:00Z') : null, ok: n % 2 === 0 };
  });
};

async function open(total: number, opts: { cap?: number; batch?: number }, asked?: [number, number][]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buffer(streamListExport('列表', COLUMNS, source(total, asked), opts))) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1))));
  return { ws, rows };
}

describe('streamListExport', () => {
  it('writes the header in bold, then every page of rows, dates in Beijing time, yes/no in Chinese', async () => {
    const asked: [number, number][] = [];
    const { ws, rows } = await open(5, { batch: 2 }, asked);
    expect(ws.name).toBe('列表');
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(rows[0]).toEqual(['序号', '提交时间', '是否通过']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([1, 2, 3, 4, 5]);
    expect(rows[1]).toEqual([1, '2026-12-06 00:30', '否']);
    expect(rows[2]![2]).toBe('是');
    // pages until a short one
    expect(asked).toEqual([
      [1, 2],
      [2, 2],
      [3, 2],
    ]);
  });

  it('stops at the cap and says so in its last row', async () => {
    const { rows } = await open(7, { cap: 4, batch: 3 });
    expect(rows.slice(1, 5).map((r) => r[0])).toEqual([1, 2, 3, 4]);
    expect(rows).toHaveLength(6);
    expect(rows[5]![0]).toBe(listExportCapNote(4));
    // exactly the cap: no note
    const exact = await open(4, { cap: 4, batch: 2 });
    expect(exact.rows).toHaveLength(5);
    expect(exact.rows.flat()).not.toContain(listExportCapNote(4));
  });

  it('an empty result is the header alone', async () => {
    expect((await open(0, {})).rows).toEqual([['序号', '提交时间', '是否通过']]);
  });
});
