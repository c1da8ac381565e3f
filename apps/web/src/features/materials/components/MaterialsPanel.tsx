import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Table, Tooltip, Upload, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { TEMPLATES, type TMaterialSlot, type TTemplateKey } from '@jhrm/contracts';
import { guidePagination, INITIAL_PAGE } from '../../../components/pagination';
import { StatusTag } from '../../../components/StatusTag';
import { materialFileUrl, templateUrl, useMaterials, useUploadMaterial } from '../api/materials.api';
import { EstablishmentNotice } from './EstablishmentNotice';
import { downloadFile, MaterialFilesModal, type FilesModalMode } from './MaterialFilesModal';
import { MATERIAL_ACCEPT, READ_ONLY_REASON, materialSelectionProblems } from './material-files';
import './materials.css';

export interface MaterialsPanelProps {
  applicationId: string;
  /** false once submitted (待审核, 审核通过): 文件上传 / 文件删除 are disabled. */
  editable: boolean;
  /** 设立 shows the 新申请人力资源服务机构须知 beside the table. */
  type?: string;
  /** a reviewer's view: no upload or delete at all, and 查看文件 on every row */
  readOnly?: boolean;
  /** a reviewer's note per slot (材料名称 → 意见), shown beside the slot */
  notes?: Readonly<Record<string, string>>;
}

function isTemplateKey(key: string | null): key is TTemplateKey {
  return key !== null && key in TEMPLATES;
}

/** A toolbar button that explains itself when it cannot be used. */
function ToolbarButton({ disabledReason, children, ...props }: { disabledReason?: string | null; children: ReactNode; onClick?: () => void; loading?: boolean }) {
  const button = (
    <Button icon={<PlusOutlined />} disabled={!!disabledReason} {...props}>
      {children}
    </Button>
  );
  return disabledReason ? <Tooltip title={disabledReason}>{button}</Tooltip> : button;
}

/**
 * 材料上传 (guide 1.2, SPEC §4.2): the application's material slots with 是否已上传 and the
 * template downloads; choose a slot, then 文件上传 / 查看文件 / 文件下载 / 文件删除.
 */
export function MaterialsPanel({ applicationId, editable, type = '设立', readOnly = false, notes }: MaterialsPanelProps) {
  const { message } = App.useApp();
  const materials = useMaterials(applicationId);
  const upload = useUploadMaterial(applicationId);
  const [selected, setSelected] = useState<string | null>(null);
  const [paging, setPaging] = useState<{ page: number; pageSize: number }>(INITIAL_PAGE);
  const [modal, setModal] = useState<FilesModalMode | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  const slots = materials.data?.slots ?? [];
  const slot = slots.find((s) => s.name === selected) ?? null;
  const files = slot?.files ?? [];

  /** The chosen slot, or null after saying why nothing can be done yet. */
  const requireSlot = (): TMaterialSlot | null => {
    if (!slot) {
      void message.warning('请先在表格中选择一项材料');
      return null;
    }
    return slot;
  };

  const requireFiles = (): TMaterialSlot | null => {
    const s = requireSlot();
    if (s && s.files.length === 0) {
      void message.warning(`「${s.name}」还没有上传文件`);
      return null;
    }
    return s;
  };

  const send = (chosen: File[]) => {
    if (!slot) return;
    const found = materialSelectionProblems(chosen);
    setProblems(found);
    if (found.length > 0) return;
    const target = slot.name;
    upload.mutate(
      { slot: target, files: chosen },
      {
        onSuccess: () => void message.success(`已上传 ${chosen.length} 个文件到「${target}」`),
        // 413 / 415 / 409 carry the server's own message (which file, why)
        onError: (e) => setProblems([e.message]),
      },
    );
  };

  const uploadDisabledReason = !editable ? READ_ONLY_REASON : !slot ? '请先在表格中选择一项材料' : null;

  const columns: TableColumnsType<TMaterialSlot> = [
    {
      title: '材料名称',
      dataIndex: 'name',
      key: 'name',
      render: (name: string, s) => (
        <span>
          {name}
          {!s.required && <span className="materials-muted">（选填）</span>}
          {notes?.[name] && (
            <span className="materials-note" role="note">
              审核意见：{notes[name]}
            </span>
          )}
        </span>
      ),
    },
    {
      title: '是否已上传',
      dataIndex: 'uploaded',
      key: 'uploaded',
      width: 150,
      render: (uploaded: boolean, s) =>
        uploaded ? (
          <span>
            <StatusTag tone="success">是</StatusTag>
            <span className="materials-muted">{s.files.length} 个文件</span>
          </span>
        ) : (
          <StatusTag tone={s.required ? 'warning' : 'neutral'}>否</StatusTag>
        ),
    },
    {
      title: '材料模板下载',
      dataIndex: 'template',
      key: 'template',
      render: (key: string | null) =>
        isTemplateKey(key) ? (
          <a href={templateUrl(applicationId, key)} download={`${TEMPLATES[key]}.pdf`} onClick={(e) => e.stopPropagation()}>
            {TEMPLATES[key]}下载
          </a>
        ) : null,
    },
  ];

  if (readOnly) {
    columns.push({
      title: '文件',
      key: 'files',
      width: 130,
      render: (_: unknown, s) =>
        s.files.length > 0 ? (
          <Button
            size="small"
            onClick={(e) => {
              e.stopPropagation();
              setSelected(s.name);
              setModal('view');
            }}
          >
            查看文件（{s.files.length}）
          </Button>
        ) : null,
    });
  }

  const table = (
    <div>
      <div className="materials-toolbar" role="toolbar" aria-label="材料上传">
        {readOnly ? null : uploadDisabledReason ? (
          <ToolbarButton disabledReason={uploadDisabledReason}>文件上传</ToolbarButton>
        ) : (
          <Upload
            multiple
            accept={MATERIAL_ACCEPT}
            showUploadList={false}
            disabled={upload.isPending}
            beforeUpload={(file, batch) => {
              // antd calls this once per file; the whole batch goes up in one request
              if (file.uid === batch[0]?.uid) send(batch);
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<PlusOutlined />} loading={upload.isPending}>
              文件上传
            </Button>
          </Upload>
        )}
        <ToolbarButton onClick={() => requireFiles() && setModal('view')}>查看文件</ToolbarButton>
        <ToolbarButton
          onClick={() => {
            const s = requireFiles();
            if (!s) return;
            if (s.files.length === 1) downloadFile(materialFileUrl(applicationId, s.files[0]!.id), s.files[0]!.name);
            else setModal('download');
          }}
        >
          文件下载
        </ToolbarButton>
        {!readOnly && (
          <ToolbarButton disabledReason={editable ? null : READ_ONLY_REASON} onClick={() => requireFiles() && setModal('delete')}>
            文件删除
          </ToolbarButton>
        )}
        <span className="materials-selected" aria-live="polite">
          {slot ? `已选择：${slot.name}` : '请选择一项材料'}
        </span>
      </div>
      {problems.length > 0 && (
        <Alert
          className="materials-alert"
          type="error"
          showIcon
          closable
          onClose={() => setProblems([])}
          message={problems.length === 1 ? problems[0] : '以下文件不能上传'}
          description={
            problems.length > 1 ? (
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      {materials.isError && <Alert className="materials-alert" type="error" showIcon message={materials.error.message} />}
      <Table<TMaterialSlot>
        className="materials-table"
        rowKey="name"
        size="middle"
        columns={columns}
        dataSource={slots}
        loading={materials.isPending || materials.isFetching}
        rowSelection={{
          type: 'radio',
          columnTitle: '选择',
          selectedRowKeys: selected ? [selected] : [],
          onChange: (keys) => {
            setSelected((keys[0] as string | undefined) ?? null);
            setProblems([]);
          },
          // antd passes unknown props on to the radio input: each gets the slot's name as its label
          getCheckboxProps: (s) => ({ name: 'material-slot', 'aria-label': `选择 ${s.name}` }) as { name: string },
        }}
        onRow={(s) => ({
          onClick: () => {
            setSelected(s.name);
            setProblems([]);
          },
        })}
        pagination={guidePagination({
          page: paging.page,
          pageSize: paging.pageSize,
          total: slots.length,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        })}
      />
    </div>
  );

  const withNotice = type === '设立' && !readOnly;
  return (
    <div className="materials-panel">
      <div className={`materials-layout${withNotice ? ' with-notice' : ''}`}>
        {withNotice && <EstablishmentNotice />}
        {table}
      </div>
      <MaterialFilesModal
        applicationId={applicationId}
        slot={modal ? (slot?.name ?? null) : null}
        files={files}
        mode={modal ?? 'view'}
        onClose={() => setModal(null)}
      />
    </div>
  );
}

export default MaterialsPanel;
