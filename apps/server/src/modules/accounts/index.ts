import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  ACCOUNT_STATUS_TEXT,
  AGENT_LIST_TITLES as AGENT_T,
  type TAgent,
  ZAgent,
  ZCaptcha,
  ZChangePasswordRequest,
  ZCreateAgentRequest,
  ZLoginWithCaptchaRequest,
  ZMeResponse,
  ZMyDepartment,
  ZOk,
  ZOutbox,
  ZQrScanInfo,
  ZQrStatus,
  ZQrTicket,
  ZRegisterRequest,
  ZResetPasswordRequest,
  ZSendSmsRequest,
  ZSendSmsResponse,
  ZSessionInfo,
  ZCaptchaAnswer,
} from '@jhrm/contracts';
import { CSRF_COOKIE, SESSION_COOKIE, setCsrfCookie, setSessionCookie } from '../../plugins/auth';
import { ANY_USER, CONSUMES_MULTIPART, requestMeta, zod } from '../../lib/routes';
import { withDocumentForm } from '../../lib/uploads';
import { sendListExport, streamListExport, type ExportColumn } from '../../lib/list-export';
import type { AppDeps } from '../../deps';
import type { SessionUser } from './sessions.service';
import { AccountsService, toSessionUserDto } from './accounts.service';
import { AgentsService } from './agents.service';
import { AppealsService, MAX_APPEAL_FILES } from './appeals.service';
import { QrLoginService } from './qr.service';
import { withPasswordAge } from './password-age';

const QR_COOKIE = 'jhrm_qr';

/** 经办人管理 as the table shows it (操作 aside): 身份证号 and 手机号码 masked as the list masks them. */
const AGENT_EXPORT_COLUMNS: ExportColumn<TAgent>[] = [
  { header: AGENT_T.name, value: (a) => a.name, width: 14 },
  { header: AGENT_T.account, value: (a) => a.account, width: 20 },
  { header: AGENT_T.idCard, value: (a) => a.idCard, width: 22 },
  { header: AGENT_T.phone, value: (a) => a.phone, width: 16 },
  { header: AGENT_T.status, value: (a) => ACCOUNT_STATUS_TEXT[a.status] },
  { header: AGENT_T.mustChangePassword, value: (a) => a.mustChangePassword },
  { header: AGENT_T.createdAt, value: (a) => new Date(a.createdAt), width: 18 },
];
const ZId = z.object({ id: z.uuid('编号格式不正确') });

export async function accountsRoutes(app: FastifyInstance, deps: AppDeps) {
  const accounts = new AccountsService(deps);
  const agents = new AgentsService(deps);
  const qr = new QrLoginService(deps);
  const appeals = new AppealsService(deps);
  const secure = deps.config.secureCookies;
  const r = zod(app);

  const signIn = async (reply: FastifyReply, s: { token: string; csrfToken: string; user: SessionUser }) => {
    setSessionCookie(reply, s.token, secure);
    setCsrfCookie(reply, s.csrfToken, secure);
    return { user: await withPasswordAge(deps, toSessionUserDto(s.user)), csrfToken: s.csrfToken };
  };

  // ── sign-in, sign-out, who am I ──────────────────────────────────────────────

  r.get('/api/auth/csrf', {
    config: { access: 'public' },
    schema: { tags: ['accounts'], summary: '获取 CSRF 令牌', response: { 200: z.object({ csrfToken: z.string() }) } },
    handler: async (req) => ({ csrfToken: req.auth?.csrfToken ?? req.cookies[CSRF_COOKIE]! }),
  });

  r.get('/api/auth/captcha', {
    config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { tags: ['accounts'], summary: '图片验证码（SVG）', response: { 200: ZCaptcha } },
    handler: async () => accounts.verification.createCaptcha(),
  });

  r.post('/api/auth/login', {
    config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { tags: ['accounts'], summary: '账号密码登录（连续失败3次后需图片验证码）', body: ZLoginWithCaptchaRequest, response: { 200: ZMeResponse } },
    handler: async (req, reply) => signIn(reply, await accounts.login(req.body, requestMeta(req))),
  });

  r.post('/api/auth/logout', {
    config: { access: ANY_USER, allowPendingPasswordChange: true },
    schema: { tags: ['accounts'], summary: '退出登录', response: { 200: ZOk } },
    handler: async (req, reply) => {
      await accounts.logout(req.auth!.user, req.auth!.sessionId, requestMeta(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  r.get('/api/auth/me', {
    config: { access: ANY_USER, allowPendingPasswordChange: true },
    schema: { tags: ['accounts'], summary: '当前登录用户', response: { 200: ZMeResponse } },
    handler: async (req) => ({ user: await withPasswordAge(deps, toSessionUserDto(req.auth!.user)), csrfToken: req.auth!.csrfToken }),
  });

  r.get('/api/auth/department', {
    config: { access: ANY_USER },
    schema: { tags: ['accounts'], summary: '本人所属审批部门（名称、编码、级别、上级部门；单位账号与管理员为 null）', response: { 200: ZMyDepartment } },
    handler: async (req) => ({ department: await accounts.departmentOf(req.auth!.user) }),
  });

  // ── 法人注册 ─────────────────────────────────────────────────────────────────

  r.post('/api/auth/sms-code', {
    config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { tags: ['accounts'], summary: '获取短信验证码（需图片验证码）', body: ZSendSmsRequest, response: { 200: ZSendSmsResponse } },
    handler: async (req) => {
      await accounts.verification.checkCaptcha(req.body.captchaId, req.body.captcha);
      return accounts.verification.sendSmsCode(req.body.phone, req.body.purpose);
    },
  });

  r.post('/api/auth/register', {
    config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { tags: ['accounts'], summary: '法人注册', body: ZRegisterRequest, response: { 200: z.object({ account: z.string() }) } },
    handler: async (req) => accounts.register(req.body, requestMeta(req)),
  });

  // ── 账号设置 ─────────────────────────────────────────────────────────────────

  r.post('/api/auth/password', {
    config: { access: ANY_USER, allowPendingPasswordChange: true },
    schema: { tags: ['accounts'], summary: '修改密码（结束该账号的所有会话）', body: ZChangePasswordRequest, response: { 200: ZOk } },
    handler: async (req, reply) => {
      await accounts.changePassword(req.auth!.user, req.body, requestMeta(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  r.get('/api/auth/sessions', {
    config: { access: ANY_USER },
    schema: { tags: ['accounts'], summary: '我的登录会话', response: { 200: z.array(ZSessionInfo) } },
    handler: async (req) => accounts.listSessions(req.auth!.user, req.auth!.sessionId),
  });

  r.delete('/api/auth/sessions/:id', {
    config: { access: ANY_USER },
    schema: { tags: ['accounts'], summary: '结束其他会话', params: ZId, response: { 200: ZOk } },
    handler: async (req) => {
      await accounts.endSession(req.auth!.user, req.params.id, requestMeta(req));
      return { ok: true as const };
    },
  });

  // ── 扫码登录 ─────────────────────────────────────────────────────────────────

  r.post('/api/auth/qr', {
    config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { tags: ['accounts'], summary: '生成登录二维码', response: { 200: ZQrTicket } },
    handler: async (_req, reply) => {
      const t = await qr.create();
      reply.setCookie(QR_COOKIE, t.secret, { path: '/api/auth/qr', httpOnly: true, sameSite: 'strict', secure });
      return { id: t.id, url: `/m/qr/${t.id}`, expiresAt: t.expiresAt.toISOString() };
    },
  });

  r.get('/api/auth/qr/:id', {
    config: { access: 'public' },
    schema: { tags: ['accounts'], summary: '电脑端查询扫码状态（确认后登录）', params: ZId, response: { 200: ZQrStatus } },
    handler: async (req, reply) => {
      const { status, userId } = await qr.poll(req.params.id, req.cookies[QR_COOKIE]);
      if (status !== 'confirmed' || !userId) return { status };
      reply.clearCookie(QR_COOKIE, { path: '/api/auth/qr' });
      return { status, me: await signIn(reply, await accounts.startSession(userId, requestMeta(req), 'qr')) };
    },
  });

  r.get('/api/auth/qr/:id/scan', {
    config: { access: ['agent'] },
    schema: { tags: ['accounts'], summary: '手机端打开扫码确认页', params: ZId, response: { 200: ZQrScanInfo } },
    handler: async (req) => {
      const s = await qr.scan(req.params.id);
      return { status: s.status, expiresAt: s.expiresAt.toISOString() };
    },
  });

  for (const decision of ['confirm', 'cancel'] as const) {
    r.post(`/api/auth/qr/:id/${decision}`, {
      config: { access: ['agent'] },
      schema: { tags: ['accounts'], summary: decision === 'confirm' ? '手机端确认登录' : '手机端取消登录', params: ZId, response: { 200: ZOk } },
      handler: async (req) => {
        await qr.decide(req.params.id, req.auth!.user, decision, req.ip);
        return { ok: true as const };
      },
    });
  }

  // ── 经办人管理 (legal person only) ─────────────────────────────────────────────

  r.get('/api/agents', {
    config: { access: ['legal'] },
    schema: { tags: ['accounts'], summary: '本单位经办人列表', response: { 200: z.array(ZAgent) } },
    handler: async (req) => agents.list(req.auth!.user.unitId!),
  });

  r.get('/api/agents/export', {
    config: { access: ['legal'] },
    schema: { tags: ['accounts'], summary: '导出本单位经办人列表（XLSX，身份证号与手机号码脱敏）' },
    handler: async (req, reply) => {
      const user = req.auth!.user;
      const unitId = user.unitId!;
      await deps.audit.record(deps.database.db, {
        action: 'agent.list.exported',
        actorId: user.id,
        actorAccount: user.account,
        actorRole: user.role,
        unitId,
        ip: req.ip,
        detail: {},
      });
      const stream = streamListExport('经办人管理', AGENT_EXPORT_COLUMNS, (page, pageSize) => agents.list(unitId, { page, pageSize }));
      return sendListExport(reply, '经办人', stream, deps.clock());
    },
  });

  r.post('/api/agents', {
    config: { access: ['legal'] },
    schema: { tags: ['accounts'], summary: '新增经办人', body: ZCreateAgentRequest, response: { 200: z.object({ id: z.string() }) } },
    handler: async (req) => agents.create(req.auth!.user, req.body, requestMeta(req)),
  });

  for (const [action, status] of [['disable', 'disabled'], ['enable', 'active']] as const) {
    r.post(`/api/agents/:id/${action}`, {
      config: { access: ['legal'] },
      schema: { tags: ['accounts'], summary: action === 'disable' ? '停用经办人' : '启用经办人', params: ZId, response: { 200: ZOk } },
      handler: async (req) => {
        await agents.setStatus(req.auth!.user, req.params.id, status, requestMeta(req));
        return { ok: true as const };
      },
    });
  }

  r.post('/api/agents/:id/reset-password', {
    config: { access: ['legal'] },
    schema: { tags: ['accounts'], summary: '重置经办人密码', params: ZId, body: ZResetPasswordRequest, response: { 200: ZOk } },
    handler: async (req) => {
      await agents.resetPassword(req.auth!.user, req.params.id, req.body.newPassword, requestMeta(req));
      return { ok: true as const };
    },
  });

  // ── 账号申诉 (public) ──────────────────────────────────────────────────────────

  r.post('/api/appeals', {
    config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags: ['accounts'],
      consumes: CONSUMES_MULTIPART,
      summary: '提交账号申诉（multipart：account, uscc, contact, phone, description, captchaId, captcha, 附件 PDF/JPG/PNG）',
      response: { 200: z.object({ id: z.string() }) },
    },
    handler: async (req) => {
      const meta = requestMeta(req);
      const opts = {
        maxFiles: MAX_APPEAL_FILES,
        uploader: { user: null, ip: meta.ip },
        beforeFiles: async (f: Record<string, string>) => {
          const answer = ZCaptchaAnswer.safeParse(f.captcha);
          await accounts.verification.checkCaptcha(f.captchaId, answer.success ? answer.data : undefined);
        },
      };
      return withDocumentForm(req, deps, opts, (form) => appeals.file(form, meta));
    },
  });

  // ── dev outbox (never in production) ───────────────────────────────────────────

  const outbox = deps.outbox;
  if (outbox) {
    r.get('/api/dev/outbox', {
      config: { access: 'public' },
      schema: { tags: ['dev'], summary: '开发环境发件箱：短信与图片验证码答案（生产环境不存在）', response: { 200: ZOutbox } },
      handler: async () => outbox.read(),
    });
  }
}
