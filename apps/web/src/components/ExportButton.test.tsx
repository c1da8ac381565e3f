import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ExportButton } from './ExportButton';

describe('ExportButton', () => {
  it('is a same-origin download link titled in Chinese, with the download icon', () => {
    const html = renderToStaticMarkup(<ExportButton href="/api/agents/export" />);
    const link = /<a[^>]*>/.exec(html)![0];
    expect(link).toContain('href="/api/agents/export"');
    expect(link).toContain('download');
    expect(link).toContain('title="导出当前查询条件下的全部结果（Excel）"');
    expect(html).toContain('anticon-download');
    expect(html).toContain('导出');
  });
});
