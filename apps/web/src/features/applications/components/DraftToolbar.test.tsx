import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RECORD_TABS, type TAcceptanceView, type TApplicationDetail, type TReviewDecisionView } from '@jhrm/contracts';
import type { ApplicationDraft } from '../useApplicationDraft';
import { DraftBanners } from './DraftBanners';
import { DraftToolbar } from './DraftToolbar';

const PREVIEW = { title: '登记预览', frameTitle: '登记表预览', url: (id: string) => `/api/applications/${id}/templates/registrationForm?inline=1` };

/** The parts of the lifecycle the toolbar and banners read; the rest is never called while rendering. */
function draftOf(over: Partial<ApplicationDraft>): ApplicationDraft {
  return {
    kind: { label: '设立审批', tabs: RECORD_TABS, lists: [], submitLabel: '提交', video: true, preview: PREVIEW },
    detail: null,
    editable: true,
    dirty: false,
    savedAt: null,
    saving: false,
    withdrawing: false,
    nextTab: RECORD_TABS[1],
    rejection: null,
    correction: null,
    rejectionNotes: [],
    conflict: null,
    saveError: null,
    problems: null,
    submitDialog: { open: false, key: '', error: null, departmentError: null },
    ...over,
  } as unknown as ApplicationDraft;
}

const detail = (status: TApplicationDetail['status'], actions: string[], more: Partial<TApplicationDetail> = {}) =>
  ({ id: 'a1', status, actions, editable: status === '待提交' || status === '审核不通过', version: 3, reviews: [], acceptances: [], acceptedAt: null, ...more }) as unknown as TApplicationDetail;

/** The buttons' texts in order (antd spaces two-character labels: 保 存). */
const buttons = (html: string) => [...html.matchAll(/<button[^>]*>(.*?)<\/button>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/\s/g, ''));

describe('the draft toolbar', () => {
  it('offers the guide’s editing buttons on a draft, and no 撤回', () => {
    const html = renderToStaticMarkup(<DraftToolbar draft={draftOf({ detail: detail('待提交', ['提交']), dirty: true })} />);
    expect(buttons(html)).toEqual(['保存', '下一项', '附件材料', '视频材料', '提交', '清空', '登记预览']);
    expect(html).toContain('aria-label="设立审批操作"');
    expect(html).toContain('有未保存的修改');
  });

  it('on a submitted application shows the materials to look at, 登记预览 and 撤回 while the server allows it', () => {
    const withdrawable = renderToStaticMarkup(<DraftToolbar draft={draftOf({ detail: detail('待审核', ['撤回']), editable: false })} />);
    expect(buttons(withdrawable)).toEqual(['附件材料', '视频材料', '登记预览', '撤回']);
    const accepted = renderToStaticMarkup(<DraftToolbar draft={draftOf({ detail: detail('待审核', []), editable: false })} />);
    expect(buttons(accepted)).toEqual(['附件材料', '视频材料', '登记预览']);
  });

  it('names 提交 as the kind does and leaves out 视频材料 for a kind without a video (注销)', () => {
    const kind = { label: '注销申请', tabs: RECORD_TABS, lists: [], submitLabel: '注销', video: false, preview: PREVIEW };
    const draftHtml = renderToStaticMarkup(<DraftToolbar draft={draftOf({ kind, detail: detail('待提交', ['提交']) } as Partial<ApplicationDraft>)} />);
    expect(buttons(draftHtml)).toEqual(['保存', '下一项', '附件材料', '注销', '清空', '登记预览']);
    const submitted = renderToStaticMarkup(<DraftToolbar draft={draftOf({ kind, detail: detail('待审核', []), editable: false } as Partial<ApplicationDraft>)} />);
    expect(buttons(submitted)).toEqual(['附件材料', '登记预览']);
  });

  it('uses the kind’s names for the materials and clear buttons and leaves out 登记预览 without a printable form (诚信示范)', () => {
    const kind = { label: '人力资源诚信示范机构新增', tabs: RECORD_TABS, lists: [], submitLabel: '提交', video: false, buttonLabels: { materials: '上传材料', clear: '重置' } };
    const draftHtml = renderToStaticMarkup(<DraftToolbar draft={draftOf({ kind, detail: detail('待提交', ['提交']) } as Partial<ApplicationDraft>)} />);
    expect(buttons(draftHtml)).toEqual(['保存', '下一项', '上传材料', '提交', '重置']);
    const submitted = renderToStaticMarkup(<DraftToolbar draft={draftOf({ kind, detail: detail('待审核', []), editable: false } as Partial<ApplicationDraft>)} />);
    expect(buttons(submitted)).toEqual(['上传材料']);
  });

  it('leaves out 附件材料 and 登记预览 for a kind with neither (统计)', () => {
    const kind = { label: '业务基本情况录入', tabs: [{ key: 'statistics', label: '业务基本情况' }], lists: [], submitLabel: '提交', video: false, materials: false };
    const draftHtml = renderToStaticMarkup(<DraftToolbar draft={draftOf({ kind, detail: detail('待提交', ['提交']) } as Partial<ApplicationDraft>)} />);
    expect(buttons(draftHtml)).toEqual(['保存', '下一项', '提交', '清空']);
    const submitted = renderToStaticMarkup(<DraftToolbar draft={draftOf({ kind, detail: detail('待审核', ['撤回']), editable: false } as Partial<ApplicationDraft>)} />);
    expect(buttons(submitted)).toEqual(['撤回']);
  });

  it('disables 下一项 on the last tab', () => {
    const html = renderToStaticMarkup(<DraftToolbar draft={draftOf({ nextTab: undefined })} />);
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*><span>下一项<\/span><\/button>/);
  });
});

describe('the draft banners', () => {
  it('say why a submitted application cannot be edited, and when it was accepted', () => {
    const waiting = renderToStaticMarkup(<DraftBanners draft={draftOf({ detail: detail('待审核', ['撤回']), editable: false })} />);
    expect(waiting).toContain('审批部门受理前可以撤回后修改');
    const accepted = renderToStaticMarkup(
      <DraftBanners draft={draftOf({ detail: detail('待审核', [], { acceptedAt: '2026-12-01T02:00:00.000Z' }), editable: false })} />,
    );
    expect(accepted).toContain('审批部门已于 2026-12-01 受理该申请');
  });

  it('show the reviewer’s opinion and notes after 审核不通过', () => {
    const rejection = {
      round: 2,
      decision: '审核不通过',
      opinion: '请核实办公地址',
      decidedAt: '2026-11-26T01:00:00.000Z',
      departmentName: '省人社厅审批办',
      notes: [],
    } as unknown as TReviewDecisionView;
    const html = renderToStaticMarkup(
      <DraftBanners
        draft={draftOf({ detail: detail('审核不通过', ['提交']), rejection, rejectionNotes: [{ tab: 'basic', path: 'basic.officeAddress', message: '办公地址：与营业执照不一致' }] })}
      />,
    );
    expect(html).toContain('审核不通过（第2轮，省人社厅审批办');
    expect(html).toContain('审核意见：请核实办公地址');
    expect(html).toContain('机构基本信息（1）');
    expect(html).toContain('办公地址：与营业执照不一致');
  });

  it('list every item of a 补正 with its notice, and a 不予受理 with its reason (decision 0034)', () => {
    const correction: TAcceptanceView = {
      id: 'c1',
      round: 1,
      decision: '补正',
      reason: null,
      items: [
        { target: 'field', key: 'basic.officeAddress', label: '办公地址', message: '与营业执照不一致' },
        { target: null, key: null, label: '', message: '请补充社保缴纳证明' },
      ],
      noticeNumber: '220000补字〔2026〕第0001号',
      decidedAt: '2026-11-26T01:00:00.000Z',
      departmentName: '吉林省人力资源和社会保障厅',
      reviewerName: null,
    };
    const html = renderToStaticMarkup(
      <DraftBanners
        draft={draftOf({
          detail: detail('待补正', ['提交'], { acceptances: [correction] } as Partial<TApplicationDetail>),
          correction,
          rejectionNotes: [{ tab: 'basic', path: 'basic.officeAddress', message: '办公地址：与营业执照不一致' }],
        } as Partial<ApplicationDraft>)}
      />,
    );
    expect(html).toContain('待补正（第1轮，吉林省人力资源和社会保障厅');
    expect(html).toContain('请按补正告知书修改后重新提交');
    expect(html).toContain('请补充社保缴纳证明');
    expect(html).toContain('下载补正告知书');
    expect(html).toContain('/api/applications/a1/acceptances/c1/notice');

    const refused: TAcceptanceView = { ...correction, id: 'r1', decision: '不予受理', reason: '不属于本机关职权范围', items: [], noticeNumber: '220000不受字〔2026〕第0001号' };
    const closed = renderToStaticMarkup(<DraftBanners draft={draftOf({ detail: detail('不予受理', [], { acceptances: [refused] } as Partial<TApplicationDetail>), editable: false })} />);
    expect(closed).toContain('理由：不属于本机关职权范围');
    expect(closed).toContain('下载不予受理通知书');
  });

  it('offer 重新加载 on a version conflict, and list the problems of a refused 提交', () => {
    const html = renderToStaticMarkup(
      <DraftBanners draft={draftOf({ conflict: '该申请已被他人修改', problems: [{ tab: 'staff', path: 'staff', message: '请至少填写2名专职工作人员' }] })} />,
    );
    expect(html).toContain('内容未保存');
    expect(buttons(html)).toContain('重新加载');
    expect(html).toContain('提交未成功：还有1处需要完善');
    expect(html).toContain('专职工作人员（1）');
  });
});
