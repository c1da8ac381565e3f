import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Result, Segmented, Space, Table, Typography, Upload, type TableColumnsType } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { TImportBatch, TImportReport, TImportResult, TImportRowReport } from '@jhrm/contracts';
import { guidePagination, INITIAL_PAGE } from '../../../components/pagination';
import { StatusTag, type StatusTone } from '../../../components/StatusTag';
import type { ApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format-datetime';
import { IMPORT_TEMPLATE_URLS, reportOf, useImportBatches, useImportDryRun, useImportRun } from '../api/admin-imports.api';
import { confirmText, fileProblem, filterRows, groupMissing, importable, type RowFilter } from '../components/import-report';
import { formatFileSize } from '../components/file-size';
import './import-page.css';

const STATUS_TONE: Record<TImportRowReport['status'], StatusTone> = { 可导入: 'success', 有错误: 'danger', 重复: 'warning' };

const rowColumns: TableColumnsType<TImportRowReport> = [
  { title: '行号', dataIndex: 'row', key: 'row', width: 70, render: (v: number) => `第${v}行` },
  { title: '机构名称(全称)', dataIndex: 'name', key: 'name', render: (v: string) => v || <span className="import-muted">（未填写）</span> },
  { title: '统一社会信用代码', dataIndex: 'uscc', key: 'uscc', width: 180 },
  { title: '状态', dataIndex: 'status', key: 'status', width: 90, render: (v: TImportRowReport['status']) => <StatusTag tone={STATUS_TONE[v]}>{v}</StatusTag> },
  {
    title: '问题',
    key: 'problems',
    render: (_: unknown, r) =>
      r.problems.length === 0 ? (
        ''
      ) : (
        <ul className="import-problems">
          {r.problems.map((p, i) => (
            <li key={i}>
              {p.column}：{p.message}
            </li>
          ))}
        </ul>
      ),
  },
  {
    title: '变更时需补充',
    key: 'missing',
    render: (_: unknown, r) => (
      <ul className="import-missing">
        {groupMissing(r.missingForChange).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    ),
  },
];

function ReportView({ report }: { report: TImportReport }) {
  const [filter, setFilter] = useState<RowFilter>(report.ok === report.total ? 'all' : 'problems');
  const bad = report.total - report.ok;
  return (
    <div className="import-report">
      <Descriptions
        size="small"
        column={{ xs: 2, md: 5 }}
        items={[
          { key: 'total', label: '数据行', children: report.total },
          { key: 'ok', label: '可导入', children: report.ok },
          { key: 'errors', label: '有错误', children: <span className={report.errors ? 'import-error' : ''}>{report.errors}</span> },
          { key: 'duplicates', label: '重复', children: report.duplicates },
          { key: 'units', label: '将新建单位', children: report.newUnits },
        ]}
      />
      {bad > 0 ? (
        <Alert type="error" showIcon message={`有${bad}行存在问题，请按下表修改文件后重新校验；任何一行有问题时不会导入任何数据。`} />
      ) : (
        <Alert type="success" showIcon message={`全部${report.total}行可导入。`} description="“变更时需补充”列出这些机构以后办理变更时须补填的项目，不影响导入；导入后单位在“查看”页也能看到。" />
      )}
      <Segmented<RowFilter>
        className="import-filter"
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'problems', label: `有问题（${bad}）` },
          { value: 'ok', label: `可导入（${report.ok}）` },
          { value: 'all', label: `全部（${report.total}）` },
        ]}
      />
      <Table<TImportRowReport>
        rowKey="row"
        size="small"
        columns={rowColumns}
        dataSource={filterRows(report.rows, filter)}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 行` }}
      />
    </div>
  );
}

function ImportedResult({ result, onAgain }: { result: TImportResult; onAgain: () => void }) {
  return (
    <Result
      status="success"
      title={`已导入 ${result.imported} 个机构`}
      subTitle={`批次号 ${result.batchId}，${formatDateTime(result.createdAt)}；新建单位 ${result.unitsCreated} 个，登记证照 ${result.licences} 份。相应单位登录后即可在主页和“人力资源服务机构查询”中看到。`}
      extra={
        <Button type="primary" onClick={onAgain}>
          继续导入
        </Button>
      }
    />
  );
}

const batchColumns: TableColumnsType<TImportBatch> = [
  { title: '导入时间', dataIndex: 'createdAt', key: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
  { title: '文件名', dataIndex: 'fileName', key: 'fileName' },
  { title: '格式', dataIndex: 'format', key: 'format', width: 70, render: (v: string) => v.toUpperCase() },
  { title: '导入机构数', dataIndex: 'importedRows', key: 'importedRows', width: 100 },
  { title: '操作人', dataIndex: 'createdBy', key: 'createdBy', width: 120 },
  { title: '批次号', dataIndex: 'id', key: 'id', width: 320, render: (v: string) => <Typography.Text copyable>{v}</Typography.Text> },
];

/**
 * 数据导入 (administrators): institutions licensed before this system, from the template. 校验
 * reports row by row and writes nothing; 导入 is offered only for a file without problems, asks
 * for confirmation, and writes every row or none.
 */
export default function ImportPage() {
  const { modal, message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<TImportReport | null>(null);
  const [result, setResult] = useState<TImportResult | null>(null);
  const [paging, setPaging] = useState<{ page: number; pageSize: number }>(INITIAL_PAGE);
  const dryRun = useImportDryRun();
  const run = useImportRun();
  const batches = useImportBatches(paging.page, paging.pageSize);

  const choose = (f: File) => {
    const problem = fileProblem(f);
    if (problem) {
      void message.error(problem);
    } else {
      setFile(f);
      setReport(null);
      setResult(null);
      dryRun.reset();
      run.reset();
    }
    return Upload.LIST_IGNORE;
  };

  const check = () => {
    if (!file) return;
    run.reset();
    dryRun.mutate(file, { onSuccess: setReport });
  };

  const confirmImport = () => {
    if (!file || !importable(report)) return;
    modal.confirm({
      title: '确认导入',
      content: confirmText(report.total),
      okText: '确定导入',
      cancelText: '取消',
      onOk: () =>
        run.mutateAsync(file).then(
          (r) => {
            setResult(r);
            setReport(null);
            setFile(null);
          },
          (err: ApiError) => {
            // the server checks again: a refusal brings the fresh report
            const fresh = reportOf(err);
            if (fresh) setReport(fresh);
          },
        ),
    });
  };

  const again = () => {
    setResult(null);
    run.reset();
    dryRun.reset();
  };

  return (
    <div className="hr-stack">
      <Card size="small" title="数据导入">
        <Alert
          className="import-intro"
          type="info"
          showIcon
          message="导入本系统上线前已取得许可或备案的人力资源服务机构"
          description="机构按“统一社会信用代码”归属到单位：单位已注册的，导入后立即可见；尚未注册的，该单位法人注册后即可见。导入的机构为“审核通过”，填写了许可证/备案编号的同时登记证照。"
        />
        {result ? (
          <ImportedResult result={result} onAgain={again} />
        ) : (
          <>
            <ol className="import-steps">
              <li>
                <span className="import-step-title">下载模板</span>
                <Space wrap>
                  <Button icon={<DownloadOutlined />} href={IMPORT_TEMPLATE_URLS.xlsx} download>
                    下载模板（XLSX）
                  </Button>
                  <Button icon={<DownloadOutlined />} href={IMPORT_TEMPLATE_URLS.csv} download>
                    下载模板（CSV）
                  </Button>
                  <span className="import-muted">XLSX 模板含“填写说明”工作表（可选值、审批部门编码）</span>
                </Space>
              </li>
              <li>
                <span className="import-step-title">选择文件</span>
                <Space wrap>
                  <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={choose} maxCount={1}>
                    <Button icon={<UploadOutlined />}>选择文件</Button>
                  </Upload>
                  {file ? (
                    <span>
                      {file.name}（{formatFileSize(file.size)}）
                    </span>
                  ) : (
                    <span className="import-muted">XLSX 或 CSV，不超过 10 MB</span>
                  )}
                </Space>
              </li>
              <li>
                <span className="import-step-title">校验并导入</span>
                <Space wrap>
                  <Button type="primary" disabled={!file} loading={dryRun.isPending} onClick={check}>
                    校验
                  </Button>
                  <Button type="primary" danger disabled={!file || !importable(report)} loading={run.isPending} onClick={confirmImport}>
                    导入
                  </Button>
                  {!importable(report) && file && <span className="import-muted">校验通过（全部行可导入）后才能导入</span>}
                </Space>
              </li>
            </ol>
            {dryRun.isError && <Alert className="import-alert" type="error" showIcon message={dryRun.error.message} />}
            {run.isError && <Alert className="import-alert" type="error" showIcon message={run.error.message} />}
            {report && <ReportView key={`${report.fileName}-${report.total}-${report.ok}`} report={report} />}
          </>
        )}
      </Card>
      <Card size="small" title="导入记录">
        {batches.isError && <Alert className="import-alert" type="error" showIcon message={batches.error.message} />}
        <Table<TImportBatch>
          rowKey="id"
          size="small"
          columns={batchColumns}
          dataSource={batches.data?.items ?? []}
          loading={batches.isFetching}
          pagination={guidePagination({
            page: paging.page,
            pageSize: paging.pageSize,
            total: batches.data?.total ?? 0,
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          })}
        />
      </Card>
    </div>
  );
}
