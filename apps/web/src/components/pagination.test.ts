import { describe, expect, it, vi } from 'vitest';
import { guidePagerText, guidePagination } from './pagination';

describe('guide pager', () => {
  it('says 第 N 页 共 M 页 显示 a 到 b, 共 T 记录 like the guide', () => {
    expect(guidePagerText(1, 15, 13)).toBe('第 1 页 共 1 页 显示 1 到 13, 共 13 记录');
    expect(guidePagerText(2, 15, 23)).toBe('第 2 页 共 2 页 显示 16 到 23, 共 23 记录');
    expect(guidePagerText(1, 15, 0)).toBe('第 1 页 共 1 页 显示 0 到 0, 共 0 记录');
  });

  it('goes back to page 1 when the page size changes', () => {
    const onChange = vi.fn();
    const config = guidePagination({ page: 3, pageSize: 15, total: 100, onChange });
    config.onChange?.(3, 50);
    expect(onChange).toHaveBeenLastCalledWith(1, 50);
    config.onChange?.(4, 15);
    expect(onChange).toHaveBeenLastCalledWith(4, 15);
    expect(config.pageSize).toBe(15);
    expect(config.showSizeChanger).toBe(true);
  });
});
