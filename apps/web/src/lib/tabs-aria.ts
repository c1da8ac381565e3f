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

/** Keeps `fixTablists` applied under `root` while it lives; returns the cleanup. */
export function watchTablists(root: Element): () => void {
  fixTablists(root);
  const observer = new MutationObserver(() => fixTablists(root));
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
