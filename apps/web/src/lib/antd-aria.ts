/**
 * antd's Tabs put role="tablist" on the whole nav bar, which also holds the "more tabs" button
 * that appears once the tabs overflow (on a phone, after a few pages are open): a button is not
 * allowed inside a tablist (axe aria-required-children, critical). The role belongs on the list
 * of tabs itself; this moves it there for every Tabs under `root`, now and as they mount.
 */
export function fixTablists(root: ParentNode): void {
  root.querySelectorAll('.ant-tabs-nav[role="tablist"]').forEach((nav) => {
    const list = nav.querySelector(':scope > .ant-tabs-nav-wrap > .ant-tabs-nav-list');
    if (!list) return;
    list.setAttribute('role', 'tablist');
    const orientation = nav.getAttribute('aria-orientation');
    if (orientation) list.setAttribute('aria-orientation', orientation);
    nav.removeAttribute('role');
    nav.removeAttribute('aria-orientation');
  });
}

/**
 * A table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1; axe
 * scrollable-region-focusable): antd renders the scrolling element itself and takes no tabIndex
 * for it, so every `.ant-table-content` under `root` is made focusable.
 */
export function focusableScrollRegions(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>('.ant-table-content')) {
    if (!el.hasAttribute('tabindex')) el.tabIndex = 0;
  }
}

/** Keeps both fixes applied under `root` (the business system's pages) while it lives; returns the cleanup. */
export function watchAntdAria(root: Element): () => void {
  const fix = () => {
    fixTablists(root);
    focusableScrollRegions(root);
  };
  fix();
  const observer = new MutationObserver(fix);
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
