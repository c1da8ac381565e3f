import { useState } from 'react';
import { Table, type TableColumnsType } from 'antd';
import { guidePagination, INITIAL_PAGE } from '../pagination';
import { useKeyboardScroll } from '../useKeyboardScroll';

/** A read-only list held in memory, paged like every list (15 a page, the guide's pager text). */
export function PagedTable<Row extends object>({ columns, rows, scrollX }: { columns: TableColumnsType<Row>; rows: readonly Row[]; scrollX?: number }) {
  const [paging, setPaging] = useState<{ page: number; pageSize: number }>(INITIAL_PAGE);
  const data = rows.map((r, i) => ({ ...r, __key: i }));
  const scrollRef = useKeyboardScroll();
  return (
    <div ref={scrollRef}>
      <Table<Row & { __key: number }>
        rowKey="__key"
        size="middle"
        columns={columns as TableColumnsType<Row & { __key: number }>}
        dataSource={data}
        scroll={scrollX ? { x: scrollX } : undefined}
        pagination={guidePagination({
          page: paging.page,
          pageSize: paging.pageSize,
          total: rows.length,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        })}
      />
    </div>
  );
}
