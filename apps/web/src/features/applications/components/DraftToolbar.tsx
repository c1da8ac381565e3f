import { Button, ConfigProvider, Popconfirm } from 'antd';
import type { ApplicationDraft } from '../useApplicationDraft';

/**
 * The guide's buttons of a submission page: 保存 / 下一项 / 附件材料 / 视频材料 / 提交 / 清空 while
 * the draft may be edited, 附件材料 / 视频材料 (to look at) and 撤回 once submitted, 登记预览
 * always (a kind without materials or a printable form has neither button); and whether the form has
 * unsaved changes. 视频材料 only for a kind that has a video, and 提交 under the kind's own label
 * (注销's page calls it 注销), 附件材料 / 清空 under the kind's names for them (诚信示范: 上传材料 / 重置),
 * 登记预览 only for a kind with a printable form.
 */
export function DraftToolbar<V extends object>({ draft }: { draft: ApplicationDraft<V> }) {
  const { editable, detail, nextTab } = draft;
  const canWithdraw = !!detail?.actions.includes('撤回');
  const materialsLabel = draft.kind.buttonLabels?.materials ?? '附件材料';
  // Outside the form's disabled state: 登记预览 and 撤回 stay usable on a submitted application.
  return (
    <ConfigProvider componentDisabled={false}>
      <div className="draft-toolbar" role="toolbar" aria-label={`${draft.kind.label}操作`}>
        {editable && (
          <>
            <Button type="primary" onClick={() => void draft.save()} loading={draft.saving}>
              保存
            </Button>
            <Button disabled={!nextTab} onClick={() => nextTab && draft.showTab(nextTab.key)}>
              下一项
            </Button>
            {draft.kind.materials !== false && <Button onClick={() => void draft.openDrawer('materials')}>{materialsLabel}</Button>}
            {draft.kind.video && <Button onClick={() => void draft.openDrawer('video')}>视频材料</Button>}
            <Button onClick={draft.openSubmit}>{draft.kind.submitLabel}</Button>
            <Button onClick={draft.clear}>{draft.kind.buttonLabels?.clear ?? '清空'}</Button>
          </>
        )}
        {!editable && detail && (
          <>
            {draft.kind.materials !== false && <Button onClick={() => draft.showDrawer('materials')}>{materialsLabel}</Button>}
            {draft.kind.video && <Button onClick={() => draft.showDrawer('video')}>视频材料</Button>}
          </>
        )}
        {draft.kind.preview && <Button onClick={() => void draft.openPreview()}>登记预览</Button>}
        {!editable && canWithdraw && (
          <Popconfirm
            title="确定撤回该申请？"
            description="撤回后可继续修改并重新提交；审批部门受理后不能撤回。"
            okText="撤回"
            cancelText="取消"
            onConfirm={() => void draft.withdraw()}
          >
            <Button loading={draft.withdrawing}>撤回</Button>
          </Popconfirm>
        )}
        {editable && (
          <span className="draft-saved" role="status">
            {draft.dirty ? '有未保存的修改' : draft.savedAt ? `已保存 ${draft.savedAt}` : ''}
          </span>
        )}
      </div>
    </ConfigProvider>
  );
}
