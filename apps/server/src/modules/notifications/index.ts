import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZNotification, ZNotificationQuery, ZPage, ZUnreadCount } from '@jhrm/contracts';
import { ANY_USER, zod } from '../../lib/routes';
import type { AppDeps } from '../../deps';
import { NotificationsService } from './notifications.service';

const ZId = z.object({ id: z.uuid('编号格式不正确') });

/** 消息中心: the signed-in user's own messages only. */
export async function notificationsRoutes(app: FastifyInstance, deps: AppDeps) {
  const service = new NotificationsService(deps);
  const r = zod(app);

  r.get('/api/notifications', {
    config: { access: ANY_USER },
    schema: { tags: ['notifications'], summary: '消息中心（本人的消息，最新的在前；unread=1 只看未读）', querystring: ZNotificationQuery, response: { 200: ZPage(ZNotification) } },
    handler: async (req) => service.list(req.auth!.user.id, req.query),
  });

  r.get('/api/notifications/unread-count', {
    config: { access: ANY_USER, background: true },
    schema: { tags: ['notifications'], summary: '未读消息数', response: { 200: ZUnreadCount } },
    handler: async (req) => ({ unread: await service.unreadCount(req.auth!.user.id) }),
  });

  r.post('/api/notifications/:id/read', {
    config: { access: ANY_USER },
    schema: { tags: ['notifications'], summary: '标为已读', params: ZId, response: { 200: ZNotification } },
    handler: async (req) => service.markRead(req.auth!.user.id, req.params.id),
  });

  r.post('/api/notifications/read-all', {
    config: { access: ANY_USER },
    schema: { tags: ['notifications'], summary: '全部标为已读', response: { 200: z.object({ updated: z.number().int() }) } },
    handler: async (req) => ({ updated: await service.markAllRead(req.auth!.user.id) }),
  });
}
