import { describe, expect, it } from 'vitest';
import type { TInstitutionListItem } from '@jhrm/contracts';
import { ChangeRowActions } from './ChangeListPage';
import { links, listRow as row, renderRow, text } from './row-actions.fixture';

const render = (r: TInstitutionListItem) => renderRow(<ChangeRowActions row={r} />);

describe('人力资源服务机构变更: a row’s 操作', () => {
  it('offers 变更 (a new 机构变更申请) for an institution in force', () => {
    expect(links(render(row({})))).toEqual([['变更', '/hr/institutions/change/apply?institution=i1']]);
  });

  it('continues an open 变更 (变更 / 材料上传 / 视频上传) while it may be edited, and only shows it once submitted', () => {
    const draft = render(row({ change: { applicationId: 'c1', status: '待提交', reason: '变更住所(地址)' } }));
    expect(links(draft)).toEqual([
      ['变更', '/hr/institutions/change/apply/c1'],
      ['材料上传', '/hr/institutions/change/apply/c1?open=materials'],
      ['视频上传', '/hr/institutions/change/apply/c1?open=video'],
    ]);
    const submitted = render(row({ change: { applicationId: 'c1', status: '待审核', reason: '变更住所(地址)' } }));
    expect(links(submitted)).toEqual([['查看', '/hr/institutions/change/apply/c1']]);
    expect(text(submitted)).toContain('变更申请待审核');
  });

  it('says why not for an institution not yet 审核通过, or 注销', () => {
    const pending = render(row({ reviewStatus: '待审核' }));
    expect(links(pending)).toEqual([]);
    expect(text(pending)).toBe('审核通过后才能变更');
    const cancelled = render(row({ cancelStatus: '注销' }));
    expect(links(cancelled)).toEqual([]);
    expect(text(cancelled)).toBe('已注销');
  });
});
