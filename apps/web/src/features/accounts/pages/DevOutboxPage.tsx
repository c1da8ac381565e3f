import { useState } from 'react';
import { Alert, Button, Result, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TOutbox } from '@jhrm/contracts';
import { isApiError } from '../../../lib/api-client';
import { INITIAL_PAGE, guidePagination } from '../../../components/pagination';
import { useDevOutbox } from '../api/outbox.api';
import { PublicLayout } from '../../../components/PublicLayout';

type Sms = TOutbox['sms'][number];
type Captcha = TOutbox['captchas'][number];

function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('zh-CN', { hour12: false });
}

const smsColumns: ColumnsType<Sms> = [
  { title: '手机号码', dataIndex: 'phone', width: 140 },
  { title: '内容', dataIndex: 'text' },
  { title: '验证码', dataIndex: 'code', width: 100, render: (code: string | null) => code ?? '—' },
  { title: '发送时间', dataIndex: 'sentAt', width: 190, render: formatTime },
];

const captchaColumns: ColumnsType<Captcha> = [
  { title: '编号', dataIndex: 'id' },
  { title: '答案', dataIndex: 'answer', width: 120 },
];

/**
 * 发件箱 (development and test only): the SMS the system "sent" and the answers of the image
 * captchas, so registration can be tried without a phone. The server has no such endpoint in
 * production (404).
 */
export default function DevOutboxPage() {
  const outbox = useDevOutbox();
  const [smsPage, setSmsPage] = useState<{ page: number; pageSize: number }>(INITIAL_PAGE);
  const [captchaPage, setCaptchaPage] = useState<{ page: number; pageSize: number }>(INITIAL_PAGE);
  const sms = outbox.data?.sms ?? [];
  const captchas = outbox.data?.captchas ?? [];
  const notInProduction = isApiError(outbox.error) && outbox.error.status === 404;

  return (
    <PublicLayout title="开发环境发件箱" width="wide">
      {notInProduction ? (
        <Result status="404" title="生产环境不提供发件箱" subTitle="发件箱仅在开发和测试环境中提供。" />
      ) : (
        <>
          <Alert
            type="warning"
            showIcon
            className="outbox-note"
            message="此页面仅在非生产环境（开发、测试）中存在，用于查看系统发出的短信和图片验证码答案，每 2 秒自动刷新。"
          />
          {outbox.isError && (
            <Alert
              type="error"
              showIcon
              className="outbox-note"
              message={outbox.error.message}
              action={
                <Button size="small" onClick={() => void outbox.refetch()}>
                  重试
                </Button>
              }
            />
          )}
          <h2 className="public-section-title">短信</h2>
          <Table<Sms>
            rowKey={(r) => `${r.sentAt}|${r.phone}|${r.text}`}
            columns={smsColumns}
            dataSource={sms}
            loading={outbox.isPending}
            pagination={guidePagination({ ...smsPage, total: sms.length, onChange: (page, pageSize) => setSmsPage({ page, pageSize }) })}
            size="middle"
            scroll={sms.length ? { x: 720 } : undefined}
          />
          <h2 className="public-section-title">图片验证码</h2>
          <Table<Captcha>
            rowKey="id"
            columns={captchaColumns}
            dataSource={captchas}
            loading={outbox.isPending}
            pagination={guidePagination({
              ...captchaPage,
              total: captchas.length,
              onChange: (page, pageSize) => setCaptchaPage({ page, pageSize }),
            })}
            size="middle"
          />
        </>
      )}
    </PublicLayout>
  );
}
