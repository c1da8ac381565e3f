import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { AppErrorCode, type TRole } from '@jhrm/contracts';
import { AppError } from '../lib/app-error';
import { newToken, type AuthContext, type SessionService } from '../modules/accounts/sessions.service';
import { actorUnitId, type Actor } from '../modules/accounts/actor';

/**
 * Who may call a route. Every route declares it; there is no default.
 * `public`: anyone; a list of roles: a signed-in user with one of them.
 */
export type Access = 'public' | readonly TRole[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** reachable while the user still has to replace an initial password (me, logout, change password) */
    allowPendingPasswordChange?: boolean;
    /** polled by the page on its own (e.g. the unread count): not activity, so it keeps no session alive */
    background?: boolean;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyInstance {
    /** every route with its declared access, for the route-declaration test and the docs */
    routeAccess: { method: string; url: string; access: Access }[];
  }
}

export const SESSION_COOKIE = 'jhrm_sid';
export const CSRF_COOKIE = 'jhrm_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes a plugin registers for us (OpenAPI UI and its assets) are public documentation. */
const PUBLIC_PREFIXES = ['/api/docs'];

export interface AuthPluginOptions {
  sessions: SessionService;
  secureCookies: boolean;
}

export const authPlugin = fp(async (app: FastifyInstance, opts: AuthPluginOptions) => {
  app.decorate('routeAccess', []);
  app.decorateRequest('auth', null);

  app.addHook('onRoute', (route: RouteOptions) => {
    const url = route.url;
    const config = (route.config ?? {}) as { access?: Access };
    if (!config.access && PUBLIC_PREFIXES.some((p) => url.startsWith(p))) {
      route.config = { ...config, access: 'public' } as typeof route.config;
    }
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${url} declares no access (public or a list of roles).`);
    for (const method of [route.method].flat()) app.routeAccess.push({ method, url, access });
  });

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    // Every browser gets a CSRF cookie on its first response, so the login form can send it back.
    if (!req.cookies[CSRF_COOKIE]) {
      const token = newToken();
      req.cookies[CSRF_COOKIE] = token;
      setCsrfCookie(reply, token, opts.secureCookies);
    }
    const access = req.routeOptions.config.access;
    if (!access) return; // not-found handler: no route matched
    const token = req.cookies[SESSION_COOKIE];
    req.auth = token ? await opts.sessions.lookup(token, { touch: !req.routeOptions.config.background }) : null;
    if (token && !req.auth) reply.clearCookie(SESSION_COOKIE, { path: '/' });

    if (access !== 'public') {
      if (!req.auth) throw new AppError(AppErrorCode.UNAUTHENTICATED, '请先登录，或登录已过期，请重新登录');
      if (!access.includes(req.auth.user.role)) throw new AppError(AppErrorCode.FORBIDDEN, '您没有权限执行此操作');
      if (req.auth.user.mustChangePassword && !req.routeOptions.config.allowPendingPasswordChange) {
        throw new AppError(AppErrorCode.PASSWORD_CHANGE_REQUIRED, '请先修改密码（首次登录、密码被重置或密码已使用超过90天时须修改）');
      }
    }
    if (!SAFE_METHODS.has(req.method)) {
      // Double submit: the header must repeat the cookie, and a signed-in request must carry its session's token.
      const header = req.headers[CSRF_HEADER];
      const expected = req.auth ? req.auth.csrfToken : req.cookies[CSRF_COOKIE];
      if (typeof header !== 'string' || !expected || header !== expected) {
        throw new AppError(AppErrorCode.CSRF, '页面已过期，请刷新页面后重试');
      }
    }
  });
});

export function setCsrfCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(CSRF_COOKIE, token, { path: '/', sameSite: 'strict', secure, httpOnly: false });
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', sameSite: 'lax', secure, httpOnly: true });
}

/** The caller of a service, from the session of an authenticated route (config.access). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.auth) throw new AppError(AppErrorCode.UNAUTHENTICATED, '请先登录，或登录已过期，请重新登录');
  return { user: req.auth.user, ip: req.ip };
}

/** The unit a unit user acts for: always from the session, never from the request. */
export function sessionUnitId(req: FastifyRequest): string {
  return actorUnitId(actorOf(req));
}
