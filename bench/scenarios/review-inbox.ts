import { runLoad } from '../lib/load';
import type { Scenario } from './types';

export const REVIEW_INBOX_PATH = `/api/reviews?tab=${encodeURIComponent('待审核')}&page=1&pageSize=15`;

/** The reviewer's 待审核 inbox (by deadline), first page and total, as demo_reviewer (省人社厅审批办). */
export const reviewInbox: Scenario = {
  name: 'review-inbox',
  run: (ctx) => {
    if (!ctx.reviewer) throw new Error('review-inbox needs the reviewer session');
    return runLoad({
      name: 'review-inbox',
      description: `GET ${decodeURIComponent(REVIEW_INBOX_PATH)} signed in as ${ctx.reviewer.account}`,
      baseUrl: ctx.baseUrl,
      requests: [{ path: REVIEW_INBOX_PATH }],
      headers: { cookie: ctx.reviewer.cookie },
      load: ctx.load,
      measure: ctx.measure,
    });
  },
};
