/** 消息中心 (the route table in app/hr/hr-routes.tsx declares it). No runtime imports: the shell uses this file. */
export const MESSAGES_PATH = '/hr/messages';
