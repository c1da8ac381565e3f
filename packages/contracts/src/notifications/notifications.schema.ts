import { z } from 'zod';
import { ZPageQuery } from '../common';

/** 消息中心: one message to the signed-in user. */
export const ZNotification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** the page of the web app the message is about */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationQuery = ZPageQuery.extend({
  /** 1 = unread only */
  unread: z.enum(['1', '0']).optional(),
});
export type TNotificationQuery = z.infer<typeof ZNotificationQuery>;

export const ZUnreadCount = z.object({ unread: z.number().int() });
export type TUnreadCount = z.infer<typeof ZUnreadCount>;
