import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import type { TInstitutionListItem } from '@jhrm/contracts';

/** An institution in force as the unit's list gives it, with `over` applied (the row-actions tests). */
export const listRow = (over: Partial<TInstitutionListItem>): TInstitutionListItem => ({
  id: 'i1',
  name: '吉林省博润人力资源有限公司',
  shortName: null,
  uscc: '91220101MA17BRUN15',
  licensed: true,
  reviewStatus: '审核通过',
  cancelStatus: '正常',
  kind: '许可',
  applicationId: 'a1',
  acceptedAt: null,
  licenceId: 'l1',
  actions: ['查看'],
  cancellation: null,
  change: null,
  openProblems: null,
  ...over,
});

export const renderRow = (element: ReactElement) => renderToStaticMarkup(<MemoryRouter>{element}</MemoryRouter>);
/** The links of rendered markup as [text, href]. */
export const links = (html: string) => [...html.matchAll(/<a[^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/g)].map((m) => [m[2], m[1]]);
export const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
