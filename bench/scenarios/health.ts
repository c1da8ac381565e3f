import { runLoad } from '../lib/load';
import type { Scenario } from './types';

/** GET /api/health: Fastify + one `SELECT 1` round trip, no session. The floor under every other figure. */
export const health: Scenario = {
  name: 'health',
  run: (ctx) =>
    runLoad({
      name: 'health',
      description: 'GET /api/health (public, SELECT 1)',
      baseUrl: ctx.baseUrl,
      requests: [{ path: '/api/health' }],
      load: ctx.load,
      measure: ctx.measure,
    }),
};
