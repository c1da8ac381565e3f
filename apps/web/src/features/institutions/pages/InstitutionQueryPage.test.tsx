import { describe, expect, it } from 'vitest';
import type { TInstitutionListItem } from '@jhrm/contracts';
import { RowActions } from './InstitutionQueryPage';
import { links, listRow as row, renderRow } from './row-actions.fixture';

const render = (r: TInstitutionListItem, readOnly = false) => renderRow(<RowActions row={r} readOnly={readOnly} />);

describe('人力资源服务机构查询: the download of a row', () => {
  it('is 许可证下载 for a licensed institution and 备案凭证下载 for a 备案 one', () => {
    const actions: TInstitutionListItem['actions'] = ['查看', '许可证下载'];
    expect(links(render(row({ actions })))).toEqual([
      ['查看', '/hr/institutions/i1/view'],
      ['许可证下载', '/api/licences/l1/pdf'],
    ]);
    expect(links(render(row({ kind: '备案', licensed: false, actions }), true))).toEqual([
      ['查看', '/hr/institutions/i1/view'],
      ['备案凭证下载', '/api/licences/l1/pdf'],
    ]);
  });

  it('offers no download without a document in force', () => {
    expect(links(render(row({ licenceId: null, actions: ['查看'] })))).toEqual([['查看', '/hr/institutions/i1/view']]);
  });
});
