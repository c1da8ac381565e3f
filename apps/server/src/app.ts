import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { TErrorBody } from '@jhrm/contracts';
import type { AppDeps } from './deps';
import { findHostileUrl, HOSTILE_URL_MESSAGE } from './lib/hostile-text';
import { loggerOptions, RequestsAtDebug } from './lib/logger';
import { authPlugin } from './plugins/auth';
import { compressJsonPlugin } from './plugins/compress-json';
import { errorHandlerPlugin } from './plugins/error-handler';
import { hostileInputPlugin } from './plugins/hostile-input';
import { spaPlugin } from './plugins/spa';
import { staffReadsPlugin } from './plugins/staff-reads';
import { accountsRoutes } from './modules/accounts';
import { healthRoutes } from './modules/health';
import { institutionsRoutes } from './modules/unit-institutions';
import { adminRoutes } from './modules/admin';
import { auditViewerRoutes } from './modules/audit-viewer';
import { applicationsRoutes } from './modules/applications';
import { materialsRoutes } from './modules/materials';
import { documentsRoutes } from './modules/documents';
import { videoRoutes } from './modules/materials/video';
import { importsRoutes } from './modules/imports';
import { adminTodoRoutes } from './modules/admin-todo';
import { reviewsRoutes } from './modules/reviews';
import { notificationsRoutes } from './modules/notifications';
import { licencesRoutes } from './modules/licences';
import { registerRoutes } from './modules/register';
import { practitionersRoutes } from './modules/practitioners';
import { creditRoutes } from './modules/credit';
import { statisticsRoutes } from './modules/statistics';
import { statisticsAnalysisRoutes } from './modules/statistics-analysis';
import { inspectionsRoutes } from './modules/inspections';
import { postgresRateLimitStore } from './modules/rate-limits/rate-limit.store';

/** Every module's routes, in one list: adding a domain means adding a line here. */
const MODULES = [
  healthRoutes,
  accountsRoutes,
  institutionsRoutes,
  applicationsRoutes,
  adminRoutes,
  auditViewerRoutes,
  materialsRoutes,
  videoRoutes,
  documentsRoutes,
  importsRoutes,
  adminTodoRoutes,
  reviewsRoutes,
  notificationsRoutes,
  licencesRoutes,
  registerRoutes,
  practitionersRoutes,
  creditRoutes,
  statisticsRoutes,
  statisticsAnalysisRoutes,
  inspectionsRoutes,
];

const API_PATH = /^\/api(?:[/?]|$)/;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: loggerOptions(config.logLevel, { pretty: config.env === 'development' }),
    // development logs requests at debug, not two info lines for every asset and poll
    ...(config.env === 'development' ? { logController: new RequestsAtDebug() } : {}),
    // client addresses (per-IP limits, audit, sessions) come from X-Forwarded-For only via these proxies
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // while closing, a request that arrives on a kept-alive connection is answered as usual (below),
    // not refused with 503: nginx passes no POST on to another process
    return503OnClosing: false,
    // `reqId` in every log line; never reuse a client-supplied id
    genReqId: () => crypto.randomUUID(),
    // malformed URLs and bad content types are refused before routing, outside the error handler
    frameworkErrors: (error, req, reply) => {
      const unsupported = error.statusCode === 415;
      // a path the router cannot decode (%C0%80, %ED%A0%80) is hostile text too: the same answer the hook gives
      const hostile = unsupported ? [] : findHostileUrl(req.url, undefined);
      const body: TErrorBody = unsupported
        ? { code: 'UNSUPPORTED_MEDIA', message: '不支持的内容类型' }
        : hostile.length > 0
          ? { code: 'VALIDATION', message: HOSTILE_URL_MESSAGE, fieldErrors: hostile }
          : { code: 'VALIDATION', message: '请求格式不正确' };
      // no hooks run here: the API's no-store is set by hand
      void (reply as FastifyReply).status(unsupported ? 415 : 400).header('cache-control', 'no-store').send(body);
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorHandlerPlugin);
  // A rolling restart (SIGTERM, docs/deploy.md): close() stops accepting connections and closes the
  // idle ones; a connection busy at that moment would then stay open, idle in the proxy's keep-alive
  // pool, until keepAliveTimeout. Every answer from then on closes its connection instead, so the
  // proxy sends its next request elsewhere and the process exits once in-flight requests are done.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  // API answers carry personal data and a user's own state: no browser or proxy may keep a copy.
  // Set last (onSend), so it also covers errors and 404s; a route's own no-store stays as it is.
  app.addHook('onSend', async (req, reply) => {
    if (!API_PATH.test(req.url)) return;
    const current = reply.getHeader('cache-control');
    if (typeof current !== 'string' || !current.includes('no-store')) reply.header('cache-control', 'no-store');
  });
  // helmet's middleware built once: @fastify/helmet rebuilt it (parsing the CSP) on every request, ~6 % of a
  // small request's CPU; the headers are the same for every answer (no nonces)
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd renders its styles at run time (CSS-in-JS)
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // no TLS on http://localhost; a production proxy sets HSTS
    strictTransportSecurity: config.env === 'production',
  });
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, (err) => done(err as Error | undefined)));
  // request durations by route pattern, for Prometheus (decision 0036)
  app.addHook('onResponse', (req, reply, done) => {
    deps.metrics.requests.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: `${Math.floor(reply.statusCode / 100)}xx` },
      reply.elapsedTime / 1000,
    );
    done();
  });
  await app.register(cookie);
  // counters in the database, shared by every app process (decision 0037)
  await app.register(rateLimit, { global: false, store: postgresRateLimitStore(deps.database.db) });
  await app.register(multipart);
  // before auth: hostile text is refused before anything (a session lookup included) reads the request
  await app.register(hostileInputPlugin);
  await app.register(authPlugin, { sessions: deps.sessions, secureCookies: config.secureCookies });
  // session lookups are cached while this process hears the database's news of session changes (decision 0018)
  await deps.sessions.startCache(deps.database);
  app.addHook('onClose', () => deps.sessions.stopCache());
  await app.register(staffReadsPlugin, { db: deps.database.db, audit: deps.audit });
  // the last onSend hook: API JSON over 1 KB leaves compressed (decision 0019)
  await app.register(compressJsonPlugin);
  // A production server does not hand out a map of its API (decision 0016); API_DOCS=1 turns it on.
  if (config.apiDocs) {
    await app.register(swagger, {
      openapi: { info: { title: '吉林人力资源市场管理 API', version: '1.0.0' } },
      transform: jsonSchemaTransform,
    });
    // The UI's own CSP allows its inline bootstrap; the rest of the site keeps the strict one.
    await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  }

  for (const routes of MODULES) await app.register(async (scope) => routes(scope, deps));
  await app.register(spaPlugin, { webDist: config.webDist });
  return app;
}
