/** The business system's tab bar as plain data: open pathnames, 主页 first and never closed. */

export const HOME_TAB = '/hr';

export function normalizeTabs(tabs: readonly string[], isKnown: (path: string) => boolean): string[] {
  const out = [HOME_TAB];
  for (const t of tabs) if (t !== HOME_TAB && !out.includes(t) && isKnown(t)) out.push(t);
  return out;
}

/** Opening a page adds its tab at the end, or keeps the list as is when it is already open. */
export function openTab(tabs: readonly string[], path: string): string[] {
  return tabs.includes(path) ? [...tabs] : [...tabs, path];
}

/**
 * Closing a tab. When it was the active one, its left neighbour becomes active (主页 at worst);
 * otherwise the active tab stays.
 */
export function closeTab(
  tabs: readonly string[],
  path: string,
  active: string,
): { tabs: string[]; active: string } {
  if (path === HOME_TAB) return { tabs: [...tabs], active };
  const index = tabs.indexOf(path);
  if (index < 0) return { tabs: [...tabs], active };
  const next = tabs.filter((t) => t !== path);
  if (path !== active) return { tabs: next, active };
  return { tabs: next, active: next[index - 1] ?? next[index] ?? HOME_TAB };
}

/**
 * A page that moved to another URL without being a new page (a new draft's first 保存 gives it
 * its own address): its tab takes the new path in place, rather than a second tab opening.
 */
export function replaceTab(tabs: readonly string[], from: string, to: string): string[] {
  if (from === HOME_TAB || !tabs.includes(from)) return openTab(tabs, to);
  return tabs.filter((t) => t !== to).map((t) => (t === from ? to : t));
}
