import type { ReactNode } from 'react';
import { Drawer, Modal, Space } from 'antd';
import type { DraftBodyProps } from '../../../components/draft-body';
import { PrintPdfButton } from '../../../components/PrintPdfButton';
import { useDepartments } from '../../../lib/application-api';
import { useApplicationDraft, type DraftKind, type DraftOptions } from '../useApplicationDraft';
import { DraftBanners } from './DraftBanners';
import { DraftToolbar } from './DraftToolbar';
import { SubmitModal } from './SubmitModal';
import '../applications.css';

/** The materials feature's panels, composed in by the app layer (features do not import each other). */
export interface PanelProps {
  applicationId: string;
  editable: boolean;
  /** the reviewer's notes of the 审核不通过 being answered: per material slot, and on the video */
  notes?: Readonly<Record<string, string>>;
  videoNote?: string;
}

export interface ApplicationDraftEditorProps<V, D> extends DraftOptions<V> {
  kind: DraftKind<V, D>;
  renderBody: (body: DraftBodyProps<V>) => ReactNode;
  renderMaterials: (props: PanelProps) => ReactNode;
  renderVideo: (props: PanelProps) => ReactNode;
}

/**
 * A submission kind's page: its form body (six tabs for 设立) run by the shared draft lifecycle,
 * with the toolbar and banners, the 提交 dialog, the materials / video drawers and 登记预览.
 */
export function ApplicationDraftEditor<V extends object, D>({ kind, renderBody, renderMaterials, renderVideo, ...options }: ApplicationDraftEditorProps<V, D>) {
  const draft = useApplicationDraft<V, D>(kind, options);
  const departments = useDepartments();
  const { detail, drawer, drawerNotes, submitDialog, form } = draft;

  return (
    <>
      {renderBody({
        form,
        initialValues: draft.initialValues,
        editable: draft.editable,
        detail,
        activeTab: draft.activeTab,
        onTabChange: draft.showTab,
        onValuesChange: draft.onValuesChange,
        rowFocus: draft.rowFocus,
        toolbar: <DraftToolbar draft={draft} />,
        banners: <DraftBanners draft={draft} />,
      })}

      <SubmitModal
        title={kind.submitTitle}
        tabs={kind.tabs}
        open={submitDialog.open}
        pending={draft.busy}
        departments={departments.data}
        defaultDepartment={submitDialog.open ? ((form.getFieldValue(kind.departmentField as never) as string | null | undefined) ?? detail?.department) : undefined}
        error={submitDialog.error}
        departmentError={submitDialog.departmentError}
        problems={draft.problems}
        promise={detail?.promise}
        defaultProcedure={detail?.procedure}
        onSubmit={(dept, procedure) => void draft.submit(dept, procedure)}
        onCancel={draft.closeSubmit}
        onGo={draft.goTo}
      />

      <Drawer
        open={drawer !== null && !!detail}
        title={drawer === 'video' ? '视频材料' : (kind.buttonLabels?.materials ?? '附件材料')}
        width={drawer === 'video' ? 880 : 1040}
        onClose={draft.closeDrawer}
        destroyOnHidden
      >
        {detail && drawer === 'materials' && renderMaterials({ applicationId: detail.id, editable: detail.editable, notes: drawerNotes.slots })}
        {detail && drawer === 'video' && renderVideo({ applicationId: detail.id, editable: detail.editable, videoNote: drawerNotes.video })}
      </Drawer>

      {kind.preview && (
        <Modal
          open={draft.previewOpen && !!detail}
          title={kind.preview.title}
          width="min(1100px, 96vw)"
          footer={
            detail ? (
              <Space>
                <a href={kind.preview.url(detail.id)} target="_blank" rel="noopener noreferrer">
                  在新窗口中打开
                </a>
                <PrintPdfButton type="primary" url={kind.preview.url(detail.id)} />
              </Space>
            ) : null
          }
          onCancel={draft.closePreview}
          destroyOnHidden
        >
          {detail && <iframe className="draft-preview-frame" title={kind.preview.frameTitle} src={`${kind.preview.url(detail.id)}&v=${detail.version}`} />}
        </Modal>
      )}
    </>
  );
}
