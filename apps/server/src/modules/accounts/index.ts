import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZLoginRequest, ZMeResponse, ZOk } from '@jhrm/contracts';
import { CSRF_COOKIE, SESSION_COOKIE, setCsrfCookie, setSessionCookie } from '../../plugins/auth';
import { ANY_USER, requestMeta, zod } from '../../lib/routes';
import type { AppDeps } from '../../deps';
import { AccountsService, toSessionUserDto } from './accounts.service';

export async function accountsRoutes(app: FastifyInstance, deps: AppDeps) {
  const service = new AccountsService(deps);
  const secure = deps.config.secureCookies;
  const r = zod(app);

  r.get('/api/auth/csrf', {
    config: { access: 'public' },
    schema: { tags: ['accounts'], summary: '获取 CSRF 令牌', response: { 200: z.object({ csrfToken: z.string() }) } },
    handler: async (req) => ({ csrfToken: req.auth?.csrfToken ?? req.cookies[CSRF_COOKIE]! }),
  });

  r.post('/api/auth/login', {
    config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { tags: ['accounts'], summary: '账号密码登录', body: ZLoginRequest, response: { 200: ZMeResponse } },
    handler: async (req, reply) => {
      const { token, csrfToken } = await service.login(req.body.account, req.body.password, requestMeta(req));
      setSessionCookie(reply, token, secure);
      setCsrfCookie(reply, csrfToken, secure);
      const auth = await deps.sessions.lookup(token);
      return { user: toSessionUserDto(auth!.user), csrfToken };
    },
  });

  r.post('/api/auth/logout', {
    config: { access: ANY_USER },
    schema: { tags: ['accounts'], summary: '退出登录', response: { 200: ZOk } },
    handler: async (req, reply) => {
      await service.logout(req.auth!.user, req.auth!.sessionId, requestMeta(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  r.get('/api/auth/me', {
    config: { access: ANY_USER },
    schema: { tags: ['accounts'], summary: '当前登录用户', response: { 200: ZMeResponse } },
    handler: async (req) => ({ user: toSessionUserDto(req.auth!.user), csrfToken: req.auth!.csrfToken }),
  });
}
