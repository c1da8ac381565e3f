import { runLoad, type LoadRequest } from '../lib/load';
import type { Scenario } from './types';
import { DEFAULT_PAGE_SIZE } from '@jhrm/contracts';

/** The list request 主页 sends: the first page, with each row's 下一步 (openProblems). */
export const HOME_LIST_PATH = `/api/institutions?page=1&pageSize=${DEFAULT_PAGE_SIZE}&nextStep=1`;

/** whether the server hands out the SPA's index.html for a path (it does only with a built apps/web) */
async function servesHtml(baseUrl: string, path: string, cookie: string): Promise<{ ok: boolean; status: number }> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie }, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  return { ok: res.status === 200 && (res.headers.get('content-type') ?? '').includes('text/html') && /<html/i.test(text), status: res.status };
}

/**
 * A signed-in load of the 主页 (/hr): the HTML document, then the two API calls the page makes,
 * GET /api/auth/me (session restore) and the unit's institution list with its 下一步. Hashed JS/CSS assets are
 * left out: the browser caches them as immutable. Without a built SPA the HTML request is skipped.
 */
export const signedInPage: Scenario = {
  name: 'signed-in-page',
  async run(ctx) {
    const { cookie } = ctx.session;
    const notes: string[] = [];
    const requests: LoadRequest[] = [];
    const root = await servesHtml(ctx.baseUrl, '/', cookie);
    const hr = await servesHtml(ctx.baseUrl, '/hr', cookie);
    if (root.ok && hr.ok) requests.push({ path: '/hr' });
    else notes.push(`SPA not served (GET / → ${root.status}, GET /hr → ${hr.status}; build apps/web): HTML part skipped, API calls only`);
    requests.push({ path: '/api/auth/me' }, { path: HOME_LIST_PATH });

    const result = await runLoad({
      name: 'signed-in-page',
      description: `主页 load as ${ctx.session.account}: ${requests.map((r) => `GET ${r.path}`).join(' + ')}`,
      baseUrl: ctx.baseUrl,
      requests,
      headers: { cookie },
      load: ctx.load,
      measure: ctx.measure,
      notes,
    });
    result.extra.pageLoadsPerSec = Math.round(result.requestsPerSec / requests.length);
    return result;
  },
};
