import { runLoad } from '../lib/load';
import type { Scenario } from './types';

/** 3 characters, ~0.7 % of generated names (a 字号 ending in 达 before 人力资源…), as the issue measured */
export const REGISTER_KEYWORD = '达人力';
export const PUBLIC_REGISTER_PATH = `/api/public/register?keyword=${encodeURIComponent(REGISTER_KEYWORD)}&page=1&pageSize=15`;

/**
 * 公示查询: a keyword search over every institution on the register, no session. Each request
 * comes from another visitor address (X-Forwarded-For from 127.0.0.1, which the server trusts
 * for the run), so the per-address limit of 60 a minute is not what is measured.
 */
export const publicRegister: Scenario = {
  name: 'public-register',
  run: (ctx) =>
    runLoad({
      name: 'public-register',
      description: `GET ${decodeURIComponent(PUBLIC_REGISTER_PATH)} (public, many visitors)`,
      baseUrl: ctx.baseUrl,
      requests: [{ path: PUBLIC_REGISTER_PATH, manyVisitors: true }],
      load: ctx.load,
      measure: ctx.measure,
    }),
};
