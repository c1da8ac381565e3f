import { describe, expect, it } from 'vitest';
import { closeTab, HOME_TAB, normalizeTabs, openTab, replaceTab } from './tabs';

describe('business system tabs', () => {
  it('always starts with 主页 and drops unknown or duplicate paths from storage', () => {
    const known = (p: string) => p === '/hr/a' || p === '/hr/b';
    expect(normalizeTabs(['/hr/b', '/hr/x', '/hr/b', HOME_TAB, '/hr/a'], known)).toEqual([HOME_TAB, '/hr/b', '/hr/a']);
    expect(normalizeTabs([], known)).toEqual([HOME_TAB]);
  });

  it('opens a page at the end, or keeps the tabs when it is already open', () => {
    expect(openTab([HOME_TAB], '/hr/a')).toEqual([HOME_TAB, '/hr/a']);
    expect(openTab([HOME_TAB, '/hr/a', '/hr/b'], '/hr/a')).toEqual([HOME_TAB, '/hr/a', '/hr/b']);
  });

  it('never closes 主页', () => {
    expect(closeTab([HOME_TAB, '/hr/a'], HOME_TAB, HOME_TAB)).toEqual({ tabs: [HOME_TAB, '/hr/a'], active: HOME_TAB });
  });

  it('closing the active tab activates its left neighbour', () => {
    expect(closeTab([HOME_TAB, '/hr/a', '/hr/b', '/hr/c'], '/hr/b', '/hr/b')).toEqual({
      tabs: [HOME_TAB, '/hr/a', '/hr/c'],
      active: '/hr/a',
    });
    expect(closeTab([HOME_TAB, '/hr/a'], '/hr/a', '/hr/a')).toEqual({ tabs: [HOME_TAB], active: HOME_TAB });
  });

  it('closing another tab keeps the active one', () => {
    expect(closeTab([HOME_TAB, '/hr/a', '/hr/b'], '/hr/a', '/hr/b')).toEqual({ tabs: [HOME_TAB, '/hr/b'], active: '/hr/b' });
  });
});

describe('a page moving to its own URL', () => {
  it('keeps its tab in place under the new path', () => {
    expect(replaceTab(['/hr', '/hr/a', '/hr/new', '/hr/b'], '/hr/new', '/hr/new/1')).toEqual(['/hr', '/hr/a', '/hr/new/1', '/hr/b']);
  });

  it('opens a tab when the old one is gone, never replaces 主页, and never duplicates', () => {
    expect(replaceTab(['/hr', '/hr/a'], '/hr/new', '/hr/new/1')).toEqual(['/hr', '/hr/a', '/hr/new/1']);
    expect(replaceTab(['/hr'], '/hr', '/hr/x')).toEqual(['/hr', '/hr/x']);
    expect(replaceTab(['/hr', '/hr/new', '/hr/new/1'], '/hr/new', '/hr/new/1')).toEqual(['/hr', '/hr/new/1']);
  });
});
