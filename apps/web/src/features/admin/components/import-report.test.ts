import { describe, expect, it } from 'vitest';
import type { TImportReport, TImportRowReport } from '@jhrm/contracts';
import { confirmText, fileProblem, filterRows, groupMissing, importable } from './import-report';

const row = (n: number, status: TImportRowReport['status']): TImportRowReport => ({ row: n, name: `机构${n}`, uscc: '', status, problems: [], missingForChange: [] });
const report = (rows: TImportRowReport[]): TImportReport => ({
  fileName: 'a.csv',
  format: 'csv',
  total: rows.length,
  ok: rows.filter((r) => r.status === '可导入').length,
  errors: rows.filter((r) => r.status === '有错误').length,
  duplicates: rows.filter((r) => r.status === '重复').length,
  newUnits: 0,
  rows,
});

describe('import report helpers', () => {
  it('filters rows by status', () => {
    const rows = [row(2, '可导入'), row(3, '有错误'), row(4, '重复')];
    expect(filterRows(rows, 'all').map((r) => r.row)).toEqual([2, 3, 4]);
    expect(filterRows(rows, 'problems').map((r) => r.row)).toEqual([3, 4]);
    expect(filterRows(rows, 'ok').map((r) => r.row)).toEqual([2]);
  });

  it('groups the fields a 变更 needs by section, keeping their order', () => {
    expect(
      groupMissing([
        { section: '机构基本信息', label: '法人身份证' },
        { section: '机构联系信息', label: '是否邮寄' },
        { section: '机构联系信息', label: '邮政编码' },
        { section: '机构基本信息', label: '申请业务' },
      ]),
    ).toEqual(['机构基本信息：法人身份证、申请业务', '机构联系信息：是否邮寄、邮政编码']);
    expect(groupMissing([])).toEqual([]);
  });

  it('offers 导入 only when every row is importable', () => {
    expect(importable(null)).toBe(false);
    expect(importable(report([]))).toBe(false);
    expect(importable(report([row(2, '可导入'), row(3, '重复')]))).toBe(false);
    expect(importable(report([row(2, '可导入'), row(3, '可导入')]))).toBe(true);
  });

  it('checks the file name and size before uploading', () => {
    expect(fileProblem({ name: '机构.XLSX', size: 100 })).toBeNull();
    expect(fileProblem({ name: '机构.csv', size: 100 })).toBeNull();
    expect(fileProblem({ name: '机构.xls', size: 100 })).toContain('.xlsx');
    expect(fileProblem({ name: '机构.csv', size: 11 * 1024 * 1024 })).toContain('10 MB');
    expect(fileProblem({ name: '机构.csv', size: 0 })).toBe('文件是空的');
  });

  it('asks for confirmation in the words of the brief', () => {
    expect(confirmText(3)).toBe('将导入3个机构，导入后立即对相应单位可见。确定导入？');
  });
});
