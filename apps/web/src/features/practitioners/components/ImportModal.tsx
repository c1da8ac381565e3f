import { useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Upload, type TableColumnsType } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { TPractitionerImportReport } from '@jhrm/contracts';
import { guidePagination, INITIAL_PAGE } from '../../../components/pagination';
import { isApiError } from '../../../lib/api-client';
import { templateUrl, useImportPractitioners } from '../api/practitioners.api';

type BadRow = TPractitionerImportReport['rows'][number];

const columns: TableColumnsType<BadRow> = [
  { title: '行号', dataIndex: 'row', key: 'row', width: 80, render: (v: number) => `第${v}行` },
  { title: '姓名', dataIndex: 'name', key: 'name', width: 120 },
  {
    title: '问题',
    key: 'problems',
    render: (_: unknown, r) => (
      <ul className="practitioner-problems">
        {r.problems.map((p, i) => (
          <li key={i}>
            {p.column}：{p.message}
          </li>
        ))}
      </ul>
    ),
  },
];

/** The report a refused 确认导入 carries (the list may have changed since the 校验). */
function reportOf(e: unknown): TPractitionerImportReport | null {
  const report = isApiError(e) ? e.details.report : null;
  return report && typeof report === 'object' && Array.isArray((report as TPractitionerImportReport).rows) ? (report as TPractitionerImportReport) : null;
}

/** 批量导入: template download, upload → row-by-row 校验 report → 确认导入 (all rows or none). */
export function ImportModal({ institutionId, open, onClose }: { institutionId: string; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const run = useImportPractitioners(institutionId);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<TPractitionerImportReport | null>(null);
  const [paging, setPaging] = useState<{ page: number; pageSize: number }>(INITIAL_PAGE);

  const close = () => {
    setFile(null);
    setReport(null);
    onClose();
  };
  const check = async (f: File) => {
    setFile(f);
    setReport(null);
    try {
      setReport(await run.mutateAsync({ file: f, dryRun: true }));
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const confirm = async () => {
    if (!file) return;
    try {
      const done = await run.mutateAsync({ file, dryRun: false });
      void message.success(`已导入${done.imported}名从业人员`);
      close();
    } catch (e) {
      const fresh = reportOf(e);
      if (fresh) setReport(fresh);
      void message.error((e as Error).message);
    }
  };
  const ready = !!report && report.total > 0 && report.errors === 0;

  return (
    <Modal
      open={open}
      title="批量导入从业人员"
      width={820}
      onCancel={close}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>取消</Button>
          <Button type="primary" disabled={!ready} loading={run.isPending} onClick={() => void confirm()}>
            确认导入
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" className="practitioner-full">
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={templateUrl(institutionId)}>
            下载导入模板
          </Button>
          <Upload
            accept=".xlsx"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              void check(f);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={run.isPending && !report}>
              选择文件并校验
            </Button>
          </Upload>
          {file && <span>{file.name}</span>}
        </Space>
        {report &&
          (report.errors ? (
            <Alert type="error" showIcon message={`共${report.total}行，其中${report.errors}行存在问题；请按下表修改文件后重新校验，任何一行有问题时不会导入任何数据。`} />
          ) : (
            <Alert type="success" showIcon message={`全部${report.total}行可导入，请点击“确认导入”。`} />
          ))}
        {report && report.rows.length > 0 && <Table<BadRow> rowKey="row" size="small" columns={columns} dataSource={report.rows} pagination={guidePagination({ ...paging, total: report.rows.length, onChange: (page, pageSize) => setPaging({ page, pageSize }) })} />}
      </Space>
    </Modal>
  );
}
