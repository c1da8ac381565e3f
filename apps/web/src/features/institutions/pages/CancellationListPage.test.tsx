import { describe, expect, it } from 'vitest';
import type { TInstitutionListItem } from '@jhrm/contracts';
import { CancellationRowActions } from './CancellationListPage';
import { links, listRow as row, renderRow, text } from './row-actions.fixture';

const render = (r: TInstitutionListItem) => renderRow(<CancellationRowActions row={r} />);

describe('人力资源服务机构注销: a row’s 操作', () => {
  it('offers 注销 (a new 机构注销申请) for an institution in force', () => {
    expect(links(render(row({})))).toEqual([['注销', '/hr/institutions/cancellation/apply?institution=i1']]);
  });

  it('continues an open 注销 (注销 / 材料上传) while it may be edited, and only shows it once submitted', () => {
    const draft = render(row({ cancellation: { applicationId: 'c1', status: '审核不通过' } }));
    expect(links(draft)).toEqual([
      ['注销', '/hr/institutions/cancellation/apply/c1'],
      ['材料上传', '/hr/institutions/cancellation/apply/c1?open=materials'],
    ]);
    const submitted = render(row({ cancellation: { applicationId: 'c1', status: '待审核' } }));
    expect(links(submitted)).toEqual([['查看', '/hr/institutions/cancellation/apply/c1']]);
    expect(text(submitted)).toContain('注销申请待审核');
  });

  it('says why not for an institution not yet 审核通过, or already 注销', () => {
    const pending = render(row({ reviewStatus: '待审核' }));
    expect(links(pending)).toEqual([]);
    expect(text(pending)).toBe('审核通过后才能注销');
    const cancelled = render(row({ cancelStatus: '注销', cancellation: null }));
    expect(links(cancelled)).toEqual([]);
    expect(text(cancelled)).toBe('已注销');
  });
});
