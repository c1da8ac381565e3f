import type { TablePaginationConfig } from 'antd';
import { DEFAULT_PAGE_SIZE } from '@jhrm/contracts';

export const PAGE_SIZE_OPTIONS = [10, 15, 20, 50, 100] as const;

/** The guide's pager text: 第 N 页 共 M 页 显示 a 到 b, 共 T 记录. */
export function guidePagerText(page: number, pageSize: number, total: number): string {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(page * pageSize, total);
  return `第 ${page} 页 共 ${pages} 页 显示 ${from} 到 ${to}, 共 ${total} 记录`;
}

export interface GuidePaginationInput {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number, pageSize: number) => void;
}

/** Server-side pagination for every list: size selector (default 15) and the guide's text. */
export function guidePagination({ page, pageSize, total, onChange }: GuidePaginationInput): TablePaginationConfig {
  return {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZE_OPTIONS.map(String),
    showTotal: (t) => guidePagerText(page, pageSize, t),
    onChange: (nextPage, nextSize) => {
      // Changing the page size starts again from page 1, as the guide's pager does.
      onChange(nextSize !== pageSize ? 1 : nextPage, nextSize);
    },
  };
}

export const INITIAL_PAGE = { page: 1, pageSize: DEFAULT_PAGE_SIZE } as const;
