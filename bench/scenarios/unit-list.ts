import { runLoad } from '../lib/load';
import type { Scenario } from './types';

export const UNIT_LIST_PATH = '/api/institutions?page=1&pageSize=15';

/**
 * The budgeted request on its own: a unit's 查询 list, first page, with session lookup and the
 * permission check included (bench/budgets.json: p95 ≤ 25 ms at 32 connections).
 */
export const unitList: Scenario = {
  name: 'unit-list',
  run: (ctx) =>
    runLoad({
      name: 'unit-list',
      description: `GET ${UNIT_LIST_PATH} signed in as ${ctx.session.account}`,
      baseUrl: ctx.baseUrl,
      requests: [{ path: UNIT_LIST_PATH }],
      headers: { cookie: ctx.session.cookie },
      load: ctx.load,
      measure: ctx.measure,
    }),
};

export const UNIT_LIST_BY_NAME_PATH = `/api/institutions?page=1&pageSize=15&name=${encodeURIComponent('人力资源')}`;

/** The same list with a 机构名称 substring filter. */
export const unitListByName: Scenario = {
  name: 'unit-list-name',
  run: (ctx) =>
    runLoad({
      name: 'unit-list-name',
      description: `GET ${UNIT_LIST_BY_NAME_PATH} signed in as ${ctx.session.account}`,
      baseUrl: ctx.baseUrl,
      requests: [{ path: UNIT_LIST_BY_NAME_PATH }],
      headers: { cookie: ctx.session.cookie },
      load: ctx.load,
      measure: ctx.measure,
    }),
};
