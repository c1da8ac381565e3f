import { renderToStaticMarkup } from 'react-dom/server';
import { StaticRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { REVIEW_TODO_DUE_SOON_DAYS } from '@jhrm/contracts';
import { TodoCounts } from '../../../components/TodoCounts';
import { DAYS_LEFT_FILTERS, presetAccepted, presetDaysLeft } from '../model/days-left';
import { reviewTodoItems } from './ReviewTodoCard';

const attr = (tag: string, name: string) => tag.match(new RegExp(`${name}="([^"]*)"`))?.[1] ?? '';
const links = (html: string) =>
  [...html.matchAll(/<a [^>]*>/g)].map(([tag]) => ({ href: attr(tag, 'href').replace(/&amp;/g, '&'), name: attr(tag, 'aria-label'), urgent: attr(tag, 'class').includes('is-urgent') }));

describe('the reviewer 主页 待办', () => {
  it('links each count to 待审核 with the 剩余天数 the server counted it by', () => {
    const html = renderToStaticMarkup(
      <StaticRouter location="/hr">
        <TodoCounts items={reviewTodoItems({ pending: 7, toAccept: 4, dueSoon: 2, overdue: 0 })} />
      </StaticRouter>,
    );
    expect(links(html)).toEqual([
      { href: '/hr/reviews/pending', name: '待审核 7 件', urgent: false },
      { href: `/hr/reviews/pending?accepted=${encodeURIComponent('待受理')}`, name: '待受理 4 件', urgent: false },
      { href: '/hr/reviews/pending?maxDaysLeft=3', name: '3个工作日内到期 2 件', urgent: true },
      // nothing overdue: not red
      { href: '/hr/reviews/pending?maxDaysLeft=-1', name: '已超期 0 件', urgent: false },
    ]);
    expect(html).toContain('含已超期');
  });

  it('reads back exactly what the links preset, and nothing the filter does not offer', () => {
    // the 待办's "due soon" is one of the 剩余天数 filter's own choices
    expect(DAYS_LEFT_FILTERS.map((d) => d.value)).toContain(REVIEW_TODO_DUE_SOON_DAYS);
    for (const item of reviewTodoItems({ pending: 1, toAccept: 1, dueSoon: 1, overdue: 1 })) {
      const search = new URLSearchParams(item.to.split('?')[1] ?? '');
      expect(presetDaysLeft(search)).toBe(search.has('maxDaysLeft') ? Number(search.get('maxDaysLeft')) : undefined);
      expect(presetAccepted(search)).toBe(search.get('accepted') ?? undefined);
    }
    expect(presetDaysLeft(new URLSearchParams('maxDaysLeft=4'))).toBeUndefined();
    expect(presetDaysLeft(new URLSearchParams('maxDaysLeft=abc'))).toBeUndefined();
    expect(presetDaysLeft(new URLSearchParams('maxDaysLeft=3.5'))).toBeUndefined();
    expect(presetDaysLeft(new URLSearchParams('maxDaysLeft=-1'))).toBe(-1);
  });
});
