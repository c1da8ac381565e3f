import { renderToStaticMarkup } from 'react-dom/server';
import type { UseQueryResult } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { buildUrl } from '../lib/api-client';
import { QueryPage, type ListPage } from './QueryPage';

type Filters = { name?: string; uscc?: string };
type Row = { id: string };
const noRows = () => ({ data: { items: [], total: 0 }, isFetching: false, isError: false, error: null }) as unknown as UseQueryResult<ListPage<Row>, Error>;

const render = (extra: { exportUrl?: (f: Filters) => string }) =>
  renderToStaticMarkup(
    <QueryPage<Filters, Filters, Row>
      name="t"
      layout="grid"
      title="列表"
      filters={[]}
      initialValues={{ name: '博润', uscc: '' }}
      toFilters={(v) => (v.name ? { name: v.name } : {})}
      useRows={noRows}
      rowKey="id"
      columns={[]}
      {...extra}
    />,
  );

describe('QueryPage 导出', () => {
  it('links 导出 to the export of the conditions in force, as a download', () => {
    const html = render({ exportUrl: (f) => buildUrl('/api/things/export', f) });
    const link = /<a[^>]*href="([^"]*)"[^>]*>/.exec(html);
    expect(link?.[1]).toBe(`/api/things/export?name=${encodeURIComponent('博润')}`);
    expect(link?.[0]).toContain('download');
    expect(html).toContain('导出');
  });

  it('offers no 导出 without an export', () => {
    expect(render({})).not.toContain('导出');
  });
});
