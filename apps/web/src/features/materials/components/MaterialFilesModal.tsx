import { useEffect, useState } from 'react';
import { App, Button, Modal, Popconfirm, Space } from 'antd';
import { DeleteOutlined, DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import type { TStoredFile } from '@jhrm/contracts';
import { NoData } from '../../../components/NoData';
import { formatDateTime } from '../../../lib/format-datetime';
import { materialFileUrl, useDeleteMaterialFile } from '../api/materials.api';
import { formatFileSize, previewKind } from './material-files';

export type FilesModalMode = 'view' | 'download' | 'delete';

const TITLES: Record<FilesModalMode, string> = { view: '查看文件', download: '文件下载', delete: '文件删除' };

/** Starts the download of one stored file (the server names it). */
export function downloadFile(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

function FileMeta({ file }: { file: TStoredFile }) {
  return (
    <span className="files-list-meta">
      {formatFileSize(file.size)} · {formatDateTime(file.uploadedAt)}
    </span>
  );
}

function Preview({ applicationId, file }: { applicationId: string; file: TStoredFile }) {
  const inlineUrl = materialFileUrl(applicationId, file.id, true);
  const kind = previewKind(file.mime);
  return (
    <div className="files-preview">
      <div className="files-preview-bar">
        <span className="files-list-name">{file.name}</span>
        <Space size={4}>
          <Button size="small" icon={<ExportOutlined />} href={inlineUrl} target="_blank" rel="noopener">
            新窗口打开
          </Button>
          <Button size="small" icon={<DownloadOutlined />} href={materialFileUrl(applicationId, file.id)} download={file.name}>
            下载
          </Button>
        </Space>
      </div>
      {kind === 'pdf' && <iframe key={file.id} className="files-preview-frame" src={inlineUrl} title={`查看文件：${file.name}`} />}
      {kind === 'image' && <img key={file.id} className="files-preview-image" src={inlineUrl} alt={file.name} />}
      {kind === 'none' && <p style={{ padding: 16 }}>该类型的文件不能在浏览器中查看，请下载后查看。</p>}
    </div>
  );
}

/**
 * The files of one material slot: 查看文件 (list + inline preview), 文件下载 (one link each, or
 * all), 文件删除 (choose a file, confirm). `slot` null = closed.
 */
export function MaterialFilesModal({
  applicationId,
  slot,
  files,
  mode,
  onClose,
}: {
  applicationId: string;
  slot: string | null;
  files: TStoredFile[];
  mode: FilesModalMode;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const remove = useDeleteMaterialFile(applicationId);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const current = files.find((f) => f.id === currentId) ?? files[0] ?? null;

  useEffect(() => {
    setCurrentId(null);
  }, [slot, mode]);

  const downloadAll = () => {
    // a short gap between downloads: browsers drop clicks that arrive together
    files.forEach((f, i) => window.setTimeout(() => downloadFile(materialFileUrl(applicationId, f.id), f.name), i * 400));
  };

  const list = (
    <ul className="files-list" aria-label={`${slot ?? ''}的文件`}>
      {files.map((f) => (
        <li key={f.id} className={mode === 'view' && current?.id === f.id ? 'is-current' : undefined}>
          {mode === 'view' ? (
            <Button type="text" className="files-list-pick" onClick={() => setCurrentId(f.id)} aria-current={current?.id === f.id}>
              <span>
                <span className="files-list-name">{f.name}</span>
                <br />
                <FileMeta file={f} />
              </span>
            </Button>
          ) : (
            <span>
              <span className="files-list-name">{f.name}</span>
              <br />
              <FileMeta file={f} />
            </span>
          )}
          {mode === 'download' && (
            <Button size="small" icon={<DownloadOutlined />} href={materialFileUrl(applicationId, f.id)} download={f.name} aria-label={`下载 ${f.name}`}>
              下载
            </Button>
          )}
          {mode === 'delete' && (
            <Popconfirm
              title={`确定删除文件「${f.name}」吗？`}
              description="删除后不能恢复。"
              okText="删除"
              cancelText="取消"
              okButtonProps={{ danger: true, loading: remove.isPending }}
              onConfirm={() =>
                remove
                  .mutateAsync({ fileId: f.id })
                  .then(() => void message.success(`已删除文件「${f.name}」`))
                  .catch((e: Error) => void message.error(e.message))
              }
            >
              <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${f.name}`}>
                删除
              </Button>
            </Popconfirm>
          )}
        </li>
      ))}
    </ul>
  );

  return (
    <Modal
      open={slot !== null}
      title={slot ? `${TITLES[mode]} — ${slot}` : TITLES[mode]}
      onCancel={onClose}
      width={mode === 'view' ? 1040 : 560}
      className={mode === 'view' ? 'files-viewer-modal' : undefined}
      destroyOnHidden
      footer={
        <Space>
          {mode === 'download' && files.length > 1 && (
            <Button icon={<DownloadOutlined />} onClick={downloadAll}>
              全部下载
            </Button>
          )}
          <Button onClick={onClose}>关闭</Button>
        </Space>
      }
    >
      {files.length === 0 ? (
        <NoData />
      ) : mode === 'view' && current ? (
        <div className="files-viewer">
          {list}
          <Preview applicationId={applicationId} file={current} />
        </div>
      ) : (
        list
      )}
    </Modal>
  );
}
