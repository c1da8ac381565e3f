import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { QRCode } from 'antd';
import { CheckCircleFilled, ReloadOutlined } from '@ant-design/icons';
import { isApiError } from '../../../lib/api-client';
import { setSession } from '../../../lib/session';
import { Spinner } from '../../../components/Spinner';
import { createQrTicket, pollQrTicket } from '../api/qr.api';
import { afterLoginPath } from '../paths';
import { QR_LIFETIME_MS, QR_POLL_MS, QR_TEXT, isWaiting, qrCodeStatus, qrHint, qrTarget, type QrPhase } from './qr-login';
import './qr-login.css';

interface Ticket {
  id: string;
  target: string;
  /** local clock; the server's verdict (expired) wins if the clocks disagree */
  deadline: number;
}

/**
 * 扫码登录 (desktop): shows a QR of this system's confirm page for a fresh ticket, asks the server
 * every second while visible, and signs in when the phone confirms. Loaded only when the tab is
 * opened; unmounting (switching tabs) stops the polling.
 */
export default function QrLoginPanel() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [phase, setPhase] = useState<QrPhase>('loading');
  const [failure, setFailure] = useState<string | null>(null);
  const generation = useRef(0);
  const started = useRef(false);

  const issue = useCallback(async () => {
    const mine = ++generation.current;
    setPhase('loading');
    setFailure(null);
    try {
      const t = await createQrTicket();
      if (mine !== generation.current) return;
      setTicket({ id: t.id, target: qrTarget(window.location.origin, t.url), deadline: Date.now() + QR_LIFETIME_MS });
      setPhase('pending');
    } catch (e) {
      if (mine !== generation.current) return;
      setTicket(null);
      setFailure(isApiError(e) ? e.message : '二维码获取失败，请点击刷新');
      setPhase('failed');
    }
  }, []);

  useEffect(() => {
    // Once per mount, also under StrictMode: each ticket sets the browser's ticket cookie.
    if (started.current) return;
    started.current = true;
    void issue();
  }, [issue]);

  const waiting = ticket !== null && isWaiting(phase);
  useEffect(() => {
    if (!waiting || !ticket) return;
    const mine = generation.current;
    const controller = new AbortController();
    let timer: number | undefined;

    const tick = async () => {
      if (Date.now() >= ticket.deadline) {
        setPhase('expired');
        return;
      }
      // Ask only while the page is visible; a hidden tab checks again when it is shown.
      if (document.visibilityState !== 'hidden') {
        try {
          const s = await pollQrTicket(ticket.id, controller.signal);
          if (mine !== generation.current || controller.signal.aborted) return;
          if (s.status === 'confirmed') {
            if (s.me) {
              setSession(queryClient, s.me);
              void navigate(afterLoginPath(s.me.user), { replace: true });
            } else {
              setPhase('expired');
            }
            return;
          }
          setPhase(s.status);
          if (!isWaiting(s.status)) return;
        } catch (e) {
          if (controller.signal.aborted || mine !== generation.current) return;
          // A ticket the server no longer knows (or not of this browser) cannot recover; a
          // network blip can: keep asking.
          if (isApiError(e) && e.status >= 400 && e.status < 500) {
            setFailure(e.message);
            setPhase('failed');
            return;
          }
        }
      }
      timer = window.setTimeout(() => void tick(), QR_POLL_MS);
    };

    timer = window.setTimeout(() => void tick(), QR_POLL_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
    // The loop restarts only for a new ticket or when waiting starts/stops; scanned ↔ pending
    // keep the same loop.
  }, [waiting, ticket, queryClient, navigate]);

  const refresh = () => void issue();

  return (
    <div className="qr-login">
      <div className="qr-login-code">
        <QRCode
          value={ticket?.target ?? 'about:blank'}
          size={184}
          errorLevel="M"
          status={qrCodeStatus(phase)}
          onRefresh={refresh}
          statusRender={() => <QrOverlay phase={phase} onRefresh={refresh} />}
          aria-label={ticket ? '扫码登录二维码' : undefined}
        />
      </div>
      <p className="qr-login-hint" aria-live="polite">
        {qrHint(phase, failure)}
      </p>
      {ticket && isWaiting(phase) && (
        <p className="qr-login-link">
          手机浏览器打开此链接：
          <span data-testid="qr-url">{ticket.target}</span>
        </p>
      )}
    </div>
  );
}

function QrOverlay({ phase, onRefresh }: { phase: QrPhase; onRefresh: () => void }) {
  if (phase === 'loading') return <Spinner label={QR_TEXT.loading} />;
  if (phase === 'scanned') {
    return (
      <span className="qr-login-overlay-text qr-login-scanned">
        <CheckCircleFilled aria-hidden /> 已扫码
      </span>
    );
  }
  const title = phase === 'cancelled' ? QR_TEXT.cancelled : phase === 'expired' ? QR_TEXT.expired : phase === 'used' ? QR_TEXT.used : '二维码获取失败';
  return (
    <button type="button" className="qr-login-refresh" onClick={onRefresh}>
      <span className="qr-login-overlay-text">{title}</span>
      <span className="qr-login-refresh-action">
        <ReloadOutlined aria-hidden /> {QR_TEXT.refresh}
      </span>
    </button>
  );
}
