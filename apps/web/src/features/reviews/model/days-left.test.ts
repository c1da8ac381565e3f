import { describe, expect, it } from 'vitest';
import { daysLeftDisplay } from './days-left';

describe('剩余工作日', () => {
  it('is red and counts the days past the limit when overdue', () => {
    expect(daysLeftDisplay(-2)).toEqual({ text: '已超期2个工作日', tone: 'danger', urgent: true });
  });

  it('is orange on the due day and within three working days', () => {
    expect(daysLeftDisplay(0)).toMatchObject({ text: '今日到期', tone: 'warning' });
    expect(daysLeftDisplay(3)).toMatchObject({ text: '剩余3个工作日', tone: 'warning' });
  });

  it('is plain with more time left, and absent once decided', () => {
    expect(daysLeftDisplay(4)).toEqual({ text: '剩余4个工作日', tone: 'neutral', urgent: false });
    expect(daysLeftDisplay(null)).toBeNull();
  });
});
