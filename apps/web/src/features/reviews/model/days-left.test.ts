import { describe, expect, it } from 'vitest';
import { daysLeftDisplay } from './days-left';

describe('剩余天数', () => {
  it('is red and counts the days past the limit when overdue', () => {
    expect(daysLeftDisplay(-2)).toEqual({ text: '已超期2天', tone: 'danger', urgent: true });
  });

  it('is orange on the due day and within three working days', () => {
    expect(daysLeftDisplay(0)).toMatchObject({ text: '今日到期', tone: 'warning' });
    expect(daysLeftDisplay(3)).toMatchObject({ text: '剩余3天', tone: 'warning' });
  });

  it('is plain with more time left, and absent once decided', () => {
    expect(daysLeftDisplay(4)).toEqual({ text: '剩余4天', tone: 'neutral', urgent: false });
    expect(daysLeftDisplay(null)).toBeNull();
  });
});
