import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Popconfirm, Progress, Space, Table, Tooltip, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { VIDEO_SLOT, type TVideo } from '@jhrm/contracts';
import { guidePagination, INITIAL_PAGE } from '../../../components/pagination';
import { StatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../lib/format-datetime';
import { useDeleteVideo, useRefreshVideos, useVideos, videoUrl } from '../api/materials.api';
import { downloadFile } from './MaterialFilesModal';
import { READ_ONLY_REASON, formatFileSize } from './material-files';
import { useResumableVideoUpload, type ResumableVideoUpload } from './useResumableVideoUpload';
import { VIDEO_ACCEPT, formatDuration, formatEta, formatSpeed } from './video-files';
import { percentOf } from './video-upload-state';
import './materials.css';

export interface VideoPanelProps {
  applicationId: string;
  editable: boolean;
  /** a reviewer's view: playing and downloading only */
  readOnly?: boolean;
  /** a reviewer's note on the video */
  note?: string;
}

/** What is happening to the file being uploaded: 读取校验中, the transfer, 暂停/继续, retries, the outcome. */
function UploadProgress({ upload }: { upload: ResumableVideoUpload }) {
  const { state, pause, resume, cancel, reset } = upload;
  if (state.phase === 'idle') return null;
  const { fileName, fileSize } = state;

  if (state.phase === 'done') {
    return <Alert className="materials-alert" type="success" showIcon closable onClose={reset} message={`视频「${fileName}」上传成功`} />;
  }

  if (state.phase === 'failed' && !state.resumable) {
    return <Alert className="materials-alert" type="error" showIcon closable onClose={reset} message={state.error} />;
  }

  if (state.phase === 'hashing') {
    const percent = percentOf(state.hashed, fileSize);
    return (
      <div className="video-progress" aria-live="polite">
        <div className="video-progress-head">
          <span>
            {fileName}（{formatFileSize(fileSize)}）
          </span>
          <span className="video-progress-stats">读取校验中 {percent}%</span>
        </div>
        <Progress percent={percent} status="active" aria-label="读取校验进度" />
        <Button size="small" onClick={cancel}>
          取消
        </Button>
      </div>
    );
  }

  const percent = percentOf(state.sent, fileSize);
  const remaining = Math.max(0, fileSize - state.sent);
  const uploading = state.phase === 'uploading';
  const stats = uploading
    ? [
        `已上传 ${formatFileSize(state.sent)} / ${formatFileSize(fileSize)}`,
        state.speed > 0 ? formatSpeed(state.speed) : '',
        `剩余 ${formatFileSize(remaining)}`,
        state.speed > 0 ? `预计${formatEta(remaining / state.speed)}` : '',
      ]
        .filter(Boolean)
        .join(' · ')
    : `已上传 ${formatFileSize(state.sent)} / ${formatFileSize(fileSize)} · 剩余 ${formatFileSize(remaining)}`;

  return (
    <div className="video-progress">
      <div className="video-progress-head">
        <span>
          {fileName}（{formatFileSize(fileSize)}）{state.phase === 'paused' && <StatusTag tone="info">已暂停</StatusTag>}
        </span>
        <span className="video-progress-stats" aria-live="polite">
          {stats}
        </span>
      </div>
      <Progress percent={percent} status={state.phase === 'failed' ? 'exception' : uploading ? 'active' : 'normal'} aria-label="视频上传进度" />
      {state.resumedAt !== null && state.resumedAt > 0 && uploading && (
        <div className="materials-muted">已从中断处（{formatFileSize(state.resumedAt)}）继续上传</div>
      )}
      {state.retry && (
        <Alert
          className="materials-alert"
          type="warning"
          showIcon
          message={`网络连接中断，正在重新连接（第 ${state.retry.attempt} 次，共 ${state.retry.of} 次）…已上传的部分不会丢失`}
        />
      )}
      {state.phase === 'failed' && <Alert className="materials-alert" type="error" showIcon message={state.error} />}
      <Space>
        {uploading ? (
          <Button onClick={pause}>暂停</Button>
        ) : (
          <Button type="primary" onClick={resume}>
            继续
          </Button>
        )}
        <Popconfirm title="确定取消上传吗？" description="已上传的部分将被删除。" okText="取消上传" cancelText="不取消" onConfirm={cancel}>
          <Button>取消上传</Button>
        </Popconfirm>
      </Space>
    </div>
  );
}

/**
 * 视频材料 (场所视频光盘, MP4 only, SPEC §4.2): a resumable upload with progress, and the uploaded
 * videos with a player (seeking works: the server answers Range requests).
 */
export function VideoPanel({ applicationId, editable, readOnly = false, note }: VideoPanelProps) {
  const { message } = App.useApp();
  const videos = useVideos(applicationId);
  const refresh = useRefreshVideos(applicationId);
  const upload = useResumableVideoUpload(applicationId, () => void refresh());
  const remove = useDeleteVideo(applicationId);
  const inputRef = useRef<HTMLInputElement>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [paging, setPaging] = useState<{ page: number; pageSize: number }>(INITIAL_PAGE);

  const list = videos.data ?? [];
  const selected = list.find((v) => v.id === selectedId) ?? list[0] ?? null;
  const busy = upload.state.phase === 'hashing' || upload.state.phase === 'uploading' || upload.state.phase === 'paused';

  // the newest video is shown after an upload
  useEffect(() => {
    if (upload.state.phase === 'done') setSelectedId(null);
  }, [upload.state.phase]);

  const pick = () => inputRef.current?.click();
  const uploadReason = !editable ? READ_ONLY_REASON : busy ? '正在上传视频，请等待完成或取消后再选择' : null;

  const columns: TableColumnsType<TVideo> = [
    { title: '文件名', dataIndex: 'name', key: 'name', render: (v: string) => <span className="files-list-name">{v}</span> },
    { title: '大小', dataIndex: 'size', key: 'size', width: 100, render: (v: number) => formatFileSize(v) },
    { title: '时长', dataIndex: 'durationSeconds', key: 'durationSeconds', width: 80, render: (v: number) => formatDuration(v) },
    { title: '上传时间', dataIndex: 'uploadedAt', key: 'uploadedAt', width: 150, render: (v: string) => formatDateTime(v) },
  ];

  const deleteButton = (
    <Button icon={<PlusOutlined />} disabled={!editable}>
      文件删除
    </Button>
  );

  return (
    <div className="video-panel">
      <div className="materials-toolbar" role="toolbar" aria-label="视频材料">
        <input
          ref={inputRef}
          className="video-hidden-input"
          type="file"
          accept={VIDEO_ACCEPT}
          aria-label="选择场所视频文件"
          onChange={(e) => {
            const file = e.target.files?.[0];
            // cleared, so choosing the same file again (to resume) fires again
            e.target.value = '';
            if (file) upload.start(file);
          }}
        />
        {readOnly ? null : uploadReason ? (
          <Tooltip title={uploadReason}>
            <Button icon={<PlusOutlined />} disabled>
              文件上传
            </Button>
          </Tooltip>
        ) : (
          <Button icon={<PlusOutlined />} onClick={pick}>
            文件上传
          </Button>
        )}
        <Button
          icon={<PlusOutlined />}
          onClick={() => (selected ? downloadFile(videoUrl(applicationId, selected.id), selected.name) : void message.warning('还没有上传视频'))}
        >
          文件下载
        </Button>
        {readOnly ? null : !editable ? (
          <Tooltip title={READ_ONLY_REASON}>{deleteButton}</Tooltip>
        ) : selected ? (
          <Popconfirm
            title={`确定删除文件「${selected.name}」吗？`}
            description="删除后不能恢复。"
            okText="删除"
            cancelText="取消"
            okButtonProps={{ danger: true, loading: remove.isPending }}
            onConfirm={() =>
              remove
                .mutateAsync({ fileId: selected.id })
                .then(() => {
                  setSelectedId(null);
                  void message.success(`已删除文件「${selected.name}」`);
                })
                .catch((e: Error) => void message.error(e.message))
            }
          >
            {deleteButton}
          </Popconfirm>
        ) : (
          <Button icon={<PlusOutlined />} onClick={() => void message.warning('还没有上传视频')}>
            文件删除
          </Button>
        )}
        {!readOnly && <span className="materials-muted">只能上传 MP4 格式，不超过 2 GB；支持断点续传</span>}
      </div>
      {note && (
        <p className="materials-note" role="note">
          审核意见：{note}
        </p>
      )}

      {editable && !readOnly && upload.state.phase === 'idle' && upload.unfinished.length > 0 && (
        <Alert
          className="materials-alert"
          type="info"
          showIcon
          message="有未完成的视频上传"
          description={
            <ul>
              {upload.unfinished.map((u) => (
                <li key={u.urlStorageKey}>
                  「{u.metadata.filename ?? '视频'}」{u.size ? `（${formatFileSize(u.size)}）` : ''}：请重新选择同一文件，将从中断处继续上传。
                  <Popconfirm title="确定放弃这次未完成的上传吗？" okText="放弃" cancelText="取消" onConfirm={() => upload.discard(u)}>
                    <Button type="link" size="small">
                      放弃
                    </Button>
                  </Popconfirm>
                </li>
              ))}
            </ul>
          }
        />
      )}

      <UploadProgress upload={upload} />
      {videos.isError && <Alert className="materials-alert" type="error" showIcon message={videos.error.message} />}

      <Table<{ name: string }>
        rowKey="name"
        size="middle"
        columns={[
          { title: '材料名称', dataIndex: 'name', key: 'name' },
          {
            title: '是否已上传',
            key: 'uploaded',
            width: 150,
            render: () => (list.length > 0 ? <StatusTag tone="success">是</StatusTag> : <StatusTag tone="warning">否</StatusTag>),
          },
        ]}
        dataSource={[{ name: VIDEO_SLOT }]}
        loading={videos.isPending}
        pagination={guidePagination({ page: 1, pageSize: INITIAL_PAGE.pageSize, total: 1, onChange: () => undefined })}
      />

      {list.length > 0 && (
        <>
          <Table<TVideo>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list}
            rowSelection={{
              type: 'radio',
              columnTitle: '选择',
              selectedRowKeys: selected ? [selected.id] : [],
              onChange: (keys) => setSelectedId((keys[0] as string | undefined) ?? null),
              getCheckboxProps: (v) => ({ name: 'video-file', 'aria-label': `选择 ${v.name}` }) as { name: string },
            }}
            onRow={(v) => ({ onClick: () => setSelectedId(v.id) })}
            pagination={guidePagination({
              page: paging.page,
              pageSize: paging.pageSize,
              total: list.length,
              onChange: (page, pageSize) => setPaging({ page, pageSize }),
            })}
          />
          {selected && (
            <video
              key={selected.id}
              className="video-player"
              controls
              preload="metadata"
              src={videoUrl(applicationId, selected.id)}
              aria-label={`播放 ${selected.name}`}
            />
          )}
        </>
      )}
    </div>
  );
}

export default VideoPanel;
