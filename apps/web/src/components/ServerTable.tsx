import { Alert, Table, type TableProps } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { guidePagination } from './pagination';
import { useKeyboardScroll } from './useKeyboardScroll';

export interface ServerTableProps<Row extends object> extends Omit<TableProps<Row>, 'dataSource' | 'loading' | 'pagination'> {
  /** the list's query: one page of rows and the total the server counted */
  query: UseQueryResult<{ items: Row[]; total: number }, Error>;
  paging: { page: number; pageSize: number };
  onPaging: (page: number, pageSize: number) => void;
  /** the page sizes offered, when a list allows fewer than the usual ones */
  pageSizes?: readonly number[];
}

/**
 * A list paged by the server, as every such list in the system shows it: the query's error above
 * the table, the guide's pager, and (when it scrolls sideways) reachable by keyboard.
 */
export function ServerTable<Row extends object>({ query, paging, onPaging, pageSizes, ...table }: ServerTableProps<Row>) {
  const scrollRef = useKeyboardScroll();
  return (
    <div ref={scrollRef}>
      {query.isError && <Alert className="table-alert" type="error" showIcon message={query.error.message} />}
      <Table<Row>
        size="middle"
        {...table}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={{
          ...guidePagination({ ...paging, total: query.data?.total ?? 0, onChange: onPaging }),
          ...(pageSizes ? { pageSizeOptions: pageSizes.map(String) } : {}),
        }}
      />
    </div>
  );
}
